using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

/// <summary>Real limits, made small through settings, on a server of their own.</summary>
public abstract class RateLimitTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_over_the_auth_limit_get_429_with_retry_after()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Limits:AuthRequestsPerMinute"] = "3" });
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await Login(client)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        var refused = await Login(client);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Each_user_has_their_own_budget_on_the_api()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Limits:RequestsPerMinute"] = "5" });
        var busy = await app.CreateUserAsync();
        var quiet = await app.CreateUserAsync();
        using var busyClient = app.CreateClient(busy);
        for (var i = 0; i < 5; i++)
        {
            (await busyClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var refused = await busyClient.GetAsync("/api/v1/auth/me", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var quietClient = app.CreateClient(quiet);
        (await quietClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Outside the API (health checks) nothing is limited.
        (await busyClient.GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Login(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "not a password" }, Ct);
}

public sealed class SqliteRateLimitTests() : RateLimitTests(Db.Sqlite);

public sealed class PostgresRateLimitTests() : RateLimitTests(Db.Postgres);
