using System.CommandLine;
using Spectre.Console;
using Storyloom.Cli.Bench;
using Storyloom.Cli.Books;
using Storyloom.Cli.Demo;
using Storyloom.Cli.Gallery;
using Storyloom.Cli.Preflight;
using Storyloom.Cli.Server;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli;

/// <summary>Exit codes: 0 done, 1 the book or files failed a check, 2 bad input (nothing written).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

/// <summary>Bad input from the user: printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

public static class StoryloomCli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error)
    {
        var root = new RootCommand("Storyloom: print-ready children's picture books and coloring books for Amazon KDP.");
        var book = new Command("book", "Make and manage books.");
        book.Subcommands.Add(BookNewCommand.Create(console));
        book.Subcommands.Add(BookEbookCommand.Create(console));
        root.Subcommands.Add(book);
        root.Subcommands.Add(PreflightCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(WorkerCommand.Create(console));
        root.Subcommands.Add(DbCommand.Create(console));
        root.Subcommands.Add(UsersCommand.Create(console));
        root.Subcommands.Add(Ops.ConfigCommand.Create(console, error));
        root.Subcommands.Add(Ops.DoctorCommand.Create(console));
        root.Subcommands.Add(Ops.BooksCommand.Create(console));
        root.Subcommands.Add(Ops.TasksCommand.Create(console));
        root.Subcommands.Add(Ops.ProcessCommands.Status(console));
        root.Subcommands.Add(Ops.ProcessCommands.Stop(console));
        root.Subcommands.Add(Ops.CleanupCommand.Create(console));
        root.Subcommands.Add(GalleryCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(Ai.FakeOpenAiCommand.Create(console));
        root.Subcommands.Add(Canva.FakeCanvaCommand.Create(console));
        root.Subcommands.Add(Canva.CanvaCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"error: {parsed.Errors[0].Message} (see --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // SIGTERM cancels the verb; serve and worker need longer than the default 2 s to let running steps save.
                ProcessTerminationTimeout = StoryloomServer.ShutdownTimeout + TimeSpan.FromSeconds(3),
            });
        }
        catch (Exception e) when (e is UsageException or SpecException or Storyloom.Server.Storage.StorageUnavailableException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (BuildException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.InnerException is IOException or UnauthorizedAccessException ? ExitCodes.BadInput : ExitCodes.Failed;
        }
        catch (Ops.ProcessCommands.StopTimeoutException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (ExternalToolException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled; no files were changed");
            return 130;
        }
        catch (Exception e)
        {
            // A bug, not bad input: one line for the user, the details in a file for the report.
            var log = Path.Combine(Path.GetTempPath(), $"storyloom-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
            File.WriteAllText(log, e.ToString());
            error.WriteLine($"error: unexpected failure ({e.GetType().Name}: {e.Message.Split('\n')[0]}); details in {log}");
            return ExitCodes.Failed;
        }
    }
}
