using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using Spectre.Console;
using Storyloom.Server.Data;

namespace Storyloom.Cli.Server;

/// <summary><c>storyloom db migrate|status|rollback</c>: the hand-written, versioned schema migrations.</summary>
internal static class DbCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = new Command("db", "Database schema: migrate, status, rollback.");

        var to = new Option<int?>("--to") { Description = "Migrate up to this version only" };
        var migrate = new Command("migrate", "Apply every pending migration.") { to, ServerHost.Data };
        migrate.SetAction(async (parse, ct) => await WithMigrator(parse.GetValue(ServerHost.Data), async m =>
        {
            var done = await m.MigrateAsync(parse.GetValue(to), ct);
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
            console.WriteLine(undone.Count == 0 ? "Nothing to roll back." : $"Rolled back {string.Join(", ", undone.Select(Label))}.");
        }, ct));

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        db.Subcommands.Add(rollback);
        return db;
    }

    private static string Label(Migration m) => $"{m.Version:0000} {m.Name}";

    private static async Task<int> WithMigrator(string? data, Func<Migrator, Task> action, CancellationToken ct)
    {
        await using var app = ServerHost.Build(data, null, quiet: true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
        await DataSetup.PrepareAsync(db, ct);
        await action(scope.ServiceProvider.GetRequiredService<Migrator>());
        return ExitCodes.Ok;
    }
}
