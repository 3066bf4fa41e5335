using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Ai;
using Storyloom.Server.Data;
using Storyloom.Server.Engines;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>
/// A server whose administrator allowed no private hosts (the default), a secret service on loopback beside it, and test-sized
/// retries; <see cref="StartHostAsync"/> starts another on the same database kind with other network settings.
/// </summary>
public abstract class GuardedApp(Db db) : IAsyncLifetime
{
    public StoryloomApp Server { get; private set; } = null!;
    public SecretListener Listener { get; private set; } = null!;
    public LogCollector Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Listener = SecretListener.Start();
        Server = await StartHostAsync(allowedPrivateHosts: "");
    }

    public Task<StoryloomApp> StartHostAsync(string allowedPrivateHosts) =>
        StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Network:AllowedPrivateHosts"] = allowedPrivateHosts }, s =>
        {
            s.AddSingleton(new AiOptions
            {
                ApiKey = null,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 1,
                AttemptTimeout = TimeSpan.FromSeconds(10),
                TotalTimeout = TimeSpan.FromSeconds(30),
                BreakerMinimumThroughput = 1000,
            });
            Logs.Register(s);
        });

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Listener.DisposeAsync();
    }
}

public sealed class SqliteGuardedApp() : GuardedApp(Db.Sqlite);

public sealed class PostgresGuardedApp() : GuardedApp(Db.Postgres);

/// <summary>Point 1 of the security issue: no user-set URL makes the server call into its own network, or echo what answered.</summary>
public abstract class OutboundGuardTests(GuardedApp fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private StoryloomApp App => fixture.Server;
    private SecretListener Listener => fixture.Listener;

    private static object Settings(string baseUrl) => new { apiKey = "sk-user-key-1234", baseUrl };

    public static TheoryData<string> PrivateForms() =>
    [
        "http://127.0.0.1:{0}/v1",
        "http://2130706433:{0}/v1",
        "http://0x7f.1:{0}/v1",
        "http://0177.0.0.1:{0}/v1",
        "http://127.1:{0}/v1",
        "http://[::ffff:127.0.0.1]:{0}/v1",
        "http://[::1]:{0}/v1",
        "http://localhost:{0}/v1",
        "http://0.0.0.0:{0}/v1",
        "http://169.254.169.254/latest/meta-data",
        "http://10.1.2.3/v1",
        "http://172.16.0.9/v1",
        "http://192.168.1.1/v1",
        "http://100.64.0.1/v1",
        "http://[fd00::1]/v1",
        "http://[fe80::1]/v1",
        "http://[::ffff:a9fe:a9fe]/v1",
        "http://[64:ff9b::7f00:1]/v1",
    ];

    [Theory]
    [MemberData(nameof(PrivateForms))]
    public async Task Saving_a_private_or_loopback_base_url_is_refused_with_a_field_message(string form)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, Listener.Port);
        var client = App.CreateClient(await App.CreateUserAsync());
        var before = Listener.Connections;

        var problem = await (await client.PutAsJsonAsync("/api/v1/settings/ai", Settings(url), ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldError("baseUrl").ShouldContain("private, loopback or link-local");
        Listener.Connections.ShouldBe(before);
    }

    [Fact]
    public async Task A_public_base_url_is_saved()
    {
        var client = App.CreateClient(await App.CreateUserAsync());
        var saved = await (await client.PutAsJsonAsync("/api/v1/settings/ai", Settings("https://198.51.200.7/v1"), ApiCalls.Json, Ct)).ReadAsync<AiSettingsDto>();
        saved.Effective.KeySource.ShouldBe("yours");
    }

    /// <summary>
    /// The attack of the issue: a user's base URL that points at a private service (saved while it resolved elsewhere: DNS
    /// rebinding) and an AI book. The connect-time check refuses it: the service sees nothing, the user sees no secret and no hint.
    /// </summary>
    [Fact]
    public async Task A_base_url_that_turns_private_after_saving_is_never_connected_to()
    {
        var user = await App.CreateUserAsync();
        var client = App.CreateClient(user);
        (await client.PutAsJsonAsync("/api/v1/settings/ai", Settings("https://198.51.200.7/v1"), ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            await db.AiSettings.Where(s => s.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, $"http://127.0.0.1:{Listener.Port}/v1"), Ct);
        }
        var book = await client.CreateBookAsync(("title", "Pip and the kite"), ("theme", "friendship"), ("pageCount", 24), ("textEngine", "openai"), ("artEngine", "openai"));

        var before = Listener.Connections;

        var response = await client.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, text);
        Listener.Connections.ShouldBe(before);
        text.ShouldContain("could not be reached");
        text.ShouldNotContain(SecretListener.Secret);
        text.ShouldNotContain(Listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.ShouldNotContain("refused", Case.Insensitive);
        text.ShouldNotContain("127.0.0.1");
    }

    /// <summary>
    /// With the listener allowed (a self-hoster's own model server), what it answers still never reaches the user word for word:
    /// the user gets the status and an id, the log gets the text under that id. A closed port and a refused address read alike.
    /// </summary>
    [Fact]
    public async Task What_the_provider_answered_goes_to_the_log_and_never_to_the_user()
    {
        await using var selfHosted = await fixture.StartHostAsync(allowedPrivateHosts: "127.0.0.1");
        var client = selfHosted.CreateClient(await selfHosted.CreateUserAsync());
        (await client.PutAsJsonAsync("/api/v1/settings/ai", Settings($"http://127.0.0.1:{Listener.Port}/v1"), ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var book = await client.CreateBookAsync(("title", "Pip and the boat"), ("theme", "sharing"), ("pageCount", 24), ("textEngine", "openai"), ("artEngine", "openai"));
        var before = Listener.Connections;

        var problem = await (await client.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Listener.Connections.ShouldBeGreaterThan(before);
        var detail = problem.Detail();
        detail.ShouldContain("the AI provider refused the request: 400");
        detail.ShouldNotContain(SecretListener.Secret);
        var id = System.Text.RegularExpressions.Regex.Match(detail, @"id ([0-9a-f]{16,32})").Groups[1].Value;
        id.ShouldNotBeEmpty(detail);
        fixture.Logs.Lines.ShouldContain(l => l.Contains(id, StringComparison.Ordinal) && l.Contains(SecretListener.Secret, StringComparison.Ordinal));

        // A port nobody listens on and an address the guard refuses give the same words.
        var closed = await ReachAsync(selfHosted, "http://127.0.0.1:9/v1");
        var refused = await ReachAsync(App, "https://198.51.200.7/v1", rebindTo: "http://10.9.9.9/v1");
        Without(closed).ShouldBe(Without(refused));
    }

    private static string Without(string detail) => System.Text.RegularExpressions.Regex.Replace(detail, @"id [0-9a-f]+", "id …");

    private static async Task<string> ReachAsync(StoryloomApp app, string url, string? rebindTo = null)
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateClient(user);
        (await client.PutAsJsonAsync("/api/v1/settings/ai", Settings(url), ApiCalls.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (rebindTo is not null)
        {
            await using var scope = app.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoryloomDb>().AiSettings.Where(s => s.UserId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, rebindTo), Ct);
        }
        var book = await client.CreateBookAsync(("title", $"Pip {Guid.NewGuid():N}"[..16]), ("theme", "kites"), ("pageCount", 24), ("textEngine", "openai"), ("artEngine", "openai"));
        return (await (await client.PostAsync($"/api/v1/books/{book.Id}/generate", null, Ct)).ProblemAsync(HttpStatusCode.ServiceUnavailable)).Detail();
    }

    [Fact]
    public async Task An_alert_webhook_on_a_private_address_is_refused()
    {
        var admin = App.CreateClient(await App.CreateUserAsync(Server.Accounts.Roles.Admin));
        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", new
        {
            name = "Queue", metric = "storyloom_queue_depth", comparison = ">", threshold = 5, webhookUrl = $"http://[::ffff:127.0.0.1]:{Listener.Port}/hook",
        }, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("webhookUrl").ShouldContain("private, loopback or link-local");
    }
}

[Collection(nameof(OutboundGuardTests))]
public sealed class SqliteOutboundGuardTests(SqliteGuardedApp app) : OutboundGuardTests(app), IClassFixture<SqliteGuardedApp>;

[Collection(nameof(OutboundGuardTests))]
public sealed class PostgresOutboundGuardTests(PostgresGuardedApp app) : OutboundGuardTests(app), IClassFixture<PostgresGuardedApp>;

[CollectionDefinition(nameof(OutboundGuardTests), DisableParallelization = true)]
public sealed class OutboundGuardCollection;
