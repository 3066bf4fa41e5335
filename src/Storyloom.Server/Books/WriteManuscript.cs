using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

/// <summary>
/// Writes the pages with the offline story engine, in well under a second, so pages can be read and edited before the
/// generation jobs exist. Generation (next issue) will do the same and then draw and print.
/// </summary>
internal static class WriteManuscript
{
    public static async Task<Results<Ok<BookDto>, NotFound, ValidationProblem>> Handle(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var (spec, errors) = BookBrief.Validate(await db.BriefAsync(book, ct));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "Fix the brief with PATCH before writing the manuscript");
        }
        var manuscript = new OfflineStoryEngine().Write(spec!);
        var now = time.UtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Pages.Where(p => p.BookId == id).ExecuteDeleteAsync(ct);
        // Pictures drawn again for the old pages do not fit the new story.
        await db.PictureCandidates.Where(c => c.BookId == id).ExecuteDeleteAsync(ct);
        db.Pages.AddRange(manuscript.Pages.Select(p => new Page
        {
            BookId = id,
            Number = p.Number,
            Role = RoleName(p.Role),
            Text = p.Text,
            IllustrationJson = p.Illustration is null ? null : JsonSerializer.Serialize(p.Illustration, BookBuilder.Json),
            UpdatedAt = now,
        }));
        // The text names the engine's cast; a book that already has its own cast keeps it (the engines will draw from it later).
        if (!await db.BookCharacters.AnyAsync(x => x.BookId == id, ct))
        {
            var cast = manuscript.Cast.Select(c => new Characters.Character
            {
                OwnerId = book.OwnerId,
                Name = c.Name,
                Species = JsonNamingPolicy.KebabCaseLower.ConvertName(c.Species.ToString()),
                Role = c.Role,
                VisualDescription = c.VisualDescription,
                BodyColor = c.BodyColor,
                AccentColor = c.AccentColor,
                Clothing = c.Clothing,
                ClothingColor = c.ClothingColor,
                Accessory = c.Accessory,
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            db.Characters.AddRange(cast);
            // The model knows no link from book_characters to characters, so EF would not order these inserts itself.
            await db.SaveChangesAsync(ct);
            db.BookCharacters.AddRange(cast.Select((c, i) => new BookCharacter { BookId = id, CharacterId = c.Id, Position = i }));
        }
        book.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await db.DetailsAsync(book, ct));
    }

    /// <summary>"story", "the-end", "coloring-design" …: the manuscript's roles as the API spells enum values.</summary>
    public static string RoleName(PageRole role) => JsonNamingPolicy.KebabCaseLower.ConvertName(role.ToString());
}
