using Storyloom.Ai.Art;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
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
        : this(options, new AssetCache(cacheDirectory))
    {
    }

    /// <summary>With a cache the caller keeps, e.g. over the server's file store, so every worker shares what was paid for.</summary>
    public AiEngines(AiOptions options, AssetCache cache)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cache);
        Options = options;
        Provider = new OpenAiProvider(options);
        Cache = cache;
        Meter = new CostMeter(options.Prices, options.BudgetPerBook);
    }

    public AiOptions Options { get; }
    public OpenAiProvider Provider { get; }
    public AssetCache Cache { get; }
    public CostMeter Meter { get; }

    public AiStoryEngine Story(string language) => new(new OpenAiStoryWriter(Provider, Cache, Meter), language);

    public AiArtEngine Art() => new(new OpenAiPainter(Provider, Cache, Meter), Cache);

    /// <summary>The read-along narrator: the provider's speech model, with this book's cache and meter.</summary>
    public Speech.OpenAiVoice Voice(string language) => new(Provider, Cache, Meter, language);

    /// <summary>The provider's moderation with this book's cache: a text judged once is never sent again.</summary>
    public Moderator Moderator() => new(Provider, Cache);
}
