using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Storyloom.Server.Accounts;
using Storyloom.Server.Monitoring;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Ops;

/// <summary>
/// Alert rules evaluated for real: a queue that backs up fires the webhook (a loopback HTTP server) once, and once more when
/// it drains; evaluations in between send nothing. An API-only node, so queued tasks stay queued.
/// </summary>
public abstract class AlertTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_fires_its_webhook_once_after_its_wait_and_once_when_it_resolves()
    {
        await using var hook = await WebhookReceiver.StartAsync();
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Storyloom:Jobs:RunWorker"] = "false",
            ["Storyloom:Monitoring:EvaluationInterval"] = "00:00:00.2",
        });
        using var admin = app.CreateClient(await app.CreateUserAsync(Roles.Admin));
        var rule = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", new
        {
            name = "Queue backing up", metric = "storyloom_queue_depth", comparison = ">", threshold = 1, forSeconds = 1, webhookUrl = $"{hook.Url}/alerts?token=t0k3n",
        }, ApiCalls.Json, Ct)).ReadAsync<AlertRuleDto>(HttpStatusCode.Created);
        var broken = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", new
        {
            name = "Nobody listens", metric = "storyloom_queue_depth", comparison = ">=", threshold = 0, forSeconds = 0, webhookUrl = "http://127.0.0.1:9/closed",
        }, ApiCalls.Json, Ct)).ReadAsync<AlertRuleDto>(HttpStatusCode.Created);

        using var client = app.CreateClient(await app.CreateUserAsync());
        var first = await client.GenerateAsync((await client.CreateBookAsync()).Id);
        await client.GenerateAsync((await client.CreateBookAsync()).Id);

        var pending = await WaitForRuleAsync(admin, rule.Id, r => r.State != "ok");
        var fired = await WaitForAsync(hook, 1);
        var firing = await WaitForRuleAsync(admin, rule.Id, r => r.State == "firing");
        (firing.FiredAt!.Value - pending.PendingSince!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "it waits forSeconds before firing");
        fired.PathAndQuery.ShouldBe("/alerts?token=t0k3n");
        fired.Body.GetProperty("status").GetString().ShouldBe("firing");
        fired.Body.GetProperty("value").GetDouble().ShouldBe(2);
        fired.Body.GetProperty("summary").GetString().ShouldBe("Queue backing up: storyloom_queue_depth is 2 (> 1 for 1 s)");
        firing.LastValue.ShouldBe(2);
        // Signed with the rule's secret, shown once when the rule was made and never again.
        rule.SigningSecret.ShouldNotBeNull().ShouldStartWith("whsec_");
        firing.SigningSecret.ShouldBeNull();
        firing.Signed.ShouldBeTrue();
        var (signature, raw) = hook.Raw.First();
        signature.ShouldNotBeNull().ShouldStartWith("t=");
        WebhookSignature.Verify(rule.SigningSecret, signature, raw, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)).ShouldBeTrue(signature);
        WebhookSignature.Verify("whsec_someone-else-entirely", signature, raw, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify(rule.SigningSecret, signature, [.. raw, (byte)' '], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)).ShouldBeFalse("a changed body fails");
        (await admin.GetStringAsync($"/api/v1/admin/alerts/{rule.Id}", Ct)).ShouldNotContain(rule.SigningSecret);
        firing.LastDeliveryError.ShouldBeNull();
        await Task.Delay(1500, Ct);
        hook.Calls.Count.ShouldBe(1, "a firing rule calls once, not at every evaluation");

        (await client.PostAsync($"/api/v1/tasks/{first.Id}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var resolved = await WaitForAsync(hook, 2);
        resolved.Body.GetProperty("status").GetString().ShouldBe("resolved");
        resolved.Body.GetProperty("value").GetDouble().ShouldBe(1);
        (await WaitForRuleAsync(admin, rule.Id, r => r.State == "ok")).ResolvedAt.ShouldNotBeNull();
        await Task.Delay(1500, Ct);
        hook.Calls.Count.ShouldBe(2);

        (await WaitForRuleAsync(admin, broken.Id, r => r.LastDeliveryError is not null)).LastDeliveryError.ShouldStartWith("http://127.0.0.1:9 could not be reached");
    }

    [Fact]
    public async Task A_signing_secret_can_be_chosen_or_rotated_and_is_shown_only_when_the_server_makes_it()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        using var admin = app.CreateClient(await app.CreateUserAsync(Roles.Admin));
        object Rule(object? extra = null) => new Dictionary<string, object?>
        {
            ["name"] = "Queue", ["metric"] = "storyloom_queue_depth", ["comparison"] = ">", ["threshold"] = 5, ["webhookUrl"] = "http://127.0.0.1:9/hook",
        }.Concat(extra is null ? [] : System.Text.Json.JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object?)p.Value)))
            .ToDictionary();

        var chosen = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", Rule(new { signingSecret = "my-own-secret-0123456789" }), ApiCalls.Json, Ct))
            .ReadAsync<AlertRuleDto>(HttpStatusCode.Created);
        chosen.Signed.ShouldBeTrue();
        chosen.SigningSecret.ShouldBeNull("a secret the admin chose is not echoed");

        var rotated = await (await admin.PutAsJsonAsync($"/api/v1/admin/alerts/{chosen.Id}", Rule(new { rotateSigningSecret = true }), ApiCalls.Json, Ct))
            .ReadAsync<AlertRuleDto>();
        rotated.SigningSecret.ShouldNotBeNull().ShouldStartWith("whsec_");
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/admin/alerts/{chosen.Id}", Rule(), ApiCalls.Json, Ct)).ReadAsync<AlertRuleDto>();
        kept.SigningSecret.ShouldBeNull();
        kept.Signed.ShouldBeTrue();

        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", Rule(new { signingSecret = "short" }), ApiCalls.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("signingSecret").ShouldContain("16 to 200 characters");
    }

    private static async Task<(string PathAndQuery, System.Text.Json.JsonElement Body)> WaitForAsync(WebhookReceiver hook, int calls)
    {
        var clock = Stopwatch.StartNew();
        while (hook.Calls.Count < calls)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), $"the webhook got {hook.Calls.Count} call(s), expected {calls}");
            await Task.Delay(50, Ct);
        }
        return hook.Calls.ElementAt(calls - 1);
    }

    private static async Task<AlertRuleDto> WaitForRuleAsync(HttpClient admin, Guid id, Func<AlertRuleDto, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rule = await (await admin.GetAsync($"/api/v1/admin/alerts/{id}", Ct)).ReadAsync<AlertRuleDto>();
            if (done(rule))
            {
                return rule;
            }
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), $"the rule stayed {rule.State} ({rule.LastValue})");
            await Task.Delay(50, Ct);
        }
    }
}

public sealed class SqliteAlertTests() : AlertTests(Db.Sqlite);

public sealed class PostgresAlertTests() : AlertTests(Db.Postgres);
