using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyloom.Ai;
using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Cli.Bench;

/// <summary>
/// <c>storyloom bench ai</c> (hidden; bench/ai.sh runs it against <c>storyloom fake-openai</c>): the wall time of painting the
/// pictures of a 32-page book through the provider at the account's picture rate, side by side in each round with a
/// one-picture-at-a-time loop and the floor the rate limit sets. Medians of --rounds runs after one warm-up.
/// </summary>
internal static class AiBenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed runs of each case", DefaultValueFactory = _ => 3 };
        var latency = new Option<double>("--picture-seconds") { Description = "How long the provider takes per picture (for the floor)", DefaultValueFactory = _ => 1 };
        var command = new Command("ai", "Time painting a 32-page book through OPENAI_BASE_URL against the rate-limit floor and a one-at-a-time loop.") { rounds, latency };
        command.SetAction(async (parse, ct) =>
        {
            var options = AiOptions.FromEnvironment();
            if (options.Problem() is { } problem) throw new UsageException(problem);
            var n = Math.Max(1, parse.GetValue(rounds));
            var seconds = parse.GetValue(latency);
            var spec = new BookSpec { Theme = "friendship in the forest", Age = AgeBand.Age3To5, Pages = 32, Seed = 7 };
            var manuscript = new OfflineStoryEngine().Write(spec);

            var concurrent = new List<double>();
            var loop = new List<double>();
            var counts = (References: 0, Pages: 0);
            for (var r = 0; r <= n; r++)
            {
                var (wall, painted) = await PaintAsync(options, manuscript, ct);
                counts = (painted.References.Count, painted.Pages.Count + (painted.Cover is null ? 0 : 1));
                var (one, _) = await PaintAsync(options with { MaxConcurrentImages = 1 }, manuscript, ct);
                if (r == 0) continue;
                concurrent.Add(wall);
                loop.Add(one);
            }

            // The floor if the limiter handed out one picture every 60/rate s with no burst (it now lets any minute hold the rate). Reference sheets come first (pages are edits of them):
            // the last sheet starts at (R-1)/rate and ends a picture later; then the last of P page pictures starts (P-1)/rate after that.
            var gap = 60.0 / options.ImagesPerMinute;
            var issueFloor = 31 * gap + seconds;
            var bookFloor = (counts.References - 1) * gap + seconds + (counts.Pages - 1) * gap + seconds;
            console.WriteLine($"| case ({counts.References} reference sheets + {counts.Pages} page and cover pictures, {options.ImagesPerMinute}/min, {seconds:0.##} s each) | wall s (median of {n}) | × book floor | × 32-picture floor |");
            console.WriteLine("|---|---|---|---|");
            Row("32 pictures back to back at the limit: 31 gaps + 1 picture (issue's floor)", issueFloor);
            Row("this book's floor: sheets, then pages (2 pictures deep)", bookFloor);
            Row($"Storyloom, concurrent up to the limiter (max {options.MaxConcurrentImages} at once)", Median(concurrent));
            Row("one picture at a time (same code, max 1 at once)", Median(loop));
            console.WriteLine();
            console.WriteLine($"All runs (s): concurrent {string.Join(", ", concurrent.Select(v => F(v)))}; one at a time {string.Join(", ", loop.Select(v => F(v)))}. Each run: a fresh in-memory cache, moderation of every prompt included.");
            return ExitCodes.Ok;

            void Row(string name, double wall) => console.WriteLine($"| {name} | {F(wall)} | {F(wall / bookFloor)} | {F(wall / issueFloor)} |");
        });
        return command;
    }

    private static async Task<(double Seconds, PaintedBook Book)> PaintAsync(AiOptions options, Manuscript manuscript, CancellationToken ct)
    {
        var painter = new OpenAiPainter(new OpenAiProvider(options), new AssetCache(), new CostMeter(options.Prices));
        var clock = Stopwatch.StartNew();
        var book = await painter.PaintAsync(manuscript, ct);
        return (clock.Elapsed.TotalSeconds, book);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
