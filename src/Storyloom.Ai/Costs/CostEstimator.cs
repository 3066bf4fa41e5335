using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Costs;

/// <summary>What a run is expected to use and cost, shown before it starts.</summary>
public sealed record CostEstimate(long TextInputTokens, long TextOutputTokens, int Images, decimal TextCost, decimal ImageCost)
{
    public decimal Total => TextCost + ImageCost;
}

/// <summary>Estimates a book from its spec and the price table: the writer's three passes, a reference sheet per character, a picture per page.</summary>
public static class CostEstimator
{
    /// <summary>Tokens a step's instructions and schema take before any story text.</summary>
    private const int PromptOverhead = 900;

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
        var pictures = spec.Kind == BookKind.Story ? contentPages + 2 + castSize : 0;
        var text = options.Prices.For(options.TextModel);
        var image = options.Prices.For(options.ImageModel);
        return new CostEstimate(input, output, pictures, text.ForTokens(input, output), pictures * image.ForImage(options.ImageQuality));
    }

    /// <summary>Reserved before one text step; the larger of the two passes, so a cap never stops a run mid-step.</summary>
    public static decimal TextStep(AiOptions options, int expectedOutputTokens) =>
        options.Prices.For(options.TextModel).ForTokens(PromptOverhead + expectedOutputTokens, expectedOutputTokens);

    public static decimal ImageStep(AiOptions options) => options.Prices.For(options.ImageModel).ForImage(options.ImageQuality);
}
