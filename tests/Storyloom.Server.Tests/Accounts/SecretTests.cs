using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Accounts;

/// <summary>Passwords, tokens and keys never reach the logs, the audit table or a later response.</summary>
public abstract class SecretTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_secret_of_a_whole_session_appears_in_the_logs_or_the_audit_log()
    {
        var logs = new LogCollector();
        await using var app = await StoryloomApp.StartAsync(db, services: logs.Register);

        var (email, password, _) = await app.RegisterAsync();
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = password + "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var first = await app.LoginAsync(email, password);
        var refreshed = await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct))
            .Content.ReadFromJsonAsync<TokenResponse>(Ct);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken + "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var key = await app.CreateApiKeyAsync(refreshed!.AccessToken);
        using (var byKey = app.CreateApiKeyClient(key.Key))
        {
            (await byKey.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var signedIn = app.CreateClient(refreshed.AccessToken);
        var changed = await signedIn.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = password, newPassword = "second secret phrase" }, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var last = await changed.Content.ReadFromJsonAsync<TokenResponse>(Ct);
        (await signedIn.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = last!.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        string[] secrets =
        [
            password, "second secret phrase", first.AccessToken, first.RefreshToken, refreshed.AccessToken, refreshed.RefreshToken,
            last.AccessToken, last.RefreshToken, key.Key, key.Key.Split('_', 3)[2],
            // A token's signature alone is enough to tell whether a guess is right; keep it out too.
            first.AccessToken.Split('.')[2],
        ];
        logs.Lines.Count.ShouldBeGreaterThan(20);
        await using var scope = app.App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<StoryloomDb>().AuditLog
            .Select(a => a.Action + " " + a.Target + " " + a.Detail + " " + a.Ip).ToListAsync(Ct);
        audit.Count.ShouldBeGreaterThan(5);
        foreach (var secret in secrets)
        {
            logs.Lines.ShouldAllBe(line => !line.Contains(secret), $"a log line holds a secret");
            audit.ShouldAllBe(line => !line.Contains(secret), $"an audit entry holds a secret");
        }
    }
}

public sealed class SqliteSecretTests() : SecretTests(Db.Sqlite);

public sealed class PostgresSecretTests() : SecretTests(Db.Postgres);
