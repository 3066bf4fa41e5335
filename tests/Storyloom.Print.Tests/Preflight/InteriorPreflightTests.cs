using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>Deliberately broken interiors, each failing on the rule that describes its fault.</summary>
public sealed class InteriorPreflightTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PreflightReport> RunAsync(string interior, string? cover = null, PrintOptions? options = null)
    {
        var report = await PreflightRunner.RunAsync(new PreflightRequest(interior, cover, options ?? Books.Options), Ct);
        TestContext.Current.SendDiagnosticMessage(PreflightFormatter.ToText(report));
        return report;
    }

    private static string[] FailedRules(PreflightReport report) => [.. report.Failures.Select(c => c.Rule).Distinct()];

    [Fact]
    public async Task Wrong_page_size_fails_R7()
    {
        var letter = Books.Options with { Trim = Trims.Letter };
        var interior = await Books.InteriorAsync("letter", options: letter);

        var report = await RunAsync(interior);

        FailedRules(report).ShouldContain("R7");
        report.Checks.First(c => c.Rule == "R7").Detail.ShouldContain("expected 621 x 630 pt");
        report.Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_bleed_fails_R7_and_says_so()
    {
        var interior = await Books.InteriorAsync("no-bleed", options: Books.Options with { Bleed = false });

        var report = await RunAsync(interior);

        var r7 = report.Checks.Single(c => c.Rule == "R7");
        r7.Status.ShouldBe(CheckStatus.Fail);
        r7.Detail.ShouldContain("612 x 612");
        r7.Detail.ShouldContain("no bleed");
    }

    [Fact]
    public async Task Text_in_the_gutter_fails_R9()
    {
        // Page 3 is odd: its binding edge is on the left, gutter 27 pt.
        var interior = await Books.InteriorAsync("gutter", n => n == 3
            ? Books.Page(n, "<div class=\"abs\" style=\"left:10pt;top:300pt;font-size:14pt\">Too close to the spine</div>")
            : Books.Page(n));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["R9"]);
        report.Checks.Single(c => c.Rule == "R9").Detail.ShouldContain("page(s) 3");
    }

    [Fact]
    public async Task Text_past_the_outside_margin_reports_lenient_reading()
    {
        // 30 pt from the top page edge = 21 pt inside the trim: fails 27 pt from the trim, passes 27 pt from the page edge.
        var interior = await Books.InteriorAsync("outside", n => n == 2
            ? Books.Page(n, "<div class=\"abs\" style=\"left:72pt;top:30pt;font-size:14pt;line-height:1\">Near the top</div>")
            : Books.Page(n));

        var report = await RunAsync(interior);

        var r10 = report.Checks.Single(c => c.Rule == "R10");
        r10.Status.ShouldBe(CheckStatus.Fail);
        r10.Detail.ShouldContain("lenient reading");
    }

    [Fact]
    public async Task Low_resolution_image_fails_R15()
    {
        // 100 px shown at 2 in = 50 ppi.
        var image = $"<img class=\"abs\" style=\"left:72pt;top:144pt;width:144pt;height:144pt\" src=\"{TestPdfs.BmpDataUri(100, 100)}\">";
        var interior = await Books.InteriorAsync("low-res", n => n == 5 ? Books.Page(n, image) : Books.Page(n));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["R15"]);
        report.Checks.Single(c => c.Rule == "R15").Detail.ShouldContain("page(s) 5");
    }

    [Fact]
    public async Task Image_at_300_ppi_passes_R15()
    {
        var image = $"<img class=\"abs\" style=\"left:72pt;top:144pt;width:72pt;height:72pt\" src=\"{TestPdfs.BmpDataUri(300, 300)}\">";
        var interior = await Books.InteriorAsync("hi-res", n => n == 5 ? Books.Page(n, image) : Books.Page(n));

        var report = await RunAsync(interior);

        report.Checks.Single(c => c.Rule == "R15").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task Unembedded_font_fails_R12()
    {
        var pdf = await TestPdfs.UnembeddedFontAsync(621, 630);

        var report = await RunAsync(pdf, options: Books.Options with { Pages = 1 });

        var r12 = report.Checks.Single(c => c.Rule == "R12");
        r12.Status.ShouldBe(CheckStatus.Fail);
        r12.Detail.ShouldContain("Helvetica");
        report.Checks.Single(c => c.Rule == "R16").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task An_emoji_or_symbol_no_font_has_prints_as_a_box_and_fails_GLYPH()
    {
        // U+E000 (private use) is in no font: Chromium prints it as glyph 0 of the text's font.
        var interior = await Books.InteriorAsync("notdef", n => n == 5
            ? Books.Page(n, "<div class=\"abs\" style=\"left:72pt;top:100pt;font-size:14pt\">Pip \uE000 the fox</div>")
            : Books.Page(n));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["GLYPH"]);
        report.Checks.Single(c => c.Rule == "GLYPH").Detail.ShouldContain("on page(s) 5 print as an empty box");
    }

    [Fact]
    public async Task Text_below_7pt_fails_R16()
    {
        var interior = await Books.InteriorAsync("tiny", n => n == 8
            ? Books.Page(n, "<div class=\"abs\" style=\"left:72pt;top:100pt;font-size:6pt\">fine print</div>")
            : Books.Page(n));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["R16"]);
        report.Checks.Single(c => c.Rule == "R16").Detail.ShouldContain("6 pt");
    }

    [Fact]
    public async Task Three_blank_pages_in_a_row_fail_R18()
    {
        var interior = await Books.InteriorAsync("blanks", n => Books.Page(n, blank: n is 10 or 11 or 12));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["R18", "R19"]);
        report.Checks.Single(c => c.Rule == "R18").Detail.ShouldContain("pages 10–12");
    }

    [Fact]
    public async Task Page_count_differing_from_options_fails()
    {
        var interior = await Books.InteriorAsync("thirty-two");

        var report = await RunAsync(interior, options: Books.Options with { Pages = 40 });

        report.Checks.Single(c => c.Title == "Page count matches the print options").Status.ShouldBe(CheckStatus.Fail);
    }

    [Fact]
    public async Task Thin_lines_warn_on_R17_without_failing_the_book()
    {
        var svg = "<svg class=\"abs\" style=\"left:72pt;top:200pt\" width=\"200\" height=\"100\"><line x1=\"0\" y1=\"0\" x2=\"200\" y2=\"100\" stroke=\"black\" stroke-width=\"0.4\"/></svg>";
        var interior = await Books.InteriorAsync("thin-lines", n => n == 4 ? Books.Page(n, svg) : Books.Page(n));

        var report = await RunAsync(interior);

        FailedRules(report).ShouldBe(["R17"]);
        report.Passed.ShouldBeTrue();
        report.Verdict.ShouldBe("PASS with warnings");
    }

    [Fact]
    public async Task Formatter_writes_table_and_camel_case_json()
    {
        var interior = await Books.InteriorAsync("format");
        var report = await RunAsync(interior);

        PreflightFormatter.ToText(report).ShouldContain("Rule");
        var json = PreflightFormatter.ToJson(report);
        json.ShouldContain("\"verdict\": \"PASS\"");
        json.ShouldContain("\"status\": \"Pass\"");
        json.ShouldContain("\"level\": \"Must\"");
        json.ShouldContain("\"ink\": \"PremiumColor\"");
    }

    [Fact]
    public async Task Missing_file_throws_a_clear_error()
    {
        await Should.ThrowAsync<FileNotFoundException>(() => RunAsync("/nonexistent/book.pdf"));
    }
}
