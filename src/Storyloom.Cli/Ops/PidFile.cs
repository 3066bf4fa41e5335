using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Storyloom.Cli.Ops;

/// <summary>What a running `serve` or `worker` says about itself in <c>{data}/run/{role}-{pid}.json</c>.</summary>
internal sealed record PidRecord(int Pid, string Role, string? Address, DateTime StartedAt, string Machine, string DataDirectory);

/// <summary>A pid file read back, and whether its process still runs.</summary>
internal sealed record RunningProcess(PidRecord Record, string Path, ProcessState State);

internal enum ProcessState
{
    Running,
    /// <summary>The process is gone (killed, crashed) or its pid now belongs to another program.</summary>
    Stale,
    /// <summary>Written by another machine sharing the data folder: this one cannot look at it.</summary>
    Elsewhere,
}

/// <summary>
/// Pid files: one per `serve` or `worker` process (several workers may share a data folder), written once the process is
/// up, removed when it exits. A file whose process is gone — or whose pid now names a process started at another time —
/// is stale.
/// </summary>
internal static class PidFile
{
    public const string Serve = "serve";
    public const string Worker = "worker";

    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, "run");

    /// <summary>Writes this process's file now; disposing removes it.</summary>
    public static IDisposable Write(string dataDirectory, string role, string? address)
    {
        var folder = Folder(dataDirectory);
        Directory.CreateDirectory(folder);
        var self = Process.GetCurrentProcess();
        var record = new PidRecord(self.Id, role, address, self.StartTime.ToUniversalTime(), Environment.MachineName, dataDirectory);
        var path = Path.Combine(folder, $"{role}-{self.Id}.json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
        File.Move(temp, path, overwrite: true);
        return new Removal(path);
    }

    public static IReadOnlyList<RunningProcess> Read(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var found = new List<RunningProcess>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            PidRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<PidRecord>(File.ReadAllText(path), Json);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                continue; // Half-written by a process starting right now, or removed while we read.
            }
            if (record is not null)
            {
                found.Add(new RunningProcess(record, path, StateOf(record)));
            }
        }
        return found;
    }

    public static ProcessState StateOf(PidRecord record)
    {
        if (!string.Equals(record.Machine, Environment.MachineName, StringComparison.Ordinal))
        {
            return ProcessState.Elsewhere;
        }
        return IsAlive(record) ? ProcessState.Running : ProcessState.Stale;
    }

    public static bool IsAlive(PidRecord record)
    {
        try
        {
            using var process = Process.GetProcessById(record.Pid);
            // A reused pid belongs to a process that started at another time.
            return !process.HasExited && (process.StartTime.ToUniversalTime() - record.StartedAt).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Asks the process to stop as Ctrl+C would (SIGTERM); false when it is already gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The data folder `serve` would use: --data, else Storyloom:DataDirectory from appsettings or the environment, else ./data.</summary>
    public static string DataDirectory(string? data)
    {
        if (data is not null)
        {
            return Path.GetFullPath(data);
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return Path.GetFullPath(configuration["Storyloom:DataDirectory"] ?? "data");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed class Removal(string path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Left behind it is merely stale: `storyloom status` says so and removes it.
            }
        }
    }
}
