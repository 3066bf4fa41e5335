using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyloom.Ai;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Engines;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Cli.Books;

/// <summary>
/// <c>--engine</c>, <c>--text-engine</c>, <c>--art-engine</c> and <c>--language</c> of <c>book new</c>: which engines write and draw.
/// The AI engines read OPENAI_API_KEY, OPENAI_BASE_URL and STORYLOOM_AI_* from the environment.
/// </summary>
internal sealed class EngineChoice
{
    public Option<string?> Engine { get; } = new("--engine") { Description = "offline | openai: both text and pictures (default offline)" };
    public Option<string?> TextEngine { get; } = new("--text-engine") { Description = "offline | openai: who writes (overrides --engine)" };
    public Option<string?> ArtEngine { get; } = new("--art-engine") { Description = "offline | openai: who draws (overrides --engine)" };
    public Option<string?> Language { get; } = new("--language") { Description = "Language of the story as a BCP-47 tag, e.g. es, fr, ar (needs the openai text engine; default en)" };

    public IEnumerable<Option> All => [Engine, TextEngine, ArtEngine, Language];

    /// <summary>The AI side of the last builder made, for the spend printed after the build.</summary>
    public AiEngines? Ai { get; private set; }

    /// <summary>The model plans this coloring book's designs: the offline planner's notes about the theme do not apply.</summary>
    public bool ModelPlansColoring { get; private set; }

    /// <summary>The builder for these choices; with an AI engine, prints the cost estimate first. Throws <see cref="UsageException"/> for bad choices.</summary>
    public BookBuilder Builder(ParseResult parse, BookSpec spec, string outDir, IAnsiConsole console, Func<string, string?>? environment = null)
    {
        var both = Parse(parse.GetValue(Engine), "--engine") ?? false;
        var aiText = Parse(parse.GetValue(TextEngine), "--text-engine") ?? both;
        var aiArt = Parse(parse.GetValue(ArtEngine), "--art-engine") ?? both;
        var language = parse.GetValue(Language)?.Trim();
        if (language is { Length: > 0 } && !aiText && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--language {language} needs the AI writer: add --engine openai (or --text-engine openai); the offline engine writes English");
        }
        if (aiText && !aiArt && spec.Kind == BookKind.Coloring)
        {
            // The model plans designs the offline painter has never seen: only the image model can draw them.
            throw new UsageException("a coloring book planned by the model is drawn by the image model: use --engine openai (or --text-engine offline to keep the offline designs)");
        }
        ModelPlansColoring = aiText && spec.Kind == BookKind.Coloring;
        if (ModelPlansColoring)
            console.MarkupLine("[grey]the designs and captions of this coloring book are planned by the model on your theme (checked, the offline planner if the plan fails), drawn as line art and traced to vector outlines[/]");
        if (!aiText && !aiArt) return new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine());

        var options = AiOptions.FromEnvironment(environment);
        if (options.Problem() is { } problem)
        {
            throw new UsageException($"{problem}; set it (and OPENAI_BASE_URL for another server) or use --engine offline");
        }
        var ai = Ai = new AiEngines(options, Path.Combine(Path.GetFullPath(outDir), "build", "ai-cache"));
        console.MarkupLine(Markup.Escape(EstimateLine(CostEstimator.Estimate(spec, options, spec.Pages <= 12 ? 2 : 3), options, aiText, aiArt)));
        IStoryEngine story = aiText ? ai.Story(language ?? "en") : new OfflineStoryEngine();
        IArtEngine art = aiArt ? ai.Art() : new OfflineArtEngine();
        // A narrated eBook of an AI book is read by the provider's speech model (cached and budgeted with the rest).
        return new BookBuilder(story, art) { Voice = m => ai.Voice(m.Language) };
    }

    internal static string EstimateLine(CostEstimate e, AiOptions o, bool text, bool art)
    {
        var parts = new List<string>();
        var cost = 0m;
        if (text)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.TextInputTokens:N0} tokens in and {e.TextOutputTokens:N0} out with {o.TextModel}"));
            cost += e.TextCost;
        }
        if (art && e.Images > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Images} pictures with {o.ImageModel} ({o.ImageQuality}, {e.Redraws} redraws expected)"));
            cost += e.ImageCost;
            if (e.Checks > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Checks} picture checks with {o.VisionModel}"));
                cost += e.CheckCost;
            }
        }
        if (e.SpeechCost > 0 && (text || art))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"about {e.SpeechMinutes:0.#} minutes of narration with {o.SpeechModel} ({o.SpeechVoice})"));
            cost += e.SpeechCost;
        }
        var cap = o.BudgetPerBook is { } c ? string.Create(CultureInfo.InvariantCulture, $"; budget ${c:0.00} (STORYLOOM_AI_BUDGET)") : "; no budget cap (set STORYLOOM_AI_BUDGET)";
        return string.Create(CultureInfo.InvariantCulture, $"Estimated cost: about ${cost:0.00} — {string.Join(", ", parts)} at {o.BaseUrl}{cap}");
    }

    /// <summary>What the AI side used, after the build: the spend by the price table, paid calls and answers from the cache.</summary>
    internal static string SpendLine(AiEngines ai)
    {
        var records = ai.Meter.Records;
        var redraws = records.Count(r => r.Images > 0 && r.Step.Contains("redraw", StringComparison.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"Spent: ${ai.Meter.Spent:0.00} — {records.Count(r => !r.FromCache)} paid calls ({records.Sum(r => r.Images)} pictures, {redraws} of them redraws), {records.Count(r => r.FromCache)} answers from the cache");
    }

    private static bool? Parse(string? value, string option) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "offline" => false,
        "openai" or "ai" => true,
        _ => throw new UsageException($"{option} must be offline or openai, not '{value}'"),
    };
}
