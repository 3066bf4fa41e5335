using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

internal static class UpdateBook
{
    public static async Task<Results<Ok<BookDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, BookRequest request, HttpContext context, StoryloomDb db, BookReadCache cache, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(context.User, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        // The ETag a GET of the book gives now: an edit made from an older read is refused rather than undoing a newer save.
        if (context.Request.Headers.IfMatch.Count > 0 && EditPreconditions.Stale(context.Request, cache.Make(default, await db.DetailsAsync(book, ct)).ETag))
        {
            return EditPreconditions.Conflict("The book");
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
        // Read back as a GET reads it (the database keeps its own precision of the stamps), so the ETag is the one a GET gives.
        var saved = await db.DetailsAsync(await db.Books.AsNoTracking().FirstAsync(b => b.Id == id, ct), ct);
        context.Response.Headers.ETag = cache.Make(default, saved).ETag;
        return TypedResults.Ok(saved with { Warnings = await db.WarningsAsync(book, ct) });
    }
}
