using Spectre.Console;

namespace Storyloom.Cli.Tests;

/// <summary>Runs the storyloom command in process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var error = new StringWriter();
        var code = await StoryloomCli.RunAsync(args, console, error);
        return new Run(code, output.ToString(), error.ToString());
    }
}
