using Storyloom.Print.Preflight;
using Storyloom.Print.Tools;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>The content-stream interpreter on hand-written PDFs whose numbers can be worked out by hand.</summary>
public sealed class PdfInspectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 66 /Widths [500 600] /FontDescriptor 5 0 R >>";
    private const string Descriptor = "<< /Type /FontDescriptor /FontName /Helvetica /Ascent 800 /Descent -200 /Flags 32 >>";

    private static Task<string> PageAsync(string content, string extraResources = "", params string[] more) => TestPdfs.RawAsync("inspect",
        [$"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 600] /Resources << /Font << /F1 4 0 R >> {extraResources} >> /Contents 6 0 R >>",
         Font, Descriptor, TestPdfs.Stream(content), .. more]);

    [Fact]
    public async Task Text_size_and_box_follow_ctm_and_text_matrix()
    {
        var pdf = await PageAsync("q 2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 100 Tm (AB) Tj ET Q 5 w 0 0 m 100 100 l S");

        var facts = await PdfInspector.InspectAsync(pdf, Ct);

        var run = facts.Pages[0].Text.ShouldHaveSingleItem();
        run.Text.ShouldBe("AB");
        run.FontSizePt.ShouldBe(20, 1e-9);
        run.Box.X0.ShouldBe(100, 1e-9);
        run.Box.X1.ShouldBe(122, 1e-9);
        run.Box.Y0.ShouldBe(196, 1e-9);
        run.Box.Y1.ShouldBe(216, 1e-9);
        facts.Pages[0].Strokes.ShouldHaveSingleItem().WidthPt.ShouldBe(5, 1e-9);
        facts.Fonts.ShouldHaveSingleItem().Embedded.ShouldBeFalse();
    }

    [Fact]
    public async Task Form_xobjects_tj_adjustments_and_horizontal_scaling_are_applied()
    {
        var pdf = await PageAsync("q 0.5 0 0 0.5 0 0 cm /Fm1 Do Q", "/XObject << /Fm1 7 0 R >>",
            TestPdfs.Stream("BT /F1 12 Tf 50 Tz 10 20 Td [(A) -1000 (B)] TJ ET 0.5 w 0 0 m 10 10 l S",
                "/Type /XObject /Subtype /Form /BBox [0 0 600 600] /Matrix [1 0 0 1 100 0] /Resources << /Font << /F1 4 0 R >> >>"));

        var facts = await PdfInspector.InspectAsync(pdf, Ct);

        // "A" spans 55–56.5 pt, the TJ adjustment moves 3 pt, "B" spans 59.5–61.3 pt; both join into one line run.
        var run = facts.Pages[0].Text.ShouldHaveSingleItem();
        run.FontSizePt.ShouldBe(6, 1e-9);
        run.Text.ShouldBe("A B");
        run.Box.X0.ShouldBe(55, 1e-9);
        run.Box.X1.ShouldBe(61.3, 1e-9);
        facts.Pages[0].Strokes.ShouldHaveSingleItem().WidthPt.ShouldBe(0.25, 1e-9);
    }

    [Fact]
    public async Task A_shift_in_the_first_content_stream_moves_the_text_of_the_next()
    {
        // What PdfBoxWriter writes: a stream of its own that moves the page's content down.
        var pdf = await TestPdfs.RawAsync("two-streams",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 600] /Resources << /Font << /F1 4 0 R >> >> /Contents [7 0 R 6 0 R] >>",
            Font, Descriptor, TestPdfs.Stream("BT /F1 10 Tf 50 100 Td (AB) Tj ET"), TestPdfs.Stream("1 0 0 1 0 -2.16 cm"));

        var facts = await PdfInspector.InspectAsync(pdf, Ct);

        var run = facts.Pages[0].Text.ShouldHaveSingleItem();
        run.Box.Y0.ShouldBe(100 - 2 - 2.16, 1e-9);
        run.Box.Y1.ShouldBe(100 + 8 - 2.16, 1e-9);
    }

    [Fact]
    public async Task Andika_text_box_is_the_house_font_line_box()
    {
        // Layout sizes bands with HouseFont; preflight measures what Chromium wrote into the PDF: they must be one number.
        var pdf = await TestPdfs.FromHtmlAsync("andika", 300, 300, "<div class=\"page\"><div class=\"abs\" style=\"left:50pt;top:50pt;font-size:20pt;font-family:Andika\">Spine</div></div>");

        var facts = await PdfInspector.InspectAsync(pdf, Ct);

        var run = facts.Pages[0].Text.ShouldHaveSingleItem();
        run.FontName.ShouldContain("Andika");
        run.Box.Height.ShouldBe(Storyloom.Print.Geometry.HouseFont.LineBoxEm * 20, 0.01);
        Storyloom.Print.Geometry.CoverGeometry.SpineLineBoxEm.ShouldBeGreaterThan(Storyloom.Print.Geometry.HouseFont.LineBoxEm + 0.1);
    }

    [Fact]
    public async Task Malformed_content_does_not_crash()
    {
        var pdf = await PageAsync("BT /F1 12 Tf 1 0 0 Tm ( unterminated \\ [ <zz >> ] Tj Q Q Q ET cm");

        var facts = await PdfInspector.InspectAsync(pdf, Ct);
        var report = await PreflightRunner.RunAsync(new PreflightRequest(pdf, null, Books.Options with { Pages = 1 }), Ct);

        facts.PageCount.ShouldBe(1);
        report.Checks.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Encrypted_pdf_fails_R12()
    {
        var pdf = await TestPdfs.EncryptAsync(await PageAsync("BT /F1 12 Tf 100 100 Td (AB) Tj ET"));

        var report = await PreflightRunner.RunAsync(new PreflightRequest(pdf, null, Books.Options with { Pages = 1 }), Ct);

        var r12 = report.Checks.Single(c => c.Rule == "R12");
        r12.Status.ShouldBe(CheckStatus.Fail);
        r12.Detail.ShouldContain("encrypted");
    }

    [Fact]
    public async Task Missing_tool_names_the_debian_package()
    {
        var e = await Should.ThrowAsync<ExternalToolMissingException>(() => ExternalTool.RunAsync("pdfinfo-not-installed", [], Ct));
        e.Message.ShouldContain("poppler-utils");
    }
}
