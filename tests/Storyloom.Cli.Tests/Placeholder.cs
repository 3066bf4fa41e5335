namespace Storyloom.Cli.Tests;
