using Storyloom.Ai;
using Storyloom.Ai.Costs;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Providers;

namespace Storyloom.Ai.Tests;

/// <summary>One fake OpenAI server per test on 127.0.0.1:0, and options tuned for fast retries against it.</summary>
internal sealed class FakeProvider : IAsyncDisposable
{
    private FakeProvider(FakeOpenAiServer server, AiOptions options)
    {
        Server = server;
        Options = options;
        Provider = new OpenAiProvider(options);
    }

    public FakeOpenAiServer Server { get; }
    public AiOptions Options { get; }
    public OpenAiProvider Provider { get; }
    public AssetCache Cache { get; } = new();

    public static async Task<FakeProvider> StartAsync(FakeFaults? faults = null, Func<AiOptions, AiOptions>? tune = null)
    {
        var server = await FakeOpenAiServer.StartAsync(0, faults, TestContext.Current.CancellationToken);
        var options = new AiOptions
        {
            ApiKey = "sk-test-not-a-real-key",
            BaseUrl = server.BaseUrl,
            ImageSize = "256x256",
            RequestsPerMinute = 60_000,
            ImagesPerMinute = 60_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 8,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(60),
            BreakerMinimumThroughput = 1000,
            Outbound = Network.OutboundPolicy.LocalMachine,
        };
        return new FakeProvider(server, tune is null ? options : tune(options));
    }

    public CostMeter Meter(decimal? cap = null) => new(Options.Prices, cap);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
