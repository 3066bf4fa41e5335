using System.CommandLine;
using Spectre.Console;
using Storyloom.Core.Art;
using Storyloom.Core.Ebook;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Printing;

namespace Storyloom.Cli.Books;

/// <summary><c>storyloom book ebook DIR</c>: adds the Kindle eBook to a book already made, from its own pages and pictures.</summary>
internal static class BookEbookCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dir = new Argument<string>("DIR") { Description = "The book's folder, as written by `storyloom book new`" };
        var narrate = new Option<bool>("--narrate") { Description = "Read every page aloud (offline with espeak-ng), each sentence highlighted as it is read" };
        var command = new Command("ebook", "Make the Kindle eBook (ebook.epub, ebook-cover.jpg) of a book already made.") { dir, narrate };
        command.SetAction(async (parse, ct) =>
        {
            var bookDir = Path.GetFullPath(parse.GetValue(dir)!);
            var (spec, manuscript) = EbookBuilder.ReadBook(bookDir);
            if (!EbookBuilder.CanMake(manuscript.Kind))
            {
                throw new UsageException("coloring books have no eBook (a Kindle cannot be colored in); give the folder of a story or concept book");
            }
            var voice = parse.GetValue(narrate) ? new EspeakVoice(manuscript.Language) : null;
            EbookReport? report = null;
            await console.Status().StartAsync("Making the eBook", async ctx =>
            {
                await using var printer = await ChromiumPrinter.StartAsync();
                var builder = new EbookBuilder(new BookSteps(new OfflineStoryEngine(), new OfflineArtEngine()));
                report = await builder.BuildAsync(spec, manuscript, bookDir, printer, voice,
                    new SyncProgress<string>(step => ctx.Status(Markup.Escape(step))), ct);
            });
            var r = report!;
            var verdict = r.Passed ? $"[green]{Markup.Escape(r.Verdict)}[/]" : "[red]FAIL[/]";
            console.MarkupLine($"{verdict} {Markup.Escape(Path.Combine(bookDir, r.File))}: {r.Megabytes:0.00} MB, {r.Pages} pages" +
                $"{(r.Narrated ? $", narrated ({Markup.Escape(r.Narrator ?? "")}, {r.NarrationSeconds:0} s)" : "")}, delivery ${r.DeliveryCostUsd:0.00} a sale at 70% royalty; " +
                $"epubcheck {Markup.Escape(r.Epubcheck.Version)}: {r.Epubcheck.Errors} errors, {r.Epubcheck.Warnings} warnings; cover {Markup.Escape(r.Cover)}; {r.Seconds:0.0} s");
            foreach (var f in r.Findings)
            {
                console.MarkupLine($"  [{(f.Level == "MUST" ? "red" : "yellow")}]{f.Rule} {f.Level}[/]{(f.Page > 0 ? $" page {f.Page}" : "")}: {Markup.Escape(f.Message)}");
            }
            return r.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
