using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Storage;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Files;

/// <summary>
/// POST /books/{id}/versions/{n}/restore: an older build becomes the current one. Its files are copied into a new version
/// (so the build that was current stays in the list, as every version does), and the pages — words, order, picture briefs
/// and the pictures chosen — are set back to what that build printed. The brief (title, trim …) stays as it is now.
/// Restoring the latest version is how edits made since the last build are thrown away: no copy, only the pages.
/// </summary>
internal static class RestoreVersion
{
    public static async Task<Results<Ok<BookVersionDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, int number, ClaimsPrincipal user, StoryloomDb db, BookFiles files, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var version = await db.BookVersions.AsNoTracking().FirstOrDefaultAsync(v => v.BookId == id && v.Number == number && v.DeletedAt == null, ct);
        if (version is null)
        {
            return FilesApi.NotFound($"the book has no version {number}; GET /api/v1/books/{id}/versions lists them");
        }
        var active = await db.GenerationTasks.AnyAsync(t => t.BookId == id && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running), ct);
        if (active)
        {
            return TasksApi.Conflict("the book is being made right now; wait until it is done (or stop it), then restore the version");
        }
        var stored = await files.Store.GetAsync(BookFiles.KeyOf(id, number, "manuscript.json"), ct);
        var manuscript = stored is null ? null : JsonSerializer.Deserialize<Manuscript>(stored, BookBuilder.Json);
        if (manuscript is null)
        {
            return TasksApi.Conflict($"version {number} has no pages to restore (its manuscript.json is missing); choose another version");
        }
        var latest = await BookVersions.LatestAsync(db, id, ct);
        var now = time.UtcNow();
        var current = version;
        if (latest!.Number != number)
        {
            // Copied first: a version row never points at files that are not there yet.
            var next = await db.BookVersions.Where(v => v.BookId == id).MaxAsync(v => v.Number, ct) + 1;
            foreach (var file in version.Files())
            {
                await using var source = await files.OpenReadAsync(id, number, file.Name, ct);
                if (source is not null)
                {
                    await files.WriteAsync(id, next, file.Name, source, ct);
                }
            }
            current = new BookVersion { BookId = id, Number = next, FilesJson = version.FilesJson, CreatedAt = now, RestoredFrom = number };
            db.BookVersions.Add(current);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Pages.Where(p => p.BookId == id).ExecuteDeleteAsync(ct);
        db.Pages.AddRange(manuscript.Pages.Select(p => new Page
        {
            BookId = id,
            Number = p.Number,
            Role = WriteManuscript.RoleName(p.Role),
            Text = p.Text,
            IllustrationJson = p.Illustration is null ? null : JsonSerializer.Serialize(p.Illustration, BookBuilder.Json),
            UpdatedAt = now,
        }));
        // The pictures that build printed are the chosen ones again; pictures drawn since stay to choose from.
        var seeds = manuscript.PictureSeeds ?? new Dictionary<int, int>();
        foreach (var candidate in await db.PictureCandidates.Where(c => c.BookId == id && !c.Original).ToListAsync(ct))
        {
            candidate.Chosen = seeds.TryGetValue(candidate.PageNumber, out var seed) && seed == candidate.Seed;
        }
        book.Status = BookStatus.Ready;
        book.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(current.AsDto(latest: true));
    }
}
