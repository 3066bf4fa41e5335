using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Monitoring;

/// <summary>A Quartz scheduler instance as the cluster table records it.</summary>
public sealed record SchedulerInstance(string InstanceName, long LastCheckinTime, long CheckinInterval);

/// <summary>
/// Samples what costs a query (tasks by state, queue depth, live workers) and what needs two readings (CPU) every few
/// seconds, and publishes them as gauges on /metrics. The meter comes from this app's <see cref="IMeterFactory"/>, so two
/// servers in one process (the tests) each show their own numbers.
/// </summary>
internal sealed class SystemSampler
{
    private readonly StoryloomOptions _options;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private Dictionary<string, long> _tasks = TaskStatuses.All.ToDictionary(s => s, _ => 0L);
    private long _queueDepth;
    private int _workers;
    private double _cpu;
    private TimeSpan _lastCpu;
    private long _lastCpuAt;

    public SystemSampler(StoryloomOptions options, IMeterFactory meters)
    {
        _options = options;
        _meter = meters.Create(StoryloomMetrics.MeterName + ".Monitoring");
        _meter.CreateObservableGauge("storyloom_tasks", () => Read(() => _tasks.Select(t => new Measurement<long>(t.Value, new KeyValuePair<string, object?>("state", t.Key))).ToList()),
            description: "Generation tasks by state, all users.");
        _meter.CreateObservableGauge("storyloom_queue_depth", () => Read(() => _queueDepth), description: "Tasks waiting for a worker.");
        _meter.CreateObservableGauge("storyloom_workers", () => Read(() => _workers), description: "Job-engine instances alive (checked in recently).");
        _meter.CreateObservableGauge("storyloom_process_cpu_ratio", () => Read(() => _cpu), description: "This process's CPU use over the last sample, 0 to 1 of all cores.");
        _meter.CreateObservableGauge("storyloom_process_memory_bytes", () => Environment.WorkingSet, unit: "By", description: "This process's working set.");
        _meter.CreateObservableGauge("storyloom_data_disk_free_bytes", () => Disk().Free, unit: "By", description: "Free space on the data directory's disk.");
        _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lastCpuAt = Stopwatch.GetTimestamp();
    }

    public static string Version { get; } =
        typeof(SystemSampler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public double Cpu => Read(() => _cpu);

    public (long Total, long Free) Disk()
    {
        try
        {
            var path = _options.DataDirectory;
            while (!Directory.Exists(path) && Path.GetDirectoryName(path) is { } parent)
            {
                path = parent;
            }
            var drive = new DriveInfo(path);
            return (drive.TotalSize, drive.AvailableFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (0, 0);
        }
    }

    public async Task RefreshAsync(StoryloomDb db, CancellationToken ct)
    {
        var counts = await db.GenerationTasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var queued = await db.GenerationTasks.LongCountAsync(t => t.Status == TaskStatuses.Queued && !t.CancelRequested, ct);
        var workers = await AliveWorkersAsync(db, ct);
        var cpuNow = Process.GetCurrentProcess().TotalProcessorTime;
        var at = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _tasks = TaskStatuses.All.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
            _queueDepth = queued;
            _workers = workers;
            var wall = Stopwatch.GetElapsedTime(_lastCpuAt, at).TotalSeconds;
            if (wall > 0.05)
            {
                _cpu = Math.Clamp((cpuNow - _lastCpu).TotalSeconds / (wall * Environment.ProcessorCount), 0, 1);
                (_lastCpu, _lastCpuAt) = (cpuNow, at);
            }
        }
    }

    /// <summary>Clustered (PostgreSQL): the instances that checked in within two intervals. SQLite: this process's own worker, if it runs one.</summary>
    private async Task<int> AliveWorkersAsync(StoryloomDb db, CancellationToken ct)
    {
        if (!_options.Database.IsPostgres)
        {
            return _options.Jobs.RunWorker ? 1 : 0;
        }
        var now = DateTime.UtcNow;
        return (await SchedulerInstancesAsync(db, ct)).Count(i => IsAlive(i, now));
    }

    public static Task<List<SchedulerInstance>> SchedulerInstancesAsync(StoryloomDb db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<SchedulerInstance>("""
            SELECT INSTANCE_NAME AS "InstanceName", LAST_CHECKIN_TIME AS "LastCheckinTime", CHECKIN_INTERVAL AS "CheckinInterval"
            FROM QRTZ_SCHEDULER_STATE ORDER BY INSTANCE_NAME
            """).ToListAsync(ct);

    /// <summary>Quartz stores the check-in as UTC ticks and the interval in milliseconds.</summary>
    public static DateTime CheckinOf(SchedulerInstance i) => new(Math.Clamp(i.LastCheckinTime, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);

    public static bool IsAlive(SchedulerInstance i, DateTime now) => now - CheckinOf(i) <= TimeSpan.FromMilliseconds(Math.Max(1000, i.CheckinInterval) * 2 + 1000);

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
