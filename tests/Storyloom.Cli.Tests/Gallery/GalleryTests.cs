using System.Text.Json;
using Storyloom.Cli.Gallery;
using Storyloom.Tests.Shared;

namespace Storyloom.Cli.Tests.Gallery;

public sealed class GalleryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-gallery-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Given_two_quick_books_when_the_gallery_runs_then_each_gets_a_contact_sheet_and_the_index_lists_them()
    {
        var run = await CliRunner.RunAsync("gallery", "--out", _dir, "--only", "2", "--quick");

        run.ExitCode.ShouldBe(0, run.Error + run.Out);
        var sheets = Directory.GetFiles(_dir, "*.png").Order(StringComparer.Ordinal).ToList();
        sheets.Select(Path.GetFileName).ShouldBe(GalleryCommand.Books.Take(2).Select((b, i) => $"{i + 1:00}-{b.Slug}.png"));
        foreach (var sheet in sheets)
        {
            var png = Png.Read(sheet);
            png.Width.ShouldBe(ContactSheet.Width);
            // Title line, the cover, and 24 pages in three rows of eight thumbnails.
            png.Height.ShouldBeGreaterThan(3 * (ContactSheet.Thumb + 2 * ContactSheet.Gap) + 44 + 300);
        }
        var index = await File.ReadAllTextAsync(Path.Combine(_dir, "index.html"), TestContext.Current.CancellationToken);
        foreach (var sheet in sheets)
        {
            index.ShouldContain($"src=\"{Path.GetFileName(sheet)}\"");
        }
        index.ShouldContain("storyloom book new --kind story");

        using var preflight = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(_dir, "books", "01-dinosaur-afraid-of-the-dark", "preflight.json"), TestContext.Current.CancellationToken));
        var level = preflight.RootElement.GetProperty("readingLevel");
        level.GetProperty("inBand").GetBoolean().ShouldBeTrue(level.GetProperty("detail").GetString());
        level.GetProperty("fleschKincaidGrade").GetDouble().ShouldBeLessThan(level.GetProperty("target").GetProperty("maxGrade").GetDouble());
    }

    [Fact]
    public async Task Only_must_be_positive()
    {
        var run = await CliRunner.RunAsync("gallery", "--out", _dir, "--only", "0");
        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("--only");
    }
}
