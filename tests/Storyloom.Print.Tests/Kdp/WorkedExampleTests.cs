using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;

namespace Storyloom.Print.Tests.Kdp;

/// <summary>Every worked example of kdp-print-spec.md §11, number for number.</summary>
public sealed class WorkedExampleTests
{
    private const double Tol = 1e-6;

    private static void ShouldBeRect(PdfRect actual, double x0, double y0, double x1, double y1)
    {
        actual.X0.ShouldBe(x0, Tol);
        actual.Y0.ShouldBe(y0, Tol);
        actual.X1.ShouldBe(x1, Tol);
        actual.Y1.ShouldBe(y1, Tol);
    }

    private static readonly PrintOptions PictureBook = new(Trims.Square85, Ink.PremiumColor, Paper.White, 32, Bleed: true);

    [Fact]
    public void Picture_book_8_5_square_32_pages_is_allowed_in_premium_but_not_standard_colour()
    {
        PictureBook.Validate().ShouldBeEmpty();
        (PictureBook with { Ink = Ink.StandardColor }).Validate().ShouldHaveSingleItem().ShouldContain("at least 72 pages");
    }

    [Fact]
    public void Picture_book_interior_page_is_621_by_630_with_parity_trim_boxes()
    {
        var g = new InteriorGeometry(PictureBook);
        ShouldBeRect(g.MediaBox, 0, 0, 621, 630);
        ShouldBeRect(g.TrimBox(1), 0, 9, 612, 621);
        ShouldBeRect(g.TrimBox(2), 9, 9, 621, 621);
        g.GutterIn.ShouldBe(0.375);
        g.OutsideIn.ShouldBe(0.375);
    }

    [Fact]
    public void Picture_book_live_areas_use_the_conservative_reading()
    {
        var g = new InteriorGeometry(PictureBook);
        ShouldBeRect(g.LiveArea(1), 27, 36, 585, 594);
        ShouldBeRect(g.LiveArea(2), 36, 36, 594, 594);
        ShouldBeRect(g.LiveArea(31), 27, 36, 585, 594);
    }

    [Fact]
    public void Picture_book_spine_and_cover_follow_premium_colour_factor()
    {
        var c = new CoverGeometry(PictureBook);
        c.SpineWidthIn.ShouldBe(0.075104, Tol);
        c.SpineWidthPt.ShouldBe(5.407488, Tol);
        c.WidthIn.ShouldBe(17.325104, Tol);
        c.WidthPt.ShouldBe(1247.407488, Tol);
        c.HeightPt.ShouldBe(630, Tol);
        c.SpineLeftPt.ShouldBe(621, Tol);
        c.SpineRightPt.ShouldBe(626.407488, Tol);
        PictureBook.SpineTextAllowed.ShouldBeFalse();
        c.SpineTextBandPt.ShouldBeLessThan(0);
        c.SpineTextFits.ShouldBeFalse();
    }

    [Fact]
    public void Picture_book_cover_live_areas_and_barcode_box()
    {
        var c = new CoverGeometry(PictureBook);
        ShouldBeRect(c.BackLive, 18, 18, 612, 612);
        ShouldBeRect(c.FrontLive, 635.407488, 18, 1229.407488, 612);
        ShouldBeRect(c.BarcodeBox, 459, 27, 603, 113.4);
        ShouldBeRect(c.TrimBox, 9, 9, 1238.407488, 621);
    }

    [Fact]
    public void Picture_book_at_24_pages_has_a_thinner_spine()
    {
        var c = new CoverGeometry(PictureBook with { Pages = 24 });
        c.SpineWidthIn.ShouldBe(0.056328, Tol);
        c.SpineWidthPt.ShouldBe(4.055616, Tol);
        c.WidthIn.ShouldBe(17.306328, Tol);
        c.WidthPt.ShouldBe(1246.055616, Tol);
        c.HeightPt.ShouldBe(630, Tol);
    }

    private static readonly PrintOptions ColoringBook = new(Trims.Letter, Ink.Bw, Paper.White, 100, Bleed: false);

    [Fact]
    public void Coloring_book_8_5_by_11_interior_without_bleed()
    {
        ColoringBook.Validate().ShouldBeEmpty();
        var g = new InteriorGeometry(ColoringBook);
        ShouldBeRect(g.MediaBox, 0, 0, 612, 792);
        ShouldBeRect(g.TrimBox(1), 0, 0, 612, 792);
        ShouldBeRect(g.LiveArea(1), 27, 18, 594, 774);
        ShouldBeRect(g.LiveArea(2), 18, 18, 585, 774);
    }

    [Fact]
    public void Coloring_book_cover_allows_spine_text_in_a_narrow_band()
    {
        var c = new CoverGeometry(ColoringBook);
        c.SpineWidthIn.ShouldBe(0.2252, Tol);
        c.SpineWidthPt.ShouldBe(16.2144, Tol);
        ColoringBook.SpineTextAllowed.ShouldBeTrue();
        c.SpineTextBandPt.ShouldBe(7.2144, Tol);
        c.SpineTextFits.ShouldBeFalse();
        c.WidthIn.ShouldBe(17.4752, Tol);
        c.WidthPt.ShouldBe(1258.2144, Tol);
        c.HeightPt.ShouldBe(810, Tol);
        c.SpineLeftPt.ShouldBe(621, Tol);
        c.SpineRightPt.ShouldBe(637.2144, Tol);
        ShouldBeRect(c.BarcodeBox, 459, 27, 603, 113.4);
    }

    [Fact]
    public void Coloring_book_with_bleed_is_621_by_810_with_wider_margins()
    {
        var g = new InteriorGeometry(ColoringBook with { Bleed = true });
        ShouldBeRect(g.MediaBox, 0, 0, 621, 810);
        g.OutsideIn.ShouldBe(0.375);
    }

    private static readonly PrintOptions Calibration = new(Trims.Find(6m, 9m)!, Ink.StandardColor, Paper.White, 410, Bleed: false);

    [Fact]
    public void Calibration_against_kdp_template_6_by_9_410_pages_standard_colour()
    {
        Calibration.Validate().ShouldBeEmpty();
        var c = new CoverGeometry(Calibration);
        c.SpineWidthIn.ShouldBe(0.92332, Tol);
        c.SpineWidthPt.ShouldBe(66.47904, Tol);
        c.WidthIn.ShouldBe(13.17332, Tol);
        c.WidthPt.ShouldBe(948.47904, Tol);
        c.HeightPt.ShouldBe(666, Tol);
        c.SpineLeftPt.ShouldBe(441, Tol);
        c.SpineRightPt.ShouldBe(507.47904, Tol);
        ShouldBeRect(c.BarcodeBox, 279, 27, 423, 113.4);
    }

    [Fact]
    public void Calibration_live_areas_match_the_template()
    {
        var c = new CoverGeometry(Calibration);
        ShouldBeRect(c.SpineLive, 445.5, 18, 502.97904, 648);
        c.BackLive.X1.ShouldBe(432, Tol);
        c.FrontLive.X0.ShouldBe(516.47904, Tol);
        c.BackLive.X0.ShouldBe(18, Tol);
        c.SpineTextFits.ShouldBeTrue();
        new InteriorGeometry(Calibration).GutterIn.ShouldBe(0.625);
    }

    [Fact]
    public void Picture_book_8_by_10_40_pages()
    {
        var options = new PrintOptions(Trims.Find(8m, 10m)!, Ink.PremiumColor, Paper.White, 40, Bleed: true);
        options.Validate().ShouldBeEmpty();
        ShouldBeRect(new InteriorGeometry(options).MediaBox, 0, 0, 585, 738);
        var c = new CoverGeometry(options);
        c.SpineWidthIn.ShouldBe(0.09388, Tol);
        c.SpineWidthPt.ShouldBe(6.75936, Tol);
        c.WidthIn.ShouldBe(16.34388, Tol);
        c.WidthPt.ShouldBe(1176.75936, Tol);
        c.HeightPt.ShouldBe(738, Tol);
        options.SpineTextAllowed.ShouldBeFalse();
        ShouldBeRect(c.BarcodeBox, 423, 27, 567, 113.4);
    }
}
