using System.Globalization;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>Faults a glance at the page does not show — transparency, layers, marks in the bleed, a turned or scaled page, a tiny
/// Type 3 matrix, colour in a black-ink book, a password, ink in the margins of a book without bleed — each on its rule.</summary>
public sealed class HiddenFaultsPreflightTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PrintOptions OnePage = Books.Options with { Pages = 1 };

    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 66 /Widths [500 600] /FontDescriptor 5 0 R >>";
    private const string Descriptor = "<< /Type /FontDescriptor /FontName /Helvetica /Ascent 800 /Descent -200 /Flags 32 >>";

    /// <summary>One 621 x 630 pt page (8.5 x 8.5 in with bleed, trim of an odd page) with the given content and resources.</summary>
    private static Task<string> PageAsync(string content, string resources = "", string page = "", string fonts = "", params string[] more) => TestPdfs.RawAsync("fault",
        [$"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 621 630] /TrimBox [0 9 612 621] {page} /Resources << /Font << /F1 4 0 R {fonts} >> {resources} >> /Contents 6 0 R >>",
         Font, Descriptor, TestPdfs.Stream(content), .. more]);

    private static async Task<PreflightReport> RunAsync(string interior, PrintOptions? options = null)
    {
        var report = await PreflightRunner.RunAsync(new PreflightRequest(interior, null, options ?? OnePage), Ct);
        TestContext.Current.SendDiagnosticMessage(PreflightFormatter.ToText(report));
        return report;
    }

    private static PreflightCheck Single(PreflightReport report, string rule, string titleWord) =>
        report.Checks.Single(c => c.Rule == rule && c.Title.Contains(titleWord, StringComparison.Ordinal));

    private const string Text = "BT /F1 14 Tf 72 300 Td (AB) Tj ET";

    [Fact]
    public async Task Text_shown_as_the_notdef_glyph_fails_GLYPH_naming_the_page_and_font()
    {
        // A Type0 font with Identity-H: code <0000> is CID 0, the .notdef box a renderer draws for a character its fonts lack.
        var pdf = await PageAsync("BT /F1 14 Tf 72 300 Td (AB) Tj ET BT /F2 14 Tf 72 200 Td <002400000025> Tj ET", fonts: "/F2 7 0 R",
            more: ["<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSans-Regular /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
                   "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSans-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity >>"]);

        var report = await RunAsync(pdf);

        var glyph = report.Checks.Single(c => c.Rule == "GLYPH");
        glyph.Status.ShouldBe(CheckStatus.Fail);
        glyph.Detail.ShouldContain("1 character(s) on page(s) 1 print as an empty box (.notdef): NotoSans-Regular");
    }

    [Fact]
    public async Task A_simple_font_and_a_type0_font_without_code_zero_pass_GLYPH()
    {
        var pdf = await PageAsync("BT /F1 14 Tf 72 300 Td (AB) Tj ET BT /F2 14 Tf 72 200 Td <00240025> Tj ET", fonts: "/F2 7 0 R",
            more: ["<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans-Regular /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
                   "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity >>"]);

        (await RunAsync(pdf)).Checks.Single(c => c.Rule == "GLYPH").Status.ShouldBe(CheckStatus.Pass);
    }

    [Theory]
    [InlineData("/GS1 << /ca 0.5 >>", "constant alpha 0.5")]
    [InlineData("/GS1 << /CA 0.4 >>", "constant alpha 0.4")]
    [InlineData("/GS1 << /BM /Multiply >>", "blend mode Multiply")]
    [InlineData("/GS1 << /SMask << /Type /Mask /S /Luminosity /G 7 0 R >> >>", "a soft mask")]
    public async Task Live_transparency_fails_R14(string extGState, string expected)
    {
        var pdf = await PageAsync($"/GS1 gs 0 0 1 rg 100 100 200 200 re f {Text}", $"/ExtGState << {extGState} >>", "", "",
            TestPdfs.Stream("0 0 10 10 re f", "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Group << /S /Transparency >>"));

        var report = await RunAsync(pdf);

        var r14 = report.Checks.Single(c => c.Rule == "R14");
        r14.Status.ShouldBe(CheckStatus.Fail);
        r14.Detail.ShouldContain(expected);
        r14.Detail.ShouldContain("page(s) 1");
        report.Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Opaque_graphics_state_passes_R14()
    {
        var pdf = await PageAsync($"/GS1 gs 100 100 200 200 re f {Text}", "/ExtGState << /GS1 << /ca 1 /CA 1 /BM /Normal /SMask /None >> >>");

        var report = await RunAsync(pdf);

        report.Checks.Single(c => c.Rule == "R14").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task Transparency_group_and_layers_fail_R14()
    {
        var form = TestPdfs.Stream("0 0 50 50 re f", "/Type /XObject /Subtype /Form /BBox [0 0 50 50] /Group << /S /Transparency >> /OC 8 0 R");
        var pdf = await TestPdfs.RawWithCatalogAsync("layers", "/OCProperties << /OCGs [8 0 R] /D << /Order [8 0 R] >> >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 621 630] /TrimBox [0 9 612 621] /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 7 0 R >> >> /Contents 6 0 R >>",
            Font, Descriptor, TestPdfs.Stream($"q 1 0 0 1 100 100 cm /Fm1 Do Q {Text}"), form, "<< /Type /OCG /Name (Guides) >>");

        var report = await RunAsync(pdf);

        var r14 = report.Checks.Single(c => c.Rule == "R14");
        r14.Status.ShouldBe(CheckStatus.Fail);
        r14.Detail.ShouldContain("optional content (layers)");
        r14.Detail.ShouldContain("a transparency group");
    }

    [Fact]
    public async Task Crop_marks_in_the_bleed_fail_R13()
    {
        // Odd page: trim x 0–612, y 9–621; marks run from the trim corners out into the bleed.
        var pdf = await PageAsync($"0.25 w 0 G 612 621 m 612 630 l S 612 621 m 621 621 l S 612 9 m 612 0 l S {Text}");

        var report = await RunAsync(pdf);

        var r13 = report.Checks.Single(c => c.Rule == "R13");
        r13.Status.ShouldBe(CheckStatus.Fail);
        r13.Detail.ShouldContain("crop or printer marks");
    }

    [Fact]
    public async Task Art_strokes_crossing_the_trim_are_not_marks()
    {
        var pdf = await PageAsync($"1 w 0 0 1 RG 300 0 m 300 630 l S 0 300 m 621 300 l S 400 400 m 500 630 l S {Text}");

        var report = await RunAsync(pdf);

        report.Checks.Single(c => c.Rule == "R13").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task Invisible_text_fails_R13()
    {
        var pdf = await PageAsync($"{Text} BT 3 Tr /F1 14 Tf 72 200 Td (AB) Tj ET");

        var report = await RunAsync(pdf);

        var r13 = report.Checks.Single(c => c.Rule == "R13");
        r13.Status.ShouldBe(CheckStatus.Fail);
        r13.Detail.ShouldContain("invisible text");
    }

    [Fact]
    public async Task A_page_turned_by_rotate_is_measured_as_printed()
    {
        // The MediaBox is the right size, but /Rotate 90 prints it 630 wide and 621 high.
        var pdf = await PageAsync(Text, page: "/Rotate 90");

        var report = await RunAsync(pdf);

        var r7 = report.Checks.Single(c => c.Rule == "R7");
        r7.Status.ShouldBe(CheckStatus.Fail);
        r7.Detail.ShouldContain("630 x 621 pt");
        r7.Detail.ShouldContain("/Rotate 90");
    }

    [Fact]
    public async Task A_turned_page_that_prints_at_the_right_size_passes_R7()
    {
        var pdf = await TestPdfs.RawAsync("turned",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 630 621] /Rotate 270 /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
            Font, Descriptor, TestPdfs.Stream("BT /F1 14 Tf 300 300 Td (AB) Tj ET"));

        var report = await RunAsync(pdf);

        report.Checks.Single(c => c.Rule == "R7").Status.ShouldBe(CheckStatus.Pass);
        report.Checks.Single(c => c.Rule == "R7").Detail.ShouldContain("/Rotate 270");
    }

    [Fact]
    public async Task User_unit_scales_the_page_size()
    {
        var half = await TestPdfs.RawAsync("user-unit",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 310.5 315] /UserUnit 2 /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
            Font, Descriptor, TestPdfs.Stream("BT /F1 7 Tf 100 150 Td (AB) Tj ET"));
        var doubled = await TestPdfs.RawAsync("user-unit-big",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 621 630] /UserUnit 2 /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
            Font, Descriptor, TestPdfs.Stream(Text));

        var good = await RunAsync(half);
        var bad = await RunAsync(doubled);

        good.Checks.Single(c => c.Rule == "R7").Status.ShouldBe(CheckStatus.Pass);
        good.Checks.Single(c => c.Rule == "R16").Detail.ShouldContain("14 pt");
        var r7 = bad.Checks.Single(c => c.Rule == "R7");
        r7.Status.ShouldBe(CheckStatus.Fail);
        r7.Detail.ShouldContain("1242 x 1260 pt");
        r7.Detail.ShouldContain("/UserUnit 2");
    }

    /// <summary>A Type 3 font of one glyph "A" (code 65), 800 glyph units wide, FontBBox 0 −200 … 800 1000, with the given FontMatrix scale.</summary>
    private static string Type3(double scale) => string.Create(CultureInfo.InvariantCulture,
        $"<< /Type /Font /Subtype /Type3 /FontMatrix [{scale} 0 0 {scale} 0 0] /FontBBox [0 -200 800 1000] /FirstChar 65 /LastChar 65 /Widths [800] /Encoding << /Type /Encoding /Differences [65 /A] >> /CharProcs << /A 8 0 R >> /Resources << >> >>");

    [Fact]
    public async Task Type3_font_matrix_sets_the_text_size()
    {
        // 2.88 in Tf with a 0.01 matrix draws glyphs ten times larger than a 1/1000 matrix would: 28.8 pt text.
        var big = await PageAsync("BT /T3 2.88 Tf 100 300 Td (AAA) Tj ET", "", "", "/T3 7 0 R", Type3(0.01), TestPdfs.Stream("800 0 0 -200 800 1000 d1 0 0 800 1000 re f"));
        // 28.8 in Tf with a 0.0001 matrix draws 2.88 pt text.
        var tiny = await PageAsync("BT /T3 28.8 Tf 100 300 Td (AAA) Tj ET", "", "", "/T3 7 0 R", Type3(0.0001), TestPdfs.Stream("800 0 0 -200 800 1000 d1 0 0 800 1000 re f"));

        var bigFacts = await PdfInspector.InspectAsync(big, Ct);
        var tinyReport = await RunAsync(tiny);

        var run = bigFacts.Pages[0].Text.ShouldHaveSingleItem();
        run.FontSizePt.ShouldBe(28.8, 1e-6);
        run.Box.X1.ShouldBe(100 + 3 * 800 * 0.01 * 2.88, 1e-6);
        run.Box.Y1.ShouldBe(300 + 1000 * 0.01 * 2.88, 1e-6);
        var r16 = tinyReport.Checks.Single(c => c.Rule == "R16");
        r16.Status.ShouldBe(CheckStatus.Fail);
        r16.Detail.ShouldContain("2.88 pt");
    }

    [Fact]
    public async Task Type3_text_in_the_margin_fails_R10()
    {
        // Drawn at y 600 with glyphs 28.8 pt tall: its top is at 628.8 pt, past the 594 pt top of the live area.
        var pdf = await PageAsync($"{Text} BT /T3 2.88 Tf 100 600 Td (A) Tj ET", "", "", "/T3 7 0 R", Type3(0.01), TestPdfs.Stream("800 0 0 -200 800 1000 d1 0 0 800 1000 re f"));

        var report = await RunAsync(pdf);

        Single(report, "R10", "Text").Status.ShouldBe(CheckStatus.Fail);
    }

    [Theory]
    [InlineData("1 0 0 rg", "RGB 1 0 0")]
    [InlineData("0.2 0 0 0 k", "CMYK 0.2 0 0 0")]
    [InlineData("/Sh1 sh", "RGB 1 0.8 0")]
    public async Task Colour_in_a_black_ink_book_warns_on_R21_with_its_pages(string paint, string expected)
    {
        var shading = "/Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0.8 0] /C1 [0.5 0.5 0.5] /N 1 >> >> >>";
        var bw = OnePage with { Ink = Ink.Bw };
        var pdf = await PageAsync($"{paint} 100 100 50 50 re f {Text}", shading);

        var report = await RunAsync(pdf, bw);

        var r21 = report.Checks.Single(c => c.Rule == "R21");
        r21.Level.ShouldBe(RuleLevel.Should);
        r21.Status.ShouldBe(CheckStatus.Fail);
        r21.Detail.ShouldContain(expected);
        r21.Detail.ShouldContain("page(s) 1");
    }

    [Fact]
    public async Task Gray_in_every_colour_space_passes_R21()
    {
        var pdf = await PageAsync($"0.4 0.4 0.4 rg 100 100 50 50 re f 0 0 0 0.7 k 200 100 50 50 re f 0.5 g 300 100 50 50 re f {Text}");

        var report = await RunAsync(pdf, OnePage with { Ink = Ink.Bw });

        report.Checks.Single(c => c.Rule == "R21").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task Colour_books_are_not_asked_for_gray()
    {
        var pdf = await PageAsync($"1 0 0 rg 100 100 50 50 re f {Text}");

        var report = await RunAsync(pdf);

        report.Checks.ShouldNotContain(c => c.Rule == "R21");
    }

    [Fact]
    public async Task Password_locked_pdf_is_an_R12_finding_with_its_reason()
    {
        var pdf = await TestPdfs.EncryptAsync(await PageAsync(Text), userPassword: "secret");

        var pages = await PdfInspector.ReadPageCountAsync(pdf, Ct);
        var report = await RunAsync(pdf);

        pages.ShouldBe(0);
        var r12 = report.Checks.Single(c => c.Rule == "R12");
        r12.Status.ShouldBe(CheckStatus.Fail);
        r12.Detail.ShouldContain("password-protected");
        r12.Detail.ShouldContain("without a password");
        report.Checks.ShouldNotContain(c => c.Rule == "PDF");
        report.Passed.ShouldBeFalse();
    }

    private static string PlainPage(int n, string style = "") =>
        $"<div class=\"page\" style=\"{style}\"><div class=\"abs\" style=\"left:72pt;top:72pt;font-size:14pt\">Page {n} of the story</div></div>";

    [Fact]
    public async Task Ink_at_the_edge_without_bleed_fails_R10()
    {
        var noBleed = Books.Options with { Bleed = false, Pages = 24 };
        var interior = await Books.InteriorAsync("edge-ink", n => n is 5 or 6 ? PlainPage(n, "background:#dde8ff") : PlainPage(n), noBleed);

        var report = await RunAsync(interior, noBleed);

        var ink = Single(report, "R10", "ink");
        ink.Status.ShouldBe(CheckStatus.Fail);
        ink.Detail.ShouldContain("page(s) 5–6");
        ink.Detail.ShouldContain("0 pt from the page edge");
        Single(report, "R10", "Text").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task Art_inside_the_live_area_without_bleed_passes_R10()
    {
        var noBleed = Books.Options with { Bleed = false, Pages = 24 };
        // Page 3 (odd, gutter on the left): a frame from 27 pt (gutter) and 18 pt (outside, top, bottom) inward.
        var frame = "<div class=\"abs\" style=\"left:27pt;top:18pt;width:567pt;height:576pt;box-sizing:border-box;border:2pt solid #333;background:#dde8ff\"></div>";
        var interior = await Books.InteriorAsync("framed", n => n == 3 ? $"<div class=\"page\">{frame}</div>" : PlainPage(n), noBleed);

        var report = await RunAsync(interior, noBleed);

        Single(report, "R10", "ink").Status.ShouldBe(CheckStatus.Pass);
    }

    [Fact]
    public async Task A_gradient_painted_over_the_whole_page_without_bleed_fails_R10_and_white_does_not()
    {
        var noBleed = OnePage with { Bleed = false };
        var shading = "/Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 612 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [0.9] /C1 [0.5] /N 1 >> >> >>";
        Task<string> PageAsync(string content) => TestPdfs.RawAsync("gradient",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 612] /Resources << /Font << /F1 4 0 R >> {shading} >> /Contents 6 0 R >>",
            Font, Descriptor, TestPdfs.Stream(content));
        // A shading fills its clip, which preflight does not track: the page is rendered and the ink found.
        var gradient = await PageAsync($"q /Sh1 sh Q {Text}");
        var white = await PageAsync($"1 g 0 0 612 612 re f 0 g {Text}");

        var bad = await RunAsync(gradient, noBleed);
        var good = await RunAsync(white, noBleed);

        Single(bad, "R10", "ink").Status.ShouldBe(CheckStatus.Fail);
        Single(good, "R10", "ink").Status.ShouldBe(CheckStatus.Pass);
        Single(good, "R10", "ink").Detail.ShouldContain("0 page(s) painted past it");
    }

    [Fact]
    public async Task Bleed_books_are_not_checked_for_edge_ink()
    {
        var interior = await Books.InteriorAsync("bleed-edge");

        var report = await RunAsync(interior, Books.Options);

        report.Checks.ShouldNotContain(c => c.Title.Contains("ink", StringComparison.Ordinal));
    }
}
