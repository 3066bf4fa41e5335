using Spectre.Console;
using Storyloom.Cli;

namespace Storyloom.Tests.Shared;

/// <summary>What a `storyloom …` command run in process printed, and its exit code.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the storyloom command in process and captures what it prints: no colours, no prompts, 250 columns.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
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
        var code = await StoryloomCli.RunAsync(args, console, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
