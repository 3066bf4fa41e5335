using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Storyloom.Core.Ebook;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>The Kindle eBook (#22): made by `book new --formats print,ebook` and `book ebook DIR`, checked with epubcheck itself.</summary>
public sealed class EbookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Book_new_with_formats_ebook_makes_an_epubcheck_clean_fixed_layout_epub_and_cover()
    {
        var dir = Directory.CreateTempSubdirectory("storyloom-ebook-").FullName;
        try
        {
            var run = await CliRunner.RunAsync("book", "new", "--title", "Pip and the Lost Kite", "--theme", "friendship", "--seed", "3",
                "--formats", "print,ebook", "--out", dir);
            run.ExitCode.ShouldBe(0, run.Out + run.Error);

            var epub = Path.Combine(dir, "ebook.epub");
            File.Exists(epub).ShouldBeTrue();
            var check = await EpubCheck.RunAsync(epub, Ct);
            check.Passed.ShouldBeTrue(string.Join("\n", check.Messages.Select(m => $"{m.Severity} {m.Id} {m.Location}: {m.Message}")));
            new FileInfo(epub).Length.ShouldBeLessThan(5L * 1024 * 1024);

            using var zip = ZipFile.OpenRead(epub);
            zip.Entries[0].FullName.ShouldBe("mimetype");
            var opf = XDocument.Load(zip.GetEntry("EPUB/package.opf")!.Open());
            var meta = opf.Descendants().Where(e => e.Name.LocalName == "meta").ToList();
            meta.ShouldContain(m => (string?)m.Attribute("property") == "rendition:layout" && m.Value == "pre-paginated");
            meta.ShouldContain(m => (string?)m.Attribute("property") == "schema:accessibilitySummary");
            meta.ShouldContain(m => (string?)m.Attribute("property") == "schema:accessMode" && m.Value == "visual");
            // 32 printed pages, none of them print-only in a story book: one XHTML page each.
            var pages = zip.Entries.Where(e => e.FullName.StartsWith("EPUB/pages/", StringComparison.Ordinal)).ToList();
            pages.Count.ShouldBe(32);
            var story = new StreamReader(zip.GetEntry("EPUB/pages/p005.xhtml")!.Open()).ReadToEnd();
            story.ShouldContain("""<meta name="viewport" content="width=1600, height=1600"/>""");
            story.ShouldContain("""<span id="s1">""");  // live text, not baked into the picture
            story.ShouldNotContain("""alt="" role""");  // the scene is the picture's alt text
            var nav = new StreamReader(zip.GetEntry("EPUB/nav.xhtml")!.Open()).ReadToEnd();
            nav.ShouldContain("epub:type=\"page-list\"");

            // The cover: a 1600 x 2560 JPEG beside the EPUB.
            var cover = await File.ReadAllBytesAsync(Path.Combine(dir, "ebook-cover.jpg"), Ct);
            JpegSize(cover).ShouldBe((1600, 2560));

            using var preflight = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "preflight.json"), Ct));
            var ebook = preflight.RootElement.GetProperty("ebook");
            ebook.GetProperty("passed").GetBoolean().ShouldBeTrue();
            ebook.GetProperty("smallestCapMm").GetDouble().ShouldBeGreaterThanOrEqualTo(3.95);
            ebook.GetProperty("deliveryCostUsd").GetDouble().ShouldBeGreaterThan(0);
            using var listing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "listing.json"), Ct));
            listing.RootElement.GetProperty("ebook").GetProperty("pages").GetInt32().ShouldBe(32);

            // Narrated again from the finished folder: media overlays, still clean.
            var narrated = await CliRunner.RunAsync("book", "ebook", dir, "--narrate");
            narrated.ExitCode.ShouldBe(0, narrated.Out + narrated.Error);
            (await EpubCheck.RunAsync(epub, Ct)).Passed.ShouldBeTrue();
            using var zip2 = ZipFile.OpenRead(epub);
            zip2.Entries.ShouldContain(e => e.FullName == "EPUB/smil/p005.smil");
            zip2.Entries.ShouldContain(e => e.FullName == "EPUB/audio/p005.mp3");
            var opf2 = new StreamReader(zip2.GetEntry("EPUB/package.opf")!.Open()).ReadToEnd();
            opf2.ShouldContain("media:active-class");
            opf2.ShouldContain("<meta property=\"media:duration\">");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Coloring_books_are_refused_an_ebook_with_a_clear_message()
    {
        var run = await CliRunner.RunAsync("book", "new", "--kind", "coloring", "--formats", "print,ebook", "--out", Path.Combine(Path.GetTempPath(), "never"));
        run.ExitCode.ShouldNotBe(0);
        (run.Out + run.Error).ShouldContain("coloring books have no eBook");
    }

    [Fact]
    public async Task A_spec_file_takes_formats_and_narrate_and_a_coloring_book_is_refused_there_too()
    {
        var spec = Path.Combine(Path.GetTempPath(), $"storyloom-spec-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(spec, """{"title": "Dots", "kind": "coloring", "formats": ["print", "ebook"]}""", Ct);
            var run = await CliRunner.RunAsync("book", "new", "--spec", spec, "--out", Path.Combine(Path.GetTempPath(), "never"));
            run.ExitCode.ShouldNotBe(0);
            (run.Out + run.Error).ShouldContain("--formats: a coloring book has no eBook");
            await File.WriteAllTextAsync(spec, """{"title": "Dots", "formats": "print,audiobook"}""", Ct);
            run = await CliRunner.RunAsync("book", "new", "--spec", spec, "--out", Path.Combine(Path.GetTempPath(), "never"));
            run.ExitCode.ShouldNotBe(0);
            (run.Out + run.Error).ShouldContain("unknown format 'audiobook'");
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task Unknown_formats_are_refused()
    {
        var run = await CliRunner.RunAsync("book", "new", "--formats", "print,mobi", "--out", Path.Combine(Path.GetTempPath(), "never"));
        run.ExitCode.ShouldNotBe(0);
        (run.Out + run.Error).ShouldContain("--formats takes print or print,ebook");
    }

    [Fact]
    public void A_square_page_fills_the_short_side_of_the_screen_and_capitals_are_4_mm()
    {
        var screen = EbookGeometry.For(Trims.Square85);
        (screen.Width, screen.Height).ShouldBe((1600, 1600));
        screen.CapMm(screen.MinFontPx).ShouldBeGreaterThanOrEqualTo(4.0);
        screen.CapMm(screen.MinFontPx - 2).ShouldBeLessThan(4.0);
        EbookGeometry.For(Trims.Find(5m, 8m)!).ShouldBe(new EbookGeometry(1600, 2560));
    }

    [Fact]
    public void Delivery_cost_is_15_cents_a_megabyte_at_least_a_cent()
    {
        EbookBuilder.DeliveryCost(2 * 1024 * 1024).ShouldBe(0.30);
        EbookBuilder.DeliveryCost(10).ShouldBe(0.01);
    }

    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length;)
        {
            var marker = jpeg[i + 1];
            var length = jpeg[i + 2] << 8 | jpeg[i + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2) return (jpeg[i + 7] << 8 | jpeg[i + 8], jpeg[i + 5] << 8 | jpeg[i + 6]);
            i += 2 + length;
        }
        return (0, 0);
    }
}
