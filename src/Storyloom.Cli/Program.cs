using Spectre.Console;
using Storyloom.Cli;

return await StoryloomCli.RunAsync(args, AnsiConsole.Console, Console.Error);
