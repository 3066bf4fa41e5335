using Storyloom.Print.Printing;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>One warm Chromium shared by the tests of a class, as the demo and the server use it.</summary>
public sealed class PrinterFixture : IAsyncLifetime
{
    public ChromiumPrinter Printer { get; private set; } = null!;
    public string Root { get; } = Directory.CreateTempSubdirectory("storyloom-e2e-").FullName;

    public async ValueTask InitializeAsync() => Printer = await ChromiumPrinter.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Printer.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
