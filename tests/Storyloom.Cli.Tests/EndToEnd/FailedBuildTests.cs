using System.Security.Cryptography;
using Spectre.Console;
using Storyloom.Cli.Books;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>A book that fails its own preflight publishes nothing: the output folder is as it was, and the failed files wait in a staging folder the error line names.</summary>
public sealed class FailedBuildTests(PrinterFixture fixture) : IClassFixture<PrinterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Draws the offline pictures with a half-transparent patch on every story page: live transparency, an R14 MUST of
    /// preflight. (A story short of pages no longer gets that far: the safety step stops it before any picture is drawn.)
    /// </summary>
    private sealed class SeeThroughArtEngine : IArtEngine
    {
        private readonly OfflineArtEngine _inner = new();

        public ContentCredit Credit => _inner.Credit;

        public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
            _inner.DrawStoryPage(manuscript, page, frame).Replace("</svg>", """<rect width="50%" height="50%" fill="#3366cc" opacity="0.5"/></svg>""", StringComparison.Ordinal);

        public string DrawCover(Manuscript manuscript, ArtFrame frame) => _inner.DrawCover(manuscript, frame);

        public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) => _inner.DrawColoringPage(manuscript, page, frame);
    }

    private static readonly BookSpec Spec = new BookSpecInput { Kind = "story", Pages = 24, Seed = 3, Theme = "the sea" }.ToSpec();

    private static Dictionary<string, string> Snapshot(string dir) => !Directory.Exists(dir) ? []
        : Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).ToDictionary(
            p => Path.GetRelativePath(dir, p),
            p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "dir");

    [Fact]
    public async Task A_failed_build_leaves_a_new_folder_uncreated_and_keeps_its_report_in_staging()
    {
        var dir = Path.Combine(fixture.Root, "never-made", "book");

        var result = await new BookBuilder(new OfflineStoryEngine(), new SeeThroughArtEngine()).BuildAsync(Spec, dir, printer: fixture.Printer, ct: Ct);

        result.Preflight.Passed.ShouldBeFalse();
        result.Published.ShouldBeFalse();
        result.RequestedDirectory.ShouldBe(dir);
        Directory.Exists(Path.Combine(fixture.Root, "never-made")).ShouldBeFalse();
        result.OutputDirectory.ShouldStartWith(BookBuilder.StagingRoot);
        foreach (var f in new[] { "interior.pdf", "cover.pdf", "preflight.json", "manuscript.json" })
        {
            File.Exists(Path.Combine(result.OutputDirectory, f)).ShouldBeTrue(f);
        }
        (await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, "preflight.json"), Ct)).ShouldContain("\"passed\": false");
        Directory.Delete(result.OutputDirectory, recursive: true);
    }

    [Fact]
    public async Task A_failed_build_over_a_good_book_changes_no_file_and_the_error_line_points_to_the_report()
    {
        var dir = Path.Combine(fixture.Root, "good-then-bad");
        var good = await new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine()).BuildAsync(Spec, dir, printer: fixture.Printer, ct: Ct);
        good.Published.ShouldBeTrue();
        var before = Snapshot(dir);

        var bad = await new BookBuilder(new OfflineStoryEngine(), new SeeThroughArtEngine()).BuildAsync(Spec with { Seed = 4 }, dir, printer: fixture.Printer, ct: Ct);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        BookSummary.Write(console, Spec, bad);

        bad.Published.ShouldBeFalse();
        Snapshot(dir).ShouldBe(before);
        var text = output.ToString();
        text.ShouldContain($"nothing was written to {dir}");
        text.ShouldContain(Path.Combine(bad.OutputDirectory, "preflight.json"));
        Directory.Delete(bad.OutputDirectory, recursive: true);
    }
}
