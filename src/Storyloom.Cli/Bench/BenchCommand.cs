using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyloom.Cli.Demo;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Printing;

namespace Storyloom.Cli.Bench;

/// <summary>
/// <c>storyloom bench engines</c> (hidden): how long the story and art engines take alone, per page and per book,
/// next to a whole build with a warm Chromium, for the demo books. Medians of --rounds runs after one warm-up.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed runs per book", DefaultValueFactory = _ => 5 };
        var engines = new Command("engines", "Time manuscript writing and picture drawing alone, next to a whole build.") { rounds };
        engines.SetAction(async (parse, ct) =>
        {
            var n = Math.Max(1, parse.GetValue(rounds));
            var scratch = Directory.CreateTempSubdirectory("storyloom-bench-").FullName;
            try
            {
                await using var printer = await ChromiumPrinter.StartAsync();
                // Markdown, to paste into bench/RESULTS.md as it is.
                console.WriteLine("| book | story ms | ms/page | art ms | ms/picture | build s | engines |");
                console.WriteLine("|---|---|---|---|---|---|---|");
                foreach (var (name, spec) in DemoCommand.Books)
                {
                    var row = await MeasureAsync(spec, n, printer, Path.Combine(scratch, name), ct);
                    console.WriteLine($"| {name} ({spec.Pages} pages, {row.Pictures} pictures) | {F(row.StoryMs)} | {F(row.StoryMs / spec.Pages, "0.00")} | " +
                        $"{F(row.ArtMs)} | {F(row.ArtMs / row.Pictures, "0.00")} | {F(row.BuildS, "0.00")} | {F((row.StoryMs + row.ArtMs) / 10 / row.BuildS, "0.0")}% |");
                }
                console.WriteLine();
                console.WriteLine($"Medians of {n} rounds after one warm-up. build s: the whole BookBuilder run, warm Chromium, fresh folder.");
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
            return ExitCodes.Ok;
        });
        return new Command("bench", "Benchmarks.") { Hidden = true, Subcommands = { engines, StoryBenchCommand.Create(console), AiBenchCommand.Create(console), AiBookBenchCommand.Create(console) } };
    }

    private sealed record Row(double StoryMs, double ArtMs, int Pictures, double BuildS);

    private static async Task<Row> MeasureAsync(BookSpec spec, int rounds, ChromiumPrinter printer, string dir, CancellationToken ct)
    {
        var story = new OfflineStoryEngine();
        var art = new OfflineArtEngine();
        var manuscript = story.Write(spec);
        var storyMs = new List<double>();
        var artMs = new List<double>();
        var builds = new List<double>();
        var pictures = 0;
        for (var r = 0; r <= rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            manuscript = story.Write(spec);
            var written = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            pictures = DrawAll(art, manuscript, spec);
            var drawn = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await new BookBuilder(story, art).BuildAsync(spec, Path.Combine(dir, $"r{r}"), printer: printer, ct: ct);
            var built = clock.Elapsed.TotalSeconds;
            if (r == 0) continue;
            storyMs.Add(written);
            artMs.Add(drawn);
            builds.Add(built);
        }
        return new Row(Median(storyMs), Median(artMs), pictures, Median(builds));
    }

    /// <summary>Every picture the layout asks for, at page size: the cover and each illustrated page.</summary>
    private static int DrawAll(IArtEngine art, Manuscript m, BookSpec spec)
    {
        var (w, h) = (spec.Trim.WidthPt + 18, spec.Trim.HeightPt + 18);
        var safe = new FrameRect(27, 27, w - 54, h - 54);
        var story = new ArtFrame(w, h, new FrameRect(27, 27, w - 54, h * 0.3), safe);
        art.DrawCover(m, story);
        var count = 1;
        foreach (var page in m.Pages.Where(p => p.Illustration is not null))
        {
            _ = page.Role == PageRole.ColoringDesign ? art.DrawColoringPage(m, page, new ArtFrame(w - 72, h - 100, null, new FrameRect(3, 3, w - 78, h - 106)))
                : art.DrawStoryPage(m, page, story);
            count++;
        }
        return count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double v, string format = "0") => v.ToString(format, CultureInfo.InvariantCulture);
}
