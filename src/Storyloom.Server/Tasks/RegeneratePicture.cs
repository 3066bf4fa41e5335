using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Queued = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Storyloom.Server.Tasks.TaskDto>, Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Storyloom.Server.Tasks;

/// <summary>
/// POST /books/{id}/pages/{number}/regenerate-picture and /books/{id}/cover/regenerate: a task that draws 1–4 new
/// pictures, each from a new seed and saved as its own step and content-addressed asset. Earlier candidates are kept;
/// nothing in the book changes until the user chooses one (PUT …/picture) and rebuilds. The picture the page has without a
/// choice is kept beside them as its original.
/// </summary>
internal static class RegeneratePicture
{
    public const string StepPrefix = "candidate-";
    public const int DefaultCount = 3;
    public const int MaxCount = 4;

    private sealed record Input(int Page, IReadOnlyList<int> Seeds);

    public static Task<Queued> ForPage(
        Guid id, int number, RegeneratePictureRequest? request, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options,
        TimeProvider time, CancellationToken ct) => QueueAsync(id, number, request, user, db, queue, options, time, ct);

    public static Task<Queued> ForCover(
        Guid id, RegeneratePictureRequest? request, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options,
        TimeProvider time, CancellationToken ct) => QueueAsync(id, null, request, user, db, queue, options, time, ct);

    private static async Task<Queued> QueueAsync(
        Guid id, int? number, RegeneratePictureRequest? request, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options,
        TimeProvider time, CancellationToken ct)
    {
        var (target, refusal) = await Regeneration.FindAsync(db, user, id, number, ct);
        if (target is null)
        {
            return refusal!;
        }
        var errors = new Dictionary<string, string[]>();
        var count = request?.Count ?? DefaultCount;
        if (count is < 1 or > MaxCount)
        {
            errors["count"] = [$"count is {count}; ask for 1 to {MaxCount} new pictures (or leave it out for {DefaultCount})"];
        }
        if (target.Page is { } page && !Regeneration.PictureRoles.Contains(page.Role))
        {
            errors["number"] = [$"page {page.Number} is a {page.Role} page and has no picture of its own; choose a story or design page, or the cover"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var key = number ?? PictureCandidate.Cover;
        var used = await db.PictureCandidates.Where(c => c.BookId == id && c.PageNumber == key && !c.Original).Select(c => c.Seed).ToListAsync(ct);
        var seeds = Enumerable.Range(0, count).Select(i => Regeneration.NewSeed(target.Book.Seed, key, used.Count + i, used)).ToList();
        return await Regeneration.QueueAsync(db, queue, options, time, target.Book, TaskRunner.PictureKind, new Input(key, seeds), count, ct);
    }

    /// <summary>One saved step per picture: drawn into the book's art folder (a rebuild with it chosen draws nothing), stored, recorded.</summary>
    public static async Task RunAsync(TaskRunner runner, Book book, BookSpec spec, CancellationToken ct)
    {
        var input = Regeneration.Input<Input>(runner.Current);
        var manuscript = await runner.FromSavedPagesAsync(book.Id, spec, requireBuilt: false, ct);
        var stepName = input.Page == PictureCandidate.Cover ? "art-cover" : $"art-p{input.Page:000}";
        await KeepOriginalAsync(runner, book, spec, manuscript, input.Page, stepName, ct);
        for (var i = 0; i < input.Seeds.Count; i++)
        {
            var seed = input.Seeds[i];
            await runner.StepAsync($"{StepPrefix}{i + 1}", i + 1, ct, async () =>
            {
                var seeds = new Dictionary<int, int>(manuscript.PictureSeeds ?? new Dictionary<int, int>()) { [input.Page] = seed };
                var plan = runner.Steps.PlanArt(spec, manuscript with { PictureSeeds = seeds }, runner.ArtFolder);
                var step = plan.Steps.FirstOrDefault(s => s.Name == stepName)
                    ?? throw new StepFailedException($"page {input.Page} has no picture in this book's layout; choose a story or design page");
                BookSteps.DrawArt(plan, stepName);
                // The page's own picture comes first (the interior is laid out first); the cover's is the front cover, laid out last.
                var main = Path.Combine(runner.ArtFolder, input.Page == PictureCandidate.Cover ? step.Files[^1] : step.Files[0]);
                await SaveCandidateAsync(runner, book, input.Page, seed, main, ct);
                return step.Files.Select(f => "build/" + f).ToList();
            });
        }
    }

    private static async Task SaveCandidateAsync(TaskRunner runner, Book book, int page, int seed, string file, CancellationToken ct)
    {
        var db = runner.Db;
        var taskId = runner.Current.Id;
        // A step that ran to here before its worker died runs again: the candidate is recorded once.
        if (await db.PictureCandidates.AnyAsync(c => c.TaskId == taskId && c.PageNumber == page && c.Seed == seed, ct))
        {
            return;
        }
        var asset = NewAsset(runner, book, await runner.Store.PutFileAsync(file, ct), new FileInfo(file).Length);
        db.PictureCandidates.Add(new PictureCandidate { BookId = book.Id, PageNumber = page, Seed = seed, AssetId = asset.Id, TaskId = taskId, CreatedAt = asset.CreatedAt });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Keeps the picture the page has without a choice (the book's own seed) beside the candidates, so the user can compare
    /// before choosing. It is the file the builds drew: in this node's art folder, or saved by any of the book's task steps
    /// (another worker's). Only the offline engine draws it when neither has it; a model is never paid for it here.
    /// </summary>
    private static async Task KeepOriginalAsync(TaskRunner runner, Book book, BookSpec spec, Manuscript manuscript, int page, string stepName, CancellationToken ct)
    {
        var others = manuscript.PictureSeeds?.Where(s => s.Key != page).ToDictionary();
        var plan = runner.Steps.PlanArt(spec, manuscript with { PictureSeeds = others is { Count: > 0 } ? others : null }, runner.ArtFolder);
        if (plan.Steps.FirstOrDefault(s => s.Name == stepName) is not { } step)
        {
            return;
        }
        var relative = page == PictureCandidate.Cover ? step.Files[^1] : step.Files[0];
        var file = Path.Combine(runner.ArtFolder, relative);
        var db = runner.Db;
        if (!File.Exists(file))
        {
            var saved = "build/" + relative;
            // The book's tasks first, then their steps of that name: both by index, however many steps the database holds.
            var tasks = await db.GenerationTasks.Where(t => t.BookId == book.Id).Select(t => t.Id).ToListAsync(ct);
            var outputs = await db.TaskSteps.AsNoTracking()
                .Where(s => tasks.Contains(s.TaskId) && s.Name == stepName && s.OutputJson != null && s.OutputJson.Contains(saved))
                .Select(s => s.OutputJson).FirstOrDefaultAsync(ct);
            if (outputs is not null && JsonSerializer.Deserialize<Dictionary<string, string>>(outputs)!.TryGetValue(saved, out var stored))
            {
                await runner.Store.CopyToAsync(stored, file, ct);
            }
            else if (!runner.Steps.ArtCredit.IsAiModel)
            {
                BookSteps.DrawArt(plan, stepName);
            }
            else
            {
                return;
            }
        }
        var sha = await runner.Store.PutFileAsync(file, ct);
        var kept = await db.PictureCandidates.FirstOrDefaultAsync(c => c.BookId == book.Id && c.PageNumber == page && c.Original, ct);
        if (kept is not null && await db.Assets.AnyAsync(a => a.Id == kept.AssetId && a.Sha256 == sha, ct))
        {
            return;
        }
        var asset = NewAsset(runner, book, sha, new FileInfo(file).Length);
        if (kept is null)
        {
            kept = new PictureCandidate { BookId = book.Id, PageNumber = page, Original = true };
            db.PictureCandidates.Add(kept);
        }
        // The page's picture changed since (its illustration was edited): the original is what a rebuild without a choice prints now.
        (kept.Seed, kept.AssetId, kept.TaskId, kept.CreatedAt) = (book.Seed, asset.Id, runner.Current.Id, asset.CreatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another worker's task for the same page kept it at the same moment: theirs stands.
            db.Entry(kept).State = EntityState.Detached;
            db.Entry(asset).State = EntityState.Detached;
        }
    }

    private static Asset NewAsset(TaskRunner runner, Book book, string sha, long size)
    {
        var asset = new Asset
        {
            OwnerId = book.OwnerId, BookId = book.Id, Kind = "picture", Sha256 = sha, ContentType = "image/svg+xml",
            Size = size, StoragePath = $"{sha[..2]}/{sha}", CreatedAt = runner.Time.UtcNow(),
        };
        runner.Db.Assets.Add(asset);
        return asset;
    }
}
