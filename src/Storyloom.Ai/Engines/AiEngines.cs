using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Story;

namespace Storyloom.Ai.Engines;

/// <summary>
/// One book's AI side: a provider, the asset cache and the cost meter shared by the writer and the painter, so the budget
/// covers both and nothing paid for is asked for twice. Hands out <see cref="AiStoryEngine"/> and <see cref="AiArtEngine"/>,
/// which fit the pipeline's synchronous engine interfaces.
/// </summary>
public sealed class AiEngines
{
    public AiEngines(AiOptions options, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Provider = new OpenAiProvider(options);
        Cache = new AssetCache(cacheDirectory);
        Meter = new CostMeter(options.Prices, options.BudgetPerBook);
    }

    public AiOptions Options { get; }
    public OpenAiProvider Provider { get; }
    public AssetCache Cache { get; }
    public CostMeter Meter { get; }

    public AiStoryEngine Story(string language) => new(new OpenAiStoryWriter(Provider, Cache, Meter), language);

    public AiArtEngine Art() => new(new OpenAiPainter(Provider, Cache, Meter));
}
