using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Data;

public abstract class MigrationTests(Db db)
{
    [Fact]
    public async Task Every_migration_goes_down_and_up_again_leaving_the_same_state()
    {
        var ct = TestContext.Current.CancellationToken;
        // Rolling the schema back under a running worker is not supported (as with `storyloom db rollback`): no worker here.
        await using var server = await StoryloomApp.StartAsync(db, new Dictionary<string, string?> { ["Storyloom:Jobs:RunWorker"] = "false" });
        await using var scope = server.App.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
        (await migrator.IsUpToDateAsync(ct)).ShouldBeTrue();
        var count = Migrator.All.Count;
        count.ShouldBeGreaterThanOrEqualTo(2);

        for (var i = 1; i <= count; i++)
        {
            (await migrator.RollbackAsync(1, ct)).Count.ShouldBe(1);
            (await migrator.StatusAsync(ct)).Count(s => s.AppliedAt is null).ShouldBe(i);
        }
        (await migrator.RollbackAsync(1, ct)).ShouldBeEmpty();
        (await migrator.MigrateAsync(1, ct)).Select(m => m.Version).ShouldBe([1]);
        (await migrator.MigrateAsync(null, ct)).Count.ShouldBe(count - 1);
        (await migrator.IsUpToDateAsync(ct)).ShouldBeTrue();
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(Db.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(Db.Postgres);
