using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Storage;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Engines;

/// <summary>
/// The paid AI answers (<see cref="StoredAnswers"/>) stored before a cut-off: a cache that would otherwise grow for ever. The
/// cut-off never passes the oldest waiting or running task, which may still resume from them without paying again. Used by
/// the janitor (Storyloom:Jobs:AnswerRetention, once an hour) and by `storyloom cleanup`.
/// </summary>
internal static class AnswerPruning
{
    public static async Task<List<StoredFile>> OldAsync(IFileStore files, StoryloomDb db, DateTime cutoff, CancellationToken ct)
    {
        var oldestOpen = await db.GenerationTasks.Where(t => t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running)
            .Select(t => (DateTime?)t.CreatedAt).MinAsync(ct);
        var before = oldestOpen < cutoff ? oldestOpen.Value : cutoff;
        var old = new List<StoredFile>();
        await foreach (var file in files.ListAsync(StoredAnswers.Prefix, ct))
        {
            if (file.LastModified < before)
            {
                old.Add(file);
            }
        }
        return old;
    }

    /// <summary>Deletes the answers stored before the cut-off; returns how many and their bytes.</summary>
    public static async Task<(int Files, long Bytes)> PruneAsync(IFileStore files, StoryloomDb db, DateTime cutoff, CancellationToken ct)
    {
        var old = await OldAsync(files, db, cutoff, ct);
        foreach (var file in old)
        {
            await files.DeleteAsync(file.Key, ct);
        }
        return (old.Count, old.Sum(f => f.Size));
    }
}
