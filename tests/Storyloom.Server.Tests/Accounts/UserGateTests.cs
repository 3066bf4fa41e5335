using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

/// <summary>The per-request user check (exists, enabled, token not ended) is cached, so it costs no query on a hot path.</summary>
public abstract class UserGateTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_user_check_queries_the_database_once_then_uses_the_cache_until_a_change()
    {
        var logs = new LogCollector();
        // The revocation watcher drops the cache whenever any account changes (here: the sign-up); give it no chance to run
        // during the five requests, which are about the per-request check alone.
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Auth:RevocationCheckInterval"] = "00:00:15" },
            services: logs.Register);
        var user = await app.SignUpAsync();
        using var client = app.CreateClient(user);

        var before = UserQueries(logs);
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync("/api/v1/auth/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (UserQueries(logs) - before).ShouldBe(1);

        // A change made through this server is seen at once.
        var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = user.Password, newPassword = "another long password" }, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/auth/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    // SQLite's SQL quotes the table name, PostgreSQL's does not. The revocation watcher's once-a-second MAX(...) is not a per-request check.
    private static int UserQueries(LogCollector logs) =>
        logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) && !l.Contains("MAX(", StringComparison.OrdinalIgnoreCase)
            && (l.Contains("FROM \"users\"", StringComparison.Ordinal) || l.Contains("FROM users", StringComparison.Ordinal)));
}

public sealed class SqliteUserGateTests() : UserGateTests(Db.Sqlite);

public sealed class PostgresUserGateTests() : UserGateTests(Db.Postgres);
