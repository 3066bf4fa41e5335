using Microsoft.Extensions.DependencyInjection;
using Storyloom.Ai;
using Storyloom.Fakes.OpenAi;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Engines;

/// <summary>
/// The server with the fake OpenAI server on loopback beside it. The server itself has no key (OPENAI_API_KEY unset), so every AI
/// book runs on the key and base URL its owner saved in Settings; the retry and rate limits are tuned for a test. The shared server
/// prints with <see cref="InstantPrinting"/> because most tests are about the provider; the main book test starts a host of its own
/// that prints with the real Chromium and preflights, so an AI book is checked as a reader gets it.
/// </summary>
public abstract class AiTaskApp(Db db) : IAsyncLifetime
{
    public StoryloomApp Server { get; private set; } = null!;
    public FakeOpenAiServer Fake { get; private set; } = null!;
    public LogCollector Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeOpenAiServer.StartAsync(0, null, TestContext.Current.CancellationToken);
        Server = await StartHostAsync();
    }

    /// <summary>
    /// A server on this fixture's database kind; with <paramref name="storeFolder"/> its file store is that folder (another host
    /// sharing it); <paramref name="realPrinting"/> prints with Chromium and preflights instead of writing placeholder PDFs.
    /// </summary>
    public async Task<StoryloomApp> StartHostAsync(string? storeFolder = null, bool realPrinting = false)
    {
        var options = new AiOptions
        {
            ApiKey = null,
            BaseUrl = "http://127.0.0.1:9/v1",
            ImageSize = "256x256",
            RequestsPerMinute = 60_000,
            ImagesPerMinute = 60_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            TotalTimeout = TimeSpan.FromSeconds(90),
            BreakerMinimumThroughput = 1000,
        };
        var settings = storeFolder is null ? null : new Dictionary<string, string?> { ["Storyloom:Storage:Folder"] = storeFolder };
        return await StoryloomApp.StartAsync(db, settings, s =>
        {
            s.AddSingleton(options);
            if (!realPrinting)
            {
                s.AddSingleton<IBookPrinting>(new InstantPrinting());
            }
            Logs.Register(s);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class SqliteAiTaskApp() : AiTaskApp(Db.Sqlite);

public sealed class PostgresAiTaskApp() : AiTaskApp(Db.Postgres);
