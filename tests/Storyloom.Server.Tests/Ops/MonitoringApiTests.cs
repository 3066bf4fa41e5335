using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Monitoring;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Tasks;

namespace Storyloom.Server.Tests.Ops;

/// <summary>The admin monitoring numbers and alert rules, on an API-only node (tasks stay where the test puts them).</summary>
public abstract class MonitoringApiTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task System_shows_memory_disk_uptime_and_version()
    {
        var (_, admin) = await SignedInAsync(Roles.Admin);
        var system = await (await admin.GetAsync("/api/v1/admin/monitoring/system", Ct)).ReadAsync<SystemDto>();
        system.Version.ShouldNotBeNullOrEmpty();
        system.ProcessId.ShouldBe(Environment.ProcessId);
        system.WorkingSetBytes.ShouldBeGreaterThan(1 << 20);
        system.DiskTotalBytes.ShouldBeGreaterThan(system.DiskFreeBytes);
        system.DiskFreeBytes.ShouldBeGreaterThan(0);
        system.DataDirectory.ShouldBe(App.DataDirectory);
        system.UptimeSeconds.ShouldBeGreaterThan(0);
        system.CpuRatio.ShouldBeInRange(0, 1);
        system.Database.ShouldBe(App.Db == Db.Postgres ? "postgres" : "sqlite");
    }

    [Fact]
    public async Task Tasks_and_errors_count_states_time_the_steps_and_show_failures_with_their_messages()
    {
        var (admin, adminClient) = await SignedInAsync(Roles.Admin);
        var before = await (await adminClient.GetAsync("/api/v1/admin/monitoring/tasks", Ct)).ReadAsync<TaskStatsDto>();
        var (owner, client) = await SignedInAsync();
        var book = await client.CreateBookAsync(("title", "Pip and the Broken Printer"));
        await client.GenerateAsync(book.Id);
        var failed = await client.GenerateAsync((await client.CreateBookAsync()).Id);
        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            var now = DateTime.UtcNow;
            await db.GenerationTasks.Where(t => t.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Failed)
                .SetProperty(t => t.BookId, book.Id).SetProperty(t => t.Step, "print").SetProperty(t => t.FinishedAt, now)
                .SetProperty(t => t.Error, "Printing the PDFs failed: Chromium is missing; run storyloom doctor"), Ct);
            db.TaskSteps.Add(new TaskStep { TaskId = failed.Id, Name = "story", Status = "done", StartedAt = now.AddSeconds(-3), FinishedAt = now.AddSeconds(-1) });
            await db.SaveChangesAsync(Ct);
        }

        var stats = await (await adminClient.GetAsync("/api/v1/admin/monitoring/tasks", Ct)).ReadAsync<TaskStatsDto>();
        stats.Counts["queued"].ShouldBe(before.Counts["queued"] + 1);
        stats.Counts["failed"].ShouldBe(before.Counts["failed"] + 1);
        stats.QueueDepth.ShouldBe(before.QueueDepth + 1);
        stats.OldestQueuedSeconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
        var story = stats.Steps.Where(s => s.Step == "story").ShouldHaveSingleItem();
        story.Text.ShouldBe("Writing the story");
        story.MaxSeconds.ShouldBeGreaterThanOrEqualTo(2);

        var errors = await (await adminClient.GetAsync("/api/v1/admin/monitoring/errors", Ct)).ReadAsync<List<FailedTaskDto>>();
        var shown = errors.Where(e => e.TaskId == failed.Id).ShouldHaveSingleItem();
        shown.Owner.ShouldBe(owner.Email);
        shown.BookTitle.ShouldBe("Pip and the Broken Printer");
        shown.Error.ShouldNotBeNull().ShouldContain("Chromium is missing");
        admin.Role.ShouldBe(Roles.Admin);
    }

    [Fact]
    public async Task The_new_gauges_are_on_metrics()
    {
        var text = await App.CreateClient().GetStringAsync("/metrics", Ct);
        foreach (var name in new[] { "storyloom_tasks{state=\"queued\"}", "storyloom_queue_depth", "storyloom_workers", "storyloom_process_cpu_ratio", "storyloom_data_disk_free_bytes" })
        {
            text.ShouldContain("\n" + name + " ");
        }
    }

    [Fact]
    public async Task An_alert_rule_keeps_its_webhook_secret_and_a_put_without_one_keeps_it()
    {
        var (_, admin) = await SignedInAsync(Roles.Admin);
        var body = new { name = "Failures", metric = "storyloom_tasks{state=\"failed\"}", comparison = ">=", threshold = 3, forSeconds = 60, webhookUrl = "https://hooks.example.test/services/T0/B0/secret-token" };
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", body, ApiCalls.Json, Ct)).ReadAsync<AlertRuleDto>(HttpStatusCode.Created);
        created.WebhookHost.ShouldBe("https://hooks.example.test");
        created.State.ShouldBe("ok");
        (await admin.GetStringAsync($"/api/v1/admin/alerts/{created.Id}", Ct)).ShouldNotContain("secret-token");
        await using (var scope = App.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<StoryloomDb>().AlertRules.AsNoTracking().SingleAsync(r => r.Id == created.Id, Ct);
            stored.WebhookUrl.ShouldNotContain("secret-token", customMessage: "kept encrypted at rest");
        }

        var updated = await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/admin/alerts/{created.Id}",
            new { name = "Many failures", metric = "storyloom_tasks{state=\"failed\"}", comparison = ">", threshold = 10, forSeconds = 0, enabled = false }))
            .ReadAsync<AlertRuleDto>();
        updated.Name.ShouldBe("Many failures");
        updated.Enabled.ShouldBeFalse();
        updated.WebhookHost.ShouldBe("https://hooks.example.test");
        (await (await admin.GetAsync("/api/v1/admin/alerts", Ct)).ReadAsync<List<AlertRuleDto>>()).ShouldContain(r => r.Id == created.Id);
        (await admin.DeleteAsync($"/api/v1/admin/alerts/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/admin/alerts/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("metric", "storyloom_no_such_metric", "has no series named storyloom_no_such_metric")]
    [InlineData("metric", "queue depth", "not a series name")]
    [InlineData("comparison", "=>", "use one of > >= < <=")]
    [InlineData("webhookUrl", "ftp://hooks.example.test/x", "http:// or https://")]
    [InlineData("webhookUrl", "https://user:pass@hooks.example.test/x", "user name or password")]
    [InlineData("webhookUrl", "/relative/hook", "absolute")]
    [InlineData("forSeconds", -5, "use 0 (fire at once)")]
    [InlineData("name", "", "name is missing")]
    public async Task A_bad_alert_rule_is_refused_with_the_field_and_what_to_change(string field, object value, string expected)
    {
        var (_, admin) = await SignedInAsync(Roles.Admin);
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Queue", ["metric"] = "storyloom_queue_depth", ["comparison"] = ">", ["threshold"] = 10, ["forSeconds"] = 30, ["webhookUrl"] = "http://127.0.0.1:9/hook",
        };
        body[field] = value;
        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/alerts", body, ApiCalls.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError(field).ShouldContain(expected);
    }
}

public sealed class SqliteMonitoringApiTests(SqliteApiOnlyApp app) : MonitoringApiTests(app), IClassFixture<SqliteApiOnlyApp>;

public sealed class PostgresMonitoringApiTests(PostgresApiOnlyApp app) : MonitoringApiTests(app), IClassFixture<PostgresApiOnlyApp>;

/// <summary>Workers as the monitoring API sees them: Quartz's cluster check-ins on PostgreSQL, this process's scheduler on SQLite.</summary>
public abstract class WorkersMonitoringTests(AppFixture fixture) : ApiTests(fixture)
{
    [Fact]
    public async Task Workers_show_the_running_scheduler_and_on_a_cluster_its_recent_check_in()
    {
        var (_, admin) = await SignedInAsync(Roles.Admin);
        var clock = Stopwatch.StartNew();
        WorkersDto workers;
        do
        {
            workers = await (await admin.GetAsync("/api/v1/admin/monitoring/workers", Ct)).ReadAsync<WorkersDto>();
            if (!workers.Clustered || workers.Instances.Count > 0)
            {
                break;
            }
            await Task.Delay(250, Ct);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(30));
        workers.ThisProcess.ShouldNotBeNull().Status.ShouldBe("running");
        workers.Clustered.ShouldBe(App.Db == Db.Postgres);
        if (workers.Clustered)
        {
            var me = workers.Instances.ShouldHaveSingleItem();
            me.Instance.ShouldBe(workers.ThisProcess!.Instance);
            me.Alive.ShouldBeTrue();
            (DateTime.UtcNow - me.LastCheckin).ShouldBeLessThan(TimeSpan.FromSeconds(30), "Quartz's check-in is read as UTC ticks");
            me.CheckinIntervalSeconds.ShouldBe(5);
        }
        var metrics = await App.CreateClient().GetStringAsync("/metrics", Ct);
        metrics.ShouldContain("\nstoryloom_workers ");
        JsonSerializer.Serialize(workers).ShouldNotBeNullOrEmpty();
    }
}

public sealed class SqliteWorkersMonitoringTests(SqliteApp app) : WorkersMonitoringTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWorkersMonitoringTests(PostgresApp app) : WorkersMonitoringTests(app), IClassFixture<PostgresApp>;
