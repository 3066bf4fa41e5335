using Storyloom.Ai.Art;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Safety;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

/// <summary>What was paid for, or judged, once is never asked for again: by this run, a later run, or another worker on the same store.</summary>
public sealed class CacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moderation_verdicts_are_cached_by_model_and_text()
    {
        await using var fake = await FakeProvider.StartAsync();
        var moderator = new Moderator(fake.Provider, fake.Cache);
        var first = await moderator.CheckAsync([("a", "a kite in the wind"), ("b", "a knife on the table")], Ct);
        var again = await moderator.CheckAsync([("b", "a knife on the table"), ("a", "a kite in the wind")], Ct);
        var calls = fake.Server.Journal.Entries.Where(e => e.Endpoint == "moderations").ToList();
        calls.Count.ShouldBe(1);
        first.Where(f => f.Source == "moderation").Select(f => f.Where).ShouldBe(["b"]);
        again.Where(f => f.Source == "moderation").Select(f => (f.Where, string.Join(",", f.Reasons))).ShouldBe(first.Where(f => f.Source == "moderation").Select(f => (f.Where, string.Join(",", f.Reasons))));

        await moderator.CheckAsync([("a", "a kite in the wind"), ("c", "a boat on the lake")], Ct);
        calls = [.. fake.Server.Journal.Entries.Where(e => e.Endpoint == "moderations")];
        calls.Count.ShouldBe(2);
        calls[1].Prompt.ShouldBe("a boat on the lake");

        var otherModel = new Moderator(new Providers.OpenAiProvider(fake.Options with { ModerationModel = "text-moderation-latest" }), fake.Cache);
        await otherModel.CheckAsync([("a", "a kite in the wind")], Ct);
        fake.Server.Journal.Entries.Count(e => e.Endpoint == "moderations").ShouldBe(3);
    }

    [Fact]
    public async Task A_second_worker_on_the_same_store_makes_no_provider_call()
    {
        await using var fake = await FakeProvider.StartAsync();
        var store = new MemoryStore();
        var spec = new BookSpec { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 12, Seed = 5 };

        async Task<PaintedBook> WorkerAsync()
        {
            // A worker of its own: its own cache, meter and provider, only the store is shared.
            var cache = new AssetCache(store);
            var meter = fake.Meter();
            var provider = new Providers.OpenAiProvider(fake.Options);
            var m = (await new OpenAiStoryWriter(provider, cache, meter).WriteAsync(spec, "en", Ct)).Manuscript;
            return await new OpenAiPainter(provider, cache, meter).PaintAsync(m, Ct);
        }

        var first = await WorkerAsync();
        var calls = fake.Server.Journal.Entries.Count;
        calls.ShouldBeGreaterThan(first.Pages.Count);
        var second = await WorkerAsync();

        fake.Server.Journal.Entries.Count.ShouldBe(calls);
        second.Pages.Keys.ShouldBe(first.Pages.Keys);
        second.Pages.ShouldAllBe(p => first.Pages[p.Key].SequenceEqual(p.Value));
    }

    [Fact]
    public async Task Folder_store_keeps_answers_for_the_next_run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "storyloom-ai-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var made = 0;
            (await new AssetCache(dir).GetOrAddAsync("k1", () => Task.FromResult(new byte[] { 1, 2, (byte)++made }), Ct)).FromCache.ShouldBeFalse();
            var (bytes, fromCache) = await new AssetCache(dir).GetOrAddAsync("k1", () => Task.FromResult(new byte[] { (byte)++made }), Ct);
            fromCache.ShouldBeTrue();
            bytes.ShouldBe([1, 2, 1]);
            made.ShouldBe(1);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class MemoryStore : IAnswerStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _files = new();

        public Task<byte[]?> GetAsync(string key, CancellationToken ct) => Task.FromResult(_files.TryGetValue(key, out var v) ? v : null);

        public Task PutAsync(string key, byte[] answer, CancellationToken ct)
        {
            _files[key] = answer;
            return Task.CompletedTask;
        }
    }
}
