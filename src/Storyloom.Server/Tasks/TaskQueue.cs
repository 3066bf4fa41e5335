using Microsoft.EntityFrameworkCore;
using Quartz;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>What a job-engine token found when it asked for work.</summary>
internal enum ClaimResult
{
    Claimed,
    Nothing,
    /// <summary>Tasks wait, but each one's owner is at the running cap: try again shortly.</summary>
    Blocked,
}

/// <summary>
/// The fair queue on top of Quartz. Quartz holds one "token" job per queued task (persistent, recovered when a worker
/// dies); a token that runs claims the next task in our own table, preferring the user with the fewest running tasks,
/// so one user's series cannot starve another user's single book. The claim is recorded on the task (job_key), so a
/// recovered token resumes exactly the task it had claimed.
/// </summary>
internal sealed class TaskQueue(StoryloomDb db, ISchedulerFactory schedulers, StoryloomOptions options, TimeProvider time)
{
    public const string Group = "generation";

    /// <summary>Adds a queued task and its token; the caller has checked the user's caps.</summary>
    public async Task EnqueueAsync(IReadOnlyList<GenerationTask> tasks, CancellationToken ct)
    {
        var now = time.UtcNow();
        foreach (var task in tasks)
        {
            task.TraceParent = System.Diagnostics.Activity.Current?.Id ?? task.TraceParent;
        }
        db.TaskEvents.AddRange(tasks.Select(t => new TaskEvent
        {
            TaskId = t.Id, Type = TaskStatuses.Queued, Percent = t.Percent, Message = "Waiting for a worker", CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await AddTokensAsync(tasks.Count, TimeSpan.Zero, ct);
    }

    public async Task AddTokensAsync(int count, TimeSpan delay, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        for (var i = 0; i < count; i++)
        {
            var key = $"token-{Guid.CreateVersion7():N}";
            var job = JobBuilder.Create<GenerationJob>().WithIdentity(key, Group).RequestRecovery(true).Build();
            var trigger = TriggerBuilder.Create(time).WithIdentity(key, Group).StartAt(time.GetUtcNow() + delay).Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
        }
    }

    public async Task<(ClaimResult Result, Guid TaskId)> ClaimAsync(string jobKey, string worker, CancellationToken ct)
    {
        var mine = await db.GenerationTasks.Where(t => t.JobKey == jobKey && (t.Status == TaskStatuses.Running || t.Status == TaskStatuses.Queued))
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (mine is { } recovered)
        {
            return (ClaimResult.Claimed, recovered);
        }
        var cap = options.Jobs.MaxRunningPerUser;
        // Counting a user's running tasks and taking one more must be one step for every worker at once, or two claims
        // that both saw "one below the cap" go one over: a write transaction on SQLite (BEGIN IMMEDIATE, one writer per
        // file), and on PostgreSQL one advisory lock that every claim takes for its few milliseconds.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (options.Database.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('storyloom:claim-task'))", ct);
        }
        var candidate = await db.GenerationTasks
            .Where(t => t.Status == TaskStatuses.Queued && t.JobKey == null && !t.CancelRequested)
            .Select(t => new { t.Id, Running = db.GenerationTasks.Count(r => r.OwnerId == t.OwnerId && r.Status == TaskStatuses.Running) })
            .Where(x => x.Running < cap)
            .OrderBy(x => x.Running).ThenBy(x => x.Id)
            .FirstOrDefaultAsync(ct);
        if (candidate is null)
        {
            var waiting = await db.GenerationTasks.AnyAsync(t => t.Status == TaskStatuses.Queued && t.JobKey == null && !t.CancelRequested, ct);
            await tx.CommitAsync(ct);
            return (waiting ? ClaimResult.Blocked : ClaimResult.Nothing, Guid.Empty);
        }
        // A cancel (which takes no claim lock) may have stopped it since: the token then tries again shortly.
        var claimed = await db.GenerationTasks
            .Where(t => t.Id == candidate.Id && t.Status == TaskStatuses.Queued && t.JobKey == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.JobKey, jobKey).SetProperty(t => t.Status, TaskStatuses.Running)
                .SetProperty(t => t.Worker, worker), ct);
        await tx.CommitAsync(ct);
        return claimed == 1 ? (ClaimResult.Claimed, candidate.Id) : (ClaimResult.Blocked, Guid.Empty);
    }

    /// <summary>
    /// Heals the queue: a running task whose token is gone (its worker stopped) waits again, and every waiting task has
    /// a token. An extra token is harmless (it finds nothing and ends); a missing one would strand a book.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE generation_tasks SET status = 'queued', job_key = NULL
            WHERE status = 'running' AND job_key IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM QRTZ_FIRED_TRIGGERS f WHERE f.JOB_NAME = generation_tasks.job_key)
              AND NOT EXISTS (SELECT 1 FROM QRTZ_TRIGGERS g WHERE g.JOB_NAME = generation_tasks.job_key)
            """, ct);
        var waiting = await db.GenerationTasks.CountAsync(t => t.Status == TaskStatuses.Queued && t.JobKey == null && !t.CancelRequested, ct);
        if (waiting == 0)
        {
            return;
        }
        var tokens = await db.Database.SqlQueryRaw<int>("""
            SELECT COUNT(*) AS "Value" FROM QRTZ_TRIGGERS g
            WHERE g.JOB_GROUP = 'generation' AND NOT EXISTS (SELECT 1 FROM generation_tasks t WHERE t.job_key = g.JOB_NAME)
            """).SingleAsync(ct);
        if (waiting > tokens)
        {
            await AddTokensAsync(waiting - tokens, TimeSpan.Zero, ct);
        }
    }
}
