using System.Text.Json;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Tests.Shared;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>Books across trims, inks, papers and page counts, verified with poppler's tools, not with our own code.</summary>
public sealed class BookMatrixTests(PrinterFixture fixture) : IClassFixture<PrinterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int, string, string, bool, string> Books => new()
    {
        // kind, trim, pages, ink, paper, bleed, age
        { "story", "8.5x8.5", 32, "premium-color", "white", true, "3-5" },
        { "coloring", "8.5x11", 100, "bw", "white", false, "3-5" },
        { "story", "6x9", 24, "bw", "cream", false, "6-8" },
        { "story", "8x10", 72, "standard-color", "white", true, "0-2" },
        { "story", "8.25x6", 40, "premium-color", "white", true, "9-12" },
        { "coloring", "8.5x8.5", 120, "bw", "white", true, "6-8" },
        { "story", "7.5x9.25", 100, "premium-color", "white", true, "3-5" },
        { "story", "5x8", 24, "bw", "white", false, "9-12" },
    };

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Every_book_has_exact_boxes_embedded_fonts_and_passes_preflight(
        string kind, string trim, int pages, string ink, string paper, bool bleed, string age)
    {
        var spec = new BookSpecInput
        {
            Kind = kind, Trim = trim, Pages = pages, Ink = ink, Paper = paper, Bleed = bleed, Age = age,
            Theme = kind == "coloring" ? "animals" : "the sea", Seed = pages, Author = "Test Author",
        }.ToSpec();
        var dir = Path.Combine(fixture.Root, $"{kind}-{trim}-{pages}-{ink}");

        var result = await new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine())
            .BuildAsync(spec, dir, printer: fixture.Printer, ct: Ct);

        var failures = string.Join("\n", result.Preflight.Failures.Select(f => $"{f.Rule} {f.File}: {f.Detail}"));
        result.Preflight.Passed.ShouldBeTrue(failures);
        foreach (var f in new[] { "interior.pdf", "cover.pdf", "manuscript.json", "listing.json", "preflight.json", "preview/cover.png" })
        {
            File.Exists(Path.Combine(dir, f)).ShouldBeTrue(f);
        }
        Directory.GetFiles(Path.Combine(dir, "preview"), "page-*.png").Length.ShouldBe(Previews.FirstPages);
        Directory.GetDirectories(dir, ".staging-*").ShouldBeEmpty();

        var interior = new InteriorGeometry(spec.PrintOptions);
        var boxes = await PdfBoxes.ReadAsync(Path.Combine(dir, "interior.pdf"));
        boxes.Count.ShouldBe(pages);
        foreach (var p in boxes)
        {
            // pdfinfo prints two decimals, so 0.006 pt is as close as it can tell.
            p.Media.NearlyEquals(interior.MediaBox, 0.006).ShouldBeTrue($"page {p.Number} MediaBox {p.Media}");
            p.Bleed.NearlyEquals(interior.MediaBox, 0.006).ShouldBeTrue($"page {p.Number} BleedBox {p.Bleed}");
            p.Trim.NearlyEquals(interior.TrimBox(p.Number), 0.006).ShouldBeTrue($"page {p.Number} TrimBox {p.Trim}");
        }
        var cover = new CoverGeometry(spec.PrintOptions);
        var coverBox = (await PdfBoxes.ReadAsync(Path.Combine(dir, "cover.pdf"))).ShouldHaveSingleItem();
        coverBox.Media.NearlyEquals(cover.MediaBox, 0.006).ShouldBeTrue(coverBox.Media.ToString());
        coverBox.Trim.NearlyEquals(cover.TrimBox, 0.006).ShouldBeTrue(coverBox.Trim.ToString());

        foreach (var pdf in new[] { "interior.pdf", "cover.pdf" })
        {
            var fonts = (await ExternalTool.RunCheckedAsync("pdffonts", [Path.Combine(dir, pdf)], Ct)).StdoutText;
            var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(r => r.Contains(" yes ", StringComparison.Ordinal), $"{pdf} fonts:\n{fonts}");
            var images = (await ExternalTool.RunCheckedAsync("pdfimages", ["-list", Path.Combine(dir, pdf)], Ct)).StdoutText;
            images.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, $"{pdf} should be all vector:\n{images}");
        }

        using var manuscript = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manuscript.json"), Ct));
        manuscript.RootElement.GetProperty("pages").GetArrayLength().ShouldBe(pages);
        var text = (await ExternalTool.RunCheckedAsync("pdftotext", ["-f", "3", "-l", "3", Path.Combine(dir, "interior.pdf"), "-"], Ct)).StdoutText;
        var page3 = manuscript.RootElement.GetProperty("pages")[2];
        if (page3.GetProperty("text").GetString() is { Length: > 0 } expected)
        {
            Normalize(text).ShouldContain(Normalize(expected)[..Math.Min(40, Normalize(expected).Length)]);
        }
    }

    [Fact]
    public async Task Spine_text_appears_only_when_the_book_is_thick_enough()
    {
        var thick = new BookSpecInput { Kind = "coloring", Trim = "8.5x11", Pages = 160, Ink = "bw", Bleed = false, Title = "Spine Test" }.ToSpec();
        var dir = Path.Combine(fixture.Root, "spine-160");
        var result = await new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine()).BuildAsync(thick, dir, printer: fixture.Printer, ct: Ct);

        result.Preflight.Passed.ShouldBeTrue(string.Join("\n", result.Preflight.Failures.Select(f => f.Detail)));
        result.Cover.SpineTextFits.ShouldBeTrue();
        var g = result.Cover;
        var spineText = (await ExternalTool.RunCheckedAsync("pdftotext",
            ["-x", $"{(int)g.SpineLeftPt}", "-y", "0", "-W", $"{(int)Math.Ceiling(g.SpineWidthPt)}", "-H", $"{(int)g.HeightPt}", Path.Combine(dir, "cover.pdf"), "-"], Ct)).StdoutText;
        spineText.ShouldContain("Spine Test");
    }

    [Fact]
    public async Task The_build_reports_the_declared_steps_in_order_with_their_labels_and_total()
    {
        var spec = new BookSpecInput { Kind = "story", Pages = 24, Seed = 3 }.ToSpec();
        var seen = new List<BuildProgress>();
        await new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine())
            .BuildAsync(spec, Path.Combine(fixture.Root, "declared-steps"), new ListProgress(seen), fixture.Printer, Ct);

        var declared = BookPipeline.For(ebook: false);
        seen.Select(p => p.Step).ShouldBe(declared.Select(s => s.Label));
        seen.Select(p => p.Index).ShouldBe(Enumerable.Range(1, declared.Count));
        seen.ShouldAllBe(p => p.Total == declared.Count);
    }

    private sealed class ListProgress(List<BuildProgress> seen) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => seen.Add(value);
    }

    [Fact]
    public async Task The_same_spec_and_seed_give_the_same_manuscript_and_the_same_art()
    {
        var spec = new BookSpecInput { Kind = "story", Pages = 24, Seed = 42, Theme = "space" }.ToSpec();
        var builder = new BookBuilder(new OfflineStoryEngine(), new OfflineArtEngine());
        var a = Path.Combine(fixture.Root, "same-a");
        var b = Path.Combine(fixture.Root, "same-b");

        await builder.BuildAsync(spec, a, printer: fixture.Printer, ct: Ct);
        var second = await builder.BuildAsync(spec, b, printer: fixture.Printer, ct: Ct);

        (await File.ReadAllTextAsync(Path.Combine(b, "manuscript.json"), Ct)).ShouldBe(await File.ReadAllTextAsync(Path.Combine(a, "manuscript.json"), Ct));
        var artA = Directory.GetFiles(Path.Combine(a, "build", "art")).Select(Path.GetFileName).Order().ToList();
        var artB = Directory.GetFiles(Path.Combine(b, "build", "art")).Select(Path.GetFileName).Order().ToList();
        artB.ShouldBe(artA);
        foreach (var f in artA)
        {
            (await File.ReadAllBytesAsync(Path.Combine(b, "build", "art", f!), Ct)).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(a, "build", "art", f!), Ct));
        }

        // A re-run into the same folder draws nothing again.
        var rerun = await builder.BuildAsync(spec, b, printer: fixture.Printer, ct: Ct);
        rerun.PicturesDrawn.ShouldBe(0);
        rerun.PicturesReused.ShouldBe(second.PicturesDrawn + second.PicturesReused);
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
