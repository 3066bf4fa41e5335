using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Files;

/// <summary>
/// A book's builds: each build or rebuild writes a new version; older ones stay until deleted. GET /books/{id}/versions lists
/// them newest first; DELETE /books/{id}/versions/{n} removes one and its files. The only version left cannot be deleted
/// (delete the book instead), so a built book always has files to download and a manuscript to rebuild from.
/// </summary>
public static class BookVersions
{
    public static Task<BookVersion?> LatestAsync(StoryloomDb db, Guid bookId, CancellationToken ct) =>
        db.BookVersions.AsNoTracking().Where(v => v.BookId == bookId && v.DeletedAt == null)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>The asked version (latest when null), or null when the book has no such version.</summary>
    public static Task<BookVersion?> FindAsync(StoryloomDb db, Guid bookId, int? number, CancellationToken ct) => number is null
        ? LatestAsync(db, bookId, ct)
        : db.BookVersions.AsNoTracking().FirstOrDefaultAsync(v => v.BookId == bookId && v.Number == number && v.DeletedAt == null, ct);

    /// <summary>
    /// Writes the files of a new version to the store, then records it. Numbers only grow (deleted ones are not reused); the
    /// same task publishing again (its package step ran twice after a crash) rewrites its own version.
    /// </summary>
    public static async Task<BookVersion> PublishAsync(StoryloomDb db, BookFiles files, TimeProvider time, Guid bookId, Guid? taskId,
        IReadOnlyList<(string Name, Stream Content)> contents, CancellationToken ct)
    {
        var version = taskId is null ? null : await db.BookVersions.FirstOrDefaultAsync(v => v.BookId == bookId && v.TaskId == taskId, ct);
        var number = version?.Number ?? (await db.BookVersions.Where(v => v.BookId == bookId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var written = new List<VersionFile>();
        foreach (var (name, content) in contents)
        {
            await files.WriteAsync(bookId, number, name, content, ct);
            written.Add(new VersionFile(name, content.CanSeek ? content.Length : 0));
        }
        var json = JsonSerializer.Serialize(written, JsonSerializerOptions.Web);
        if (version is null)
        {
            version = new BookVersion { BookId = bookId, Number = number, TaskId = taskId, FilesJson = json, CreatedAt = time.UtcNow() };
            db.BookVersions.Add(version);
        }
        else
        {
            version.FilesJson = json;
            version.DeletedAt = null;
        }
        await db.SaveChangesAsync(ct);
        return version;
    }

    public static async Task<Results<Ok<List<BookVersionDto>>, NotFound>> List(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var versions = await db.BookVersions.AsNoTracking().Where(v => v.BookId == id && v.DeletedAt == null)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select((v, i) => v.AsDto(latest: i == 0)).ToList());
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, int number, ClaimsPrincipal user, StoryloomDb db, BookFiles files, TimeProvider time, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var version = await db.BookVersions.FirstOrDefaultAsync(v => v.BookId == id && v.Number == number && v.DeletedAt == null, ct);
        if (version is null)
        {
            return FilesApi.NotFound($"the book has no version {number}; GET /api/v1/books/{id}/versions lists them");
        }
        if (!await db.BookVersions.AnyAsync(v => v.BookId == id && v.Number != number && v.DeletedAt == null, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The only version",
                detail: $"version {number} is the book's only build; build the book again first, or delete the whole book");
        }
        // Marked first, so no download starts on files that are about to go.
        version.DeletedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        await files.DeleteVersionAsync(id, number, ct);
        return TypedResults.NoContent();
    }
}
