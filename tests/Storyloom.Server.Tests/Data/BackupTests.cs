using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Data;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Data;

/// <summary>Backups round-trip on both databases, a migration backs up first, and a bad file changes nothing.</summary>
public abstract class BackupTests(Db db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restores_what_was_deleted_after_it_and_keeps_what_was_there_before()
    {
        await using var app = await StoryloomApp.StartAsync(db);
        var backups = app.App.Services.GetRequiredService<DatabaseBackup>();
        using var client = app.CreateClient(await app.CreateUserAsync());
        var kept = await client.CreateBookAsync(("title", "Kept Through the Restore"));

        var file = await backups.BackupAsync(null, "test", Ct);
        File.Exists(file).ShouldBeTrue();
        Directory.GetFiles(backups.Folder, "*.partial").ShouldBeEmpty();
        (await client.DeleteAsync($"/api/v1/books/{kept.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var later = await client.CreateBookAsync(("title", "Made After the Backup"));

        var before = await backups.RestoreAsync(file, Ct);

        (await client.GetAsync($"/api/v1/books/{kept.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/books/{later.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The restore itself can be undone: the state it replaced was saved first.
        await backups.RestoreAsync(before, Ct);
        (await client.GetAsync($"/api/v1/books/{later.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/books/{kept.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_migration_of_a_database_with_a_schema_is_preceded_by_a_backup()
    {
        await using var app = await StoryloomApp.StartAsync(db);
        await using var scope = app.App.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
        await migrator.RollbackAsync(1, Ct);
        migrator.LastBackup.ShouldNotBeNull().ShouldContain("before-rollback");
        await migrator.MigrateAsync(null, Ct);
        migrator.LastBackup.ShouldNotBeNull().ShouldContain("before-migrate");
        File.Exists(migrator.LastBackup).ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_before_anything_changes()
    {
        await using var app = await StoryloomApp.StartAsync(db);
        var backups = app.App.Services.GetRequiredService<DatabaseBackup>();
        var bogus = Path.Combine(app.DataDirectory, db == Db.Postgres ? "bogus.pgdump" : "bogus.sqlite");
        await File.WriteAllTextAsync(bogus, "not a database", Ct);

        (await Should.ThrowAsync<BackupException>(() => backups.RestoreAsync(bogus, Ct))).Message.ShouldContain("bogus");
        (await Should.ThrowAsync<BackupException>(() => backups.RestoreAsync(Path.Combine(app.DataDirectory, "missing.sqlite"), Ct)))
            .Message.ShouldContain("no backup at");
        Directory.Exists(backups.Folder).ShouldBeFalse("nothing was backed up or changed");
    }
}

public sealed class SqliteBackupTests() : BackupTests(Db.Sqlite);

public sealed class PostgresBackupTests() : BackupTests(Db.Postgres);
