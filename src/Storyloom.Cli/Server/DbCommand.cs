using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using Spectre.Console;
using Storyloom.Server.Data;

namespace Storyloom.Cli.Server;

/// <summary><c>storyloom db migrate|status|rollback|backup|restore</c>: the versioned schema migrations and whole-database backups.</summary>
internal static class DbCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = new Command("db", "Database schema and backups: migrate, status, rollback, backup, restore.");

        var to = new Option<int?>("--to") { Description = "Migrate up to this version only" };
        var migrate = new Command("migrate", "Apply every pending migration.") { to, ServerHost.Data };
        migrate.SetAction(async (parse, ct) => await WithMigrator(parse.GetValue(ServerHost.Data), async m =>
        {
            var done = await m.MigrateAsync(parse.GetValue(to), ct);
            ReportBackup(console, m);
            console.WriteLine(done.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", done.Select(Label))}.");
        }, ct));

        var status = new Command("status", "Show which migrations are applied.") { ServerHost.Data };
        status.SetAction(async (parse, ct) => await WithMigrator(parse.GetValue(ServerHost.Data), async m =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("version", "name", "applied");
            foreach (var s in await m.StatusAsync(ct))
            {
                table.AddRow($"{s.Migration.Version:0000}", s.Migration.Name, s.AppliedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss} UTC" : "[yellow]pending[/]");
            }
            console.Write(table);
        }, ct));

        var steps = new Option<int>("--steps") { Description = "How many migrations to undo (default 1)", DefaultValueFactory = _ => 1 };
        var rollback = new Command("rollback", "Undo the most recent migration(s).") { steps, ServerHost.Data };
        rollback.SetAction(async (parse, ct) => await WithMigrator(parse.GetValue(ServerHost.Data), async m =>
        {
            var n = parse.GetValue(steps);
            if (n < 1)
            {
                throw new UsageException("--steps must be 1 or more");
            }
            var undone = await m.RollbackAsync(n, ct);
            ReportBackup(console, m);
            console.WriteLine(undone.Count == 0 ? "Nothing to roll back." : $"Rolled back {string.Join(", ", undone.Select(Label))}.");
        }, ct));

        var output = new Option<string?>("--out") { Description = "Backup file (default: a new file in DATA/backups)" };
        var backup = new Command("backup", "Back the whole database up to a file (safe while the server runs).") { output, ServerHost.Data };
        backup.SetAction(async (parse, ct) => await WithBackup(parse.GetValue(ServerHost.Data), async b =>
            console.WriteLine($"Backed up to {await b.BackupAsync(parse.GetValue(output), "manual", ct)}"), ct));

        var file = new Argument<string>("file") { Description = "A file written by `storyloom db backup` (or before a migration)" };
        var restore = new Command("restore", "Replace the database with a backup; the current contents are backed up first.") { file, ServerHost.Data };
        restore.SetAction(async (parse, ct) => await WithBackup(parse.GetValue(ServerHost.Data), async b =>
        {
            var safety = await b.RestoreAsync(parse.GetValue(file)!, ct);
            console.WriteLine($"Restored {parse.GetValue(file)}. What was there before is in {safety}.");
        }, ct));

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        db.Subcommands.Add(rollback);
        db.Subcommands.Add(backup);
        db.Subcommands.Add(restore);
        return db;
    }

    private static void ReportBackup(IAnsiConsole console, Migrator m)
    {
        if (m.LastBackup is { } file)
        {
            console.WriteLine($"Backed up to {file} first.");
        }
    }

    private static async Task<int> WithBackup(string? data, Func<DatabaseBackup, Task> action, CancellationToken ct)
    {
        await using var app = ServerHost.Build(data, null, quiet: true);
        try
        {
            await action(app.Services.GetRequiredService<DatabaseBackup>());
        }
        catch (BackupException e)
        {
            throw new UsageException(e.Message);
        }
        return ExitCodes.Ok;
    }

    private static string Label(Migration m) => $"{m.Version:0000} {m.Name}";

    private static async Task<int> WithMigrator(string? data, Func<Migrator, Task> action, CancellationToken ct)
    {
        await using var app = ServerHost.Build(data, null, quiet: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        await DataSetup.PrepareAsync(db, ct);
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<Migrator>());
        }
        catch (BackupException e)
        {
            throw new UsageException($"no migration was run: the backup before it failed ({e.Message})");
        }
        return ExitCodes.Ok;
    }
}
