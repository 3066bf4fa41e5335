using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;

namespace Storyloom.Server.Books;

/// <summary>
/// <c>POST /api/v1/books/check</c>: a brief checked as <c>POST /books</c> would check it, saving nothing — the field errors, and
/// what the offline engines will not do as asked (a theme with no plot, a creature they cannot draw …), so the web app can say
/// so on the review step, before anything is made.
/// </summary>
internal static class CheckBrief
{
    public sealed record BriefCheck(IReadOnlyList<string> Warnings);

    public static async Task<Results<Ok<BriefCheck>, ValidationProblem>> Handle(
        BookRequest request, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        var ownerId = user.Id();
        var (input, templateError) = await CreateBook.InputAsync(request, ownerId, db, ct);
        if (templateError is not null)
        {
            return templateError;
        }
        if (request.CharacterIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            var found = await db.Characters.Where(c => c.OwnerId == ownerId && wanted.Contains(c.Id)).ToListAsync(ct);
            if (wanted.Except(found.Select(c => c.Id)).ToList() is { Count: > 0 } missing)
            {
                return TypedResults.ValidationProblem(BookBrief.MissingCharacters(missing));
            }
            input = input with { Characters = [.. wanted.Select(id => found.Single(c => c.Id == id).AsInput())] };
        }
        var (spec, errors) = BookBrief.Validate(input);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The brief cannot be printed as asked");
        }
        var probe = new Book
        {
            OwnerId = ownerId, Title = "", Author = "", Kind = "", AgeGroup = "", Theme = "", Trim = "", Ink = "", Paper = "",
        };
        probe.Apply(spec!);
        if (Engines.EngineChoice.Apply(probe, request, spec!) is { } engineErrors)
        {
            return TypedResults.ValidationProblem(engineErrors, title: "The engines cannot make this book as asked");
        }
        var notes = probe.TextEngine == Engines.EngineChoice.Offline ? Core.Story.BriefNotes.For(spec!) : [];
        return TypedResults.Ok(new BriefCheck(notes));
    }
}
