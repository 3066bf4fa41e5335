using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Hosting;
using Storyloom.Server.Preflight;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Security;

/// <summary>
/// Point 2 of the security issue, the time limit: a preflight that runs past Limits.PreflightTimeout is stopped (its qpdf
/// and poppler with it) and answered as a 400 problem+json; the slot is free again and the server answers as before.
/// </summary>
public abstract class PreflightTimeLimitTests(AppFixture fixture) : ApiTests(fixture)
{
    private static MultipartFormDataContent Form(byte[] interior)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(interior);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "interior", "slow.pdf");
        form.Add(new StringContent("8.5x8.5"), "trim");
        form.Add(new StringContent("bw"), "ink");
        form.Add(new StringContent("false"), "bleed");
        form.Add(new StringContent("24"), "pageCount");
        return form;
    }

    [Fact]
    public async Task A_preflight_past_its_time_limit_is_a_clear_400_and_the_server_stays_healthy()
    {
        var (_, client) = await SignedInAsync();
        // 30 MB of content under the 64 MB decompression cap: qpdf and the content scan take seconds, far past 300 ms.
        var slow = PreflightLimitsTests.Bomb(30 << 20);
        var clock = Stopwatch.StartNew();

        var problem = await (await client.PostAsync("/api/v1/preflight", Form(slow), Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        problem.GetProperty("title").GetString().ShouldBe("The PDF is damaged or cannot be checked");
        problem.Detail().ShouldBe("the check did not finish within 0.3 s; the PDF is too complex or damaged");

        // The slot came back and the server answers: the next upload is checked (and stopped) the same way, not refused as busy.
        var options = App.App.Services.GetRequiredService<StoryloomOptions>();
        App.App.Services.GetRequiredService<PreflightGate>().Slots.CurrentCount.ShouldBe(options.Limits.MaxConcurrentPreflights);
        (await client.PostAsync("/api/v1/preflight", Form(slow), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.CreateClient().GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>A server whose preflights may take 300 ms.</summary>
public abstract class PreflightTimeLimitApp(Db db) : AppFixture(db, new Dictionary<string, string?>
{
    ["Storyloom:Limits:PreflightTimeout"] = "00:00:00.300",
});

public sealed class SqlitePreflightTimeLimitApp() : PreflightTimeLimitApp(Db.Sqlite);

public sealed class PostgresPreflightTimeLimitApp() : PreflightTimeLimitApp(Db.Postgres);

public sealed class SqlitePreflightTimeLimitTests(SqlitePreflightTimeLimitApp app) : PreflightTimeLimitTests(app), IClassFixture<SqlitePreflightTimeLimitApp>;

public sealed class PostgresPreflightTimeLimitTests(PostgresPreflightTimeLimitApp app) : PreflightTimeLimitTests(app), IClassFixture<PostgresPreflightTimeLimitApp>;
