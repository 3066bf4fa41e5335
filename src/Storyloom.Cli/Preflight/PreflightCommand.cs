using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;

namespace Storyloom.Cli.Preflight;

/// <summary><c>storyloom preflight</c>: checks any interior/cover PDF pair against KDP's rules.</summary>
internal static class PreflightCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var interior = new Option<FileInfo>("--interior") { Description = "Interior PDF", Required = true };
        var cover = new Option<FileInfo?>("--cover") { Description = "Wrap cover PDF (optional)" };
        var trim = new Option<string>("--trim") { Description = "Trim WxH in inches, e.g. 8.5x8.5", Required = true };
        var ink = new Option<string>("--ink") { Description = "bw | standard-color | premium-color", Required = true };
        var paper = new Option<string?>("--paper") { Description = "white | cream (default white)" };
        var bleed = new Option<bool>("--bleed") { Description = "The interior has bleed" };
        var noBleed = new Option<bool>("--no-bleed") { Description = "The interior has no bleed" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("preflight", "Check PDFs (ours or anyone else's) against KDP's print rules; exit 0 only when every MUST passes.")
        {
            interior, cover, trim, ink, paper, bleed, noBleed, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(bleed) == parse.GetValue(noBleed))
            {
                throw new UsageException("say whether the interior has bleed: give --bleed or --no-bleed");
            }
            var interiorFile = parse.GetValue(interior)!;
            var coverFile = parse.GetValue(cover);
            foreach (var f in new[] { interiorFile, coverFile })
            {
                if (f is not null && !f.Exists)
                {
                    throw new UsageException($"{f.FullName} does not exist; give the path of a PDF file");
                }
            }
            var trimValue = Trims.TryParse(parse.GetValue(trim))
                ?? throw new UsageException($"'{parse.GetValue(trim)}' is not a KDP paperback trim; use one of {Trims.ListNames()}");
            var inkValue = InkPaperNames.ParseInk(parse.GetValue(ink))
                ?? throw new UsageException($"unknown ink '{parse.GetValue(ink)}'; use bw, standard-color or premium-color");
            var paperValue = parse.GetValue(paper) is { } p
                ? InkPaperNames.ParsePaper(p) ?? throw new UsageException($"unknown paper '{p}'; use white or cream")
                : Paper.White;
            var pages = await PageCountAsync(interiorFile.FullName, ct);
            var options = new PrintOptions(trimValue, inkValue, paperValue, pages, parse.GetValue(bleed));
            var report = await PreflightRunner.RunAsync(new PreflightRequest(interiorFile.FullName, coverFile?.FullName, options), ct);
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, BookBuilder.Json));
            }
            else
            {
                WriteTable(console, report);
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The interior's page count; a password-locked PDF gets the smallest count, and preflight reports the lock (R12).</summary>
    private static async Task<int> PageCountAsync(string pdf, CancellationToken ct) =>
        await PdfInspector.ReadPageCountAsync(pdf, ct) switch
        {
            null => throw new UsageException($"{pdf} is not a readable PDF; give the interior PDF exported for print"),
            0 => KdpRules.MinPages,
            var n => n.Value,
        };

    public static void WriteTable(IAnsiConsole console, PreflightReport report)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Rule", "File", "Level", "Result", "Detail");
        foreach (var c in report.Checks)
        {
            var status = c.Status switch
            {
                CheckStatus.Pass => "[green]pass[/]",
                CheckStatus.Fail when c.Level == RuleLevel.Must => "[red]FAIL[/]",
                CheckStatus.Fail => "[yellow]warn[/]",
                _ => "[grey]n/a[/]",
            };
            table.AddRow(Markup.Escape(c.Rule), Markup.Escape(c.File), c.Level == RuleLevel.Must ? "MUST" : "SHOULD", status, Markup.Escape(c.Detail));
        }
        console.Write(table);
        console.MarkupLine(report.Passed ? $"[green bold]{report.Verdict}[/]: every MUST rule passes." : "[red bold]FAIL[/]: at least one MUST rule fails; KDP would reject or misprint this book.");
    }
}
