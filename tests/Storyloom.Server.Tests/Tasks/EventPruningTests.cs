using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>The progress events of long-finished tasks go (the janitor, `storyloom cleanup`); a recent or unfinished task keeps its whole history.</summary>
public abstract class EventPruningTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Long = DateTime.UtcNow.AddDays(-10);

    [Fact]
    public async Task The_janitor_deletes_the_events_of_tasks_finished_longer_ago_than_the_retention()
    {
        await using var app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:EventRetention"] = "2.00:00:00" });
        var (old, recent) = await SeedAsync(app);

        var until = DateTime.UtcNow.AddSeconds(30);
        while (await EventsOfAsync(app, old) > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200, Ct);
        }
        (await EventsOfAsync(app, old)).ShouldBe(0, "its task finished ten days ago");
        (await EventsOfAsync(app, recent)).ShouldBe(3, "its task finished an hour ago, though the events are old");
        await using var scope = app.App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<StoryloomDb>().GenerationTasks.CountAsync(t => t.Id == old, Ct)).ShouldBe(1, "the task itself stays");
    }

    /// <summary>Two finished tasks with three ten-day-old events each: one finished ten days ago, one an hour ago (a long book, or a retry).</summary>
    internal static async Task<(Guid Old, Guid Recent)> SeedAsync(StoryloomApp app)
    {
        var user = await app.CreateUserAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        var old = Finished(user.Id, Long);
        var recent = Finished(user.Id, DateTime.UtcNow.AddHours(-1));
        store.GenerationTasks.AddRange(old, recent);
        store.TaskEvents.AddRange(new[] { old, recent }.SelectMany(t => new[] { "queued", "started", "succeeded" }
            .Select(type => new TaskEvent { TaskId = t.Id, Type = type, Message = type, CreatedAt = Long })));
        await store.SaveChangesAsync(Ct);
        return (old.Id, recent.Id);
    }

    private static GenerationTask Finished(Guid owner, DateTime at) => new()
    {
        OwnerId = owner, Kind = TaskRunner.GenerateKind, Status = TaskStatuses.Succeeded, CreatedAt = Long, StartedAt = Long, FinishedAt = at, Percent = 100,
    };

    internal static async Task<int> EventsOfAsync(StoryloomApp app, Guid task)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoryloomDb>().TaskEvents.CountAsync(e => e.TaskId == task, Ct);
    }
}

public sealed class SqliteEventPruningTests() : EventPruningTests(Db.Sqlite);

public sealed class PostgresEventPruningTests() : EventPruningTests(Db.Postgres);

/// <summary>`storyloom cleanup` in process reads the data folder's SQLite, like the other cleanup tests.</summary>
public sealed class CleanupEventTests
{

    [Fact]
    public async Task Cleanup_reports_the_old_events_in_a_dry_run_and_deletes_them()
    {
        await using var app = await StoryloomApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        var (old, recent) = await EventPruningTests.SeedAsync(app);

        var dry = await app.RunCliAsync("cleanup", "--dry-run");
        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Out.ShouldContain("old task events");
        dry.Out.ShouldContain("task_events: 3 of 1 task(s) finished before");
        (await EventPruningTests.EventsOfAsync(app, old)).ShouldBe(3, "a dry run deletes nothing");

        var run = await app.RunCliAsync("cleanup");
        run.ExitCode.ShouldBe(0, run.Error);
        (await EventPruningTests.EventsOfAsync(app, old)).ShouldBe(0);
        (await EventPruningTests.EventsOfAsync(app, recent)).ShouldBe(3);
        (await app.RunCliAsync("cleanup", "--dry-run")).Out.ShouldNotContain("old task events");
    }
}
