using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Sdk;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>
/// Real `storyloom` processes (the CLI built beside the tests): workers for the cluster tests, and `serve` for the scaled-out
/// test. Each keeps its last output lines, so a failing test can say what the process said.
/// </summary>
public static class StoryloomProcesses
{
    private static readonly ConcurrentDictionary<int, ConcurrentQueue<string>> Tails = new();

    /// <summary>`dotnet storyloom.dll {args}` with these environment variables (a null value removes one).</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "storyloom.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new XunitException($"could not start dotnet storyloom.dll {string.Join(' ', start.ArgumentList.Skip(1))}");
        var tail = Tails.GetOrAdd(process.Id, _ => new ConcurrentQueue<string>());
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            tail.Enqueue(line);
            while (tail.Count > 40 && tail.TryDequeue(out _))
            {
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A `storyloom worker` (two books at a time) on SQLite in <paramref name="data"/>, or on PostgreSQL with <paramref name="connection"/>.</summary>
    public static Process StartWorker(string data, string? connection, string artLog, IDictionary<string, string?>? more = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Storyloom__Database__Provider"] = connection is null ? "sqlite" : "postgres",
            ["Storyloom__Database__ConnectionString"] = connection,
            ["Storyloom__Jobs__ArtCallLog"] = artLog,
            ["Storyloom__Jobs__SimulatedArtLatency"] = "00:00:00.200",
            ["Storyloom__Jobs__CheckinInterval"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            environment[k] = v;
        }
        return Start(["worker", "--data", data, "--concurrency", "2"], environment);
    }

    /// <summary>The last lines the process wrote (stdout and stderr), for a failure message.</summary>
    public static string Tail(Process process) =>
        Tails.TryGetValue(process.Id, out var tail) ? string.Join(Environment.NewLine, tail) : "";

    /// <summary>Kills each process still running, with its children, and waits for it.</summary>
    public static async Task StopAllAsync(IEnumerable<Process> processes)
    {
        foreach (var p in processes)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(CancellationToken.None);
            }
        }
    }
}
