using Storyloom.Core.Books;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

/// <summary>Reading and editing the pages of a written manuscript.</summary>
internal static class BookPages
{
    public const int MaxTextLength = 2000;

    /// <summary>Pages that may change places: the story pages, or a coloring book's designs (always on right-hand pages).</summary>
    private static readonly string[] MovableRoles = ["story", "coloring-design"];

    public static async Task<Results<Ok<List<PageDto>>, NotFound>> List(Guid id, ClaimsPrincipal user, StoryloomDb db, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var pages = await db.Pages.AsNoTracking().Where(p => p.BookId == id).OrderBy(p => p.Number).ToListAsync(ct);
        return TypedResults.Ok(pages.Select(p => p.AsDto()).ToList());
    }

    public static async Task<Results<Ok<PageDto>, NotFound>> Get(Guid id, int number, HttpContext context, StoryloomDb db, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(context.User, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.BookId == id && p.Number == number, ct);
        if (page is null)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.ETag = EditPreconditions.PageTag(page);
        return TypedResults.Ok(page.AsDto());
    }

    public static async Task<Results<Ok<PageDto>, NotFound, ValidationProblem, ProblemHttpResult>> EditText(
        Guid id, int number, PageTextRequest request, HttpContext context, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(context.User, id, ct);
        var page = book is null ? null : await db.Pages.FirstOrDefaultAsync(p => p.BookId == id && p.Number == number, ct);
        if (book is null || page is null)
        {
            return TypedResults.NotFound();
        }
        if (EditPreconditions.Stale(context.Request, EditPreconditions.PageTag(page)))
        {
            return EditPreconditions.Conflict($"Page {number}");
        }
        var text = request.Text?.Trim();
        if (text is null || text.Length > MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [text is null
                    ? "text is missing; send {\"text\": \"…\"} (an empty string leaves the page without text)"
                    : $"the text is {text.Length} characters long; a page holds at most {MaxTextLength}, so split it over more pages"],
            });
        }
        if (PrintableText.Problem(text, "the text") is { } unprintable)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [unprintable] });
        }
        page.Text = text.Length == 0 ? null : text;
        page.UpdatedAt = book.UpdatedAt = time.UtcNow();
        book.Status = BookStatus.AfterEdit(book.Status);
        await db.SaveChangesAsync(ct);
        context.Response.Headers.ETag = EditPreconditions.PageTag(page);
        return TypedResults.Ok(page.AsDto());
    }

    public static async Task<Results<Ok<List<PageDto>>, NotFound, ValidationProblem>> Reorder(
        Guid id, ReorderRequest request, ClaimsPrincipal user, StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        var pages = await db.Pages.Where(p => p.BookId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var movable = pages.Where(p => MovableRoles.Contains(p.Role)).ToList();
        var slots = movable.Select(p => p.Number).ToList();
        if (Problem(request.Order, slots) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["order"] = [problem] });
        }
        var byNumber = movable.ToDictionary(p => p.Number);
        var now = time.UtcNow();
        // Two steps in one transaction keep the unique (book_id, number) index satisfied after every single row update,
        // which SQLite and PostgreSQL both check row by row: first out of the way (negative), then into the new places.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in movable)
        {
            p.Number = -p.Number;
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < slots.Count; i++)
        {
            var p = byNumber[request.Order![i]];
            p.Number = slots[i];
            p.UpdatedAt = now;
        }
        book.UpdatedAt = now;
        book.Status = BookStatus.AfterEdit(book.Status);
        await db.SaveChangesAsync(ct);
        await Tasks.Regeneration.FollowPagesAsync(db, id, Enumerable.Range(0, slots.Count).ToDictionary(i => request.Order![i], i => slots[i]), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(pages.OrderBy(p => p.Number).Select(p => p.AsDto()).ToList());
    }

    private static string? Problem(IReadOnlyList<int>? order, List<int> slots)
    {
        if (slots.Count == 0)
        {
            return "the book has no story pages yet; write the manuscript first (POST /api/v1/books/{id}/manuscript)";
        }
        var expected = $"give each of the story pages {slots[0]}–{slots[^1]} exactly once, e.g. [{string.Join(", ", slots.Take(3).Reverse())}, …]";
        if (order is null || order.Count == 0)
        {
            return $"order is missing; {expected}";
        }
        var duplicates = order.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            return $"page {string.Join(", ", duplicates)} appears more than once; {expected}";
        }
        var unknown = order.Except(slots).ToList();
        if (unknown.Count > 0)
        {
            return $"page {string.Join(", ", unknown)} is not a story page of this book; {expected}";
        }
        var missing = slots.Except(order).ToList();
        return missing.Count > 0 ? $"page {string.Join(", ", missing.Take(10))} is missing from the order; {expected}" : null;
    }
}
