using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

/// <summary>A server whose clock the test moves.</summary>
public abstract class ClockApp(Db db) : IAsyncLifetime
{
    public FakeClock Clock { get; } = new();
    public StoryloomApp Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await StoryloomApp.StartAsync(db, services: Clock.Register);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SqliteClockApp() : ClockApp(Db.Sqlite);

public sealed class PostgresClockApp() : ClockApp(Db.Postgres);

/// <summary>Token expiry and sign-in failures, with time moved by hand (the slow-down policy: Security/SignInTests).</summary>
public abstract class ClockTests(ClockApp fixture)
{
    private StoryloomApp App => fixture.Server;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_access_token_stops_working_after_15_minutes()
    {
        var (email, password, _) = await App.RegisterAsync();
        var tokens = await App.LoginAsync(email, password);
        using var client = App.CreateClient(tokens.AccessToken);
        (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(10));
        var expired = await client.GetAsync("/api/v1/auth/me", Ct);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        expired.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");

        // The refresh token outlives it and gets a new one.
        using var anonymous = App.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rotated_refresh_token_back_after_the_grace_is_reuse_and_ends_the_sign_in()
    {
        var (email, password, _) = await App.RegisterAsync();
        var first = await App.LoginAsync(email, password);
        using var client = App.CreateClient();
        var second = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct))
            .Content.ReadFromJsonAsync<Storyloom.Server.Accounts.TokenResponse>(Ct);

        fixture.Clock.Advance(TimeSpan.FromSeconds(11));

        (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second!.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var (email, password, _) = await App.RegisterAsync();
        using var client = App.CreateClient();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                (await Login(client, email, "wrong password " + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
            (await Login(client, email, password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
}

public sealed class SqliteClockTests(SqliteClockApp app) : ClockTests(app), IClassFixture<SqliteClockApp>;

public sealed class PostgresClockTests(PostgresClockApp app) : ClockTests(app), IClassFixture<PostgresClockApp>;
