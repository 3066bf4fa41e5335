using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Queued = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Storyloom.Server.Tasks.TaskDto>, Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Storyloom.Server.Tasks;

/// <summary>
/// POST /books/{id}/pages/{number}/regenerate-text: a task that writes new words for one story page — same cast, places and
/// place in the plot, the age band's reading level — from a new seed, with the book's own story engine (the model that wrote
/// an AI book, in its language), saves them on the page and marks the files out of date.
/// </summary>
internal static class RegenerateText
{
    public const string Step = "rewrite";

    /// <param name="Before">The page's words when the rewrite was asked for: a resumed run asks the model the same question, served from the cache.</param>
    private sealed record Input(int Page, int Seed, string? Before = null);

    public static async Task<Queued> Handle(
        Guid id, int number, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, TimeProvider time, CancellationToken ct)
    {
        var (target, refusal) = await Regeneration.FindAsync(db, user, id, number, ct);
        if (target is null)
        {
            return refusal!;
        }
        if (target.Page!.Role != "story")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["number"] = [$"page {number} is a {target.Page.Role} page; only story pages can be rewritten (edit this one with PUT …/pages/{number}/text)"],
            });
        }
        // Each rewrite gets the next seed, so asking again gives other words.
        var before = await db.GenerationTasks.CountAsync(t => t.BookId == id && t.Kind == TaskRunner.TextKind, ct);
        var seed = Regeneration.NewSeed(target.Book.Seed, number, before, new HashSet<int>());
        return await Regeneration.QueueAsync(db, queue, options, time, target.Book, TaskRunner.TextKind, new Input(number, seed, target.Page.Text), 1, ct);
    }

    public static async Task RunAsync(TaskRunner runner, Book book, BookSpec spec, CancellationToken ct)
    {
        var input = Regeneration.Input<Input>(runner.Current);
        await runner.StepAsync(Step, 1, ct, async () =>
        {
            // The engine chosen for this book: an AI-written book gets words from the same model, in its language.
            if (runner.StoryEngine is not IPageRewriter rewriter)
            {
                throw new StepFailedException($"{runner.StoryEngine.Credit.Tool} cannot rewrite one page; edit the text by hand (PUT …/pages/{input.Page}/text)");
            }
            var saved = await runner.FromSavedPagesAsync(book.Id, spec, requireBuilt: false, ct);
            var current = saved.Pages.FirstOrDefault(p => p.Number == input.Page)
                ?? throw new StepFailedException($"page {input.Page} is gone (the book was made again?); ask for new text again");
            // After a crash between saving the words and recording the step, the page already has new words; rewrite the words it had.
            current = current with { Text = input.Before ?? current.Text };
            var manuscript = saved with { Pages = [.. saved.Pages.Select(p => p.Number == input.Page ? current : p)] };
            var rewritten = rewriter.RewritePage(spec, manuscript, input.Page, input.Seed)
                ?? throw new StepFailedException($"no new words fit page {input.Page}'s place in the story (is it still a story page?); ask again, or edit it by hand");
            var db = runner.Db;
            var page = await db.Pages.FirstAsync(p => p.BookId == book.Id && p.Number == input.Page, ct);
            var now = runner.Time.UtcNow();
            page.Text = rewritten.Text;
            page.UpdatedAt = book.UpdatedAt = now;
            book.Status = BookStatus.AfterEdit(book.Status);
            await db.SaveChangesAsync(ct);
            var file = Path.Combine(TaskRunner.WorkFolder(runner.Options, runner.Current.Id), "page-text.json");
            await BookSteps.WriteJsonAsync(file, new { page = input.Page, input.Seed, before = current.Text, after = rewritten.Text }, ct);
            return ["page-text.json"];
        });
    }
}
