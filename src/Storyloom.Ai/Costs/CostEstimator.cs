using Storyloom.Ai.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Costs;

/// <summary>What a run is expected to use and cost, shown before it starts.</summary>
/// <param name="Images">Pictures painted, the expected redraws included.</param>
/// <param name="Checks">Looks by the vision model (every page picture and the cover, and every redraw).</param>
/// <param name="SpeechCost">The read-along narration by the speech model, when the brief asks for it.</param>
public sealed record CostEstimate(long TextInputTokens, long TextOutputTokens, int Images, decimal TextCost, decimal ImageCost, int Checks = 0, int Redraws = 0,
    decimal CheckCost = 0, decimal SpeechCost = 0, double SpeechMinutes = 0)
{
    public decimal Total => TextCost + ImageCost + CheckCost + SpeechCost;
}

/// <summary>
/// Estimates a book from its spec and the price table: the writer's three passes, a reference sheet per character, a picture per
/// page, a vision check of each, and redraws of one picture in <see cref="ExpectedRedrawShare"/> (each checked again).
/// </summary>
public static class CostEstimator
{
    /// <summary>Tokens a step's instructions and schema take before any story text.</summary>
    private const int PromptOverhead = 900;

    /// <summary>Share of checked pictures expected to be redrawn once, for the estimate only.</summary>
    public const double ExpectedRedrawShare = 0.1;

    /// <summary>Text of a check's prompt and its answer, in tokens.</summary>
    private const int CheckTextTokens = 700, CheckAnswerTokens = 300;

    public static CostEstimate Estimate(BookSpec spec, AiOptions options, int castSize = 3)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var target = ReadabilityTarget.For(spec.Age);
        var contentPages = Math.Max(1, spec.Pages - 4);
        // About 1.4 tokens a word in English; other scripts take more, so estimates err high.
        var storyTokens = (long)(contentPages * target.MaxWordsPerPage * 1.6);
        var briefTokens = (long)contentPages * 60;
        var outlineOut = 400 + contentPages * 30L;
        var pagesOut = storyTokens + briefTokens;
        var input = PromptOverhead * 3L + outlineOut + pagesOut * 2 + 300;
        var output = outlineOut + pagesOut + storyTokens;
        // A coloring book: one line-art picture a design (planned offline, in a few milliseconds) and the cover; no sheets.
        var designs = spec.Kind == BookKind.Coloring ? ColoringBookWriter.Write(spec).Pages.Count(p => p.Role == PageRole.ColoringDesign) : 0;
        if (designs > 0) castSize = 0;
        var painted = spec.Kind == BookKind.Story ? contentPages + 2 : designs > 0 ? designs + 1 : 0;
        var checks = options.ChecksPictures ? painted : 0;
        var redraws = options.ChecksPictures && options.MaxRedraws > 0 ? (int)Math.Ceiling(checks * ExpectedRedrawShare) : 0;
        var pictures = painted == 0 ? 0 : painted + castSize + redraws;
        var text = options.Prices.For(options.TextModel);
        // A page shows about two characters: the picture and two sheets are looked at.
        var pageSize = options.SizeFor((double)(spec.Trim.WidthIn / spec.Trim.HeightIn));
        var sheets = painted == 0 ? 0 : castSize;
        // Narration: every word of the story read at about 2.2 words a second with a pause a sentence, about 5.5 characters a word.
        var words = spec.Narrate && spec.Kind == BookKind.Story ? contentPages * target.MaxWordsPerPage : 0;
        var minutes = words / 2.2 / 60 * 1.2;
        return new CostEstimate(input, output, pictures, text.ForTokens(input, output), (pictures - sheets) * ImageStep(options, pageSize) + sheets * ImageStep(options, null, options.SheetQuality),
            checks + redraws, redraws, (checks + redraws) * CheckStep(options, 3),
            options.Prices.For(options.SpeechModel).ForSpeech((int)(words * 5.5), minutes * 60), Math.Round(minutes, 1));
    }

    /// <summary>Reserved before one vision check of <paramref name="images"/> pictures (the page's and its sheets).</summary>
    /// <param name="images">The picture and its sheets: the picture is looked at 768 px on its long side, each sheet at 512 px.</param>
    public static decimal CheckStep(AiOptions options, int images) =>
        options.Prices.For(options.VisionModel).ForTokens(CheckTextTokens + PictureChecker.PictureTokens + (long)Math.Max(0, images - 1) * PictureChecker.SheetTokens, CheckAnswerTokens);

    /// <summary>Reserved before one text step; the larger of the two passes, so a cap never stops a run mid-step.</summary>
    public static decimal TextStep(AiOptions options, int expectedOutputTokens) =>
        options.Prices.For(options.TextModel).ForTokens(PromptOverhead + expectedOutputTokens, expectedOutputTokens);

    public static decimal ImageStep(AiOptions options, string? size = null, string? quality = null) =>
        options.Prices.For(options.ImageModel).ForImage(quality ?? options.ImageQuality, size ?? options.SizeFor(1));
}
