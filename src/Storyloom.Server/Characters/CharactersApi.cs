using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Characters;

internal static class CharactersApi
{
    public static RouteGroupBuilder MapCharactersApi(this RouteGroupBuilder api)
    {
        var characters = api.MapGroup("/characters").WithTags("Characters").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        characters.MapPost("/", Create).WithName("CreateCharacter").WithJsonBodyErrors().WithIdempotency().WithSummary("Create a character for your books");
        characters.MapGet("/", List).WithName("ListCharacters").WithSummary("List your characters, searching by name or trait");
        characters.MapGet("/{id:guid}", Get).WithName("GetCharacter").WithSummary("Read a character and the books it appears in");
        characters.MapPut("/{id:guid}", Update).WithName("UpdateCharacter").WithJsonBodyErrors().WithSummary("Replace a character's description");
        characters.MapDelete("/{id:guid}", Delete).WithName("DeleteCharacter")
            .WithSummary("Delete a character that no book uses (409 names the books that still do)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<CharacterDto>, ValidationProblem>> Create(
        CharacterRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        if (request.Problems() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = time.UtcNow();
        var character = new Character { OwnerId = user.Id(), Name = "", Species = "", VisualDescription = "", CreatedAt = now, UpdatedAt = now };
        character.Apply(request);
        db.Characters.Add(character);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/characters/{character.Id}", character.AsDto([]));
    }

    private static async Task<Ok<PagedList<CharacterDto>>> List(
        ClaimsPrincipal user, StoryloomDb db, CancellationToken ct,
        [Description("Part of a name or a trait (case-insensitive)")] string? q = null,
        [Description("1-based page number")] int page = 1,
        [Description("At most 100")] int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, ListBooks.MaxPageSize);
        var userId = user.Id();
        var query = db.Characters.AsNoTracking().Where(c => c.OwnerId == userId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = q.Trim().ToLowerInvariant();
            query = query.Where(c => c.Name.ToLower().Contains(needle) || c.TraitsJson.ToLower().Contains(needle));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.Name.ToLower()).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var books = await BooksOfAsync(db, items.Select(c => c.Id).ToList(), ct);
        return TypedResults.Ok(new PagedList<CharacterDto>(
            items.Select(c => c.AsDto(books.GetValueOrDefault(c.Id, []))).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<CharacterDto>, NotFound>> Get(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        var character = await FindVisibleAsync(db, user, id, ct);
        return character is null ? TypedResults.NotFound()
            : TypedResults.Ok(character.AsDto((await BooksOfAsync(db, [id], ct)).GetValueOrDefault(id, [])));
    }

    private static async Task<Results<Ok<CharacterDto>, NotFound, ValidationProblem>> Update(
        Guid id, CharacterRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var character = await FindVisibleAsync(db, user, id, ct);
        if (character is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Problems() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        character.Apply(request);
        character.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(character.AsDto((await BooksOfAsync(db, [id], ct)).GetValueOrDefault(id, [])));
    }

    /// <summary>
    /// A character still in a book is not deleted: its pages name it and its pictures show it, so removing it silently
    /// would change books behind their owner's back. The 409 lists the books; take it out of them first (PATCH characterIds).
    /// </summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        var character = await FindVisibleAsync(db, user, id, ct);
        if (character is null)
        {
            return TypedResults.NotFound();
        }
        var books = (await BooksOfAsync(db, [id], ct)).GetValueOrDefault(id, []);
        if (books.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The character is in use",
                detail: $"{character.Name} appears in {string.Join(", ", books.Select(b => $"\"{b.Title}\""))}; remove it from "
                    + (books.Count == 1 ? "that book" : "those books") + " (PATCH /api/v1/books/{id} with characterIds) before deleting it",
                extensions: new Dictionary<string, object?> { ["books"] = books });
        }
        db.Characters.Remove(character);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Character?> FindVisibleAsync(StoryloomDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var character = await db.Characters.FirstOrDefaultAsync(c => c.Id == id, ct);
        return character is not null && user.CanSee(character.OwnerId) ? character : null;
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<CharacterBookDto>>> BooksOfAsync(StoryloomDb db, List<Guid> ids, CancellationToken ct)
    {
        var rows = await db.BookCharacters.Where(x => ids.Contains(x.CharacterId))
            .Join(db.Books, x => x.BookId, b => b.Id, (x, b) => new { x.CharacterId, b.Id, b.Title })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CharacterId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CharacterBookDto>)g.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).Select(r => new CharacterBookDto(r.Id, r.Title)).ToList());
    }
}
