using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Files;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Server.Books;

/// <summary>
/// POST /books/{id}/duplicate: a new book of the same owner, "Copy of …", with the brief, the cast, the pages as they are now
/// (edits included), the pictures chosen and the latest build as its version 1, so it can be rebuilt or changed on its own
/// without touching the original. Only the latest build is copied; older versions stay with the original.
/// </summary>
internal static class DuplicateBook
{
    public static async Task<Results<Created<BookDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, StoryloomDb db, BookFiles files, TimeProvider time, CancellationToken ct)
    {
        var source = await db.FindVisibleAsync(user, id, ct);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.GenerationTasks.AnyAsync(t => t.BookId == id && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running), ct))
        {
            return TasksApi.Conflict("the book is being made right now; wait until it is done (or stop it), then duplicate it");
        }
        var now = time.UtcNow();
        var copy = new Book
        {
            OwnerId = source.OwnerId, Title = CopyTitle(source.Title), Author = source.Author, Kind = source.Kind, AgeGroup = source.AgeGroup,
            Theme = source.Theme, EducationalFocus = source.EducationalFocus, Shape = source.Shape, Moral = source.Moral, Trim = source.Trim,
            PageCount = source.PageCount, Ink = source.Ink, Paper = source.Paper, Bleed = source.Bleed, Seed = source.Seed, ArtStyle = source.ArtStyle,
            Level = source.Level, Dedication = source.Dedication, AboutAuthor = source.AboutAuthor, MeetTheCharacters = source.MeetTheCharacters,
            Imprint = source.Imprint, ReviewedByAuthor = source.ReviewedByAuthor, Credit = source.Credit, Language = source.Language,
            TextEngine = source.TextEngine, ArtEngine = source.ArtEngine, BudgetUsd = source.BudgetUsd, TemplateId = source.TemplateId,
            CreatedAt = now, UpdatedAt = now,
        };
        var latest = await BookVersions.LatestAsync(db, id, ct);
        // A copy of a built book is built too (its files are the original's latest); edits not yet built stay edits.
        copy.Status = latest is null ? BookStatus.Draft : source.Status == BookStatus.Outdated ? BookStatus.Outdated : BookStatus.Ready;
        if (latest is not null)
        {
            // Copied first: a version row never points at files that are not there yet.
            foreach (var file in latest.Files())
            {
                await using var content = await files.OpenReadAsync(id, latest.Number, file.Name, ct);
                if (content is not null)
                {
                    await files.WriteAsync(copy.Id, 1, file.Name, content, ct);
                }
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Books.Add(copy);
        await db.SaveChangesAsync(ct);
        var cast = await db.BookCharacters.AsNoTracking().Where(x => x.BookId == id).ToListAsync(ct);
        db.BookCharacters.AddRange(cast.Select(x => new BookCharacter { BookId = copy.Id, CharacterId = x.CharacterId, Position = x.Position }));
        var pages = await db.Pages.AsNoTracking().Where(p => p.BookId == id).ToListAsync(ct);
        db.Pages.AddRange(pages.Select(p => new Page
        {
            BookId = copy.Id, Number = p.Number, Role = p.Role, Text = p.Text, IllustrationJson = p.IllustrationJson, UpdatedAt = now,
        }));
        // The pictures chosen print in the copy as in the original; each gets an asset row of the copy's, so deleting the
        // original (whose assets go with it) leaves the copy's pictures in place. The stored files are shared by their hash.
        var chosen = await db.PictureCandidates.AsNoTracking().Where(c => c.BookId == id && c.Chosen)
            .Join(db.Assets, c => c.AssetId, a => a.Id, (c, a) => new { Candidate = c, Asset = a }).ToListAsync(ct);
        foreach (var (c, a) in chosen.Select(x => (x.Candidate, x.Asset)))
        {
            var asset = new Asset
            {
                OwnerId = copy.OwnerId, BookId = copy.Id, Kind = a.Kind, Sha256 = a.Sha256, ContentType = a.ContentType, Size = a.Size,
                StoragePath = a.StoragePath, CreatedAt = now,
            };
            db.Assets.Add(asset);
            db.PictureCandidates.Add(new PictureCandidate
            {
                BookId = copy.Id, PageNumber = c.PageNumber, Seed = c.Seed, AssetId = asset.Id, Chosen = true, CreatedAt = now,
            });
        }
        if (latest is not null)
        {
            db.BookVersions.Add(new BookVersion { BookId = copy.Id, Number = 1, FilesJson = latest.FilesJson, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/books/{copy.Id}", await db.DetailsAsync(copy, ct));
    }

    internal static string CopyTitle(string title)
    {
        var copy = "Copy of " + title;
        return copy.Length <= BriefLimits.Title ? copy : copy[..BriefLimits.Title].TrimEnd();
    }
}
