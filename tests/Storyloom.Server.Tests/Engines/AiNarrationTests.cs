using System.Net.Http.Json;
using System.Text.Json;
using Storyloom.Server.Books;
using Storyloom.Server.Engines;
using Storyloom.Server.Files;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Engines;

/// <summary>A narrated eBook of an AI book: read by the provider's speech model through the fake, priced, and checked like the rest.</summary>
public abstract class AiNarrationTests(AiTaskApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ai_book_is_narrated_by_the_speech_model_one_call_a_sentence_with_the_cost_estimated_and_counted()
    {
        await using var host = await fixture.StartHostAsync(realPrinting: true);
        var client = host.CreateClient(await host.CreateUserAsync());
        (await client.PutAsJsonAsync("/api/v1/settings/ai", new { apiKey = "sk-user-narration", baseUrl = fixture.Fake.BaseUrl }, ApiCalls.Json, Ct)).EnsureSuccessStatusCode();
        var book = await client.CreateBookAsync(("title", $"Pip {Guid.NewGuid():N}"[..20]), ("theme", $"friends {Guid.NewGuid():N}"[..16]), ("pageCount", 24),
            ("textEngine", "openai"), ("artEngine", "openai"), ("narrate", true));

        var estimate = await (await client.GetAsync($"/api/v1/books/{book.Id}/estimate", Ct)).ReadAsync<CostEstimateDto>();
        estimate.SpeechCostUsd.ShouldBeGreaterThan(0);
        estimate.TotalUsd.ShouldBe(estimate.TextCostUsd + estimate.ImageCostUsd + estimate.SpeechCostUsd);
        estimate.Summary.ShouldContain("narration with gpt-4o-mini-tts (coral)");

        var before = fixture.Fake.Journal.Entries.Count(e => e.Endpoint == "audio/speech");
        var queued = await client.GenerateAsync(book.Id);
        var task = await client.WaitForAsync(queued.Id, TimeSpan.FromSeconds(300));
        task.Status.ShouldBe("succeeded", task.Error);

        var spoken = fixture.Fake.Journal.Entries.Where(e => e.Endpoint == "audio/speech").Skip(before).ToList();
        spoken.ShouldAllBe(e => e.Status == 200 && e.Model == "gpt-4o-mini-tts");
        var along = await (await client.GetAsync($"/api/v1/books/{book.Id}/ebook/read-along", Ct)).ReadAsync<ReadAlongDto>();
        var clips = along.Pages.SelectMany(p => p.Clips).ToList();
        clips.Count.ShouldBeGreaterThan(10);
        // One call a sentence at most (a repeated line is served from the cache), and every call's text is a sentence of the book.
        spoken.Count.ShouldBeLessThanOrEqualTo(clips.Count);
        spoken.Count.ShouldBeGreaterThan(5);
        task.Usage.PaidCalls.ShouldBeGreaterThanOrEqualTo(spoken.Count);
        clips.ShouldAllBe(c => c.End - c.Begin > 0.2);
        var text = string.Concat(along.Pages.SelectMany(p => p.Blocks).Select(b => b.Html));
        spoken.ShouldAllBe(e => text.Contains(System.Net.WebUtility.HtmlEncode(e.Prompt!).Replace("&#39;", "'"), StringComparison.Ordinal) || text.Contains(e.Prompt!, StringComparison.Ordinal));
        task.Usage.CostUsd.ShouldBeGreaterThan(0);

        using var listing = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/listing.json", Ct));
        var ebook = listing.RootElement.GetProperty("ebook");
        ebook.GetProperty("narrator").GetString().ShouldBe("OpenAI gpt-4o-mini-tts, voice coral");
        ebook.GetProperty("aiContent").GetProperty("narration").GetProperty("aiGenerated").GetBoolean().ShouldBeTrue();
        using var preflight = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/preflight.json", Ct));
        var check = preflight.RootElement.GetProperty("ebook");
        check.GetProperty("passed").GetBoolean().ShouldBeTrue(check.ToString());
        check.GetProperty("epubcheck").GetProperty("warnings").GetInt32().ShouldBe(0);
    }
}

[Collection(nameof(AiEnginesApiTests))]
public sealed class SqliteAiNarrationTests(SqliteAiTaskApp app) : AiNarrationTests(app), IClassFixture<SqliteAiTaskApp>;

[Collection(nameof(AiEnginesApiTests))]
public sealed class PostgresAiNarrationTests(PostgresAiTaskApp app) : AiNarrationTests(app), IClassFixture<PostgresAiTaskApp>;
