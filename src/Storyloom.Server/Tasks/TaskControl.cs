using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>
/// Cancel and retry, shared by the API and `storyloom tasks`: the same checks and the same changes whoever asks.
/// A refusal comes back as the problem the API sends (409 for the wrong state, 429 over the owner's cap).
/// </summary>
internal static class TaskControl
{
    public static async Task<ProblemHttpResult?> CancelAsync(StoryloomDb db, GenerationTask task, DateTime now, CancellationToken ct)
    {
        if (TaskStatuses.IsFinished(task.Status))
        {
            return TasksApi.Conflict($"the task has {task.Status} already; there is nothing to cancel");
        }
        var id = task.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A waiting task stops at once; a running one at the end of its current step (its worker sees the flag).
        var stopped = await db.GenerationTasks.Where(t => t.Id == id && t.Status == TaskStatuses.Queued && t.JobKey == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Cancelled).SetProperty(t => t.FinishedAt, now)
                .SetProperty(t => t.CancelRequested, true), ct);
        if (stopped == 1)
        {
            db.TaskEvents.Add(new TaskEvent { TaskId = id, Type = TaskStatuses.Cancelled, Step = task.Step, Percent = task.Percent, Message = "Cancelled", CreatedAt = now });
            await db.Books.Where(b => b.Id == task.BookId && b.Status == BookStatus.Generating).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookStatus.Draft), ct);
        }
        else
        {
            await db.GenerationTasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CancelRequested, true), ct);
            db.TaskEvents.Add(new TaskEvent { TaskId = id, Type = "cancelling", Step = task.Step, Percent = task.Percent, Message = "Stopping after the current step", CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await db.Entry(task).ReloadAsync(ct);
        return null;
    }

    public static async Task<ProblemHttpResult?> RetryAsync(StoryloomDb db, TaskQueue queue, StoryloomOptions options, GenerationTask task, CancellationToken ct)
    {
        if (!TaskStatuses.IsRetryable(task.Status))
        {
            return TasksApi.Conflict($"the task is {task.Status}; only a failed, cancelled or budget-reached task can be retried");
        }
        if (await GenerateBook.CapProblemAsync(db, options, task.OwnerId, 1, ct) is { } capped)
        {
            return capped;
        }
        task.Status = TaskStatuses.Queued;
        task.Error = null;
        task.CancelRequested = false;
        task.JobKey = null;
        task.FinishedAt = null;
        // A retry is traced on its own: under the request that asked for it, or (from the CLI) as a new trace, not in the old one.
        task.TraceParent = null;
        await db.TaskSteps.Where(s => s.TaskId == task.Id && s.Status != "done").ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync([task], ct);
        return null;
    }
}
