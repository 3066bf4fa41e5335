using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Tests.Shared;

namespace Storyloom.Cli.Tests.Visual;

/// <summary>
/// Given the demo books, when chosen pages are rendered to PNG, then they match the checked-in images within a
/// tolerance. To accept a deliberate change: STORYLOOM_UPDATE_VISUALS=1 ./storyloom test, look at the new
/// images in tests/Storyloom.Cli.Tests/Visual/expected, and commit them.
/// </summary>
public sealed class VisualTests : IDisposable
{
    private const int Dpi = 30;
    private const double Tolerance = 2.0; // mean absolute difference per channel, of 255

    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-visual-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ExpectedDir([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "expected");

    [Fact]
    public async Task Demo_books_look_as_approved()
    {
        var run = await CliRunner.RunAsync("demo", "--out", _dir);
        run.ExitCode.ShouldBe(0, run.Error + run.Out);
        run.Out.ShouldContain(Path.Combine(_dir, "picture-book", "interior.pdf"));
        run.Out.ShouldContain("preflight PASS");
        run.Out.ShouldContain("Reading level");

        var mismatches = new List<string>();
        var update = Environment.GetEnvironmentVariable("STORYLOOM_UPDATE_VISUALS") == "1";
        foreach (var (book, file, page) in new[]
        {
            ("picture-book", "cover.pdf", 1), ("picture-book", "interior.pdf", 1), ("picture-book", "interior.pdf", 2),
            ("picture-book", "interior.pdf", 3), ("picture-book", "interior.pdf", 4), ("picture-book", "interior.pdf", 32),
            ("coloring-book", "cover.pdf", 1), ("coloring-book", "interior.pdf", 1), ("coloring-book", "interior.pdf", 3),
            ("coloring-book", "interior.pdf", 5), ("coloring-book", "interior.pdf", 6), ("coloring-book", "interior.pdf", 7),
        })
        {
            var name = $"{book}-{Path.GetFileNameWithoutExtension(file)}-{page:00}";
            var actual = Path.Combine(_dir, name);
            await ExternalTool.RunCheckedAsync("pdftoppm",
                ["-png", "-r", $"{Dpi}", "-f", $"{page}", "-l", $"{page}", "-singlefile", Path.Combine(_dir, book, file), actual], Ct);
            var expected = Path.Combine(ExpectedDir(), name + ".png");
            if (update || !File.Exists(expected))
            {
                Directory.CreateDirectory(ExpectedDir());
                File.Copy(actual + ".png", expected, overwrite: true);
                mismatches.Add($"{name}: expected image written; look at it and commit it");
                continue;
            }
            var diff = Png.Read(actual + ".png").MeanDifference(Png.Read(expected));
            if (diff > Tolerance)
            {
                var kept = Path.Combine(Path.GetTempPath(), $"storyloom-visual-{name}.png");
                File.Copy(actual + ".png", kept, overwrite: true);
                mismatches.Add($"{name}: differs by {diff:0.00} (tolerance {Tolerance}); actual image kept at {kept}");
            }
        }
        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }
}
