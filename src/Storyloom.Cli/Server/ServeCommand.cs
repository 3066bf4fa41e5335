using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Server;

/// <summary><c>storyloom serve</c>: the REST API and a worker (generation jobs) in one process.</summary>
internal static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {StoryloomServer.DefaultUrl})" };
        var command = new Command("serve", "Run the Storyloom server: REST API under /api/v1, API docs at /docs, and a worker that makes books.")
        {
            urls, ServerHost.Data, ServerHost.Concurrency, ServerHost.LogFormat,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = ServerHost.Build(parse.GetValue(ServerHost.Data), parse.GetValue(urls), quiet: false, parse.GetValue(ServerHost.Concurrency),
                parse.GetValue(ServerHost.LogFormat));
            await StoryloomServer.PrepareDatabaseAsync(app.Services, ct);
            await Storyloom.Server.Storage.StorageSetup.CheckStorageAsync(app.Services, ct);
            IDisposable? pid = null;
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                pid = Ops.PidFile.Write(app.Services.GetRequiredService<StoryloomOptions>().DataDirectory, Ops.PidFile.Serve, Address(app));
                Announce(console, app);
            });
            try
            {
                await app.RunAsync(ct);
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"cannot listen: {e.Message}; stop the other server or choose another port with --urls");
            }
            finally
            {
                pid?.Dispose();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? StoryloomServer.DefaultUrl;

    private static void Announce(IAnsiConsole console, WebApplication app)
    {
        var options = app.Services.GetRequiredService<StoryloomOptions>();
        var address = Address(app);
        var database = options.Database.IsPostgres
            ? "PostgreSQL"
            : "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DataSetup.SqliteConnectionString(options)).DataSource;
        console.MarkupLine($"[bold]Storyloom[/] listening on [link]{Markup.Escape(address)}[/]");
        console.MarkupLine($"  API docs  {Markup.Escape(address)}/docs   (OpenAPI: {Markup.Escape(address)}/openapi/v1.json)");
        console.MarkupLine($"  data      {Markup.Escape(options.DataDirectory)} ({Markup.Escape(database)})");
        console.MarkupLine("  Ctrl+C stops it.");
    }
}
