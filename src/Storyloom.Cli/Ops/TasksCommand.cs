using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Server.Accounts;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;
using Storyloom.Server.Tasks;

namespace Storyloom.Cli.Ops;

/// <summary>
/// <c>storyloom tasks list|retry|cancel</c>: every user's generation tasks from the shell, changed through the same
/// <see cref="TaskControl"/> the API uses, so the rules (which states, the per-user cap) are the same.
/// </summary>
internal static class TasksCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var tasks = new Command("tasks", "Generation tasks of every user: list, retry, cancel.");
        tasks.Subcommands.Add(List(console));
        tasks.Subcommands.Add(Retry(console));
        tasks.Subcommands.Add(Cancel(console));
        return tasks;
    }

    private static Command List(IAnsiConsole console)
    {
        var owner = new Option<string?>("--user") { Description = "Only the tasks of this account (email)" };
        var status = new Option<string?>("--status") { Description = string.Join(" | ", TaskStatuses.All) };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List tasks, newest first.") { owner, status, limit, ServerHost.Data };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(status) is { } s && !TaskStatuses.All.Contains(s))
            {
                throw new UsageException($"unknown status '{s}'; use {string.Join(", ", TaskStatuses.All)}");
            }
            return await UsersCommand.WithDb(parse.GetValue(ServerHost.Data), async (db, _) =>
            {
                var query = db.GenerationTasks.AsNoTracking().Join(db.Users, t => t.OwnerId, u => u.Id, (t, u) => new { Task = t, u.Email });
                if (parse.GetValue(owner) is { } email)
                {
                    var normalized = Passwords.NormalizeEmail(email);
                    if (!await db.Users.AnyAsync(u => u.Email == normalized, ct))
                    {
                        throw new UsageException($"no account has the email {normalized}; see `storyloom users list`");
                    }
                    query = query.Where(x => x.Email == normalized);
                }
                if (parse.GetValue(status) is { } wanted)
                {
                    query = query.Where(x => x.Task.Status == wanted);
                }
                var rows = await query.OrderByDescending(x => x.Task.Id).Take(Math.Clamp(parse.GetValue(limit), 1, 10_000)).ToListAsync(ct);
                var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "owner", "kind", "status", "step", "progress", "worker", "created", "error");
                foreach (var x in rows)
                {
                    var t = x.Task;
                    table.AddRow(t.Id.ToString(), Markup.Escape(x.Email), t.Kind, t.Status, Markup.Escape(TaskRunner.StepWords(t.Step)),
                        $"{t.Percent}% ({t.StepsDone}/{t.StepsTotal})", Markup.Escape(t.Worker ?? "—"), $"{t.CreatedAt:yyyy-MM-dd HH:mm}",
                        Markup.Escape(t.Error?.Split('\n')[0] ?? ""));
                }
                console.Write(table);
                console.WriteLine(rows.Count == 0 ? "No tasks." : $"{rows.Count} task(s).");
            }, ct);
        });
        return command;
    }

    private static readonly Argument<string> Id = new("id") { Description = "The task's id (see `storyloom tasks list`)" };

    private static Command Retry(IAnsiConsole console)
    {
        var command = new Command("retry", "Run a failed or cancelled task again from the step that did not finish.") { Id, ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithTask(parse, async (services, task, _) =>
        {
            var refused = await TaskControl.RetryAsync(services.GetRequiredService<StoryloomDb>(), services.GetRequiredService<TaskQueue>(),
                services.GetRequiredService<StoryloomOptions>(), task, ct);
            Refuse(refused);
            console.WriteLine($"Task {task.Id} waits for a worker again (from step {task.StepsDone + 1} of {task.StepsTotal}).");
        }, ct));
        return command;
    }

    private static Command Cancel(IAnsiConsole console)
    {
        var command = new Command("cancel", "Stop a task: a waiting one at once, a running one after its current step.") { Id, ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithTask(parse, async (services, task, now) =>
        {
            Refuse(await TaskControl.CancelAsync(services.GetRequiredService<StoryloomDb>(), task, now, ct));
            console.WriteLine(task.Status == TaskStatuses.Cancelled
                ? $"Task {task.Id} is cancelled."
                : $"Task {task.Id} stops after its current step ({TaskRunner.StepWords(task.Step).ToLowerInvariant()}).");
        }, ct));
        return command;
    }

    /// <summary>The API's refusal (409 wrong state, 429 over the cap) as one line and exit code 2.</summary>
    private static void Refuse(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? refused)
    {
        if (refused is not null)
        {
            throw new UsageException(refused.ProblemDetails.Detail ?? refused.ProblemDetails.Title ?? "refused");
        }
    }

    private static Task<int> WithTask(ParseResult parse, Func<IServiceProvider, GenerationTask, DateTime, Task> action, CancellationToken ct) =>
        UsersCommand.WithServices(parse.GetValue(ServerHost.Data), async (services, now) =>
        {
            var text = parse.GetValue(Id)!;
            if (!Guid.TryParse(text, CultureInfo.InvariantCulture, out var id))
            {
                throw new UsageException($"'{text}' is not a task id; see `storyloom tasks list`");
            }
            var task = await services.GetRequiredService<StoryloomDb>().GenerationTasks.FirstOrDefaultAsync(t => t.Id == id, ct)
                ?? throw new UsageException($"no task has the id {id}; see `storyloom tasks list`");
            await action(services, task, now);
        }, ct);
}
