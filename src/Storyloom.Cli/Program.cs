using Spectre.Console;
using Storyloom.Cli;

// Piped or captured output is not a terminal: Spectre would hard-wrap at 80 columns and break the paths it prints.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console.Profile.Width = 400;
}
return await StoryloomCli.RunAsync(args, AnsiConsole.Console, Console.Error);
