using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Storyloom.Server.Tasks;

/// <summary>A token of the fair queue: claims the next task (or the one it had claimed before a crash) and runs it.</summary>
internal sealed class GenerationJob(IServiceScopeFactory scopes, ILogger<GenerationJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        var worker = $"{Environment.MachineName}/{Environment.ProcessId}";
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<TaskQueue>();
        var (result, taskId) = await queue.ClaimAsync(key, worker, cancellationToken);
        if (result == ClaimResult.Blocked)
        {
            await queue.AddTokensAsync(1, TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }
        if (result == ClaimResult.Nothing)
        {
            return;
        }
        log.LogInformation("Task {TaskId} runs on {Worker}{Recovering}", taskId, worker, context.Recovering ? " (recovered)" : "");
        var runner = scope.ServiceProvider.GetRequiredService<TaskRunner>();
        if (await runner.RunAsync(taskId, worker, cancellationToken) == RunOutcome.Interrupted)
        {
            log.LogInformation("Task {TaskId} paused at its last saved step; the next worker continues it", taskId);
        }
    }
}

/// <summary>
/// Every few seconds: waiting tasks get tokens, tasks of stopped workers wait again, old work folders and old task events go;
/// once an hour, paid AI answers older than their retention.
/// </summary>
internal sealed class TaskJanitor(IServiceScopeFactory scopes, Hosting.StoryloomOptions options, TimeProvider time, ILogger<TaskJanitor> log) : BackgroundService
{
    /// <summary>The first look at the answers comes an hour after start-up, not with it: starting workers do not all list the store.</summary>
    private DateTime _answersPruned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        _answersPruned = time.GetUtcNow().UtcDateTime;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TaskQueue>().ReconcileAsync(stoppingToken);
                var db = scope.ServiceProvider.GetRequiredService<Data.StoryloomDb>();
                await RemoveOldWorkFoldersAsync(db, stoppingToken);
                // Cheap every time: the created_at index finds only events older than the retention, which a previous pass deleted.
                var pruned = await TaskEventPruning.PruneAsync(db, time.GetUtcNow().UtcDateTime - options.Jobs.EventRetention, stoppingToken);
                if (pruned > 0)
                {
                    log.LogInformation("Deleted {Events} progress events of tasks finished more than {Retention} ago", pruned, options.Jobs.EventRetention);
                }
                await PruneAnswersAsync(scope.ServiceProvider, db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The task janitor could not tidy the queue; it tries again shortly");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Listing the answers costs a walk of the folder (or a bucket listing): once an hour is plenty for a retention in days.</summary>
    private async Task PruneAnswersAsync(IServiceProvider services, Data.StoryloomDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _answersPruned < TimeSpan.FromHours(1))
        {
            return;
        }
        _answersPruned = now;
        var files = services.GetRequiredService<Storage.IFileStore>();
        var (count, bytes) = await Engines.AnswerPruning.PruneAsync(files, db, now - options.Jobs.AnswerRetention, ct);
        if (count > 0)
        {
            log.LogInformation("Deleted {Answers} paid AI answers ({Bytes} bytes) stored more than {Retention} ago", count, bytes, options.Jobs.AnswerRetention);
        }
    }

    /// <summary>A finished or deleted task's work folder is left when its worker died before it could tidy up, or the task failed.</summary>
    private async Task RemoveOldWorkFoldersAsync(Data.StoryloomDb db, CancellationToken ct)
    {
        var root = Path.Combine(options.DataDirectory, "work");
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (!Guid.TryParseExact(Path.GetFileName(folder), "N", out var id))
            {
                continue;
            }
            var task = await db.GenerationTasks.Where(t => t.Id == id).Select(t => new { t.Status, t.FinishedAt }).FirstOrDefaultAsync(ct);
            // Every saved step is in the content store, so even a failed task's folder can go (a retry restores it); a
            // minute's grace keeps it from a retry that starts while the janitor looks.
            if (task is null || TaskStatuses.IsFinished(task.Status) && task.FinishedAt < time.GetUtcNow().UtcDateTime.AddMinutes(-1))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
