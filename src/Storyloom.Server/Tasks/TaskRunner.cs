using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Tools;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Engines;
using Storyloom.Server.Files;
using Storyloom.Server.Hosting;
using Storyloom.Server.Storage;

namespace Storyloom.Server.Tasks;

/// <summary>A step that cannot finish for a reason the user can fix; the message says what to do.</summary>
internal sealed class StepFailedException(string message) : Exception(message);

/// <summary>How a run ended: the task finished (done, failed or cancelled), or the worker is stopping and the task waits for the next one.</summary>
internal enum RunOutcome
{
    Finished,
    Interrupted,
}

/// <summary>
/// Runs one task as a chain of saved steps, the declared steps of <see cref="BookPipeline"/>: story, safety, art for each page
/// and the cover, layout, Canva when chosen, preflight, previews, the eBook when asked, package.
/// Each step's files go to the content store and the step is recorded as done before the next starts, so a re-run —
/// after a crash, on another worker, or a retry — skips every done step and never draws a saved picture again.
/// </summary>
internal sealed class TaskRunner(
    StoryloomDb db, StoryloomOptions options, TimeProvider time, ContentStore store, BookFiles files, IStoryEngine story, IArtEngine art,
    IBookPrinting printing, TaskEngines engines, Canva.CanvaBookMaker canva, EbookMaker ebook, ILogger<TaskRunner> log)
{
    private BookSteps _steps = new(story, art);
    private IStoryEngine? _story;
    private GenerationTask _task = null!;
    private Dictionary<string, TaskStep> _done = [];
    /// <summary>Steps that take as long as several others (one Canva design per page): their share of the percent.</summary>
    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);
    private string _work = "";
    private string _art = "";

    public const string GenerateKind = "generate-book";
    public const string RebuildKind = "rebuild-book";
    public const string PictureKind = "regenerate-picture";
    public const string TextKind = "regenerate-text";

    /// <summary>Kinds that make or print the whole book (the others change one page and leave the book's files alone).</summary>
    public static bool IsBookKind(string kind) => kind is GenerateKind or RebuildKind;

    internal GenerationTask Current => _task;
    internal string ArtFolder => _art;
    internal TimeProvider Time => time;
    internal StoryloomOptions Options => options;
    internal BookSteps Steps => _steps;
    internal StoryloomDb Db => db;
    internal ContentStore Store => store;
    /// <summary>The story engine chosen for this task's book (the offline one until the run starts).</summary>
    internal IStoryEngine StoryEngine => _story ?? story;

    /// <summary>Step files live in the task's work folder, except pictures: "build/…" is the book's own art folder, kept between tasks.</summary>
    private string Resolve(string name) => name.StartsWith("build/", StringComparison.Ordinal) ? Path.Combine(_art, name[6..]) : Path.Combine(_work, name);

    public static string WorkFolder(StoryloomOptions options, Guid taskId) => Path.Combine(options.DataDirectory, "work", taskId.ToString("N"));

    public async Task<RunOutcome> RunAsync(Guid taskId, string worker, CancellationToken ct)
    {
        _task = await db.GenerationTasks.FirstAsync(t => t.Id == taskId, ct);
        using var span = Monitoring.StoryloomTelemetry.StartTask(taskId, _task.Kind, _task.TraceParent, worker);
        _work = WorkFolder(options, taskId);
        try
        {
            await RunStepsAsync(worker, ct);
            // Every output is in the content store and the book's folder by now, so the work folder can go first.
            Cleanup();
            var done = _task.Kind switch
            {
                PictureKind => "The new pictures are ready to choose from",
                TextKind => "The page has new text; rebuild the book to print it",
                _ => "The book is ready",
            };
            await FinishAsync(TaskStatuses.Succeeded, null, done, IsBookKind(_task.Kind) ? BookStatus.Ready : null);
            return RunOutcome.Finished;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The worker is stopping: done steps are saved; the task waits for the next worker.
            await db.GenerationTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TaskStatuses.Queued).SetProperty(t => t.JobKey, (string?)null), CancellationToken.None);
            await EventAsync("paused", "The worker stopped; the book continues from its last saved step", CancellationToken.None);
            return RunOutcome.Interrupted;
        }
        catch (TaskCancelledByUser)
        {
            // A cancelled rebuild leaves the last files, made before the edits.
            await FinishAsync(TaskStatuses.Cancelled, null, "Cancelled", _task.Kind switch { GenerateKind => BookStatus.Draft, RebuildKind => BookStatus.Outdated, _ => null });
            Cleanup();
            return RunOutcome.Finished;
        }
        catch (BuildException e) when (engines.BudgetStop(e) is { } words)
        {
            // A clean stop at a step boundary: the saved steps, the asset cache and the spend so far wait for a retry with a higher cap.
            await FinishAsync(TaskStatuses.BudgetReached, words, $"Stopped at the budget: {words}", IsBookKind(_task.Kind) ? BookStatus.Paused : null);
            return RunOutcome.Finished;
        }
        catch (Exception e) when (e is StepFailedException or BuildException or SpecException or ExternalToolException)
        {
            if (e.InnerException is Storyloom.Ai.Providers.OpenAiException { Detail: { } detail } provider)
            {
                // The user's message names the id only; what the provider answered stays here.
                log.LogWarning("Task {TaskId}: the AI provider failed (id {ProviderErrorId}): {Detail}", taskId, provider.Id, detail);
            }
            Monitoring.StoryloomTelemetry.Failed(span, e.Message);
            await FinishAsync(TaskStatuses.Failed, e.Message, $"Failed: {e.Message}", IsBookKind(_task.Kind) ? BookStatus.Failed : null);
            return RunOutcome.Finished;
        }
        catch (Exception e)
        {
            log.LogError(e, "Task {TaskId} failed at step {Step}", taskId, _task.Step);
            Monitoring.StoryloomTelemetry.Failed(span, e.GetType().Name);
            var words = $"{StepWords(_task.Step)} failed unexpectedly ({e.GetType().Name}); retry the task, and report it if it fails again";
            await FinishAsync(TaskStatuses.Failed, words, $"Failed: {words}", IsBookKind(_task.Kind) ? BookStatus.Failed : null);
            return RunOutcome.Finished;
        }
    }

    private async Task RunStepsAsync(string worker, CancellationToken ct)
    {
        var book = await db.Books.FirstOrDefaultAsync(b => b.Id == _task.BookId, ct)
            ?? throw new StepFailedException("the book was deleted; nothing to make");
        var (validated, errors) = BookBrief.Validate(await db.BriefAsync(book, ct));
        if (errors is not null)
        {
            throw new StepFailedException("the brief cannot be printed as it is: " + string.Join("; ", errors.SelectMany(e => e.Value)) + "; fix it with PATCH and retry");
        }
        var spec = validated!;
        // The book's art folder outlives tasks: a rebuild after a text edit reuses every picture whose inputs did not change.
        _art = Path.Combine(options.DataDirectory, "books", book.Id.ToString("N"), "build");
        _done = await db.TaskSteps.Where(s => s.TaskId == _task.Id && s.Status == "done").ToDictionaryAsync(s => s.Name, ct);
        foreach (var (name, sha) in _done.Values.SelectMany(s => Outputs(s)))
        {
            await store.CopyToAsync(sha, Resolve(name), ct);
        }
        Directory.CreateDirectory(_work);
        var (storyEngine, artEngine) = await engines.ForAsync(book, _task, story, art, ct);
        _steps = new BookSteps(storyEngine, artEngine);
        _story = storyEngine;
        _task.Engine = $"story: {storyEngine.Credit.Tool}; art: {artEngine.Credit.Tool}";
        _task.Worker = worker;
        _task.StartedAt ??= time.UtcNow();
        if (!IsBookKind(_task.Kind))
        {
            await db.SaveChangesAsync(ct);
            await EventAsync("started", _done.Count == 0 ? "Started" : $"Resumed after {_done.Count} saved steps", ct);
            await (_task.Kind == PictureKind ? RegeneratePicture.RunAsync(this, book, spec, ct) : RegenerateText.RunAsync(this, book, spec, ct));
            return;
        }
        book.Status = BookStatus.Generating;
        await db.SaveChangesAsync(ct);
        await EventAsync("started", _done.Count == 0 ? "Started" : $"Resumed after {_done.Count} saved steps", ct);

        var position = 0;
        await StepAsync(BookPipeline.Story, ++position, ct, async () =>
        {
            var written = _task.Kind == RebuildKind ? await FromSavedPagesAsync(book.Id, spec, requireBuilt: true, ct) : _steps.WriteStory(spec);
            await BookSteps.WriteJsonAsync(Path.Combine(_work, "manuscript.json"), written, ct);
            var edits = _task.Kind == RebuildKind ? await HandEditsAsync(book.Id, written, ct) : null;
            await BookSteps.WriteJsonAsync(Path.Combine(_work, "listing.json"), _steps.Listing(spec, written, edits), ct);
            if (_task.Kind != RebuildKind)
            {
                await SavePagesAsync(written, ct);
            }
            return ["manuscript.json", "listing.json"];
        });
        var manuscript = JsonSerializer.Deserialize<Manuscript>(await File.ReadAllTextAsync(Path.Combine(_work, "manuscript.json"), ct), BookBuilder.Json)!;

        await StepAsync(BookPipeline.Safety, ++position, ct, async () =>
        {
            var report = BookSteps.CheckSafety(spec, manuscript);
            await BookSteps.WriteJsonAsync(Path.Combine(_work, "safety.json"), report, ct);
            // A model's story still failing its check after the one revision goes on, and the task says so.
            if (report.Passed && BookSteps.StoryCheckOf(manuscript) is { Passed: false, Revision: { } revision } kept)
            {
                await EventAsync("check", $"story check: still failing after the model revised {revision.Pages.Count} pages: " +
                    string.Join("; ", kept.Findings.Where(f => f.Level == StoryCheck.Must).Take(3).Select(f => (f.Page > 0 ? $"page {f.Page}: " : "") + f.Message)), ct);
            }
            return report.Passed ? ["safety.json"] : throw new StepFailedException(string.Join("; ", report.Problems));
        });

        var plan = _steps.PlanArt(spec, manuscript, _art);
        var canvaChoice = await canva.ChoiceAsync(book.Id, ct);
        var makeEbook = BookPipeline.EbookAsked(spec);
        _task.StepsTotal = BookPipeline.Total(makeEbook, canvaChoice is not null, plan.Steps.Count);
        if (canvaChoice is not null)
        {
            _weights[Canva.CanvaBookMaker.Step] = Canva.CanvaBookMaker.Designs(canvaChoice, manuscript) + 1;
        }
        // A chosen picture is printed as the user saw it: after a reorder its page has another number (which the offline
        // engine draws with), and on another worker the art folder is empty; neither may draw (or pay for) it again.
        var chosen = await db.PictureCandidates.AsNoTracking().Where(c => c.BookId == book.Id && c.Chosen)
            .Join(db.Assets, c => c.AssetId, a => a.Id, (c, a) => new { c.PageNumber, a.Sha256 }).ToDictionaryAsync(c => c.PageNumber, c => c.Sha256, ct);
        foreach (var artStep in plan.Steps)
        {
            await StepAsync(artStep.Name, ++position, ct, async () =>
            {
                if (chosen.TryGetValue(artStep.Page ?? PictureCandidate.Cover, out var sha))
                {
                    var main = Path.Combine(_art, artStep.Page is null ? artStep.Files[^1] : artStep.Files[0]);
                    if (!File.Exists(main))
                    {
                        await store.CopyToAsync(sha, main, ct);
                    }
                }
                BookSteps.DrawArt(plan, artStep.Name);
                return artStep.Files.Select(f => "build/" + f).ToList();
            });
        }

        await StepAsync(BookPipeline.Layout, ++position, ct, async () =>
        {
            await printing.PrintAsync(_steps, spec, manuscript, _art, Path.Combine(_work, "out"), ct);
            // The page HTML goes with the step: the eBook is made from it, maybe by another worker after a restart.
            return new[] { "out/interior.pdf", "out/cover.pdf", "build/interior.html" }.Where(f => File.Exists(Resolve(f))).ToList();
        });

        // Pages or a cover made through Canva brand templates replace Storyloom's own; preflight and packaging take whichever exists.
        if (canvaChoice is { } choice)
        {
            await StepAsync(Canva.CanvaBookMaker.Step, ++position, ct, async () =>
            {
                await canva.MakeAsync(book.OwnerId, choice, spec, manuscript, _steps, plan, _work,
                    (message, done) => ProgressAsync("canva", message, done, ct), ct);
                return new[] { Canva.CanvaBookMaker.InteriorFile, Canva.CanvaBookMaker.CoverFile }.Where(f => File.Exists(Resolve(f))).ToList();
            });
        }
        string Final(string name) => File.Exists(Path.Combine(_work, $"out/{name}.canva.pdf")) ? $"out/{name}.canva.pdf" : $"out/{name}.pdf";

        await StepAsync(BookPipeline.Preflight, ++position, ct, async () =>
        {
            var outDir = Path.Combine(_work, "out");
            await printing.PreflightAsync(spec, manuscript, Path.Combine(_work, Final("interior")), Path.Combine(_work, Final("cover")),
                Path.Combine(outDir, "preflight.json"), ct);
            // The AI pictures' own check goes beside the print rules; one still wrong after its redraws is said, never hidden.
            if (_steps.ContentOf(manuscript) is { } content)
            {
                await ContentReport.AddToAsync(Path.Combine(outDir, "preflight.json"), content, ct);
                await EventAsync("check", content.Summary(), ct);
            }
            return ["out/preflight.json"];
        });

        await StepAsync(BookPipeline.Previews, ++position, ct, async () =>
        {
            // The same PNGs the CLI puts in preview/: kept with the step (content-addressed), not yet published with the version.
            var previews = Path.Combine(_work, "out", "preview");
            await printing.PreviewsAsync(Path.Combine(_work, Final("interior")), Path.Combine(_work, Final("cover")), previews, ct);
            return !Directory.Exists(previews) ? [] : Directory.EnumerateFiles(previews, "*.png").Order(StringComparer.Ordinal).Select(f => "out/preview/" + Path.GetFileName(f)).ToList();
        });

        if (makeEbook)
        {
            await StepAsync(EbookMaker.Step, ++position, ct, async () =>
            {
                // With the owner's AI provider the speech model reads (paid, cached, budgeted); otherwise espeak-ng, offline.
                var voice = spec.Narrate ? engines.Voice(manuscript.Language) ?? new Core.Ebook.EspeakVoice(manuscript.Language) : null;
                var told = Task.CompletedTask;
                async Task Tell(Task before, string part)
                {
                    await before;
                    await ProgressAsync("ebook", part, EbookMaker.Share(part, voice is not null), ct);
                }
                var report = await ebook.MakeAsync(_steps, spec, manuscript, _work, _art, Path.Combine(_work, "out", "preflight.json"), voice,
                    new EbookMaker.Parts(part => told = Tell(told, part)), ct);
                await told;
                await EventAsync("check", $"eBook {report.Verdict}: {report.Pages} pages, {report.Megabytes:0.00} MB, delivery ${report.DeliveryCostUsd:0.00} a sale; " +
                    $"epubcheck {report.Epubcheck.Errors} errors, {report.Epubcheck.Warnings} warnings" + (report.Narrated ? $"; narrated by {report.Narrator}, {report.NarrationSeconds:0} s" : ""), ct);
                return EbookMaker.Outputs;
            });
        }
        string Packaged(string name) => File.Exists(Path.Combine(_work, EbookMaker.Folder, name)) ? $"{EbookMaker.Folder}/{name}" : name == "preflight.json" ? "out/preflight.json" : name;

        await StepAsync(BookPipeline.Package, ++position, ct, async () =>
        {
            // A new version of the book in the store; the previous builds stay until someone deletes them.
            var inputs = new[]
            {
                ("interior.pdf", Final("interior")), ("cover.pdf", Final("cover")), ("listing.json", Packaged("listing.json")),
                ("manuscript.json", "manuscript.json"), ("preflight.json", Packaged("preflight.json")),
                ("ebook.epub", Packaged("ebook.epub")), ("ebook-cover.jpg", Packaged("ebook-cover.jpg")),
            }.Where(f => !f.Item1.StartsWith("ebook", StringComparison.Ordinal) || File.Exists(Path.Combine(_work, f.Item2))).Select(f => (Name: f.Item1, Content: (Stream)File.OpenRead(Path.Combine(_work, f.Item2)))).ToList();
            try
            {
                await BookVersions.PublishAsync(db, files, time, book.Id, _task.Id, inputs, ct);
            }
            finally
            {
                foreach (var (_, content) in inputs)
                {
                    await content.DisposeAsync();
                }
            }
            return [];
        });
    }

    internal async Task StepAsync(string name, int position, CancellationToken ct, Func<Task<IReadOnlyList<string>>> run)
    {
        if (_done.ContainsKey(name))
        {
            return;
        }
        ct.ThrowIfCancellationRequested();
        if (await db.GenerationTasks.Where(t => t.Id == _task.Id).Select(t => t.CancelRequested).FirstAsync(ct))
        {
            throw new TaskCancelledByUser();
        }
        var started = time.UtcNow();
        using var span = Monitoring.StoryloomTelemetry.StartStep(name, position, log);
        _task.Step = name;
        await db.SaveChangesAsync(ct);
        IReadOnlyList<string> files;
        try
        {
            files = await run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The trace shows which step broke, not only that the task did.
            Monitoring.StoryloomTelemetry.Failed(span, e.Message);
            throw;
        }
        var output = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            output[file] = await store.PutFileAsync(Resolve(file), ct);
        }
        var step = new TaskStep
        {
            TaskId = _task.Id, Name = name, Position = position, Status = "done", Worker = _task.Worker,
            OutputJson = JsonSerializer.Serialize(output), StartedAt = started, FinishedAt = time.UtcNow(),
        };
        // A failed attempt left a row; this one replaces it.
        await db.TaskSteps.Where(s => s.TaskId == _task.Id && s.Name == name).ExecuteDeleteAsync(ct);
        db.TaskSteps.Add(step);
        _done[name] = step;
        engines.RecordUsage(_task);
        _task.StepsDone = _done.Count;
        _task.Percent = PercentNow(0);
        await db.SaveChangesAsync(ct);
        await EventAsync("step", $"{StepWords(name)}: done", ct);
    }

    /// <summary>
    /// The book as it is now: the last build's manuscript (or, before the first build, the story engine's, which wrote the
    /// pages) with the pages as they are in the database (edited text, new order) and the pictures the user chose.
    /// </summary>
    internal async Task<Manuscript> FromSavedPagesAsync(Guid bookId, BookSpec spec, bool requireBuilt, CancellationToken ct)
    {
        var stored = await BookVersions.LatestAsync(db, bookId, ct) is { } latest
            ? await files.Store.GetAsync(BookFiles.KeyOf(bookId, latest.Number, "manuscript.json"), ct)
            : null;
        if (requireBuilt && stored is null)
        {
            throw new StepFailedException("the book has not been built yet; generate it first, then rebuild after edits");
        }
        var manuscript = stored is not null ? JsonSerializer.Deserialize<Manuscript>(stored, BookBuilder.Json)! : _steps.WriteStory(spec);
        var pages = await db.Pages.AsNoTracking().Where(p => p.BookId == bookId).ToDictionaryAsync(p => p.Number, ct);
        var chosen = await db.PictureCandidates.AsNoTracking().Where(c => c.BookId == bookId && c.Chosen).ToDictionaryAsync(c => c.PageNumber, c => c.Seed, ct);
        return manuscript with
        {
            PictureSeeds = chosen.Count == 0 ? null : chosen,
            Pages = manuscript.Pages.Select(p => pages.TryGetValue(p.Number, out var saved)
                ? p with
                {
                    Text = saved.Text,
                    Illustration = saved.IllustrationJson is null ? p.Illustration : JsonSerializer.Deserialize<IllustrationBrief>(saved.IllustrationJson, BookBuilder.Json),
                }
                : p).ToList(),
        };
    }

    /// <summary>Story pages whose words differ from the first build's (what the engine wrote), for the listing's AI answers.</summary>
    private async Task<HumanEdits?> HandEditsAsync(Guid bookId, Manuscript now, CancellationToken ct)
    {
        var first = await db.BookVersions.AsNoTracking().Where(v => v.BookId == bookId && v.DeletedAt == null).OrderBy(v => v.Number).FirstOrDefaultAsync(ct);
        if (first is null || await files.Store.GetAsync(BookFiles.KeyOf(bookId, first.Number, "manuscript.json"), ct) is not { } stored) return null;
        var written = JsonSerializer.Deserialize<Manuscript>(stored, BookBuilder.Json)!.Pages.ToDictionary(p => p.Number, p => p.Text);
        return new HumanEdits(now.Pages.Count(p => p.Role == PageRole.Story && written.TryGetValue(p.Number, out var t) && !string.Equals(t?.Trim(), p.Text?.Trim(), StringComparison.Ordinal)));
    }

    private async Task SavePagesAsync(Manuscript manuscript, CancellationToken ct)
    {
        var now = time.UtcNow();
        await db.Pages.Where(p => p.BookId == _task.BookId).ExecuteDeleteAsync(ct);
        // Pictures drawn again for the old pages do not fit the new story.
        await db.PictureCandidates.Where(c => c.BookId == _task.BookId).ExecuteDeleteAsync(ct);
        db.Pages.AddRange(manuscript.Pages.Select(p => new Page
        {
            BookId = _task.BookId!.Value,
            Number = p.Number,
            Role = WriteManuscript.RoleName(p.Role),
            Text = p.Text,
            IllustrationJson = p.Illustration is null ? null : JsonSerializer.Serialize(p.Illustration, BookBuilder.Json),
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The final state, its step row and its event in one transaction: a stream that sees the task finished has its last event too.</summary>
    private async Task FinishAsync(string status, string? error, string message, string? bookStatus)
    {
        var ct = CancellationToken.None;
        (error, message) = (error is null ? null : ForUser(error), ForUser(message));
        engines.RecordUsage(_task);
        var usage = _task;
        db.ChangeTracker.Clear();
        var now = time.UtcNow();
        var percent = status == TaskStatuses.Succeeded ? 100 : _task.Percent;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (error is not null && _task.Step is { } failedStep && !_done.ContainsKey(failedStep))
        {
            await db.TaskSteps.Where(s => s.TaskId == _task.Id && s.Name == failedStep).ExecuteDeleteAsync(ct);
            db.TaskSteps.Add(new TaskStep
            {
                TaskId = _task.Id, Name = failedStep, Position = _done.Count + 1, Status = "failed", Worker = _task.Worker,
                OutputJson = JsonSerializer.Serialize(new { error }), StartedAt = now, FinishedAt = now,
            });
        }
        if (bookStatus is not null)
        {
            await db.Books.Where(b => b.Id == _task.BookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, bookStatus), ct);
        }
        db.TaskEvents.Add(new TaskEvent { TaskId = _task.Id, Type = status, Step = _task.Step, Percent = percent, Message = message, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await db.GenerationTasks.Where(t => t.Id == _task.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, status)
            .SetProperty(t => t.Error, error)
            .SetProperty(t => t.FinishedAt, now)
            .SetProperty(t => t.Percent, percent)
            .SetProperty(t => t.InputTokens, usage.InputTokens)
            .SetProperty(t => t.OutputTokens, usage.OutputTokens)
            .SetProperty(t => t.Images, usage.Images)
            .SetProperty(t => t.PaidCalls, usage.PaidCalls)
            .SetProperty(t => t.CachedAnswers, usage.CachedAnswers)
            .SetProperty(t => t.CostUsd, usage.CostUsd), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>An event inside a long step; the percent moves with the step's own progress (0–1) instead of waiting for its end.</summary>
    internal Task ProgressAsync(string type, string message, double stepDone, CancellationToken ct)
    {
        _task.Percent = Math.Max(_task.Percent, PercentNow(stepDone));
        return EventAsync(type, message, ct);
    }

    /// <summary>The weighted share of the work done: the saved steps, and <paramref name="current"/> (0–1) of the step running now.</summary>
    private int PercentNow(double current)
    {
        int Weight(string name) => _weights.GetValueOrDefault(name, 1);
        var total = _task.StepsTotal + _weights.Values.Sum(w => w - 1);
        var done = _done.Keys.Sum(Weight) + (_task.Step is { } step && !_done.ContainsKey(step) ? Math.Clamp(current, 0, 1) * Weight(step) : 0);
        return Math.Min(99, (int)(done * 100 / Math.Max(1, total)));
    }

    /// <summary>
    /// Words a user reads (task error, events) name files, not the server's folders: a tool's message or an exception may hold
    /// the work folder, the book's art folder or the data folder. The full text goes to the log.
    /// </summary>
    internal string ForUser(string text)
    {
        var scrubbed = UserPaths.Scrub(text,
        [
            (_work, ""), (_art, "build"), (Path.GetFullPath(options.DataDirectory), ""), (Path.GetTempPath(), ""),
        ]);
        if (scrubbed != text)
        {
            log.LogInformation("Task {TaskId}: shown without server paths; in full: {Text}", _task.Id, text);
        }
        return scrubbed;
    }

    internal async Task EventAsync(string type, string message, CancellationToken ct)
    {
        message = ForUser(message);
        db.TaskEvents.Add(new TaskEvent
        {
            TaskId = _task.Id, Type = type, Step = _task.Step, Percent = _task.Percent, Message = message, CreatedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    private void Cleanup()
    {
        try
        {
            if (Directory.Exists(_work))
            {
                Directory.Delete(_work, recursive: true);
            }
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Could not remove the work folder {Folder}", _work);
        }
    }

    private static IEnumerable<(string Name, string Sha)> Outputs(TaskStep step) =>
        (step.OutputJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(step.OutputJson) ?? [])
        .Select(kv => (kv.Key, kv.Value));

    /// <summary>The step as a user would say it: the declared step's label, or one of the one-page tasks' own steps.</summary>
    public static string StepWords(string? step) => step switch
    {
        _ when step?.StartsWith(RegeneratePicture.StepPrefix, StringComparison.Ordinal) == true => $"Drawing new picture {step[RegeneratePicture.StepPrefix.Length..]}",
        RegenerateText.Step => "Writing new text for the page",
        _ => BookPipeline.Label(step),
    };

    private sealed class TaskCancelledByUser : Exception;
}
