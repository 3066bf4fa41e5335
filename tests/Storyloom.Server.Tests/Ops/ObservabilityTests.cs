using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Ops;

/// <summary>/health/ready says what is wrong when it is not ready (to an administrator); /metrics counts requests by route template.</summary>
public abstract class ObservabilityTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_checks_database_storage_chromium_and_jobs_and_says_why_when_not_ready()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        // The reasons are for administrators; anyone gets the verdict (ServerPathsTests).
        using var client = app.CreateClient(await app.CreateUserAsync(Storyloom.Server.Accounts.Roles.Admin));

        var ready = await client.GetAsync("/health/ready", Ct);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement;
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("checks").EnumerateObject().Select(c => c.Name).ShouldBe(["database", "storage", "chromium", "jobs", "redis"], ignoreOrder: true);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().RollbackAsync(1, Ct);
        }
        var notReady = await client.GetAsync("/health/ready", Ct);
        notReady.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var reason = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync(Ct)).RootElement;
        reason.GetProperty("status").GetString().ShouldBe("not ready");
        reason.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("storyloom db migrate");
    }

    [Fact]
    public async Task Metrics_count_requests_and_latency_by_route_template_not_by_raw_path()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        using var client = app.CreateClient(await app.CreateUserAsync());
        var missing = Guid.NewGuid();
        (await client.GetAsync($"/api/v1/books/{missing}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var metrics = await client.GetAsync("/metrics", Ct);
        metrics.StatusCode.ShouldBe(HttpStatusCode.OK);
        metrics.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await metrics.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("# TYPE storyloom_http_requests_total counter");
        text.ShouldContain("storyloom_http_requests_total{method=\"GET\",route=\"/api/v1/books/{id:guid}\",status=\"404\"}");
        text.ShouldContain("storyloom_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/books/{id:guid}\",le=\"+Inf\"}");
        text.ShouldNotContain(missing.ToString());
    }
}

public sealed class SqliteObservabilityTests() : ObservabilityTests(Db.Sqlite);

public sealed class PostgresObservabilityTests() : ObservabilityTests(Db.Postgres);
