using System.CommandLine;
using System.Net;
using System.Text;
using Spectre.Console;
using Storyloom.Cli.Books;
using Storyloom.Core.Books;
using Storyloom.Print.Kdp;
using Storyloom.Print.Printing;

namespace Storyloom.Cli.Gallery;

/// <summary>
/// <c>storyloom gallery --out DIR</c>: a dozen varied books (both kinds, every age band, shapes and concept books,
/// every art style and coloring level, seven trims, black and color ink), one contact sheet PNG each, and an
/// index.html, to judge quality at a glance. One warm Chromium prints them all.
/// </summary>
internal static class GalleryCommand
{
    public sealed record Entry(string Slug, BookSpec Spec);

    private static Trim T(string name) => Trims.TryParse(name)!;

    public static IReadOnlyList<Entry> Books =>
    [
        new("dinosaur-afraid-of-the-dark", new() { Theme = "a dinosaur who is afraid of the dark", Age = AgeBand.Age3To5, ArtStyle = "soft-shaded", Trim = Trims.Square85, Pages = 32, Seed = 3, MeetTheCharacters = true }),
        new("new-baby-board-book", new() { Theme = "a new baby sister", Age = AgeBand.Age0To2, ArtStyle = "flat-pastel", Trim = T("8x10"), Pages = 24, Seed = 11 }),
        new("brave-at-the-dentist", new() { Theme = "being brave at the dentist", Age = AgeBand.Age3To5, ArtStyle = "bold-outline", Trim = T("8.5x8.5"), Pages = 32, Seed = 4, Dedication = "For Ada and Leo, who always ask for one more story." }),
        new("pip-first-haircut", new() { Theme = "my first haircut", Age = AgeBand.Age3To5, ArtStyle = "flat-pastel", Trim = T("8x10"), Pages = 32, Seed = 8, Cast = [new("Pip", Species.Fox, Look: "purple scarf")] }),
        new("abc-farm", new() { Theme = "farm animals", Age = AgeBand.Age0To2, Focus = EducationalFocus.Abc, ArtStyle = "flat-pastel", Trim = Trims.Square85, Pages = 32, Seed = 4 }),
        new("counting-sea", new() { Theme = "the sea", Age = AgeBand.Age3To5, Focus = EducationalFocus.CountingTo10, ArtStyle = "bold-outline", Trim = T("8.25x8.25"), Pages = 24, Seed = 6 }),
        new("first-day-at-school", new() { Theme = "first day of school", Age = AgeBand.Age6To8, ArtStyle = "flat-pastel", Trim = T("6x9"), Pages = 32, Seed = 9, AboutAuthor = "Sam Lee writes stories for curious readers and reads them aloud to anyone who will listen." }),
        new("moving-house", new() { Theme = "moving house", Age = AgeBand.Age6To8, ArtStyle = "soft-shaded", Trim = T("5.5x8.5"), Pages = 32, Ink = Ink.Bw, Paper = Paper.Cream, Bleed = false, Seed = 5 }),
        new("feelings", new() { Theme = "feelings", Age = AgeBand.Age3To5, Focus = EducationalFocus.Feelings, ArtStyle = "soft-shaded", Trim = T("8.5x8.5"), Pages = 24, Seed = 10 }),
        new("unicorns-coloring", new() { Kind = BookKind.Coloring, Theme = "unicorns", Age = AgeBand.Age3To5, Level = ColoringLevel.Simple, Trim = Trims.Letter, Pages = 40, Ink = Ink.Bw, Bleed = false, Seed = 7 }),
        new("ocean-animals-coloring", new() { Kind = BookKind.Coloring, Theme = "ocean animals", Age = AgeBand.Age6To8, Level = ColoringLevel.Medium, Trim = Trims.Square85, Pages = 40, Ink = Ink.Bw, Bleed = false, Seed = 2 }),
        new("mandalas-coloring", new() { Kind = BookKind.Coloring, Theme = "mandalas", Age = AgeBand.Age9To12, Level = ColoringLevel.Detailed, Trim = T("8x10"), Pages = 40, Ink = Ink.Bw, Bleed = false, Seed = 12 }),
    ];

    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for the contact sheets and index.html", Required = true };
        var quick = new Option<bool>("--quick") { Description = "Every book at 24 pages: a faster, rougher look" };
        var only = new Option<int?>("--only") { Description = "Build only the first N books", Hidden = true };
        var command = new Command("gallery", "Build a dozen varied books and write one contact sheet PNG per book, plus index.html.")
        {
            output, quick, only,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(output)!);
            var count = parse.GetValue(only) ?? Books.Count;
            if (count < 1)
            {
                throw new UsageException("--only must be at least 1");
            }
            Core.Pipeline.BookBuilder.PrepareOutput(root);
            var books = Books.Take(count).Select(b => parse.GetValue(quick) ? b with { Spec = b.Spec with { Pages = 24 } } : b).ToList();
            await using var printer = await ChromiumPrinter.StartAsync();
            var rows = new List<string>();
            var passed = true;
            for (var i = 0; i < books.Count; i++)
            {
                var (slug, spec) = books[i];
                var name = $"{i + 1:00}-{slug}";
                var bookDir = Path.Combine(root, "books", name);
                try
                {
                    var result = await BookNewCommand.BuildWithProgressAsync(console, spec, bookDir, printer, ct);
                    passed &= result.Preflight.Passed;
                    var heading = $"{i + 1:00}  {result.Manuscript.Title}  ·  {Describe(spec)}";
                    await ContactSheet.MakeAsync(Path.Combine(result.OutputDirectory, "interior.pdf"), Path.Combine(result.OutputDirectory, "cover.pdf"), heading,
                        Path.Combine(root, name + ".png"), ct);
                    rows.Add(Row(name, result.Manuscript.Title, spec, $"preflight {result.Preflight.Verdict}", image: true));
                    console.MarkupLine($"[green]{Markup.Escape(name)}.png[/] {Markup.Escape(result.Manuscript.Title)}");
                }
                catch (NotImplementedException e)
                {
                    // A book kind still being built (e.g. a concept focus) must not stop the rest of the gallery.
                    rows.Add(Row(name, slug, spec, $"not built: {e.Message}", image: false));
                    console.MarkupLine($"[yellow]{Markup.Escape(name)}[/] skipped: {Markup.Escape(e.Message)}");
                }
            }
            await File.WriteAllTextAsync(Path.Combine(root, "index.html"), Index(rows), ct);
            console.MarkupLine($"Gallery: {Markup.Escape(Path.Combine(root, "index.html"))}");
            return passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    internal static string Describe(BookSpec s)
    {
        var what = s.Kind == BookKind.Coloring ? $"coloring, {s.Level.ToCli()}"
            : s.Focus is { } f ? $"concept {f.ToCli()}, {s.ArtStyle}"
            : $"story {s.Shape?.ToCli() ?? "any"}, {s.ArtStyle}";
        return $"{what}, ages {s.Age.ToCli()}, {s.Trim.Name}, {s.Pages} pp, {s.Ink.ToCli()}{(s.Bleed ? ", bleed" : "")}";
    }

    /// <summary>The <c>book new</c> command that makes the same book.</summary>
    internal static string CommandLine(BookSpec s)
    {
        var args = new List<string> { "storyloom book new", $"--kind {s.Kind.ToString().ToLowerInvariant()}", $"--theme \"{s.Theme}\"", $"--age {s.Age.ToCli()}" };
        if (s.Shape is { } shape) args.Add($"--shape {shape.ToCli()}");
        if (s.Focus is { } focus) args.Add($"--focus {focus.ToCli()}");
        if (s.Kind == BookKind.Coloring) args.Add($"--level {s.Level.ToCli()}");
        if (s.ArtStyle is { } style) args.Add($"--style {style}");
        args.AddRange([$"--trim {s.Trim.Name}", $"--pages {s.Pages}", $"--ink {s.Ink.ToCli()}", $"--paper {s.Paper.ToCli()}", s.Bleed ? "--bleed" : "--no-bleed", $"--seed {s.Seed}"]);
        if (s.Dedication is { } d) args.Add($"--dedication \"{d}\"");
        if (s.AboutAuthor is { } a) args.Add($"--about-author \"{a}\"");
        if (s.MeetTheCharacters) args.Add("--meet-the-characters");
        return string.Join(' ', args);
    }

    private static string Row(string name, string title, BookSpec spec, string status, bool image)
    {
        var e = (string s) => WebUtility.HtmlEncode(s);
        var picture = image ? $"""<a href="{name}.png"><img src="{name}.png" alt="{e(title)}" loading="lazy"></a>""" : "";
        return $"""
            <section id="{name}"><h2>{e(name[..2])} · {e(title)}</h2>
            <p>{e(Describe(spec))} — {e(status)}</p><pre>{e(CommandLine(spec))}</pre>{picture}</section>
            """;
    }

    private static string Index(IEnumerable<string> rows)
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Storyloom gallery</title>
            <style>
            body { font-family: 'DejaVu Sans', sans-serif; margin: 24px auto; max-width: 1320px; background: #f4f1ea; color: #262321; }
            section { margin-bottom: 40px; } h2 { margin: 0 0 4px; } p { margin: 0 0 6px; }
            pre { white-space: pre-wrap; font-size: 12px; background: #fff; padding: 6px; } img { width: 100%; border: 1px solid #ccc; }
            </style></head><body><h1>Storyloom gallery</h1>
            """);
        foreach (var row in rows)
        {
            html.Append(row).Append('\n');
        }
        return html.Append("</body></html>\n").ToString();
    }
}
