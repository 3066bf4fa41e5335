using Spectre.Console;
using Storyloom.Cli;

namespace Storyloom.Server.Tests.Infrastructure;

/// <summary>What a `storyloom …` command run in process printed, and its exit code.</summary>
public sealed record CliRun(int Code, string Out, string Error);

public sealed partial class StoryloomApp
{
    /// <summary>Runs `storyloom ARGS --data DATA` in process against this server's data folder (SQLite servers only).</summary>
    public Task<CliRun> RunCliAsync(params string[] args) => RunCliAsync(DataDirectory, args);

    /// <summary>Runs `storyloom ARGS --data DATA` in process against any data folder.</summary>
    public static async Task<CliRun> RunCliAsync(string dataDirectory, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        var error = new StringWriter();
        var code = await StoryloomCli.RunAsync([.. args, "--data", dataDirectory], console, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
