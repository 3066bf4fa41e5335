using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;

namespace Storyloom.Server.Tasks;

/// <summary>
/// The progress lines of tasks that finished before a cut-off: nobody watches them any more (the task row keeps its
/// status, steps, timings and error). Used by the janitor (Storyloom:Jobs:EventRetention) and by `storyloom cleanup`.
/// A task retried since is not finished, so its history stays whole.
/// </summary>
internal static class TaskEventPruning
{
    public static IQueryable<TaskEvent> Old(StoryloomDb db, DateTime cutoff) =>
        db.TaskEvents.Where(e => e.CreatedAt < cutoff && db.GenerationTasks.Any(t =>
            t.Id == e.TaskId && t.FinishedAt != null && t.FinishedAt < cutoff && t.Status != TaskStatuses.Queued && t.Status != TaskStatuses.Running));

    public static async Task<(int Events, int Tasks)> CountAsync(StoryloomDb db, DateTime cutoff, CancellationToken ct)
    {
        var old = Old(db, cutoff);
        return (await old.CountAsync(ct), await old.Select(e => e.TaskId).Distinct().CountAsync(ct));
    }

    public static Task<int> PruneAsync(StoryloomDb db, DateTime cutoff, CancellationToken ct) => Old(db, cutoff).ExecuteDeleteAsync(ct);
}
