using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyloom.Ai;
using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Engines;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;

namespace Storyloom.Cli.Bench;

/// <summary>
/// <c>storyloom bench ai-book</c> (hidden; <c>bench/ai.sh checked</c> runs it against <c>storyloom fake-openai</c>): one whole AI book
/// through OPENAI_BASE_URL (story, reference sheets, every picture checked by the vision model and redrawn when the check fails),
/// with the estimate by the price table printed before and the spend after, redraws counted.
/// </summary>
internal static class AiBookBenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var pages = new Option<int>("--pages") { Description = "Pages of the book", DefaultValueFactory = _ => 32 };
        var command = new Command("ai-book", "Time and cost one checked AI book through OPENAI_BASE_URL.") { pages };
        command.SetAction(async (parse, ct) =>
        {
            var options = AiOptions.FromEnvironment();
            if (options.Problem() is { } problem) throw new UsageException(problem);
            var spec = new BookSpec { Theme = "friendship in the forest", Age = AgeBand.Age3To5, Pages = parse.GetValue(pages), Seed = 7 };
            var estimate = CostEstimator.Estimate(spec, options, spec.Pages <= 12 ? 2 : 3);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"estimate: ${estimate.Total:0.000} = text ${estimate.TextCost:0.000} ({options.TextModel}) + {estimate.Images} pictures ${estimate.ImageCost:0.000} ({options.ImageModel} {options.ImageQuality}, {estimate.Redraws} redraws expected) + {estimate.Checks} checks ${estimate.CheckCost:0.000} ({options.VisionModel})"));

            var ai = new AiEngines(options);
            var clock = Stopwatch.StartNew();
            var written = await new OpenAiStoryWriter(ai.Provider, ai.Cache, ai.Meter).WriteAsync(spec, "en", ct);
            var writing = clock.Elapsed.TotalSeconds;
            var book = await new OpenAiPainter(ai.Provider, ai.Cache, ai.Meter).PaintAsync(written.Manuscript, ct);
            var total = clock.Elapsed.TotalSeconds;

            var records = ai.Meter.Records;
            var pictures = records.Where(r => r.Images > 0).ToList();
            var redraws = pictures.Where(r => r.Step.Contains("redraw", StringComparison.Ordinal)).ToList();
            var checks = records.Where(r => r.Model == options.VisionModel && !r.FromCache).ToList();
            var text = records.Where(r => r.Model == options.TextModel && r.Images == 0 && !r.FromCache).Sum(r => r.Cost);
            var reviews = book.Reviews ?? [];
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"spend:    ${ai.Meter.Spent:0.000} = text ${text:0.000} + {pictures.Count} pictures ${pictures.Sum(r => r.Cost):0.000} ({redraws.Count} redraws ${redraws.Sum(r => r.Cost):0.000}) + {checks.Count} checks ${checks.Sum(r => r.Cost):0.000}"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall:     {total:0.0} s ({writing:0.0} s writing, {total - writing:0.0} s pictures and checks); {book.References.Count} sheets, {book.Pages.Count} pages + cover; {reviews.Count(r => r.Redraws > 0)} pictures redrawn, {reviews.Count(r => !r.Passed)} still failing"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
