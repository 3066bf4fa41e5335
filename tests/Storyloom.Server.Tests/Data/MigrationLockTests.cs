using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Data;

/// <summary>
/// `serve` and `worker` started at once on a new database both prepare it: each here is its own service provider (its own
/// connection pool, as a separate process would have), started together; one migrates, the other waits and finds it current.
/// </summary>
public abstract class MigrationLockTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_preparing_a_new_database_at_once_both_succeed_and_apply_each_migration_once()
    {
        var dataDir = Directory.CreateTempSubdirectory("storyloom-migrate-race-").FullName;
        string? pgDatabase = null;
        var options = new StoryloomOptions { DataDirectory = dataDir };
        if (db == Db.Postgres)
        {
            (pgDatabase, var cs) = await Postgres.CreateDatabaseAsync();
            options.Database = new DatabaseOptions { Provider = "postgres", ConnectionString = cs };
        }
        using var logs = new LogCollector();
        var processes = Enumerable.Range(0, 3).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddSingleton(options);
            services.AddLogging();
            logs.Register(services);
            services.AddStoryloomData(options);
            return services.BuildServiceProvider();
        }).ToList();
        try
        {
            using var start = new Barrier(processes.Count);
            await Task.WhenAll(processes.Select(p => Task.Run(async () =>
            {
                start.SignalAndWait(Ct);
                await StoryloomServer.PrepareDatabaseAsync(p, Ct);
            }, Ct)));

            await using var scope = processes[0].CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
            (await migrator.IsUpToDateAsync(Ct)).ShouldBeTrue();
            (await migrator.StatusAsync(Ct)).Count.ShouldBe(Migrator.All.Count, "one row per migration: none applied twice");
            Directory.Exists(Path.Combine(dataDir, "backups")).ShouldBeFalse("a new database is not backed up, not even by the one that waited");
            // Nor do they collide seeding the built-in templates (a failed INSERT logged as an error with its stack trace).
            logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ShouldBeEmpty();
            await using var check = processes[2].CreateAsyncScope();
            (await check.ServiceProvider.GetRequiredService<StoryloomDb>().Templates.CountAsync(t => t.Key != null, Ct))
                .ShouldBe(Storyloom.Server.Templates.BuiltInTemplates.Keys.Count);
        }
        finally
        {
            foreach (var p in processes)
            {
                await p.DisposeAsync();
            }
            if (pgDatabase is not null)
            {
                await Postgres.DropDatabaseAsync(pgDatabase);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

public sealed class SqliteMigrationLockTests() : MigrationLockTests(Db.Sqlite);

public sealed class PostgresMigrationLockTests() : MigrationLockTests(Db.Postgres);
