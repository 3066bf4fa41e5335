using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>Point 3 of the security issue: sign-in cannot list accounts, cannot lock an owner out, and keys cannot mint keys.</summary>
public abstract partial class SignInTests(SignInApp fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Answer(int Status, string Headers, string Body, string? RetryAfter);

    /// <summary>A JSON POST as if from <paramref name="ip"/>: what the client sees, with the per-request trace id blanked.</summary>
    private async Task<Answer> PostFrom(string ip, string path, object body)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(SourceAddress.Header, ip);
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var headers = string.Join(",", response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key))
            .Where(k => k != "Date").Order(StringComparer.OrdinalIgnoreCase));
        return new Answer((int)response.StatusCode, headers, TraceId().Replace(text, "\"traceId\":\"…\""),
            response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<Answer> Login(string ip, string email, string password) => PostFrom(ip, "/api/v1/auth/login", new { email, password });

    [Fact]
    public async Task A_known_and_an_unknown_email_get_the_same_answers_before_and_after_failures()
    {
        var (known, password, _) = await App.RegisterAsync();
        var unknown = StoryloomApp.NewEmail();
        var knownAnswers = new List<Answer>();
        var unknownAnswers = new List<Answer>();
        for (var i = 0; i < 8; i++)
        {
            knownAnswers.Add(await Login("198.51.100.1", known, "wrong password " + i));
            unknownAnswers.Add(await Login("198.51.100.2", unknown, "wrong password " + i));
            if (knownAnswers[^1].RetryAfter is not null) fixture.Clock.Advance(TimeSpan.FromSeconds(int.Parse(knownAnswers[^1].RetryAfter!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        unknownAnswers.ShouldBe(knownAnswers);
        knownAnswers.Take(5).ShouldAllBe(a => a.Status == StatusCodes.Status401Unauthorized);
        // Unknown emails are not a cheap way to probe: the correct password of a known one is refused the same way while slowed.
        (await Login("198.51.100.1", known, password)).Status.ShouldBe(StatusCodes.Status429TooManyRequests);
    }

    [Fact]
    public async Task Failures_slow_the_guesser_down_more_each_time_and_never_lock_the_owner_out()
    {
        var (email, password, _) = await App.RegisterAsync();
        var waits = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            var answer = await Login("203.0.113.9", email, "guess " + i);
            if (answer.Status == StatusCodes.Status429TooManyRequests)
            {
                waits.Add(int.Parse(answer.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture));
                answer.Body.ShouldContain("Too many failed attempts");
                fixture.Clock.Advance(TimeSpan.FromSeconds(waits[^1]));
                i--;
                if (waits.Count > 20) break;
                continue;
            }
            answer.Status.ShouldBe(StatusCodes.Status401Unauthorized, answer.Body);
        }

        waits.Count.ShouldBeGreaterThanOrEqualTo(3);
        waits.ShouldBe(waits.Order().ToList());
        waits[^1].ShouldBeGreaterThan(waits[0]);
        // The owner, elsewhere, signs in at once: a stranger's guesses are the stranger's problem.
        (await Login("192.0.2.44", email, password)).Status.ShouldBe(StatusCodes.Status200OK);
        // ...and the guesser's address is still slowed for that email.
        (await Login("203.0.113.9", email, "guess again")).Status.ShouldBe(StatusCodes.Status429TooManyRequests);
    }

    [Fact]
    public async Task Register_cannot_probe_for_accounts_faster_than_sign_in()
    {
        var taken = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var (email, _, _) = await App.RegisterAsync();
            taken.Add((await PostFrom("198.51.100.77", "/api/v1/auth/register", new { email, password = StoryloomApp.NewPassword(), displayName = "Probe" })).Status);
        }

        taken.Take(5).ShouldAllBe(s => s == StatusCodes.Status409Conflict);
        taken.Skip(5).ShouldContain(StatusCodes.Status429TooManyRequests);
        // Another address registers as usual.
        (await PostFrom("198.51.100.78", "/api/v1/auth/register", new { email = StoryloomApp.NewEmail(), password = StoryloomApp.NewPassword(), displayName = "New" }))
            .Status.ShouldBe(StatusCodes.Status201Created);
    }

    [Fact]
    public async Task An_api_key_cannot_create_api_keys_so_revoking_a_leaked_key_ends_the_access()
    {
        var user = await App.SignUpAsync();
        var key = await App.CreateApiKeyAsync(user.AccessToken, "leaked");
        using var withKey = App.CreateClient();
        withKey.DefaultRequestHeaders.Add(ApiKeys.Header, key.Key);

        var refused = await withKey.PostAsJsonAsync("/api/v1/auth/api-keys", new { name = "persistence" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withKey.GetAsync("/api/v1/auth/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var session = App.CreateClient(user.AccessToken);
        (await session.DeleteAsync($"/api/v1/auth/api-keys/{key.Id}", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        (await session.GetFromJsonAsync<List<ApiKeyDto>>("/api/v1/auth/api-keys", Ct))!.ShouldBeEmpty();
        // Nothing the key made survives it: the only key of the account is gone (the revocation itself: ApiKeyTests).
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}

/// <summary>A server whose clock the test moves, and whose requests come from the address a test header names.</summary>
public abstract class SignInApp(Db db) : IAsyncLifetime
{
    public FakeClock Clock { get; } = new();
    public StoryloomApp Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await StoryloomApp.StartAsync(db, services: s =>
    {
        Clock.Register(s);
        s.AddSingleton<IStartupFilter, SourceAddress>();
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>TestServer has no client address; this stands in for the socket's, ahead of every other middleware.</summary>
public sealed class SourceAddress : IStartupFilter
{
    public const string Header = "X-Test-Source-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var ip)) context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
            return then(context);
        });
        next(app);
    };
}

public sealed class SqliteSignInApp() : SignInApp(Db.Sqlite);

public sealed class PostgresSignInApp() : SignInApp(Db.Postgres);

public sealed class SqliteSignInTests(SqliteSignInApp app) : SignInTests(app), IClassFixture<SqliteSignInApp>;

public sealed class PostgresSignInTests(PostgresSignInApp app) : SignInTests(app), IClassFixture<PostgresSignInApp>;
