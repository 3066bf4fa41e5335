using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

internal static class CreateBook
{
    public static async Task<Results<Created<BookDto>, ValidationProblem>> Handle(
        BookRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var ownerId = user.Id();
        var (input, templateError) = await InputAsync(request, ownerId, db, ct);
        if (templateError is not null)
        {
            return templateError;
        }
        var (spec, errors) = BookBrief.Validate(input);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The brief cannot be printed as asked");
        }
        var now = time.UtcNow();
        var book = new Book
        {
            OwnerId = ownerId, Title = "", Author = "", Kind = "", AgeGroup = "", Theme = "", Trim = "", Ink = "", Paper = "",
            TemplateId = request.TemplateId, CreatedAt = now, UpdatedAt = now,
        };
        book.Apply(spec!);
        if (Engines.EngineChoice.Apply(book, request, spec!) is { } engineErrors)
        {
            return TypedResults.ValidationProblem(engineErrors, title: "The engines cannot make this book as asked");
        }
        db.Books.Add(book);
        if (request.CharacterIds is { Count: > 0 } ids && await BookBrief.SetCharactersAsync(db, book, ids, ct) is { } characterErrors)
        {
            return TypedResults.ValidationProblem(characterErrors);
        }
        await db.SaveChangesAsync(ct);
        var created = await db.DetailsAsync(book, ct) with { Warnings = await db.WarningsAsync(book, ct) };
        return TypedResults.Created($"/api/v1/books/{book.Id}", created);
    }

    /// <summary>The request as a brief, over the template it names (which must be one of the caller's or a shared one).</summary>
    internal static async Task<(BookSpecInput Input, ValidationProblem? Error)> InputAsync(BookRequest request, Guid ownerId, StoryloomDb db, CancellationToken ct)
    {
        var input = request.ToInput();
        if (request.TemplateId is not { } templateId)
        {
            return (input, null);
        }
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == templateId && (t.OwnerId == null || t.OwnerId == ownerId), ct);
        if (template is null)
        {
            return (input, Invalid("templateId", $"template {templateId} does not exist; list them with GET /api/v1/templates"));
        }
        try
        {
            return (BookBrief.WithTemplate(input, template.SpecJson), null);
        }
        catch (SpecException e)
        {
            return (input, Invalid("templateId", e.Message));
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
