using Storyloom.Core.Pipeline;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Engines;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tasks;

/// <summary>POST /books/{id}/generate and POST /series: check the brief and the user's caps, then queue one task per book.</summary>
internal static class GenerateBook
{
    public const int MaxSeries = 50;

    public static Task<Results<Accepted<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, ProviderOptions providers, TimeProvider time, CancellationToken ct) =>
        QueueAsync(TaskRunner.GenerateKind, id, user, db, queue, options, providers, time, ct);

    /// <summary>After edits to the pages: the same pictures (drawn again only where a brief changed), new PDFs.</summary>
    public static Task<Results<Accepted<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>> Rebuild(
        Guid id, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, ProviderOptions providers, TimeProvider time, CancellationToken ct) =>
        QueueAsync(TaskRunner.RebuildKind, id, user, db, queue, options, providers, time, ct);

    private static async Task<Results<Accepted<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>> QueueAsync(
        string kind, Guid id, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, ProviderOptions providers, TimeProvider time,
        CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        if (kind == TaskRunner.RebuildKind && await Files.BookVersions.LatestAsync(db, id, ct) is null)
        {
            return TasksApi.Conflict("the book has not been built yet; generate it first (POST /api/v1/books/{id}/generate), then rebuild after edits");
        }
        var (spec, errors) = BookBrief.Validate(await db.BriefAsync(book, ct));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "Fix the brief with PATCH before generating the book");
        }
        var active = await db.GenerationTasks.Where(t => t.BookId == id && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running))
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (active is not null)
        {
            return TasksApi.Conflict($"the book is being made already by task {active}; wait for it or cancel it first");
        }
        if (await CapProblemAsync(db, options, book.OwnerId, 1, ct) is { } capped)
        {
            return capped;
        }
        var estimate = await BookEstimate.ComputeAsync(book, spec!, providers, ct);
        if (book.UsesAi() && await AiProblemAsync(kind, book, providers, ct) is { } refused)
        {
            return refused;
        }
        var task = NewTask(book, null, time, kind);
        book.Status = BookStatus.Generating;
        db.GenerationTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync([task], ct);
        return TypedResults.Accepted($"/api/v1/tasks/{task.Id}", task.AsDto(estimate: estimate));
    }

    /// <summary>An AI book needs a usable provider; a new story's brief must pass moderation before anything is paid for.</summary>
    private static async Task<Results<Accepted<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>?> AiProblemAsync(
        string kind, Book book, ProviderOptions providers, CancellationToken ct)
    {
        var (_, provider) = await providers.ForUserAsync(book.OwnerId, ct);
        if (provider.Problem is { } problem)
        {
            var field = book.TextEngine == EngineChoice.OpenAi ? "textEngine" : "artEngine";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, title: "The AI engines cannot run for you yet");
        }
        if (kind != TaskRunner.GenerateKind)
        {
            return null;
        }
        try
        {
            if (await BriefModeration.CheckAsync(book, provider, ct) is { } flagged)
            {
                return TypedResults.ValidationProblem(flagged, title: "The brief was refused");
            }
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            providers.LogFailure(e);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The AI provider did not answer", detail: BriefModeration.Unavailable(e));
        }
    }

    public static async Task<Results<Accepted<SeriesDto>, NotFound, ValidationProblem, ProblemHttpResult>> Series(
        SeriesRequest request, ClaimsPrincipal user, StoryloomDb db, TaskQueue queue, StoryloomOptions options, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.BookId is null)
        {
            errors["bookId"] = ["bookId is missing; give the id of the book whose brief the series follows"];
        }
        if (request.Count is not { } count || count < 1 || count > MaxSeries)
        {
            errors["count"] = [$"count is {request.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}; ask for 1 to {MaxSeries} books"];
            count = 0;
        }
        if (request.Themes is { } themes && (themes.Count != count || themes.Any(string.IsNullOrWhiteSpace)))
        {
            errors["themes"] = [$"themes has {themes.Count} entries; give one non-empty theme per book ({count}) or leave it out"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var source = await db.FindVisibleAsync(user, request.BookId!.Value, ct);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        if (await CapProblemAsync(db, options, source.OwnerId, count, ct) is { } capped)
        {
            return capped;
        }
        var books = new List<Book>();
        var brief = await db.BriefAsync(source, ct);
        for (var i = 0; i < count; i++)
        {
            var theme = request.Themes?[i].Trim() ?? source.Theme;
            var input = brief with { Seed = SeriesSeed(source.Seed, i), Theme = theme, Title = SeriesTitle(source.Title, i) };
            var (spec, problems) = BookBrief.Validate(input);
            if (problems is not null)
            {
                return TypedResults.ValidationProblem(problems, title: $"Book {i + 1} of the series cannot be printed as asked");
            }
            var now = time.UtcNow();
            var book = new Book
            {
                OwnerId = source.OwnerId, Title = "", Author = "", Kind = "", AgeGroup = "", Theme = "", Trim = "", Ink = "", Paper = "",
                TemplateId = source.TemplateId, CreatedAt = now, UpdatedAt = now, Status = BookStatus.Generating,
                TextEngine = source.TextEngine, ArtEngine = source.ArtEngine, Language = source.Language, BudgetUsd = source.BudgetUsd,
            };
            book.Apply(spec!);
            books.Add(book);
        }
        var seriesId = Guid.CreateVersion7();
        db.Books.AddRange(books);
        // Every book of a series keeps the source's cast.
        var cast = await db.BookCharacters.Where(x => x.BookId == source.Id).ToListAsync(ct);
        db.BookCharacters.AddRange(books.SelectMany(b => cast.Select(x => new BookCharacter { BookId = b.Id, CharacterId = x.CharacterId, Position = x.Position })));
        var tasks = books.Select(b => NewTask(b, seriesId, time)).ToList();
        db.GenerationTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(tasks, ct);
        return TypedResults.Accepted($"/api/v1/tasks?status=queued", new SeriesDto(seriesId, books.Select(b => b.Id).ToList(), tasks.Select(t => t.AsDto()).ToList()));
    }

    /// <summary>Each book of a series gets its own seed, the same for the same source every time.</summary>
    internal static int SeriesSeed(int seed, int index) => index == 0 ? seed : (int)((uint)(seed * 7919 + index * 104729) % 1_000_000) + 1;

    private static string SeriesTitle(string title, int index)
    {
        var suffix = $", book {index + 1}";
        return (title.Length + suffix.Length > 120 ? title[..(120 - suffix.Length)] : title) + suffix;
    }

    private static GenerationTask NewTask(Book book, Guid? seriesId, TimeProvider time, string kind = TaskRunner.GenerateKind) => new()
    {
        OwnerId = book.OwnerId, BookId = book.Id, Kind = kind, SeriesId = seriesId, CreatedAt = time.UtcNow(),
        // An estimate until the run plans the pictures: one art step for each page and one for the cover.
        StepsTotal = BookPipeline.Total(ebook: (book.Ebook || book.Narrate) && book.Kind == "story", canva: false, artSteps: book.PageCount + 1),
    };

    /// <summary>429 in plain words when the user's waiting and running tasks would pass their cap.</summary>
    public static async Task<ProblemHttpResult?> CapProblemAsync(StoryloomDb db, StoryloomOptions options, Guid ownerId, int adding, CancellationToken ct)
    {
        var open = await db.GenerationTasks.CountAsync(t => t.OwnerId == ownerId && (t.Status == TaskStatuses.Queued || t.Status == TaskStatuses.Running), ct);
        var cap = options.Jobs.MaxQueuedPerUser;
        if (open + adding <= cap)
        {
            return null;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many tasks",
            detail: $"you have {open} tasks waiting or running and may have {cap}; wait for some to finish or cancel some, then ask again"
                + (adding > 1 ? $" (this asks for {adding})" : ""));
    }
}
