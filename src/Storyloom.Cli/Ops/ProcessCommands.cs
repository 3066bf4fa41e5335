using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Ops;

/// <summary><c>storyloom status</c> and <c>storyloom stop</c>: the `serve` and `worker` processes of a data folder, from their pid files.</summary>
internal static class ProcessCommands
{
    public static Command Status(IAnsiConsole console)
    {
        var command = new Command("status", "What runs from this data folder: pid, role, address, uptime, and the API's readiness.") { ServerHost.Data };
        command.SetAction(async (parse, ct) =>
        {
            var data = PidFile.DataDirectory(parse.GetValue(ServerHost.Data));
            var processes = PidFile.Read(data);
            RemoveStale(console, processes);
            var live = processes.Where(p => p.State != ProcessState.Stale).ToList();
            if (live.Count == 0)
            {
                console.WriteLine($"Nothing is running from {data}.");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("role", "pid", "address", "uptime", "health");
            foreach (var p in live)
            {
                var health = p.State == ProcessState.Elsewhere ? $"on {p.Record.Machine} (not checked from here)"
                    : p.Record.Role == PidFile.Serve && p.Record.Address is { } address ? await ReadinessAsync(address, ct)
                    : "running";
                table.AddRow(p.Record.Role, p.Record.Pid.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Record.Address ?? "—"),
                    Uptime(DateTime.UtcNow - p.Record.StartedAt), Markup.Escape(health));
            }
            console.Write(table);
            console.WriteLine($"{live.Count} process(es) from {data}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Stop(IAnsiConsole console)
    {
        var role = new Option<string?>("--role") { Description = "Only serve or only worker processes" };
        var pid = new Option<int?>("--pid") { Description = "Only this process" };
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long to wait for a graceful exit (default 30s; e.g. 10s, 2m)",
            DefaultValueFactory = _ => "30s",
        };
        var command = new Command("stop", "Stop this data folder's serve and worker processes gracefully (SIGTERM, then wait for the running steps to save).")
        {
            role, pid, timeout, ServerHost.Data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var wait = Durations.Parse(parse.GetValue(timeout)!, "--timeout");
            if (parse.GetValue(role) is { } r && r is not (PidFile.Serve or PidFile.Worker))
            {
                throw new UsageException($"--role is '{r}'; use serve or worker");
            }
            var data = PidFile.DataDirectory(parse.GetValue(ServerHost.Data));
            var processes = PidFile.Read(data);
            RemoveStale(console, processes);
            var targets = processes.Where(p => p.State == ProcessState.Running
                && (parse.GetValue(role) is not { } only || p.Record.Role == only)
                && (parse.GetValue(pid) is not { } id || p.Record.Pid == id)).ToList();
            foreach (var elsewhere in processes.Where(p => p.State == ProcessState.Elsewhere))
            {
                console.WriteLine($"Not stopping {elsewhere.Record.Role} {elsewhere.Record.Pid}: it runs on {elsewhere.Record.Machine}; run `storyloom stop` there.");
            }
            if (targets.Count == 0)
            {
                if (parse.GetValue(pid) is { } missing)
                {
                    throw new UsageException($"no serve or worker process {missing} runs from {data}; see `storyloom status`");
                }
                console.WriteLine($"Nothing is running from {data}.");
                return ExitCodes.Ok;
            }
            var results = await Task.WhenAll(targets.Select(t => StopOneAsync(t, wait, ct)));
            foreach (var (target, seconds) in targets.Zip(results))
            {
                if (seconds is { } s)
                {
                    console.WriteLine($"Stopped {target.Record.Role} {target.Record.Pid} in {s:0.0} s.");
                }
            }
            var stuck = targets.Zip(results).Where(x => x.Second is null).Select(x => x.First.Record).ToList();
            if (stuck.Count > 0)
            {
                var which = string.Join(", ", stuck.Select(s => $"{s.Role} {s.Pid}"));
                var pids = string.Join(" ", stuck.Select(s => s.Pid));
                throw new StopTimeoutException($"{which} did not stop within {Durations.Format(wait)}; it may still be saving a step: "
                    + $"wait and run `storyloom stop` again, or end it now with `kill -KILL {pids}` (its book resumes from the last saved step)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A process that outlived the timeout: exit code 1, the line says what to do.</summary>
    internal sealed class StopTimeoutException(string message) : Exception(message);

    private static async Task<double?> StopOneAsync(RunningProcess target, TimeSpan wait, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (!PidFile.Terminate(target.Record.Pid))
        {
            return 0; // Gone between reading the file and the signal.
        }
        while (PidFile.IsAlive(target.Record))
        {
            if (clock.Elapsed > wait)
            {
                return null;
            }
            await Task.Delay(100, ct);
        }
        // A process that was killed mid-way leaves its file; one that exited cleanly removed it already.
        File.Delete(target.Path);
        return clock.Elapsed.TotalSeconds;
    }

    private static void RemoveStale(IAnsiConsole console, IReadOnlyList<RunningProcess> processes)
    {
        foreach (var stale in processes.Where(p => p.State == ProcessState.Stale))
        {
            File.Delete(stale.Path);
            console.WriteLine($"Removed a stale pid file: {stale.Record.Role} {stale.Record.Pid} is no longer running (it did not exit cleanly).");
        }
    }

    private static async Task<string> ReadinessAsync(string address, CancellationToken ct)
    {
        var uri = new UriBuilder(address);
        // A server listening on every interface answers on loopback.
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/health/ready";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri.Uri, ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (response.IsSuccessStatusCode)
            {
                return "ready";
            }
            var failing = body.RootElement.TryGetProperty("checks", out var checks)
                ? checks.EnumerateObject().Where(c => c.Value.GetProperty("status").GetString() != "healthy")
                    .Select(c => c.Value.TryGetProperty("detail", out var detail) ? $"{c.Name}: {detail.GetString()}" : $"{c.Name} {c.Value.GetProperty("status").GetString()}")
                : [];
            // Details are for administrators only; storyloom doctor checks the same things here with every detail.
            return $"not ready ({string.Join("; ", failing)}; details: storyloom doctor)";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return $"no answer from {uri.Uri} ({e.Message.Split('\n')[0].TrimEnd('.')})";
        }
    }

    internal static string Uptime(TimeSpan t) => t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours}h"
        : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds}s"
        : $"{Math.Max(0, (int)t.TotalSeconds)}s";
}

/// <summary>"30s", "10m", "12h", "7d" for the command line.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        var t = text.Trim();
        if (t.Length >= 2 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            TimeSpan? value = char.ToLowerInvariant(t[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (value is { } v)
            {
                return v;
            }
        }
        throw new UsageException($"{option} is '{text}'; give a number and a unit, like 30s, 10m, 12h or 7d");
    }

    public static string Format(TimeSpan t) => t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0}d"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0}m"
        : $"{t.TotalSeconds:0.#}s";
}
