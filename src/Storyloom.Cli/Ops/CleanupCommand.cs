using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Server.Operations;

namespace Storyloom.Cli.Ops;

/// <summary><c>storyloom cleanup [--dry-run] [--older-than 7d]</c>: old temporary files and abandoned assets of the data folder.</summary>
internal static class CleanupCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would go and the bytes freed; delete nothing" };
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Only what was last written longer ago than this (default 7d; e.g. 12h, 30d)",
            DefaultValueFactory = _ => "7d",
        };
        var command = new Command("cleanup",
            "Remove old temporary files (task scratch folders, *.tmp), abandoned assets (stored files no book, page, character or task refers to), the progress events of tasks finished before the cut-off, and paid AI answers older than Storyloom:Jobs:AnswerRetention (90 days) or the cut-off, whichever is older.")
        {
            dryRun, olderThan, ServerHost.Data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var age = Durations.Parse(parse.GetValue(olderThan)!, "--older-than");
            return await UsersCommand.WithServices(parse.GetValue(ServerHost.Data), async (services, now) =>
            {
                var cleanup = ActivatorUtilities.CreateInstance<DataCleanup>(services);
                var data = services.GetRequiredService<Storyloom.Server.Hosting.StoryloomOptions>().DataDirectory;
                var items = await cleanup.PlanAsync(now - age, ct);
                if (items.Count == 0)
                {
                    console.WriteLine($"Nothing to clean up in {data} (older than {Durations.Format(age)}).");
                    return;
                }
                var table = new Table().Border(TableBorder.Rounded).AddColumns("what", "path", "size");
                foreach (var item in items)
                {
                    table.AddRow(item.Kind, Markup.Escape(Path.IsPathRooted(item.Path) ? Path.GetRelativePath(data, item.Path) : item.Path), Bytes(item.Bytes));
                }
                console.Write(table);
                var total = items.Sum(i => i.Bytes);
                if (parse.GetValue(dryRun))
                {
                    console.WriteLine($"Would free {Bytes(total)} ({total} bytes) in {items.Count} item(s); dry run, nothing was deleted.");
                    return;
                }
                var freed = await cleanup.ApplyAsync(items, ct);
                console.WriteLine($"Freed {Bytes(freed)} ({freed} bytes) in {items.Count} item(s).");
            }, ct);
        });
        return command;
    }

    internal static string Bytes(long n) => n switch
    {
        < 1024 => $"{n} B",
        < 1024 * 1024 => (n / 1024.0).ToString("0.0 'KB'", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (n / 1024.0 / 1024).ToString("0.0 'MB'", CultureInfo.InvariantCulture),
        _ => (n / 1024.0 / 1024 / 1024).ToString("0.00 'GB'", CultureInfo.InvariantCulture),
    };
}
