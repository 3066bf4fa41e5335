using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Ops;

/// <summary>
/// <c>storyloom doctor</c>: everything Storyloom needs on this machine, each with what it found and, when something is
/// missing, the command that fixes it. Exit 0 when all is well, 1 when something needs fixing.
/// </summary>
internal static class DoctorCommand
{
    private sealed record Finding(string Check, bool Ok, string Detail, string Fix = "", bool Warning = false);

    public static Command Create(IAnsiConsole console)
    {
        var doctor = new Command("doctor", "Check Chromium, fonts, poppler, qpdf, the database, storage and the AI provider, with the fix for anything missing.")
        {
            ServerHost.Data,
        };
        doctor.SetAction(async (parse, ct) =>
        {
            List<Finding> findings =
            [
                await ChromiumAsync(ct),
                await FontsAsync(ct),
                await ToolAsync("poppler", "pdfinfo", ["-v"], "apt-get install poppler-utils", ct),
                await ToolAsync("qpdf", "qpdf", ["--version"], "apt-get install qpdf", ct),
            ];
            findings.AddRange(await ServerSideAsync(parse.GetValue(ServerHost.Data), ct));

            var table = new Table().Border(TableBorder.Rounded).AddColumns("check", "", "found", "fix");
            foreach (var f in findings)
            {
                var mark = f.Ok ? "[green]ok[/]" : f.Warning ? "[yellow]warn[/]" : "[red]missing[/]";
                table.AddRow(Markup.Escape(f.Check), mark, Markup.Escape(f.Detail), Markup.Escape(f.Fix));
            }
            console.Write(table);
            var broken = findings.Count(f => !f.Ok && !f.Warning);
            console.WriteLine(broken == 0 ? "Everything Storyloom needs is here." : $"{broken} thing(s) need fixing; see the fix column.");
            return broken == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return doctor;
    }

    private static async Task<Finding> ChromiumAsync(CancellationToken ct)
    {
        var path = new ChromiumOptions().ExecutablePath;
        var fix = "apt-get install chromium (./storyloom demo does this), or set STORYLOOM_CHROMIUM";
        if (!File.Exists(path))
        {
            return new("Chromium", false, $"not found at {path}", fix);
        }
        var run = await TryRunAsync(path, ["--headless", "--version"], ct);
        return run is { } version ? new("Chromium", true, $"{version} ({path})") : new("Chromium", false, $"{path} does not run", fix);
    }

    private static async Task<Finding> FontsAsync(CancellationToken ct)
    {
        var fix = "apt-get install " + string.Join(' ', Storyloom.Core.Layout.Scripts.Packages);
        var families = await TryRunAsync("fc-list", [":", "family"], ct, firstLine: false);
        if (families is null)
        {
            return new("fonts", false, "fc-list (fontconfig) is not installed", "apt-get install fontconfig && " + fix);
        }
        var wanted = Storyloom.Core.Layout.Scripts.Families.ToList();
        var missing = wanted.Where(w => !families.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0
            ? new("fonts", true, string.Join(", ", wanted))
            : new("fonts", false, $"missing {string.Join(", ", missing)}", fix);
    }

    private static async Task<Finding> ToolAsync(string name, string tool, string[] args, string fix, CancellationToken ct) =>
        await TryRunAsync(tool, args, ct) is { } version ? new(name, true, version) : new(name, false, $"{tool} is not installed", fix);

    /// <summary>The database (reachable, schema up to date) and the data folder (writable, room left).</summary>
    private static async Task<IReadOnlyList<Finding>> ServerSideAsync(string? data, CancellationToken ct)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ServerHost.Build(data, null, quiet: true);
        }
        catch (UsageException e)
        {
            return [new("configuration", false, e.Message, "storyloom config check shows each problem")];
        }
        await using (app)
        {
            var options = app.Services.GetRequiredService<StoryloomOptions>();
            var findings = new List<Finding>();
            var which = options.Database.IsPostgres ? "PostgreSQL" : $"SQLite {DataSetup.SqliteConnectionString(options).Split(';')[0]}";
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var status = await scope.ServiceProvider.GetRequiredService<Migrator>().StatusAsync(ct);
                var pending = status.Count(s => s.AppliedAt is null);
                findings.Add(pending == 0
                    ? new("database", true, $"{which}, schema up to date ({status.Count} migrations)")
                    : new("database", false, $"{which}, {pending} migration(s) pending", "storyloom db migrate (serve also does it on start)", Warning: true));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                findings.Add(new("database", false, $"{which}: {e.Message.Split('\n')[0]}",
                    options.Database.IsPostgres ? "check Storyloom__Database__ConnectionString and that PostgreSQL is running" : "check that the data folder is writable"));
            }
            findings.Add(await StorageAsync(app.Services.GetRequiredService<Storyloom.Server.Storage.IFileStore>(), options.Storage.IsS3, ct));
            findings.Add(await RedisAsync(app.Services.GetRequiredService<Storyloom.Server.Cluster.RedisLink>()));
            findings.Add(await ProviderAsync(ct));
            return findings;
        }
    }

    /// <summary>Redis is optional: away, the nodes keep working on their own state, so it is a warning, never a failure.</summary>
    private static async Task<Finding> RedisAsync(Storyloom.Server.Cluster.RedisLink link)
    {
        if (link.IsConfigured && !link.IsUp)
        {
            // Connecting takes a moment after start-up; a Redis that answers is up well within it.
            for (var i = 0; i < 20 && !link.IsUp; i++)
            {
                await Task.Delay(100);
            }
        }
        var (up, detail) = await link.ProbeAsync();
        return up
            ? new("Redis", true, detail)
            : new("Redis", false, detail, "check Storyloom__Redis__ConnectionString and that Redis is running (or leave it empty on one machine)", Warning: true);
    }

    /// <summary>With OPENAI_API_KEY set: does the provider answer, and does it list the configured models.</summary>
    private static async Task<Finding> ProviderAsync(CancellationToken ct)
    {
        var ai = Storyloom.Ai.AiOptions.FromEnvironment();
        if (string.IsNullOrWhiteSpace(ai.ApiKey))
        {
            return new("AI provider", true, "none configured: the offline engines write and draw");
        }
        var probe = await Storyloom.Ai.ProviderProbe.CheckAsync(ai, ct);
        if (!probe.Answers)
        {
            return new("AI provider", false, probe.ToString(), "check OPENAI_BASE_URL (with /v1) and OPENAI_API_KEY, or unset the key to work offline");
        }
        return probe.MissingModels.Count == 0
            ? new("AI provider", true, probe.ToString())
            : new("AI provider", false, probe.ToString(), "set STORYLOOM_AI_TEXT_MODEL / _IMAGE_MODEL / _MODERATION_MODEL to models it lists", Warning: true);
    }

    private static async Task<Finding> StorageAsync(Storyloom.Server.Storage.IFileStore store, bool s3, CancellationToken ct)
    {
        var probe = await store.ProbeAsync(ct);
        if (probe.Problem is { } problem)
        {
            return new("storage", false, problem, s3 ? "fix the Storyloom__Storage__* settings (see README, scaled-out)" : "use --data with a folder you can write to");
        }
        return probe.FreeBytes < 1L << 30
            ? new("storage", false, probe.Detail, "free some disk space: under 1 GiB is left for books and backups", Warning: true)
            : new("storage", true, probe.Detail);
    }

    /// <summary>The first line a tool prints (stdout, else stderr), or null when it is missing or fails.</summary>
    private static async Task<string?> TryRunAsync(string tool, string[] args, CancellationToken ct, bool firstLine = true)
    {
        try
        {
            var result = await ExternalTool.RunAsync(tool, args, ct, TimeSpan.FromSeconds(20));
            if (result.ExitCode != 0)
            {
                return null;
            }
            var text = result.StdoutText.Trim().Length > 0 ? result.StdoutText : result.Stderr;
            return firstLine ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "" : text;
        }
        catch (ExternalToolException)
        {
            return null;
        }
    }
}
