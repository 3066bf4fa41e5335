using Storyloom.Ai.Costs;
using Storyloom.Fakes.OpenAi;
using Storyloom.Ai.Providers;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Tests;

public sealed class ProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Insufficient_quota_is_not_retried()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { InsufficientQuota = true });
        var e = await Should.ThrowAsync<OpenAiException>(() => fake.Provider.ModerateAsync(["hello"], Ct));
        e.Kind.ShouldBe(FailureKind.QuotaExceeded);
        e.Status.ShouldBe(429);
        fake.Server.Journal.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Content_policy_rejection_is_not_retried()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { ContentPolicyWords = ["dragon"] });
        var e = await Should.ThrowAsync<OpenAiException>(() => fake.Provider.GenerateImageAsync("a dragon breathing fire", Ct));
        e.Kind.ShouldBe(FailureKind.ContentPolicy);
        e.Code.ShouldBe("moderation_blocked");
        fake.Server.Journal.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rate_limit_waits_at_least_the_retry_after_the_server_asked_for()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { RateLimitRate = 1.0, RetryAfterSeconds = 1 });
        var call = fake.Provider.ModerateAsync(["hello"], Ct);
        // Wait for the refusal itself, not a fixed time: on a loaded machine the first request can be late.
        await SeenAsync(fake, "429");
        fake.Server.Faults = new FakeFaults();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (await call).Single().Flagged.ShouldBeFalse();
        var journal = fake.Server.Journal.Entries;
        journal.Count(e => e.Fault == "429").ShouldBe(1);
        journal.Last().Status.ShouldBe(200);
        // Retry-After was 1 s; the refusal was seen a moment after it was sent.
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_the_retry_succeeds()
    {
        await using var fake = await FakeProvider.StartAsync(new FakeFaults { HangRate = 1.0, HangMs = 20_000 },
            o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(400) });
        var call = fake.Provider.ModerateAsync(["hello"], Ct);
        await SeenAsync(fake, "hang");
        fake.Server.Faults = new FakeFaults();
        (await call).Count.ShouldBe(1);
        fake.Server.Journal.Entries.Count(e => e.Fault == "hang").ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>Waits (at most 30 s) until the fake has answered a request with <paramref name="fault"/>.</summary>
    private static async Task SeenAsync(FakeProvider fake, string fault)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!fake.Server.Journal.Entries.Any(e => e.Fault == fault))
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), $"the fake never answered with {fault}");
            await Task.Delay(10, Ct);
        }
    }

    [Fact]
    public async Task Wrong_key_header_gets_the_401_envelope()
    {
        await using var fake = await FakeProvider.StartAsync();
        using var http = new HttpClient();
        var response = await http.PostAsync(fake.Server.BaseUrl + "/moderations", new StringContent("{}"), Ct);
        ((int)response.StatusCode).ShouldBe(401);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"code\":\"invalid_api_key\"");
        body.ShouldContain("\"type\":\"invalid_request_error\"");
    }

    [Fact]
    public async Task Gpt_image_rejects_response_format_and_edits_reject_octet_stream()
    {
        await using var fake = await FakeProvider.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "k");
        var gen = await http.PostAsync(fake.Server.BaseUrl + "/images/generations",
            new StringContent("""{"model":"gpt-image-1","prompt":"a cat","response_format":"b64_json"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        ((int)gen.StatusCode).ShouldBe(400);
        (await gen.Content.ReadAsStringAsync(Ct)).ShouldContain("unknown_parameter");
        using var form = new MultipartFormDataContent { { new StringContent("gpt-image-1"), "model" }, { new StringContent("a cat"), "prompt" } };
        var part = new ByteArrayContent([1, 2, 3]);
        part.Headers.ContentType = new("application/octet-stream");
        form.Add(part, "image[]", "a.png");
        var edit = await http.PostAsync(fake.Server.BaseUrl + "/images/edits", form, Ct);
        ((int)edit.StatusCode).ShouldBe(400);
        (await edit.Content.ReadAsStringAsync(Ct)).ShouldContain("unsupported_file_mimetype");
        var rate = gen.Headers.GetValues("x-ratelimit-remaining-requests").Single();
        rate.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Fault_admin_endpoint_changes_the_faults()
    {
        await using var fake = await FakeProvider.StartAsync();
        using var http = new HttpClient();
        var root = fake.Server.BaseUrl[..^3];
        var set = await http.PostAsync(root + "/_fake/faults", new StringContent("""{"insufficientQuota":true}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        set.EnsureSuccessStatusCode();
        fake.Server.Faults.InsufficientQuota.ShouldBeTrue();
        var journal = await http.GetStringAsync(root + "/_fake/journal", Ct);
        journal.ShouldBe("[]");
    }

    [Fact]
    public async Task Probe_says_the_provider_answers_and_which_models_it_sees()
    {
        await using var fake = await FakeProvider.StartAsync();
        var probe = await ProviderProbe.CheckAsync(fake.Options, Ct);
        probe.Answers.ShouldBeTrue();
        probe.Models.ShouldContain("gpt-image-1");
        probe.MissingModels.ShouldBeEmpty();

        var missing = await ProviderProbe.CheckAsync(fake.Options with { BaseUrl = "http://127.0.0.1:9/v1" }, Ct);
        missing.Answers.ShouldBeFalse();
        (await ProviderProbe.CheckAsync(fake.Options with { ApiKey = null }, Ct)).Problem.ShouldNotBeNull().ShouldContain("OPENAI_API_KEY");
    }

    [Fact]
    public void Options_never_print_the_key_and_read_the_environment()
    {
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-secret-123", ["OPENAI_BASE_URL"] = "http://127.0.0.1:11434/v1", ["STORYLOOM_AI_BUDGET"] = "2.50" };
        var o = AiOptions.FromEnvironment(n => env.GetValueOrDefault(n));
        o.ApiKey.ShouldBe("sk-secret-123");
        o.BaseUrl.ShouldBe("http://127.0.0.1:11434/v1");
        o.BudgetPerBook.ShouldBe(2.50m);
        o.ImageModel.ShouldBe("gpt-image-1");
        o.ToString().ShouldNotContain("sk-secret");
        o.ToString().ShouldContain("(set, hidden)");
    }

    [Fact]
    public void Retry_delay_reads_go_durations()
    {
        OpenAiException.ParseGoDuration("6m0s").ShouldBe(TimeSpan.FromMinutes(6));
        OpenAiException.ParseGoDuration("20ms").ShouldBe(TimeSpan.FromMilliseconds(20));
        OpenAiException.ParseGoDuration("1.5s").ShouldBe(TimeSpan.FromSeconds(1.5));
        OpenAiException.ParseGoDuration("soon").ShouldBeNull();
    }

    [Fact]
    public void Estimate_counts_pictures_and_prices_them_from_the_table()
    {
        var o = new AiOptions();
        var e = CostEstimator.Estimate(new BookSpec { Pages = 32 }, o, castSize: 3);
        // 28 story pages, 2 more pictures and the cover's, 3 sheets, and a redraw for one checked picture in ten (3 of 30).
        e.Images.ShouldBe(28 + 2 + 3 + 3);
        e.Redraws.ShouldBe(3);
        // Pages, cover and redraws at medium; the sheets at the sheet quality (low).
        e.ImageCost.ShouldBe(33 * 0.042m + 3 * 0.011m);
        e.Checks.ShouldBe(30 + 3);
        e.CheckCost.ShouldBeGreaterThan(0);
        e.TextCost.ShouldBeGreaterThan(0);
        var cheaper = CostEstimator.Estimate(new BookSpec { Pages = 32 }, o with { Prices = o.Prices.With("gpt-image-1", new ModelPrice(0, 0, new Dictionary<string, decimal> { ["medium"] = 0.01m })) });
        cheaper.ImageCost.ShouldBe(0.36m);
        var unchecked_ = CostEstimator.Estimate(new BookSpec { Pages = 32 }, o with { VisionModel = "off" }, castSize: 3);
        (unchecked_.Images, unchecked_.Checks, unchecked_.CheckCost).ShouldBe((33, 0, 0m));
    }
}
