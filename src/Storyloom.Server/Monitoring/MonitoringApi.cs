using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Monitoring;

public sealed record SystemDto(
    string Version, string Machine, int ProcessId, DateTime StartedAt, double UptimeSeconds, int ProcessorCount, double CpuRatio,
    long WorkingSetBytes, long GcHeapBytes, long TotalMemoryBytes, string DataDirectory, long DiskTotalBytes, long DiskFreeBytes, string Database);

public sealed record WorkerDto(string Instance, DateTime LastCheckin, double SecondsSinceCheckin, double CheckinIntervalSeconds, bool Alive);

public sealed record LocalSchedulerDto(string Instance, string Status, DateTime? RunningSince, int JobsExecuted, int RunningJobs, int ThreadPoolSize);

public sealed record BusyWorkerDto(string Worker, int RunningTasks);

/// <summary>Clustered: every instance's last check-in from Quartz's cluster table. SQLite: only this process's scheduler is known.</summary>
public sealed record WorkersDto(bool Clustered, IReadOnlyList<WorkerDto> Instances, LocalSchedulerDto? ThisProcess, IReadOnlyList<BusyWorkerDto> Busy);

public sealed record StepTimingDto(string Step, string Text, int Count, double AverageSeconds, double MaxSeconds);

public sealed record TaskStatsDto(IReadOnlyDictionary<string, long> Counts, long QueueDepth, double? OldestQueuedSeconds, IReadOnlyList<StepTimingDto> Steps);

public sealed record FailedTaskDto(Guid TaskId, Guid? BookId, string? BookTitle, string Owner, string? Step, string StepText, string? Error, string? Worker, DateTime? FinishedAt);

/// <summary>/api/v1/admin/monitoring/{system,workers,tasks,errors}: the numbers behind the admin screen's System tab. Admins only.</summary>
internal static class MonitoringApi
{
    private const int RecentSteps = 500;
    private const int RecentErrors = 20;

    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        var monitoring = api.MapGroup("/admin/monitoring").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        monitoring.MapGet("/system", SystemStats).WithName("MonitoringSystem").WithSummary("CPU, memory, the data directory's disk, uptime and version of this API process");
        monitoring.MapGet("/workers", Workers).WithName("MonitoringWorkers").WithSummary("Job-engine instances and their last check-in, and who runs tasks now");
        monitoring.MapGet("/tasks", Tasks).WithName("MonitoringTasks").WithSummary("Tasks by state, the queue, and how long recent steps took");
        monitoring.MapGet("/errors", Errors).WithName("MonitoringErrors").WithSummary($"The last {RecentErrors} failed tasks with their messages");
        return api;
    }

    private static Ok<SystemDto> SystemStats(SystemSampler sampler, StoryloomOptions options, TimeProvider time)
    {
        using var self = Process.GetCurrentProcess();
        var started = self.StartTime.ToUniversalTime();
        var (total, free) = sampler.Disk();
        var gc = GC.GetGCMemoryInfo();
        return TypedResults.Ok(new SystemDto(
            SystemSampler.Version, Environment.MachineName, Environment.ProcessId, started, Math.Round((time.GetUtcNow().UtcDateTime - started).TotalSeconds, 1),
            Environment.ProcessorCount, Math.Round(sampler.Cpu, 4), self.WorkingSet64, GC.GetTotalMemory(false), gc.TotalAvailableMemoryBytes,
            options.DataDirectory, total, free, options.Database.IsPostgres ? "postgres" : "sqlite"));
    }

    private static async Task<Ok<WorkersDto>> Workers(StoryloomDb db, StoryloomOptions options, ISchedulerFactory schedulers, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var instances = options.Database.IsPostgres
            ? (await SystemSampler.SchedulerInstancesAsync(db, ct)).Select(i => new WorkerDto(i.InstanceName, SystemSampler.CheckinOf(i),
                Math.Round((now - SystemSampler.CheckinOf(i)).TotalSeconds, 1), i.CheckinInterval / 1000.0, SystemSampler.IsAlive(i, now))).ToList()
            : [];
        LocalSchedulerDto? local = null;
        if (options.Jobs.RunWorker && (await schedulers.GetAllSchedulers(ct)).FirstOrDefault() is { } scheduler)
        {
            var meta = await scheduler.GetMetadata(ct);
            local = new LocalSchedulerDto(meta.SchedulerInstanceId, meta.Status.ToString().ToLowerInvariant(), meta.RunningSince?.UtcDateTime, meta.JobsExecuted,
                meta.LocalExecutingJobs, meta.ThreadPoolSize);
        }
        var busy = await db.GenerationTasks.AsNoTracking().Where(t => t.Status == TaskStatuses.Running && t.Worker != null)
            .GroupBy(t => t.Worker!).Select(g => new BusyWorkerDto(g.Key, g.Count())).ToListAsync(ct);
        return TypedResults.Ok(new WorkersDto(options.Database.IsPostgres, instances, local, [.. busy.OrderBy(b => b.Worker, StringComparer.Ordinal)]));
    }

    private static async Task<Ok<TaskStatsDto>> Tasks(StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var counts = await db.GenerationTasks.AsNoTracking().GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var queued = db.GenerationTasks.AsNoTracking().Where(t => t.Status == TaskStatuses.Queued && !t.CancelRequested);
        var depth = await queued.LongCountAsync(ct);
        var oldest = await queued.OrderBy(t => t.CreatedAt).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(ct);
        var steps = await db.TaskSteps.AsNoTracking().Where(s => s.Status == "done" && s.FinishedAt != null)
            .OrderByDescending(s => s.FinishedAt).Take(RecentSteps).Select(s => new { s.Name, s.StartedAt, FinishedAt = s.FinishedAt!.Value }).ToListAsync(ct);
        var timings = steps.GroupBy(s => s.Name).Select(g =>
        {
            var seconds = g.Select(s => (s.FinishedAt - s.StartedAt).TotalSeconds).ToList();
            return new StepTimingDto(g.Key, TaskRunner.StepWords(g.Key), seconds.Count, Math.Round(seconds.Average(), 3), Math.Round(seconds.Max(), 3));
        }).OrderByDescending(t => t.AverageSeconds * t.Count).ToList();
        return TypedResults.Ok(new TaskStatsDto(
            TaskStatuses.All.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0), depth,
            oldest is { } at ? Math.Round((time.GetUtcNow().UtcDateTime - at).TotalSeconds, 1) : null, timings));
    }

    private static async Task<Ok<List<FailedTaskDto>>> Errors(StoryloomDb db, CancellationToken ct)
    {
        var failed = await db.GenerationTasks.AsNoTracking().Where(t => t.Status == TaskStatuses.Failed)
            .OrderByDescending(t => t.FinishedAt).ThenByDescending(t => t.Id).Take(RecentErrors)
            .Join(db.Users, t => t.OwnerId, u => u.Id, (t, u) => new { Task = t, u.Email })
            .GroupJoin(db.Books, x => x.Task.BookId, b => b.Id, (x, b) => new { x.Task, x.Email, Books = b })
            .SelectMany(x => x.Books.DefaultIfEmpty(), (x, b) => new { x.Task, x.Email, Title = b == null ? null : b.Title })
            .ToListAsync(ct);
        return TypedResults.Ok(failed.OrderByDescending(x => x.Task.FinishedAt).ThenByDescending(x => x.Task.Id).Select(x => new FailedTaskDto(
            x.Task.Id, x.Task.BookId, x.Title, x.Email, x.Task.Step, TaskRunner.StepWords(x.Task.Step), x.Task.Error, x.Task.Worker, x.Task.FinishedAt)).ToList());
    }
}
