using System.Net;
using System.Web;
using Storyloom.Fakes.Canva;

namespace Storyloom.Canva.Tests;

/// <summary>The client against the fake Canva, over real HTTP: the wire format, the jobs, and every injected failure.</summary>
public sealed class CanvaClientTests : IAsyncLifetime
{
    private FakeCanvaServer _fake = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fake = await FakeCanvaServer.StartAsync(ct: Ct);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public void Pkce_challenge_is_the_rfc_7636_example()
    {
        Pkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        var pkce = Pkce.Create();
        pkce.Verifier.Length.ShouldBe(128);
        pkce.Verifier.ShouldNotContain("=");
        pkce.Challenge.Length.ShouldBe(43);
    }

    [Fact]
    public async Task Authorize_url_asks_for_exactly_the_scopes_storyloom_needs_and_the_code_exchanges_for_tokens()
    {
        var options = _fake.ClientOptions();
        var tokens = await ConnectAsync(options);
        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBe(14400);
        tokens.Scope!.Split(' ').ShouldBe(options.Scopes, ignoreOrder: true);
        tokens.Scope.ShouldContain("asset:read");
        tokens.Scope.ShouldContain("design:content:read");

        var client = Client(options, tokens.AccessToken);
        (await client.GetMeAsync(Ct)).UserId.ShouldBe("oUfakeuser");
        (await client.GetCapabilitiesAsync(Ct)).ShouldBe([CanvaCapabilities.Autofill, CanvaCapabilities.BrandTemplate, "resize"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_code_is_used_once_and_needs_the_verifier_it_was_made_for()
    {
        var options = _fake.ClientOptions();
        var oauth = new CanvaOAuth(_http, options);
        var pkce = Pkce.Create();
        var code = await AuthorizeAsync(oauth, pkce, "http://127.0.0.1:9/cb");
        var wrong = await Should.ThrowAsync<CanvaException>(() => oauth.ExchangeCodeAsync(code, Pkce.Create().Verifier, "http://127.0.0.1:9/cb", Ct));
        wrong.Code.ShouldBe("invalid_grant");
        var again = await Should.ThrowAsync<CanvaException>(() => oauth.ExchangeCodeAsync(code, pkce.Verifier, "http://127.0.0.1:9/cb", Ct));
        again.Kind.ShouldBe(CanvaFailure.ReconnectNeeded);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_the_old_one_no_longer_works()
    {
        var options = _fake.ClientOptions();
        var oauth = new CanvaOAuth(_http, options);
        var first = await ConnectAsync(options);
        var second = await oauth.RefreshAsync(first.RefreshToken, Ct);
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        var reused = await Should.ThrowAsync<CanvaException>(() => oauth.RefreshAsync(first.RefreshToken, Ct));
        reused.Kind.ShouldBe(CanvaFailure.ReconnectNeeded);
        reused.Message.ShouldContain("connect Canva again");
    }

    [Fact]
    public async Task Revoke_stops_the_access_token_and_the_refresh_token()
    {
        var options = _fake.ClientOptions();
        var tokens = await ConnectAsync(options);
        await new CanvaOAuth(_http, options).RevokeAsync(tokens.RefreshToken, Ct);
        var e = await Should.ThrowAsync<CanvaException>(() => Client(options, tokens.AccessToken).GetMeAsync(Ct));
        e.Code.ShouldBe("revoked_access_token");
        await Should.ThrowAsync<CanvaException>(() => new CanvaOAuth(_http, options).RefreshAsync(tokens.RefreshToken, Ct));
    }

    [Fact]
    public async Task Brand_templates_list_only_fillable_ones_page_by_page_with_their_fields()
    {
        var options = _fake.ClientOptions();
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        var first = await client.ListBrandTemplatesAsync(null, null, 1, Ct);
        first.Items.Count.ShouldBe(1);
        first.Continuation.ShouldNotBeNull();
        var second = await client.ListBrandTemplatesAsync(null, first.Continuation, 1, Ct);
        second.Continuation.ShouldBeNull();
        var all = first.Items.Concat(second.Items).ToList();
        all.Select(t => t.Title).ShouldNotContain(t => t.Contains("no data fields"));
        var dataset = await client.GetDatasetAsync(all[0].Id, Ct);
        dataset["page_picture"].Type.ShouldBe("image");
        dataset["page_text"].Type.ShouldBe("text");
        (await client.GetBrandTemplateAsync(all[1].Id, Ct)).Title.ShouldBe(all[1].Title);
        (await Should.ThrowAsync<CanvaException>(() => client.GetDatasetAsync("nope", Ct))).Kind.ShouldBe(CanvaFailure.NotFound);
    }

    [Fact]
    public async Task Upload_autofill_export_and_download_give_a_pdf()
    {
        var options = _fake.ClientOptions();
        _fake.Faults = new FakeCanvaFaults { JobPolls = 3 };
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        var polls = 0;
        client.OnPoll = (_, _) => polls++;
        var asset = await client.UploadAssetAsync(TinyPng(), "page 1 picture", Ct);
        asset.Name.ShouldBe("page 1 picture");
        var filled = await client.AutofillAsync(new AutofillRequest("DAFstoryPage1", "Pip, page 1", new Dictionary<string, AutofillValue>
        {
            ["page_text"] = AutofillValue.ForText("Pip looked up at the stars."),
            ["page_picture"] = AutofillValue.ForImage(asset.Id),
        }), Ct);
        filled.Design.Title.ShouldBe("Pip, page 1");
        var urls = await client.ExportPdfAsync(filled.Design.Id, Ct);
        var pdf = await client.DownloadAsync(urls.ShouldHaveSingleItem(), Ct);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var file = Path.Combine(Path.GetTempPath(), $"canva-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, Ct);
        (await Storyloom.Print.Tools.ExternalTool.RunAsync("qpdf", ["--check", file], Ct)).ExitCode.ShouldBe(0);
        File.Delete(file);
        polls.ShouldBe(9);
    }

    [Fact]
    public async Task Autofill_data_that_does_not_match_the_template_is_refused_with_canvas_words()
    {
        var options = _fake.ClientOptions();
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        var e = await Should.ThrowAsync<CanvaException>(() => client.AutofillAsync(new AutofillRequest("DAFstoryPage1", null,
            new Dictionary<string, AutofillValue> { ["page_picture"] = AutofillValue.ForText("not a picture") }), Ct));
        e.Code.ShouldBe("autofill_data_invalid");
        e.Kind.ShouldBe(CanvaFailure.BadRequest);
    }

    [Fact]
    public async Task A_failed_autofill_job_is_reported_with_canvas_code_and_reason()
    {
        var options = _fake.ClientOptions();
        _fake.Faults = new FakeCanvaFaults { AutofillFailure = new JobError("autofill_error", "Error autofilling design from brand template") };
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        var e = await Should.ThrowAsync<CanvaException>(() => client.AutofillAsync(Fill(), Ct));
        e.Kind.ShouldBe(CanvaFailure.JobFailed);
        e.Code.ShouldBe("autofill_error");
        e.Message.ShouldContain("Error autofilling design from brand template");
    }

    [Fact]
    public async Task Too_many_requests_is_waited_out_and_retried()
    {
        var options = _fake.ClientOptions();
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        _fake.Faults = new FakeCanvaFaults { RateLimitNext = 2 };
        (await client.GetMeAsync(Ct)).UserId.ShouldBe("oUfakeuser");
        _fake.Journal.Count(c => c.Status == 429).ShouldBe(2);
    }

    [Fact]
    public async Task Quota_exceeded_is_explained_with_the_upgrade_link_and_not_retried()
    {
        var options = _fake.ClientOptions();
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        _fake.Faults = new FakeCanvaFaults { QuotaExceeded = true };
        var e = await Should.ThrowAsync<CanvaException>(() => client.AutofillAsync(Fill(), Ct));
        e.Kind.ShouldBe(CanvaFailure.QuotaExceeded);
        e.UpsellUrl.ShouldBe(FakeCanvaServer.UpsellUrl);
        e.Message.ShouldContain($"upgrade the Canva plan at {FakeCanvaServer.UpsellUrl}");
        _fake.Journal.Count(c => c.Path.StartsWith("/rest/v1/autofills", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_plan_without_autofill_is_explained()
    {
        var options = _fake.ClientOptions();
        _fake.Faults = new FakeCanvaFaults { Plan = "pro" };
        var client = Client(options, (await ConnectAsync(options)).AccessToken);
        (await client.GetCapabilitiesAsync(Ct)).ShouldNotContain(CanvaCapabilities.Autofill);
        var e = await Should.ThrowAsync<CanvaException>(() => client.AutofillAsync(Fill(), Ct));
        e.Kind.ShouldBe(CanvaFailure.NotAllowed);
        e.Message.ShouldContain("autofill needs Canva Enterprise");
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_and_the_call_goes_through()
    {
        var options = _fake.ClientOptions();
        var source = new RefreshingSource(new CanvaOAuth(_http, options), await ConnectAsync(options));
        var client = new CanvaClient(_http, options, source);
        await client.GetMeAsync(Ct);
        _fake.ExpireAccessTokens();
        (await client.GetMeAsync(Ct)).UserId.ShouldBe("oUfakeuser");
        source.Refreshes.ShouldBe(1);
        _fake.Journal.Count(c => c.Fault == "expired").ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_endpoints_and_missing_tokens_get_canvas_error_bodies()
    {
        var missing = await _http.GetAsync(_fake.ApiBaseUrl + "/v1/users/me", Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("\"code\":\"invalid_access_token\"");
        var unknown = await _http.GetAsync(_fake.ApiBaseUrl + "/v1/nothing", Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("endpoint_not_found");
    }

    private static AutofillRequest Fill() =>
        new("DAFcoverBold2", "Pip", new Dictionary<string, AutofillValue> { ["book_title"] = AutofillValue.ForText("Pip") });

    private CanvaClient Client(CanvaOptions options, string token) => new(_http, options, new StaticTokenSource(token, Guid.NewGuid().ToString()));

    private async Task<CanvaTokens> ConnectAsync(CanvaOptions options)
    {
        var oauth = new CanvaOAuth(_http, options);
        var pkce = Pkce.Create();
        var code = await AuthorizeAsync(oauth, pkce, "http://127.0.0.1:9/cb");
        return await oauth.ExchangeCodeAsync(code, pkce.Verifier, "http://127.0.0.1:9/cb", Ct);
    }

    /// <summary>What a browser does: open the authorize URL, follow Canva's redirect back, read code and state.</summary>
    private async Task<string> AuthorizeAsync(CanvaOAuth oauth, Pkce pkce, string redirect)
    {
        var state = Pkce.State();
        var response = await _http.GetAsync(oauth.AuthorizeUri(state, pkce, redirect), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = response.Headers.Location!;
        back.GetLeftPart(UriPartial.Path).ShouldBe(redirect);
        var query = HttpUtility.ParseQueryString(back.Query);
        query["state"].ShouldBe(state);
        return query["code"]!;
    }

    /// <summary>A 1×1 RGB PNG.</summary>
    internal static byte[] TinyPng() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    private sealed class RefreshingSource(CanvaOAuth oauth, CanvaTokens tokens) : ICanvaTokenSource
    {
        public int Refreshes { get; private set; }

        public string UserKey => "refreshing";

        public async Task<string> AccessTokenAsync(string? rejected, CancellationToken ct)
        {
            if (rejected == tokens.AccessToken)
            {
                tokens = await oauth.RefreshAsync(tokens.RefreshToken, ct);
                Refreshes++;
            }
            return tokens.AccessToken;
        }
    }
}
