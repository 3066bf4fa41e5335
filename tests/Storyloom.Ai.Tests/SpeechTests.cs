using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Speech;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

/// <summary>Read-along narration by the provider's speech endpoint (POST /audio/speech), through the fake that makes real sound.</summary>
public sealed class SpeechTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_sentence_is_spoken_once_as_24_kHz_pcm_as_long_as_its_words_priced_and_cached()
    {
        await using var fake = await FakeProvider.StartAsync();
        var meter = fake.Meter();
        var voice = new OpenAiVoice(fake.Provider, fake.Cache, meter, "en");
        voice.Narrator.ShouldBe("OpenAI gpt-4o-mini-tts, voice coral");
        voice.IsAiModel.ShouldBeTrue();

        var shortOne = await voice.SpeakAsync("Pip was afraid.", Ct);
        var longOne = await voice.SpeakAsync("Pip was afraid of the dark, so Mama left the little lamp on by the door.", Ct);
        shortOne.SampleRate.ShouldBe(24_000);
        shortOne.Seconds.ShouldBeInRange(0.6, 3);
        longOne.Seconds.ShouldBeGreaterThan(shortOne.Seconds * 2);
        Loudest(longOne.Samples).ShouldBeGreaterThan(3000, "the fake's answer is sound, not silence");

        var calls = fake.Server.Journal.Entries.Where(e => e.Endpoint == "audio/speech").ToList();
        calls.Select(c => (c.Status, c.Model, c.Prompt)).ShouldBe([(200, "gpt-4o-mini-tts", "Pip was afraid."),
            (200, "gpt-4o-mini-tts", "Pip was afraid of the dark, so Mama left the little lamp on by the door.")]);
        var paid = meter.Records.Where(r => !r.FromCache).ToList();
        paid.Count.ShouldBe(2);
        paid[0].Cost.ShouldBe(fake.Options.Prices.For("gpt-4o-mini-tts").ForSpeech("Pip was afraid.".Length, shortOne.Seconds));
        paid.ShouldAllBe(r => r.Cost > 0 && r.Step == "narration");

        // The same sentence again (a rebuild) is not paid for twice.
        var again = await voice.SpeakAsync("Pip was afraid.", Ct);
        again.Samples.ShouldBe(shortOne.Samples);
        fake.Server.Journal.Entries.Count(e => e.Endpoint == "audio/speech").ShouldBe(2);
        meter.Records.Count(r => r.FromCache).ShouldBe(1);
    }

    [Fact]
    public async Task A_budget_too_small_for_the_sentence_stops_before_asking()
    {
        await using var fake = await FakeProvider.StartAsync();
        var voice = new OpenAiVoice(fake.Provider, fake.Cache, fake.Meter(cap: 0.000001m), "en");
        await Should.ThrowAsync<BudgetReachedException>(() => voice.SpeakAsync("Pip was afraid of the dark, so Mama left the lamp on.", Ct));
        fake.Server.Journal.Entries.Count(e => e.Endpoint == "audio/speech").ShouldBe(0);
    }

    [Fact]
    public async Task The_fake_speaks_the_documented_wire_format_and_its_errors()
    {
        await using var fake = await FakeProvider.StartAsync();
        using var http = new HttpClient();
        async Task<HttpResponseMessage> Post(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, fake.Server.BaseUrl.TrimEnd('/') + "/audio/speech")
            {
                Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
            return await http.SendAsync(request, Ct);
        }

        var wav = await Post(new { model = "gpt-4o-mini-tts", input = "Hello, Pip.", voice = "alloy", response_format = "wav" });
        wav.StatusCode.ShouldBe(HttpStatusCode.OK);
        wav.Content.Headers.ContentType!.MediaType.ShouldBe("audio/wav");
        var bytes = await wav.Content.ReadAsByteArrayAsync(Ct);
        Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("RIFF");
        Core.Ebook.Pcm.FromWav(bytes).SampleRate.ShouldBe(24_000);

        async Task<string?> Code(HttpResponseMessage r)
        {
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct));
            doc.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
            return doc.RootElement.GetProperty("error").GetProperty("code").GetString();
        }
        (await Code(await Post(new { model = "gpt-4o-mini-tts", input = "Hello.", voice = "robot" }))).ShouldBe("invalid_value");
        (await Code(await Post(new { model = "tts-1", input = "Hello.", voice = "alloy", instructions = "softly" }))).ShouldBe("unsupported_parameter");
        (await Code(await Post(new { model = "tts-1", input = new string('a', 4097), voice = "alloy" }))).ShouldBe("string_above_max_length");
    }

    [Fact]
    public void The_estimate_counts_narration_only_when_asked()
    {
        var options = new AiOptions();
        var spec = new BookSpecInput { Title = "Pip", Pages = 32 }.ToSpec();
        CostEstimator.Estimate(spec, options).SpeechCost.ShouldBe(0);
        var narrated = CostEstimator.Estimate(spec with { Narrate = true, Ebook = true }, options);
        narrated.SpeechCost.ShouldBeInRange(0.005m, 0.5m);
        narrated.SpeechMinutes.ShouldBeGreaterThan(0.5);
        narrated.Total.ShouldBe(CostEstimator.Estimate(spec, options).Total + narrated.SpeechCost);
    }

    private static int Loudest(byte[] pcm)
    {
        var max = 0;
        for (var i = 0; i + 1 < pcm.Length; i += 2) max = Math.Max(max, Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(i))));
        return max;
    }
}
