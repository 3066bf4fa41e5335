using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

internal static class UpdateBook
{
    public static async Task<Results<Ok<BookDto>, NotFound, ValidationProblem>> Handle(
        Guid id, BookRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        if (request.TemplateId is { } templateId
            && !await db.Templates.AnyAsync(t => t.Id == templateId && (t.OwnerId == null || t.OwnerId == book.OwnerId), ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["templateId"] = [$"template {templateId} does not exist; list them with GET /api/v1/templates"],
            });
        }
        // Checked as a whole: changing only the ink can make the page count impossible, and the answer says so.
        var (spec, errors) = BookBrief.Validate(book.ToInput().PatchedBy(request));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The brief cannot be printed as asked");
        }
        if (Engines.EngineChoice.Apply(book, request, spec!) is { } engineErrors)
        {
            return TypedResults.ValidationProblem(engineErrors, title: "The engines cannot make this book as asked");
        }
        book.Apply(spec!);
        book.TemplateId = request.TemplateId ?? book.TemplateId;
        if (request.CharacterIds is { } ids && await BookBrief.SetCharactersAsync(db, book, ids, ct) is { } characterErrors)
        {
            return TypedResults.ValidationProblem(characterErrors);
        }
        book.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.DetailsAsync(book, ct) with { Warnings = await db.WarningsAsync(book, ct) });
    }
}
