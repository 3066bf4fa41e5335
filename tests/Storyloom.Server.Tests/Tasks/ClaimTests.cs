using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>Many job-engine tokens claiming at the same moment, as on several workers: no user ever passes the running cap.</summary>
public abstract class ClaimTests(Db db) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private StoryloomApp _app = null!;

    // No worker in this process: the test itself is every worker.
    public async ValueTask InitializeAsync() => _app = await StoryloomApp.StartAsync(db, new Dictionary<string, string?>
    {
        ["Storyloom:Jobs:RunWorker"] = "false",
        ["Storyloom:Jobs:MaxRunningPerUser"] = "2",
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Parallel_claims_while_older_tasks_are_retried_never_run_more_than_the_cap_for_any_user()
    {
        var users = new[] { (await _app.CreateUserAsync()).Id, (await _app.CreateUserAsync()).Id };
        await using (var scope = _app.App.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            // Older tasks first (lower ids), cancelled: retrying one puts it back at the head of its user's queue, the
            // moment a claim that counted the user's running tasks a little earlier would take a second one.
            store.GenerationTasks.AddRange(users.SelectMany(u => Enumerable.Range(0, 20).Select(_ => NewTask(u, TaskStatuses.Cancelled))));
            await store.SaveChangesAsync(Ct);
            store.GenerationTasks.AddRange(users.SelectMany(u => Enumerable.Range(0, 30).Select(_ => NewTask(u, TaskStatuses.Queued))));
            await store.SaveChangesAsync(Ct);
        }
        var old = await QueryAsync(q => q.Where(t => t.Status == TaskStatuses.Cancelled).Select(t => t.Id).ToListAsync(Ct));

        for (var round = 0; round < 12; round++)
        {
            var claims = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
            {
                await using var scope = _app.App.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<TaskQueue>().ClaimAsync($"token-{round}-{i}", $"worker-{i % 4}", Ct);
            }, Ct)).ToList();
            var retries = old.Skip(round * 3 % old.Count).Take(6).Select(id => Task.Run(async () =>
            {
                await using var scope = _app.App.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StoryloomDb>().GenerationTasks.Where(t => t.Id == id && t.Status == TaskStatuses.Cancelled)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Queued), Ct);
            }, Ct)).ToList();
            var results = await Task.WhenAll(claims);
            await Task.WhenAll(retries);

            var running = await QueryAsync(q => q.Where(t => t.Status == TaskStatuses.Running).GroupBy(t => t.OwnerId).Select(g => g.Count()).ToListAsync(Ct));
            running.ShouldAllBe(n => n <= 2, $"round {round}: {string.Join(", ", running)} running");
            running.Sum().ShouldBe(4, "each user fills the cap, and no more");
            results.Where(r => r.Result == ClaimResult.Claimed).Select(r => r.TaskId).Distinct().Count().ShouldBe(4, "a task is claimed once");

            // The round's books are done; the retried ones go back to cancelled for the next round.
            await QueryAsync(q => q.Where(t => t.Status == TaskStatuses.Running).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Succeeded), Ct));
            await QueryAsync(q => q.Where(t => old.Contains(t.Id) && t.Status == TaskStatuses.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Cancelled).SetProperty(t => t.JobKey, (string?)null), Ct));
        }
    }

    private async Task<T> QueryAsync<T>(Func<IQueryable<GenerationTask>, Task<T>> query)
    {
        await using var scope = _app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<StoryloomDb>().GenerationTasks);
    }

    private static GenerationTask NewTask(Guid owner, string status) =>
        new() { OwnerId = owner, Kind = TaskRunner.GenerateKind, Status = status, CreatedAt = DateTime.UtcNow };
}

public sealed class SqliteClaimTests() : ClaimTests(Db.Sqlite);

public sealed class PostgresClaimTests() : ClaimTests(Db.Postgres);
