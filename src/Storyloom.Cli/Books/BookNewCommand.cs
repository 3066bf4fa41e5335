using System.CommandLine;
using Spectre.Console;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Preflight;
using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;
using Storyloom.Print.Printing;

namespace Storyloom.Cli.Books;

/// <summary><c>storyloom book new</c>: brief in, print-ready book folder out.</summary>
internal static class BookNewCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var title = new Option<string?>("--title") { Description = "Book title (default: the story engine picks one)" };
        var author = new Option<string?>("--author") { Description = $"Author name printed on cover, title and copyright page, up to {BriefLimits.Author} characters (default: none, no author line)" };
        var kind = new Option<string?>("--kind") { Description = "story | coloring (default story)" };
        var age = new Option<string?>("--age") { Description = "Reading age: 0-2 | 3-5 | 6-8 | 9-12 (default 3-5)" };
        var theme = new Option<string?>("--theme") { Description = "Theme, e.g. friendship, the sea, dinosaurs" };
        var moral = new Option<string?>("--moral") { Description = "Optional moral for the last page" };
        var trim = new Option<string?>("--trim") { Description = "Trim WxH in inches, any KDP paperback trim (default 8.5x8.5 story, 8.5x11 coloring)" };
        var pages = new Option<string?>("--pages") { Description = "Interior PDF page count, even, 24–828 (default 32 story, 24 for a 0-2 story, 100 coloring)" };
        var ink = new Option<string?>("--ink") { Description = "bw | standard-color | premium-color (default premium-color story, bw coloring)" };
        var paper = new Option<string?>("--paper") { Description = "white | cream (default white)" };
        var bleed = new Option<bool>("--bleed") { Description = "Art runs off the page edge (default for stories)" };
        var noBleed = new Option<bool>("--no-bleed") { Description = "No bleed (default for coloring books)" };
        var seed = new Option<string?>("--seed") { Description = "Same spec and seed give the same book (default 1)" };
        var shape = new Option<string?>("--shape") { Description = "Story arc: quest | friend | bedtime | fear | sharing | new-place (default: picked from the theme)" };
        var focus = new Option<string?>("--focus") { Description = "Concept book instead of a story: abc | counting-10 | counting-20 | colors | shapes | opposites | feelings" };
        var level = new Option<string?>("--level") { Description = "Coloring detail: simple | medium | detailed (default by age)" };
        var style = new Option<string?>("--style") { Description = "Art style of a story book: flat-pastel | bold-outline | soft-shaded (default: picked by seed)" };
        var dedication = new Option<string?>("--dedication") { Description = "Dedication printed on the copyright page" };
        var aboutAuthor = new Option<string?>("--about-author") { Description = "Text of the about-the-author page" };
        var meet = new Option<bool>("--meet-the-characters") { Description = "Add a page that introduces the cast" };
        var character = new Option<string[]>("--character")
        {
            Description = "A member of the cast as name:species[:look], e.g. \"Pip:fox:purple scarf\"; repeat for more, the first is the hero",
            AllowMultipleArgumentsPerToken = false,
        };
        var imprint = new Option<string?>("--imprint") { Description = $"Your publishing imprint, printed where a publisher is named (default: none), up to {BriefLimits.Imprint} characters" };
        var reviewed = new Option<bool>("--reviewed-by-author") { Description = "You reviewed the text and every picture: the copyright page says so (only then)" };
        var credit = new Option<bool>("--credit") { Description = "Print \"Made with Storyloom\" and the software used on the copyright page (default: no Storyloom name in the book)" };
        var formats = new Option<string?>("--formats") { Description = "What to make: print | print,ebook (default print); the eBook is a fixed-layout EPUB for Kindle with its own cover" };
        var narrate = new Option<bool>("--narrate") { Description = "Read the eBook aloud (offline with espeak-ng), each sentence highlighted as it is read; implies --formats print,ebook" };
        var spec = new Option<FileInfo?>("--spec") { Description = "JSON file with the same fields; flags override it" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default ./out/<title>)" };
        var engines = new EngineChoice();

        var command = new Command("new", "Write, illustrate, lay out and preflight a new book.")
        {
            title, author, kind, age, theme, moral, trim, pages, ink, paper, bleed, noBleed, seed,
            shape, focus, level, style, dedication, aboutAuthor, meet, character, imprint, reviewed, credit, formats, narrate, spec, output,
        };
        foreach (var option in engines.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(bleed) && parse.GetValue(noBleed))
            {
                throw new UsageException("--bleed and --no-bleed contradict each other; give one of them");
            }
            var fromFile = parse.GetValue(spec) is { } file ? BookSpecInput.FromJsonFile(file.FullName) : new BookSpecInput();
            var flags = new BookSpecInput
            {
                Title = parse.GetValue(title), Author = parse.GetValue(author), Kind = parse.GetValue(kind),
                Age = parse.GetValue(age), Theme = parse.GetValue(theme), Moral = parse.GetValue(moral),
                Trim = parse.GetValue(trim), Pages = WholeNumber(parse.GetValue(pages), "--pages", "32"), Ink = parse.GetValue(ink),
                Paper = parse.GetValue(paper), Seed = WholeNumber(parse.GetValue(seed), "--seed", "7"),
                Bleed = parse.GetValue(bleed) ? true : parse.GetValue(noBleed) ? false : null,
                Shape = parse.GetValue(shape), Focus = parse.GetValue(focus), Level = parse.GetValue(level),
                Style = parse.GetValue(style), Dedication = parse.GetValue(dedication), AboutAuthor = parse.GetValue(aboutAuthor),
                MeetTheCharacters = parse.GetValue(meet) ? true : null,
                Characters = parse.GetValue(character) is { Length: > 0 } given ? given.Select(CharacterInput.FromFlag).ToList() : null,
                Imprint = parse.GetValue(imprint),
                ReviewedByAuthor = parse.GetValue(reviewed) ? true : null,
                Credit = parse.GetValue(credit) ? true : null,
            };
            var wantsEbook = Formats(parse.GetValue(formats));
            var bookSpec = fromFile.OverriddenBy(flags).ToSpec();
            if (wantsEbook || parse.GetValue(narrate))
            {
                bookSpec = bookSpec with { Ebook = true, Narrate = bookSpec.Narrate || parse.GetValue(narrate) };
            }
            if (bookSpec.Ebook && !Core.Ebook.EbookBuilder.CanMake(bookSpec.Kind))
            {
                throw new UsageException("coloring books have no eBook (a Kindle cannot be colored in); drop --formats ebook and --narrate, or make a story book");
            }
            var outDir = parse.GetValue(output) ?? Path.Combine("out", Slug(bookSpec.Title ?? $"{bookSpec.Kind}-{bookSpec.Seed}"));
            var builder = engines.Builder(parse, bookSpec, outDir, console);
            BookBuilder.PrepareOutput(Path.GetFullPath(outDir));
            var result = await BuildWithProgressAsync(console, bookSpec, outDir, null, ct, builder, notes: !engines.ModelPlansColoring);
            BookSummary.Write(console, bookSpec, result);
            if (engines.Ai is { } ai) console.MarkupLine(Markup.Escape(EngineChoice.SpendLine(ai)));
            return result.Published ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    public static async Task<BookResult> BuildWithProgressAsync(IAnsiConsole console, BookSpec spec, string outDir,
        ChromiumPrinter? printer, CancellationToken ct, BookBuilder? builder = null, bool notes = true)
    {
        builder ??= new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine());
        // What the engines cannot do as asked is said before the book is made, never substituted silently (a model-planned
        // coloring book is not the offline planner's: what it falls back to is said in the summary's Plan row).
        foreach (var note in notes ? BriefNotes.For(spec) : []) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        BookResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"[bold]{Markup.Escape(spec.Title ?? spec.Kind.ToString())}[/]", maxValue: BookPipeline.For(BookPipeline.EbookAsked(spec)).Count);
                var progress = new Progress<BuildProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Index - 1;
                    task.Description = $"{p.Index}/{p.Total} {Markup.Escape(p.Step)}";
                });
                result = await builder.BuildAsync(spec, outDir, new SyncProgress<BuildProgress>(p => ((IProgress<BuildProgress>)progress).Report(p)), printer, ct);
                task.Value = task.MaxValue;
                task.Description = "Done";
            });
        return result!;
    }

    /// <summary>--formats: a comma list of print and ebook; print is always made (the eBook is made from it).</summary>
    internal static bool Formats(string? text)
    {
        if (text is null) return false;
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        if (parts.Count == 0 || parts.Any(p => p is not ("print" or "ebook")))
        {
            throw new UsageException($"--formats takes print or print,ebook, not '{text}'");
        }
        return parts.Contains("ebook");
    }

    private static int? WholeNumber(string? text, string option, string example) =>
        text is null ? null
        : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new UsageException($"{option} must be a whole number such as {example}, not '{text}'");

    internal static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "book" : slug[..Math.Min(60, slug.Length)];
    }
}

/// <summary>Reports on the caller's thread, so the progress bar never lags behind the work.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

/// <summary>The short summary printed after a build: where the files are, pages, spine, verdict.</summary>
internal static class BookSummary
{
    public static void Write(IAnsiConsole console, BookSpec spec, BookResult r)
    {
        var g = r.Cover;
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().Title($"[bold]{Markup.Escape(r.Manuscript.Title)}[/]");
        table.AddColumn("");
        table.AddColumn("");
        table.AddRow("Folder", r.Published ? Markup.Escape(r.OutputDirectory) : $"[red]not written[/] — the failed files are in {Markup.Escape(r.OutputDirectory)}");
        table.AddRow("Interior", $"interior.pdf — {spec.Pages} pages, {spec.Trim.Name} in, {spec.Ink.ToCli()}, {spec.Paper.ToString().ToLowerInvariant()} paper, {(spec.Bleed ? "bleed" : "no bleed")}");
        table.AddRow("Cover", $"cover.pdf — {g.WidthIn:0.####} x {g.HeightIn:0.###} in ({g.WidthPt:0.###} x {g.HeightPt:0.###} pt)");
        table.AddRow("Spine", $"{g.SpineWidthIn:0.####} in ({g.SpineWidthPt:0.###} pt) — {SpineText(g)}");
        if (r.Ebook is { } e)
        {
            var ev = e.Passed ? $"[green]{Markup.Escape(e.Verdict)}[/]" : "[red]FAIL[/]";
            table.AddRow("eBook", $"{ev} — ebook.epub {e.Megabytes:0.00} MB ({e.Pages} pages{(e.Narrated ? $", narrated {e.NarrationSeconds:0} s" : "")}), delivery ${e.DeliveryCostUsd:0.00} a sale at 70%; epubcheck {e.Epubcheck.Errors} errors, {e.Epubcheck.Warnings} warnings; ebook-cover.jpg 1600x2560");
        }
        table.AddRow("Also", "manuscript.json, listing.json, preflight.json, preview/*.png, build/ (HTML and SVG sources)");
        var verdict = r.Preflight.Passed ? $"[green]{r.Preflight.Verdict}[/]" : "[red]FAIL[/]";
        table.AddRow("Preflight", $"{verdict} — {r.Preflight.Checks.Count(c => c.Status == CheckStatus.Pass)} checks passed, {r.Preflight.Failures.Count()} failed");
        if (r.ReadingLevel is { } level)
        {
            var band = level.InBand ? "[green]in band[/]" : "[yellow]out of band[/]";
            table.AddRow("Reading level", $"{band} — {Markup.Escape(level.Detail)}");
        }
        if (BookSteps.StoryCheckOf(r.Manuscript) is { } story)
        {
            var verdict2 = story.Passed ? "[green]passed[/]" : "[red]FAIL[/]";
            var shoulds = story.Findings.Count(f => f.Level == StoryCheck.Should);
            var revised = story.Revision is { Pages.Count: > 0 } rv ? $"; the model revised {rv.Pages.Count} pages once for {rv.DraftFindings.Count} findings" : "";
            table.AddRow("Story check", $"{verdict2} — theme {story.ThemeCoverage:P0}, {story.WordsPerPage:0} words a page, {story.WordsTotal} words, {shoulds} notes{revised} (preflight.json)");
        }
        if (r.Manuscript.Plan is { } plan)
        {
            table.AddRow("Plan", $"{(plan.Fallback is null ? "[green]model[/]" : "[yellow]offline[/]")} — {Markup.Escape(plan.Summary())} (preflight.json)");
        }
        if (r.Content is { } content)
        {
            table.AddRow("Picture check", $"{(content.Passed && content.Resolution.All(p => p.Finding is null) ? "[green]passed[/]" : "[yellow]SHOULD[/]")} — {Markup.Escape(content.Summary())} (preflight.json)");
        }
        table.AddRow("Time", $"{r.Elapsed.TotalSeconds:0.0} s ({r.PicturesDrawn} pictures drawn, {r.PicturesReused} reused)");
        console.Write(table);
        // A model's story still failing after its revision is printed, and said to be wrong here, never passed off as fine.
        foreach (var f in BookSteps.StoryCheckOf(r.Manuscript)?.Findings.Where(f => f.Level == StoryCheck.Must) ?? [])
        {
            console.MarkupLine($"  [red]story {Markup.Escape(f.Rule)} MUST[/]{(f.Page > 0 ? $" page {f.Page}" : "")}: {Markup.Escape(f.Message)} (still wrong after the model's revision: edit the page or make the book again with another --seed)");
        }
        foreach (var f in r.Ebook?.Findings ?? [])
        {
            console.MarkupLine($"  [{(f.Level == "MUST" ? "red" : "yellow")}]{f.Rule} {f.Level}[/] ebook.epub{(f.Page > 0 ? $" page {f.Page}" : "")}: {Markup.Escape(f.Message)}");
        }
        foreach (var f in r.Preflight.Failures)
        {
            console.MarkupLine($"  [{(f.Level == RuleLevel.Must ? "red" : "yellow")}]{f.Rule} {f.Level.ToString().ToUpperInvariant()}[/] {Markup.Escape(f.File)}: {Markup.Escape(f.Detail)}");
        }
        if (!r.Published && r.Preflight.Passed)
        {
            console.MarkupLine($"[red]error:[/] the eBook does not pass its checks, so nothing was written to {Markup.Escape(r.RequestedDirectory)}; " +
                $"the files and their report are in {Markup.Escape(Path.Combine(r.OutputDirectory, "preflight.json"))}. Please report it: Storyloom should never produce such a book.");
        }
        else if (!r.Published)
        {
            // The folder asked for is untouched; the failed files wait in the staging folder for the user to read.
            console.MarkupLine($"[red]error:[/] this book does not pass KDP preflight, so nothing was written to {Markup.Escape(r.RequestedDirectory)}; " +
                $"the failed PDFs and their report are in {Markup.Escape(Path.Combine(r.OutputDirectory, "preflight.json"))}. Please report it: Storyloom should never produce such a book.");
        }
    }

    private static string SpineText(CoverGeometry g) =>
        g.SpineTextFits ? "title and author on the spine"
        : g.Options.SpineTextAllowed ? $"no spine text: KDP allows it from 80 pages, but a 7 pt line needs a spine of {(7 * CoverGeometry.SpineLineBoxEm / 72 + 0.125):0.###} in"
        : $"no spine text (KDP allows it from 80 pages; this book has {g.Options.Pages})";
}
