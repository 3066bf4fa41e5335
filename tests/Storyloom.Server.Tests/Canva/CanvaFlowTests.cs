using System.Globalization;
using System.Net;
using System.Text.Json;
using Storyloom.Canva;
using Storyloom.Fakes.Canva;
using Storyloom.Print.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Canva;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Canva;

/// <summary>The fake Canva first, then a server (with a worker and real printing) pointed at it.</summary>
public abstract class CanvaFixture(Db db) : IAsyncLifetime
{
    public FakeCanvaServer Fake { get; private set; } = null!;
    public StoryloomApp Server { get; private set; } = null!;

    public Db Db => db;

    /// <summary>The server's Canva settings, pointed at the fake.</summary>
    public Dictionary<string, string?> Settings { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeCanvaServer.StartAsync();
        Settings = new Dictionary<string, string?>
        {
            // TestServer answers as http://localhost; the callback is built from this, never from a request's Host.
            ["Storyloom:PublicUrl"] = "http://localhost",
            ["Storyloom:Canva:ClientId"] = FakeCanvaServer.ClientId,
            ["Storyloom:Canva:ClientSecret"] = FakeCanvaServer.ClientSecret,
            ["Storyloom:Canva:AuthorizeUrl"] = Fake.AuthorizeUrl,
            ["Storyloom:Canva:ApiBaseUrl"] = Fake.ApiBaseUrl,
            ["Storyloom:Canva:PollFirstDelay"] = "00:00:00.020",
            ["Storyloom:Canva:PollMaxDelay"] = "00:00:00.200",
            ["Storyloom:Canva:RetryBaseDelay"] = "00:00:00.050",
            ["Storyloom:Canva:RefreshBefore"] = "00:00:00",
        };
        Server = await StoryloomApp.StartAsync(db, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class SqliteCanvaApp() : CanvaFixture(Db.Sqlite);

public sealed class PostgresCanvaApp() : CanvaFixture(Db.Postgres);

public abstract class CanvaFlowTests(CanvaFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private StoryloomApp App => fixture.Server;
    private FakeCanvaServer Fake => fixture.Fake;

    [Fact]
    public async Task A_book_connects_lists_fills_exports_and_passes_preflight_with_a_token_refresh_in_the_middle()
    {
        Fake.Faults = new FakeCanvaFaults { AccessTokenSeconds = 3 };
        var client = await ConnectedAsync();
        var connection = await (await client.GetAsync("/api/v1/canva/connection", Ct)).ReadAsync<CanvaConnectionDto>();
        connection.Connected.ShouldBeTrue();
        connection.Scopes.ShouldContain("asset:read");
        connection.Scopes.ShouldContain("design:content:read");
        var capabilities = await (await client.GetAsync("/api/v1/canva/capabilities", Ct)).ReadAsync<CanvaCapabilitiesDto>();
        capabilities.CanMakeBooks.ShouldBeTrue();

        var templates = await (await client.GetAsync("/api/v1/canva/brand-templates", Ct)).ReadAsync<CanvaTemplateListDto>();
        templates.Items.Select(t => t.Id).ShouldBe(["DAFstoryPage1", "DAFcoverBold2"]);
        var page = await (await client.GetAsync("/api/v1/canva/brand-templates/DAFstoryPage1", Ct)).ReadAsync<CanvaTemplateDetailDto>();
        page.MappingSaved.ShouldBeFalse();
        page.Fields.Single(f => f.Name == "page_picture").Suggested.ShouldBe(CanvaContent.PagePicture);
        await SaveMappingsAsync(client);

        var book = await client.CreateBookAsync(("title", "Pip Fills a Canva"), ("pageCount", 24));
        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/canva/books/{book.Id}", new { pagesTemplateId = "DAFstoryPage1", coverTemplateId = "DAFcoverBold2" }))
            .ReadAsync<CanvaBookDto>()).CoverTemplateId.ShouldBe("DAFcoverBold2");
        // Other tests share the fake: count what this book adds.
        var tokenCallsBefore = Fake.Journal.Count(c => c.Path == "/rest/v1/oauth/token");
        // Accepted calls only: a call that met an expired token (401) is made again after the refresh.
        var autofillsBefore = Fake.Journal.Count(c => c.Method == "POST" && c.Path == "/rest/v1/autofills" && c.Status < 400);
        var exportsBefore = Fake.Journal.Count(c => c.Method == "POST" && c.Path == "/rest/v1/exports" && c.Status < 400);

        var queued = await client.GenerateAsync(book.Id);
        var events = await client.ReadEventsAsync(queued.Id);
        var task = await client.WaitForAsync(queued.Id, Patience);
        task.Status.ShouldBe("succeeded", task.Error);
        task.Steps!.Select(s => s.Name).ShouldContain("canva");
        events.Where(e => e.Type == "canva").Select(e => e.Data.Message).ShouldContain(m => m.Contains("filling page", StringComparison.Ordinal));
        // The percent moves while Canva fills the pages, instead of standing still until the step ends.
        var canvaPercents = events.Where(e => e.Type == "canva").Select(e => e.Data.Percent).ToList();
        canvaPercents.ShouldBeInOrder(SortDirection.Ascending);
        canvaPercents[^1].ShouldBeGreaterThan(canvaPercents[0] + 3);
        canvaPercents[^1].ShouldBeLessThan(100);

        var autofills = Fake.Journal.Count(c => c.Method == "POST" && c.Path == "/rest/v1/autofills" && c.Status < 400) - autofillsBefore;
        autofills.ShouldBeGreaterThan(5);
        (Fake.Journal.Count(c => c.Method == "POST" && c.Path == "/rest/v1/exports" && c.Status < 400) - exportsBefore).ShouldBe(autofills);
        // Tokens lasted 3 s: the server refreshed them during the book and never asked the user to connect again.
        Fake.Journal.Count(c => c.Path == "/rest/v1/oauth/token").ShouldBeGreaterThan(tokenCallsBefore);

        var preflight = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/preflight.json", Ct)).RootElement;
        preflight.GetProperty("passed").GetBoolean().ShouldBeTrue(preflight.ToString());
        // The front panel is Canva's design alone: Storyloom's own title panel does not lie hidden underneath it,
        // while the back cover (Storyloom's blurb) stays.
        var cover = Path.Combine(Path.GetTempPath(), $"canva-cover-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(cover, await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/cover.pdf", Ct), Ct);
        try
        {
            var size = System.Text.RegularExpressions.Regex.Match((await ExternalTool.RunCheckedAsync("pdfinfo", [cover], Ct)).StdoutText, @"Page size:\s+([\d.]+) x ([\d.]+)");
            var (width, height) = (double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));
            async Task<string> TextAsync(double x0, double x1) => (await ExternalTool.RunCheckedAsync("pdftotext",
                ["-x", N(x0), "-y", "0", "-W", N(x1 - x0), "-H", N(height), cover, "-"], Ct)).StdoutText;
            (await TextAsync(width * 0.55, width)).ShouldNotContain("Pip Fills a Canva");
            (await TextAsync(0, width * 0.45)).Trim().ShouldNotBeEmpty();
        }
        finally
        {
            File.Delete(cover);
        }
        var interior = await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files/interior.pdf", Ct);
        interior.Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task A_failed_autofill_job_fails_the_task_with_canvas_reason()
    {
        Fake.Faults = new FakeCanvaFaults();
        var client = await ConnectedAsync();
        await SaveMappingsAsync(client);
        var book = await client.CreateBookAsync(("title", "Pip Meets an Error"), ("pageCount", 24));
        await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/canva/books/{book.Id}", new { pagesTemplateId = (string?)null, coverTemplateId = "DAFcoverBold2" });
        Fake.Faults = new FakeCanvaFaults { AutofillFailure = new JobError("autofill_error", "Error autofilling design from brand template") };
        var task = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);
        task.Status.ShouldBe("failed");
        task.Error.ShouldNotBeNull().ShouldContain("Error autofilling design from brand template (autofill_error)");
    }

    [Fact]
    public async Task A_plan_without_autofill_is_explained_before_any_work_and_the_book_says_why_it_stopped()
    {
        Fake.Faults = new FakeCanvaFaults();
        var client = await ConnectedAsync();
        await SaveMappingsAsync(client);
        var book = await client.CreateBookAsync(("title", "Pip on a Pro Plan"), ("pageCount", 24));
        await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/canva/books/{book.Id}", new { pagesTemplateId = "DAFstoryPage1", coverTemplateId = (string?)null });
        Fake.Faults = new FakeCanvaFaults { Plan = "pro" };
        var capabilities = await (await client.GetAsync("/api/v1/canva/capabilities", Ct)).ReadAsync<CanvaCapabilitiesDto>();
        capabilities.Autofill.ShouldBeFalse();
        capabilities.BrandTemplates.ShouldBeTrue();
        capabilities.Explanation.ShouldContain(e => e.Contains("does not include autofill", StringComparison.Ordinal) && e.Contains("Canva Enterprise", StringComparison.Ordinal));

        var uploadsBefore = Fake.Journal.Count(c => c.Path == "/rest/v1/asset-uploads");
        var task = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);
        task.Status.ShouldBe("failed");
        task.Error.ShouldNotBeNull().ShouldContain("does not include autofill");
        Fake.Journal.Count(c => c.Path == "/rest/v1/asset-uploads").ShouldBe(uploadsBefore);
    }

    [Fact]
    public async Task Quota_exceeded_answers_with_the_upgrade_link_and_disconnect_revokes_the_tokens()
    {
        Fake.Faults = new FakeCanvaFaults();
        var client = await ConnectedAsync();
        await SaveMappingsAsync(client);
        var book = await client.CreateBookAsync(("title", "Pip Out of Trials"), ("pageCount", 24));
        await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/canva/books/{book.Id}", new { pagesTemplateId = (string?)null, coverTemplateId = "DAFcoverBold2" });
        Fake.Faults = new FakeCanvaFaults { QuotaExceeded = true };
        var task = await client.WaitForAsync((await client.GenerateAsync(book.Id)).Id, Patience);
        task.Status.ShouldBe("failed");
        task.Error.ShouldNotBeNull().ShouldContain($"upgrade the Canva plan at {FakeCanvaServer.UpsellUrl}");

        Fake.Faults = new FakeCanvaFaults();
        (await client.DeleteAsync("/api/v1/canva/connection", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Fake.Journal.ShouldContain(c => c.Path == "/rest/v1/oauth/revoke" && c.Status == 200);
        (await (await client.GetAsync("/api/v1/canva/connection", Ct)).ReadAsync<CanvaConnectionDto>()).Connected.ShouldBeFalse();
        (await client.GetAsync("/api/v1/canva/brand-templates", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_processes_that_need_a_fresh_token_at_once_spend_the_refresh_token_once()
    {
        // A second server on the same database and data folder stands for a worker process: its own gates, its own DbContexts.
        var options = App.App.Services.GetRequiredService<StoryloomOptions>();
        var settings = new Dictionary<string, string?>(fixture.Settings)
        {
            ["Storyloom:DataDirectory"] = options.DataDirectory,
            ["Storyloom:Database:ConnectionString"] = options.Database.ConnectionString,
        };
        await using var worker = await StoryloomApp.StartAsync(fixture.Db, settings);
        Fake.Faults = new FakeCanvaFaults();
        var client = await ConnectedAsync();
        var userId = (await (await client.GetAsync("/api/v1/auth/me", Ct)).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var scope = App.App.Services.CreateScope())
        {
            // The saved access token has just expired.
            await scope.ServiceProvider.GetRequiredService<StoryloomDb>().CanvaConnections.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct);
        }
        Fake.Faults = new FakeCanvaFaults { RefreshDelay = TimeSpan.FromMilliseconds(400) };
        var refreshesBefore = Fake.Journal.Count(c => c.Path == "/rest/v1/oauth/token");

        static async Task<string> TokenAsync(StoryloomApp host, Guid user)
        {
            using var scope = host.App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CanvaAccounts>().AccessTokenAsync(user, null, Ct);
        }
        var tokens = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => TokenAsync(i % 2 == 0 ? App : worker, userId)));

        tokens.Distinct().Count().ShouldBe(1);
        Fake.Journal.Where(c => c.Path == "/rest/v1/oauth/token").Skip(refreshesBefore).Select(c => c.Status).ShouldBe([200]);
        using (var scope = App.App.Services.CreateScope())
        {
            // The refresh let go of its lease with the new tokens: the next refresh need not wait out the 30 s.
            (await scope.ServiceProvider.GetRequiredService<StoryloomDb>().CanvaConnections.Where(c => c.UserId == userId)
                .Select(c => c.RefreshLeaseUntil).SingleAsync(Ct)).ShouldBeNull();
        }
        (await (await client.GetAsync("/api/v1/canva/connection", Ct)).ReadAsync<CanvaConnectionDto>()).Connected.ShouldBeTrue();
        Fake.Faults = new FakeCanvaFaults();
    }

    [Fact]
    public async Task A_mapping_that_puts_a_picture_in_a_text_field_is_refused_field_by_field()
    {
        Fake.Faults = new FakeCanvaFaults();
        var client = await ConnectedAsync();
        var problem = await (await client.SendJsonAsync(HttpMethod.Put, "/api/v1/canva/brand-templates/DAFstoryPage1/mapping",
            new { fields = new Dictionary<string, string> { ["page_text"] = "page-picture", ["nope"] = "title" } })).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("fields.page_text").ShouldContain("text field and cannot hold the page's picture");
        problem.FieldError("fields.nope").ShouldContain("has no field nope");
        var book = await client.CreateBookAsync();
        (await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/canva/books/{book.Id}", new { pagesTemplateId = "DAFthankYou3" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("pagesTemplateId").ShouldContain("save a field mapping");
    }

    /// <summary>As a browser does it: open the authorize link, come back to the callback, land on the settings page.</summary>
    private async Task<HttpClient> ConnectedAsync()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var started = await client.GetAsync("/api/v1/canva/connect?returnTo=/settings", Ct);
        var cookie = started.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var connect = await started.ReadAsync<CanvaConnectDto>();
        connect.AuthorizeUrl.ShouldContain("code_challenge_method=S256");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var atCanva = await browser.GetAsync(connect.AuthorizeUrl, Ct);
        atCanva.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = atCanva.Headers.Location.ShouldNotBeNull();
        back.AbsolutePath.ShouldBe("/api/v1/canva/callback");
        var landed = await CallbackAsync(back.PathAndQuery, cookie);
        landed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await landed.Content.ReadAsStringAsync(Ct));
        landed.Headers.Location!.ToString().ShouldBe("/settings?canva=connected");
        // The state is single-use.
        (await CallbackAsync(back.PathAndQuery, cookie)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return client;
    }

    /// <summary>The browser coming back from Canva, with the cookie the connect answer set in it (or none).</summary>
    private async Task<HttpResponseMessage> CallbackAsync(string pathAndQuery, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await App.CreateClient().SendAsync(request, Ct);
    }

    private static string N(double v) => ((int)v).ToString(CultureInfo.InvariantCulture);

    private static async Task SaveMappingsAsync(HttpClient client)
    {
        var pages = await (await client.SendJsonAsync(HttpMethod.Put, "/api/v1/canva/brand-templates/DAFstoryPage1/mapping",
            new { fields = new Dictionary<string, string> { ["page_text"] = "page-text", ["page_picture"] = "page-picture" } })).ReadAsync<CanvaTemplateDetailDto>();
        pages.MappingSaved.ShouldBeTrue();
        await (await client.SendJsonAsync(HttpMethod.Put, "/api/v1/canva/brand-templates/DAFcoverBold2/mapping",
            new { fields = new Dictionary<string, string> { ["book_title"] = "title", ["author_name"] = "author", ["cover_picture"] = "cover-picture" } }))
            .ReadAsync<CanvaTemplateDetailDto>();
    }
}

public sealed class SqliteCanvaFlowTests(SqliteCanvaApp app) : CanvaFlowTests(app), IClassFixture<SqliteCanvaApp>;

public sealed class PostgresCanvaFlowTests(PostgresCanvaApp app) : CanvaFlowTests(app), IClassFixture<PostgresCanvaApp>;
