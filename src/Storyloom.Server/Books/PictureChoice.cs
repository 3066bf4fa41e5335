using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Books;

/// <summary>
/// The pictures drawn again for a page or the cover: list them (with the original the book was made with), fetch one, choose
/// one. A choice marks a built book's files out of date (status "outdated") until the next rebuild, which prints the chosen picture.
/// </summary>
internal static class PictureChoice
{
    public static Task<Results<Ok<PictureListDto>, NotFound>> ListForPage(Guid id, int number, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct) =>
        ListAsync(id, number, user, db, ct);

    public static Task<Results<Ok<PictureListDto>, NotFound>> ListForCover(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct) =>
        ListAsync(id, null, user, db, ct);

    public static Task<Results<Ok<PictureListDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseForPage(
        Guid id, int number, ChoosePictureRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct) =>
        ChooseAsync(id, number, request, user, db, time, ct);

    public static Task<Results<Ok<PictureListDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseForCover(
        Guid id, ChoosePictureRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct) =>
        ChooseAsync(id, null, request, user, db, time, ct);

    /// <summary>The picture as SVG; sandboxed, as it is served from the app's own origin.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> Image(
        Guid id, Guid candidateId, ClaimsPrincipal user, StoryloomDb db, ContentStore store, HttpContext http, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var asset = await db.PictureCandidates.AsNoTracking().Where(c => c.Id == candidateId && c.BookId == id)
            .Join(db.Assets, c => c.AssetId, a => a.Id, (c, a) => new { a.Sha256, a.ContentType }).FirstOrDefaultAsync(ct);
        if (asset is null || await store.OpenReadAsync(asset.Sha256, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.Stream(content, asset.ContentType);
    }

    private static async Task<Results<Ok<PictureListDto>, NotFound>> ListAsync(Guid id, int? number, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null
            || number is { } n && !await db.Pages.AnyAsync(p => p.BookId == id && p.Number == n, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await PicturesAsync(db, id, number, ct));
    }

    private static async Task<Results<Ok<PictureListDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseAsync(
        Guid id, int? number, ChoosePictureRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null || number is { } n && !await db.Pages.AnyAsync(p => p.BookId == id && p.Number == n, ct))
        {
            return TypedResults.NotFound();
        }
        var key = number ?? PictureCandidate.Cover;
        var where = number is null ? "the cover" : $"page {number}";
        var original = request.Original == true;
        if (original == (request.CandidateId is not null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["candidateId"] = [original
                    ? "send either candidateId or original: true, not both"
                    : $"candidateId is missing; send the id of one of {where}'s pictures (GET its pictures), or original: true for the picture the book was made with"],
            });
        }
        var candidate = original ? null : await db.PictureCandidates.FirstOrDefaultAsync(c => c.Id == request.CandidateId && c.BookId == id, ct);
        if (candidate is { Original: true } && candidate.PageNumber == key)
        {
            // The original's own id: the same as original: true.
            (original, candidate) = (true, null);
        }
        if (!original && (candidate is null || candidate.PageNumber != key))
        {
            var whose = candidate is null ? "is not a picture of this book" : candidate.PageNumber == PictureCandidate.Cover ? "is a picture of the cover" : $"is a picture of page {candidate.PageNumber}";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["candidateId"] = [$"{request.CandidateId} {whose}; choose one of {where}'s pictures (GET its pictures)"],
            });
        }
        if (await db.GenerationTasks.AnyAsync(t => t.BookId == id && (t.Kind == TaskRunner.GenerateKind || t.Kind == TaskRunner.RebuildKind)
            && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running), ct))
        {
            return TasksApi.Conflict("the book is being made right now; choose the picture when that has finished, then rebuild");
        }
        var before = await db.PictureCandidates.Where(c => c.BookId == id && c.PageNumber == key && c.Chosen).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (before != candidate?.Id)
        {
            // Clear first, then set, in one transaction: the unique index allows one chosen picture per page at every moment.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.PictureCandidates.Where(c => c.BookId == id && c.PageNumber == key && c.Chosen).ExecuteUpdateAsync(s => s.SetProperty(c => c.Chosen, false), ct);
            if (candidate is not null)
            {
                await db.PictureCandidates.Where(c => c.Id == candidate.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Chosen, true), ct);
            }
            book.Status = BookStatus.AfterEdit(book.Status);
            book.UpdatedAt = time.UtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(await PicturesAsync(db, id, number, ct));
    }

    private static async Task<PictureListDto> PicturesAsync(StoryloomDb db, Guid id, int? number, CancellationToken ct)
    {
        var key = number ?? PictureCandidate.Cover;
        var all = await db.PictureCandidates.AsNoTracking().Where(c => c.BookId == id && c.PageNumber == key).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var chosen = all.FirstOrDefault(c => c.Chosen)?.Id;
        var original = all.FirstOrDefault(c => c.Original)?.AsDto() is { } dto ? dto with { Chosen = chosen is null } : null;
        return new PictureListDto(number, chosen, [.. all.Where(c => !c.Original).Select(c => c.AsDto())], original);
    }
}
