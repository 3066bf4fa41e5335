using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Queued = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Storyloom.Server.Tasks.TaskDto>, Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Storyloom.Server.Tasks;

/// <summary>What the regenerate endpoints share: find the book (and page), refuse what cannot be done in words, queue one task.</summary>
internal static class Regeneration
{
    /// <summary>Pages with a picture of their own (the title page shows the cover's).</summary>
    public static readonly string[] PictureRoles = ["story", "concept", "coloring-design"];

    public sealed record Target(Book Book, Page? Page);

    /// <summary>The book and the page (null for the cover) if the caller may change them; otherwise the answer to send.</summary>
    public static async Task<(Target? Target, Queued? Refusal)> FindAsync(
        StoryloomDb db, ClaimsPrincipal user, Guid id, int? number, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return (null, TypedResults.NotFound());
        }
        var page = number is { } n ? await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.BookId == id && p.Number == n, ct) : null;
        if (number is not null && page is null)
        {
            return (null, TypedResults.NotFound());
        }
        if (number is null && !await db.Pages.AnyAsync(p => p.BookId == id, ct))
        {
            return (null, TasksApi.Conflict("the book has no pages yet; make the book first (POST /api/v1/books/{id}/generate)"));
        }
        return (new Target(book, page), null);
    }

    /// <summary>Queues a task that changes one page (or the cover); a whole-book task on the same book must finish first.</summary>
    public static async Task<Queued> QueueAsync(
        StoryloomDb db, TaskQueue queue, StoryloomOptions options, TimeProvider time, Book book, string kind, object input, int steps, CancellationToken ct)
    {
        var (_, errors) = BookBrief.Validate(await db.BriefAsync(book, ct));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "Fix the brief with PATCH before changing its pages");
        }
        var busy = await db.GenerationTasks
            .Where(t => t.BookId == book.Id && (t.Kind == TaskRunner.GenerateKind || t.Kind == TaskRunner.RebuildKind)
                && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running))
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (busy is not null)
        {
            return TasksApi.Conflict($"the book is being made by task {busy}; wait for it to finish, then ask again");
        }
        if (await GenerateBook.CapProblemAsync(db, options, book.OwnerId, 1, ct) is { } capped)
        {
            return capped;
        }
        var task = new GenerationTask
        {
            OwnerId = book.OwnerId, BookId = book.Id, Kind = kind, CreatedAt = time.UtcNow(), StepsTotal = steps,
            InputJson = JsonSerializer.Serialize(input, JsonSerializerOptions.Web),
        };
        db.GenerationTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync([task], ct);
        return TypedResults.Accepted($"/api/v1/tasks/{task.Id}", task.AsDto());
    }

    /// <summary>
    /// After a reorder the pictures drawn again for a page go with it (old number → new number). Two passes, as for the
    /// pages: out of the way (negative), then into place, so one chosen picture per page number holds after every row.
    /// A moved page's original is dropped: without a choice the page is drawn anew at its new place, and the next drawing task keeps that one.
    /// </summary>
    public static async Task FollowPagesAsync(StoryloomDb db, Guid bookId, IReadOnlyDictionary<int, int> moves, CancellationToken ct)
    {
        var moved = moves.Where(m => m.Key != m.Value).Select(m => m.Key).ToList();
        await db.PictureCandidates.Where(c => c.BookId == bookId && c.Original && moved.Contains(c.PageNumber)).ExecuteDeleteAsync(ct);
        foreach (var (from, to) in moves.Where(m => m.Key != m.Value))
        {
            await db.PictureCandidates.Where(c => c.BookId == bookId && c.PageNumber == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.PageNumber, -to), ct);
        }
        await db.PictureCandidates.Where(c => c.BookId == bookId && c.PageNumber < 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.PageNumber, c => -c.PageNumber), ct);
    }

    public static T Input<T>(GenerationTask task) =>
        JsonSerializer.Deserialize<T>(task.InputJson ?? "null", JsonSerializerOptions.Web) ?? throw new StepFailedException("the task lost its input; start it again");

    /// <summary>A seed no earlier picture or text of this page used: the same every time for the same book, page and history.</summary>
    public static int NewSeed(int bookSeed, int page, int index, ICollection<int> used)
    {
        for (var i = index; ; i++)
        {
            var seed = (int)((uint)(bookSeed * 7919 + page * 104729 + i * 1_299_709) % 1_000_000) + 1;
            if (seed != bookSeed && !used.Contains(seed))
            {
                used.Add(seed);
                return seed;
            }
        }
    }
}
