using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Server.Accounts;
using Storyloom.Server.Audit;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Server;

/// <summary><c>storyloom users create|list|set-role|disable</c>: accounts from the shell (the first admin comes from here).</summary>
internal static class UsersCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var users = new Command("users", "Accounts: create (the first admin), list, set-role, disable.");
        users.Subcommands.Add(CreateUser(console));
        users.Subcommands.Add(ListUsers(console));
        users.Subcommands.Add(SetRole(console));
        users.Subcommands.Add(Disable(console));
        return users;
    }

    private static Command CreateUser(IAnsiConsole console)
    {
        var email = new Option<string>("--email") { Description = "Email address to sign in with", Required = true };
        var password = new Option<string?>("--password") { Description = "The password (visible in the shell history; prefer --password-stdin)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var admin = new Option<bool>("--admin") { Description = "Make the account an admin" };
        var name = new Option<string?>("--name") { Description = "Display name (default: the part of the email before @)" };
        var command = new Command("create", "Create an account; --admin makes an administrator.") { email, password, passwordStdin, admin, name, ServerHost.Data };
        command.SetAction(async (parse, ct) =>
        {
            var secret = (parse.GetValue(password), parse.GetValue(passwordStdin)) switch
            {
                ({ } p, false) => p,
                (null, true) => Console.In.ReadLine() ?? "",
                (null, false) => throw new UsageException("give the password with --password-stdin (or --password)"),
                _ => throw new UsageException("use either --password or --password-stdin, not both"),
            };
            var address = Passwords.NormalizeEmail(parse.GetValue(email));
            var displayName = parse.GetValue(name) ?? address.Split('@')[0];
            var errors = Passwords.CheckNewAccount(address, secret, displayName);
            if (errors.Count > 0)
            {
                throw new UsageException(string.Join(" ", errors.Values.SelectMany(v => v)));
            }
            var role = parse.GetValue(admin) ? Roles.Admin : Roles.User;
            return await WithDb(parse.GetValue(ServerHost.Data), async (db, now) =>
            {
                if (await db.Users.AnyAsync(u => u.Email == address, ct))
                {
                    throw new UsageException($"{address} already has an account; use `storyloom users set-role {address} admin` to make it an admin");
                }
                var user = Passwords.NewUser(address, secret, displayName, role, now);
                db.Users.Add(user);
                db.AuditLog.Record(now, AuditActions.Register, user.Id, target: address, detail: $"storyloom users create ({role})");
                await db.SaveChangesAsync(ct);
                console.WriteLine($"Created {role} {address} ({user.Id}).");
            }, ct);
        });
        return command;
    }

    private static Command ListUsers(IAnsiConsole console)
    {
        var command = new Command("list", "List accounts.") { ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithDb(parse.GetValue(ServerHost.Data), async (db, now) =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("email", "name", "role", "state", "created");
            foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            {
                var state = u.IsDisabled ? "disabled" : u.LockedUntil > now ? "locked" : "active";
                table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.DisplayName), u.Role, state, $"{u.CreatedAt:yyyy-MM-dd}");
            }
            console.Write(table);
        }, ct));
        return command;
    }

    private static Command SetRole(IAnsiConsole console)
    {
        var email = new Argument<string>("email") { Description = "The account's email" };
        var role = new Argument<string>("role") { Description = "admin or user" };
        var command = new Command("set-role", "Make an account an admin, or a plain user again.") { email, role, ServerHost.Data };
        command.SetAction(async (parse, ct) =>
        {
            var to = parse.GetValue(role)!;
            if (!Roles.IsKnown(to))
            {
                throw new UsageException($"the role is '{to}'; use admin or user");
            }
            return await WithUser(parse.GetValue(ServerHost.Data), parse.GetValue(email)!, async (db, user, now, services) =>
            {
                if (user.Role != to)
                {
                    db.AuditLog.Record(now, AuditActions.RoleChange, null, target: $"user {user.Id} ({user.Email})", detail: $"{user.Role} -> {to} (storyloom users set-role)");
                    user.Role = to;
                    user.InvalidateTokens(now);
                    await db.SaveChangesAsync(ct);
                    await TellNodesAsync(services, user);
                }
                console.WriteLine($"{user.Email} is {to}.");
            }, ct);
        });
        return command;
    }

    private static Command Disable(IAnsiConsole console)
    {
        var email = new Argument<string>("email") { Description = "The account's email" };
        var command = new Command("disable", "Disable an account: its sign-ins, tokens and API keys stop working.") { email, ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithUser(parse.GetValue(ServerHost.Data), parse.GetValue(email)!, async (db, user, now, services) =>
        {
            if (!user.IsDisabled)
            {
                user.IsDisabled = true;
                user.InvalidateTokens(now);
                db.AuditLog.Record(now, AuditActions.Disable, null, target: $"user {user.Id} ({user.Email})", detail: "storyloom users disable");
                await db.SaveChangesAsync(ct);
                await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, (DateTime?)now), ct);
                await TellNodesAsync(services, user);
            }
            console.WriteLine($"{user.Email} is disabled (a running server notices at once with Redis, else within about a second).");
        }, ct));
        return command;
    }

    /// <summary>
    /// With Redis configured, every running node hears of the change at once, as when an admin makes it through the API;
    /// without it (or while it is away) the nodes' one-second database poll still finds it.
    /// </summary>
    private static async Task TellNodesAsync(IServiceProvider services, User user)
    {
        var link = services.GetRequiredService<Storyloom.Server.Cluster.RedisLink>();
        if (link.IsConfigured) await link.SignalAsync("user", user.Id.ToString());
    }

    private static Task<int> WithUser(string? data, string email, Func<StoryloomDb, User, DateTime, IServiceProvider, Task> action, CancellationToken ct) =>
        WithServices(data, async (services, now) =>
        {
            var db = services.GetRequiredService<StoryloomDb>();
            var address = Passwords.NormalizeEmail(email);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Email == address, ct)
                ?? throw new UsageException($"no account has the email {address}; see `storyloom users list`");
            await action(db, user, now, services);
        }, ct);

    /// <summary>The same data folder and configuration as `serve`; the schema is brought up to date first, so this works on a new folder.</summary>
    internal static Task<int> WithDb(string? data, Func<StoryloomDb, DateTime, Task> action, CancellationToken ct) =>
        WithServices(data, (services, now) => action(services.GetRequiredService<StoryloomDb>(), now), ct);

    /// <summary>Like <see cref="WithDb"/>, with the scope's services (options, files) as well.</summary>
    internal static async Task<int> WithServices(string? data, Func<IServiceProvider, DateTime, Task> action, CancellationToken ct)
    {
        await using var app = ServerHost.Build(data, null, quiet: true);
        await StoryloomServer.PrepareDatabaseAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await action(scope.ServiceProvider, now);
        return ExitCodes.Ok;
    }
}
