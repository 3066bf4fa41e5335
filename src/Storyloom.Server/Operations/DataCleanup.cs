using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Operations;

/// <summary>One thing `storyloom cleanup` removes: a path inside the data folder (or rows in the database), why, and the bytes it frees.</summary>
public sealed record CleanupItem(string Kind, string Path, long Bytes, Guid? AssetRow = null, DateTime? EventsBefore = null);

/// <summary>
/// Finds what the data folder no longer needs, older than a cut-off: temporary files (a finished or unknown task's work
/// folder, any <c>*.tmp</c> left by a write that died) and abandoned assets (content-addressed files that no book, page,
/// character or task step refers to, with their unreferenced asset rows), paid AI answers older than their retention. The
/// cut-off keeps whatever a running step may be writing right now.
/// </summary>
internal sealed class DataCleanup(StoryloomDb db, StoryloomOptions options, Storage.IFileStore files, TimeProvider time)
{
    public const string WorkFolder = "task scratch folder";
    public const string TempFile = "temporary file";
    public const string AbandonedAsset = "abandoned asset";
    public const string OldTaskEvents = "old task events";
    public const string OldAnswer = "old AI answer";

    public async Task<IReadOnlyList<CleanupItem>> PlanAsync(DateTime cutoff, CancellationToken ct)
    {
        var items = new List<CleanupItem>();
        await AddWorkFoldersAsync(items, cutoff, ct);
        AddTempFiles(items, cutoff);
        await AddAbandonedAssetsAsync(items, cutoff, ct);
        // Rows, not files: the progress lines of tasks finished before the cut-off (bytes unknown, counted as 0).
        // Paid answers are worth keeping longer: the retention (90 days by default), or the cut-off if that is older.
        var answersBefore = Min(cutoff, time.GetUtcNow().UtcDateTime - options.Jobs.AnswerRetention);
        foreach (var answer in await Engines.AnswerPruning.OldAsync(files, db, answersBefore, ct))
        {
            items.Add(new CleanupItem(OldAnswer, answer.Key, answer.Size));
        }
        var (events, tasks) = await TaskEventPruning.CountAsync(db, cutoff, ct);
        if (events > 0)
        {
            items.Add(new CleanupItem(OldTaskEvents, $"task_events: {events} of {tasks} task(s) finished before {cutoff:yyyy-MM-dd HH:mm} UTC", 0, EventsBefore: cutoff));
        }
        return items;
    }

    /// <summary>Removes what <see cref="PlanAsync"/> found; returns the bytes freed.</summary>
    public async Task<long> ApplyAsync(IReadOnlyList<CleanupItem> items, CancellationToken ct)
    {
        long freed = 0;
        foreach (var item in items)
        {
            try
            {
                if (item.EventsBefore is { } before)
                {
                    await TaskEventPruning.PruneAsync(db, before, ct);
                }
                else if (item.Kind is AbandonedAsset or OldAnswer)
                {
                    await files.DeleteAsync(item.Path, ct);
                }
                else if (Directory.Exists(item.Path))
                {
                    Directory.Delete(item.Path, recursive: true);
                }
                else
                {
                    File.Delete(item.Path);
                }
                freed += item.Bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Taken by a running write: the next cleanup gets it.
            }
        }
        var rows = items.Where(i => i.AssetRow is not null).Select(i => i.AssetRow!.Value).ToList();
        if (rows.Count > 0)
        {
            await db.Assets.Where(a => rows.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
        return freed;
    }

    private async Task AddWorkFoldersAsync(List<CleanupItem> items, DateTime cutoff, CancellationToken ct)
    {
        var root = Path.Combine(options.DataDirectory, "work");
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (LastWrite(folder) >= cutoff)
            {
                continue;
            }
            if (Guid.TryParseExact(Path.GetFileName(folder), "N", out var id)
                && await db.GenerationTasks.Where(t => t.Id == id).Select(t => t.Status).FirstOrDefaultAsync(ct) is { } status
                && !TaskStatuses.IsFinished(status))
            {
                continue; // A waiting or running task resumes from it.
            }
            items.Add(new CleanupItem(WorkFolder, folder, Size(folder)));
        }
    }

    private void AddTempFiles(List<CleanupItem> items, DateTime cutoff)
    {
        var work = Path.Combine(options.DataDirectory, "work") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(options.DataDirectory, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            var info = new FileInfo(file);
            // Inside a work folder that stays, a .tmp belongs to its task; a folder that goes takes its files with it.
            if (!file.StartsWith(work, StringComparison.Ordinal) && info.LastWriteTimeUtc < cutoff)
            {
                items.Add(new CleanupItem(TempFile, file, info.Length));
            }
        }
    }

    /// <summary>Stored assets (in the file store: a folder or a bucket) that nothing refers to; the item's path is the store key.</summary>
    private async Task AddAbandonedAssetsAsync(List<CleanupItem> items, DateTime cutoff, CancellationToken ct)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in await db.TaskSteps.AsNoTracking().Where(s => s.OutputJson != null).Select(s => s.OutputJson!).ToListAsync(ct))
        {
            referenced.UnionWith(Shas(output));
        }
        var books = (await db.Books.AsNoTracking().Select(b => b.Id).ToListAsync(ct)).ToHashSet();
        var used = (await db.Pages.AsNoTracking().Where(p => p.ImageAssetId != null).Select(p => p.ImageAssetId!.Value).ToListAsync(ct))
            .Concat(await db.Characters.AsNoTracking().Where(c => c.ChosenImageAssetId != null).Select(c => c.ChosenImageAssetId!.Value).ToListAsync(ct))
            .Concat(await db.PictureCandidates.AsNoTracking().Select(c => c.AssetId).ToListAsync(ct))
            .ToHashSet();
        var rows = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.Sha256, a.BookId, a.CreatedAt }).ToListAsync(ct);
        var abandonedRows = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (used.Contains(row.Id) || row.BookId is { } book && books.Contains(book) || row.CreatedAt >= cutoff)
            {
                referenced.Add(row.Sha256);
            }
            else
            {
                abandonedRows.TryAdd(row.Sha256, row.Id);
            }
        }
        await foreach (var file in files.ListAsync("assets/", ct))
        {
            var sha = file.Key[(file.Key.LastIndexOf('/') + 1)..];
            if (referenced.Contains(sha) || ContentStore.KeyOf(sha) != file.Key || file.LastModified >= cutoff)
            {
                continue;
            }
            items.Add(new CleanupItem(AbandonedAsset, file.Key, file.Size, abandonedRows.TryGetValue(sha, out var id) ? id : null));
        }
    }

    private static IEnumerable<string> Shas(string outputJson)
    {
        try
        {
            return (IEnumerable<string>?)JsonSerializer.Deserialize<Dictionary<string, string>>(outputJson)?.Values ?? [];
        }
        catch (JsonException)
        {
            return []; // A failed step's {"error": …} or a shape this version does not know.
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime LastWrite(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc)
            .Append(Directory.GetLastWriteTimeUtc(folder)).Max();

    private static long Size(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
