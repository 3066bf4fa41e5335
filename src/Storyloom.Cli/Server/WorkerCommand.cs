using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Server;

/// <summary>
/// <c>storyloom worker</c>: makes books from the shared queue, with no HTTP API. On PostgreSQL any number of workers share
/// one queue; a worker that dies leaves its book to the others from its last saved step. SIGTERM stops taking work, lets
/// the running steps finish or save, and exits within 30 s.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("worker", "Run a worker that makes books from the queue (no HTTP API); several can share one PostgreSQL.")
        {
            ServerHost.Data, ServerHost.Concurrency, ServerHost.LogFormat,
        };
        command.SetAction(async (parse, ct) =>
        {
            IHost host;
            try
            {
                host = StoryloomServer.BuildWorker([.. ServerHost.Args(parse.GetValue(ServerHost.Data), concurrency: parse.GetValue(ServerHost.Concurrency)),
                    .. ServerHost.LogArgs(parse.GetValue(ServerHost.LogFormat))]);
            }
            catch (ConfigurationProblemException e)
            {
                throw new UsageException(string.Join("; ", e.Problems));
            }
            using (host)
            {
                await StoryloomServer.PrepareDatabaseAsync(host.Services, ct);
                await Storyloom.Server.Storage.StorageSetup.CheckStorageAsync(host.Services, ct);
                var options = host.Services.GetRequiredService<StoryloomOptions>();
                IDisposable? pid = null;
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
                {
                    pid = Ops.PidFile.Write(options.DataDirectory, Ops.PidFile.Worker, null);
                    console.MarkupLine($"[bold]Storyloom worker[/] {Environment.ProcessId}: {options.Jobs.Concurrency} books at a time, "
                        + $"{(options.Database.IsPostgres ? "PostgreSQL (clustered)" : "SQLite")}, data {Markup.Escape(options.DataDirectory)}");
                    console.MarkupLine("  Ctrl+C or SIGTERM stops it after the running steps save.");
                });
                try
                {
                    await host.RunAsync(ct);
                }
                finally
                {
                    pid?.Dispose();
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
