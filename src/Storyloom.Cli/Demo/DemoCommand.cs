using System.CommandLine;
using Spectre.Console;
using Storyloom.Cli.Books;
using Storyloom.Core.Books;
using Storyloom.Print.Kdp;
using Storyloom.Print.Printing;

namespace Storyloom.Cli.Demo;

/// <summary><c>storyloom demo</c>: the two sample books, offline, with one warm Chromium.</summary>
internal static class DemoCommand
{
    public static IReadOnlyList<(string Folder, BookSpec Spec)> Books =>
    [
        ("picture-book", new BookSpec
        {
            Author = "Ada Lane", Kind = BookKind.Story, Age = AgeBand.Age3To5, Theme = "a dinosaur who is afraid of the dark",
            Trim = Trims.Square85, Pages = 32, Ink = Ink.PremiumColor, Paper = Paper.White, Bleed = true, Seed = 3,
        }),
        ("coloring-book", new BookSpec
        {
            Author = "Ada Lane", Kind = BookKind.Coloring, Age = AgeBand.Age3To5, Theme = "farm animals",
            Trim = Trims.Letter, Pages = 100, Ink = Ink.Bw, Paper = Paper.White, Bleed = false, Seed = 7,
        }),
    ];

    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for the sample books", DefaultValueFactory = _ => "demo-output" };
        var command = new Command("demo", "Make a 32-page picture book and a 100-page coloring book offline.") { output };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(output)!);
            await using var printer = await ChromiumPrinter.StartAsync();
            var passed = true;
            var lines = new List<string>();
            foreach (var (folder, spec) in Books)
            {
                var dir = Path.Combine(root, folder);
                var result = await BookNewCommand.BuildWithProgressAsync(console, spec, dir, printer, ct);
                BookSummary.Write(console, spec, result);
                passed &= result.Preflight.Passed;
                lines.Add($"{folder}: {result.Manuscript.Title} — {spec.Pages} pages, spine {result.Cover.SpineWidthIn:0.####} in, preflight {result.Preflight.Verdict}");
                lines.Add($"    {Path.Combine(result.OutputDirectory, "interior.pdf")}");
                lines.Add($"    {Path.Combine(result.OutputDirectory, "cover.pdf")}");
                lines.Add($"    {Path.Combine(result.OutputDirectory, "preview")}/");
            }
            console.WriteLine();
            console.MarkupLine("[bold]Your sample books:[/]");
            foreach (var l in lines)
            {
                console.WriteLine(l);
            }
            return passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
