using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;
using Storyloom.Print.Printing;
using Storyloom.Print.Tools;
using Storyloom.Tests.Shared;

namespace Storyloom.Print.Tests.Printing;

public sealed class PrintingTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-print-").FullName;
    private ChromiumPrinter _printer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _printer = await ChromiumPrinter.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _printer.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static string PageHtml(double w, double h, int pages, string body) => $$"""
        <!doctype html><html><head><meta charset="utf-8"><style>
        @page { size: {{w + 2}}pt {{h + 2}}pt; margin: 0 }
        html, body { margin: 0 }
        .p { width: {{w}}pt; height: {{h}}pt; position: relative; overflow: hidden; break-after: page; background: #9cf }
        .p:last-child { break-after: auto }
        .mark { position: absolute; left: 0; top: 0; width: 36pt; height: 36pt; background: #c00 }
        </style></head><body>{{string.Concat(Enumerable.Repeat($"<div class=\"p\"><div class=\"mark\"></div>{body}</div>", pages))}}</body></html>
        """;

    [Fact]
    public async Task Interior_pages_get_exact_media_bleed_and_trim_boxes_by_parity()
    {
        var options = new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, 4, Bleed: true);
        var g = new InteriorGeometry(options);
        var html = Path.Combine(_dir, "interior.html");
        await File.WriteAllTextAsync(html, PageHtml(g.PageWidthPt, g.PageHeightPt, 4, "<p style='margin:40pt;font:14pt Andika'>Hello</p>"), Ct);
        var raw = Path.Combine(_dir, "raw.pdf");
        var final = Path.Combine(_dir, "interior.pdf");

        await _printer.PrintAsync(html, raw, Ct);
        await PdfBoxWriter.WriteAsync(raw, final, n => new PageBoxes(g.MediaBox, g.TrimBox(n)), Ct);

        var pages = await PdfBoxes.ReadAsync(final);
        pages.Count.ShouldBe(4);
        foreach (var p in pages)
        {
            p.Media.NearlyEquals(new PdfRect(0, 0, 621, 630)).ShouldBeTrue(p.Media.ToString());
            p.Bleed.NearlyEquals(p.Media).ShouldBeTrue();
            p.Crop.NearlyEquals(p.Media).ShouldBeTrue();
            var expectedTrim = p.Number % 2 == 1 ? new PdfRect(0, 9, 612, 621) : new PdfRect(9, 9, 621, 621);
            p.Trim.NearlyEquals(expectedTrim).ShouldBeTrue($"page {p.Number}: {p.Trim}");
        }
    }

    [Fact]
    public async Task Cover_width_that_chromium_rounds_is_set_exactly_and_content_keeps_its_top_left_corner()
    {
        var options = new PrintOptions(Trims.Square85, Ink.PremiumColor, Paper.White, 32, Bleed: true);
        var g = new CoverGeometry(options);
        var html = Path.Combine(_dir, "cover.html");
        await File.WriteAllTextAsync(html, PageHtml(g.WidthPt, g.HeightPt, 1, ""), Ct);
        var raw = Path.Combine(_dir, "cover-raw.pdf");
        var final = Path.Combine(_dir, "cover.pdf");

        await _printer.PrintAsync(html, raw, Ct);
        await PdfBoxWriter.WriteAsync(raw, final, _ => new PageBoxes(g.MediaBox, g.TrimBox), Ct);

        var page = (await PdfBoxes.ReadAsync(final)).ShouldHaveSingleItem();
        // pdfinfo prints two decimals; the exact value is 1247.407488 pt (kdp-print-spec.md §11.1).
        page.Media.NearlyEquals(new PdfRect(0, 0, 1247.41, 630), 0.006).ShouldBeTrue(page.Media.ToString());
        page.Trim.NearlyEquals(new PdfRect(9, 9, 1238.41, 621), 0.006).ShouldBeTrue(page.Trim.ToString());

        // The red 36 pt mark drawn at the HTML page's top-left corner must still be at the PDF's top-left corner.
        var png = Path.Combine(_dir, "cover");
        await ExternalTool.RunCheckedAsync("pdftoppm", ["-png", "-r", "72", "-singlefile", final, png], Ct);
        var image = Png.Read(png + ".png");
        image.Pixel(2, 2).ShouldBe((204, 0, 0));
        image.Pixel(34, 34).ShouldBe((204, 0, 0));
        image.Pixel(40, 40).ShouldNotBe((204, 0, 0));
        image.Pixel(image.Width - 2, image.Height - 2).ShouldBe((153, 204, 255));
    }
}
