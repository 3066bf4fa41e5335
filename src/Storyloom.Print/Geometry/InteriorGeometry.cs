using Storyloom.Print.Kdp;

namespace Storyloom.Print.Geometry;

/// <summary>Where everything sits on one interior page (kdp-print-spec.md §2, §3, R6–R11).</summary>
/// <remarks>Page numbers are 1-based; page 1 is a right-hand (recto) page, so odd pages bind on the left
/// and carry their bleed strip on the right.</remarks>
public sealed class InteriorGeometry
{
    public InteriorGeometry(PrintOptions options)
    {
        Options = options;
        var bleed = options.Bleed ? KdpRules.BleedIn : 0;
        PageWidthIn = (double)options.Trim.WidthIn + bleed;
        PageHeightIn = (double)options.Trim.HeightIn + 2 * bleed;
        GutterIn = KdpRules.GutterIn(options.Pages);
        OutsideIn = KdpRules.OutsideMarginIn(options.Bleed);
    }

    public PrintOptions Options { get; }
    public double PageWidthIn { get; }
    public double PageHeightIn { get; }
    public double GutterIn { get; }
    public double OutsideIn { get; }

    public double PageWidthPt => PageWidthIn * 72.0;
    public double PageHeightPt => PageHeightIn * 72.0;

    /// <summary>MediaBox of every page (R5–R7); the BleedBox equals it.</summary>
    public PdfRect MediaBox => new(0, 0, PageWidthPt, PageHeightPt);

    public static bool IsRecto(int pageNumber) => pageNumber % 2 == 1;

    /// <summary>TrimBox: odd pages have bleed on the right, even pages on the left (R11).</summary>
    public PdfRect TrimBox(int pageNumber)
    {
        var b = Options.Bleed ? KdpRules.BleedIn * 72.0 : 0;
        var x0 = IsRecto(pageNumber) ? 0 : b;
        return new PdfRect(x0, b, x0 + Options.Trim.WidthPt, b + Options.Trim.HeightPt);
    }

    /// <summary>The safe (live) area for text, folios and anything that must not be cut (R9, R10).</summary>
    public PdfRect LiveArea(int pageNumber)
    {
        var trim = TrimBox(pageNumber);
        var gutter = GutterIn * 72.0;
        var outside = OutsideIn * 72.0;
        return IsRecto(pageNumber)
            ? trim.Inset(gutter, outside, outside, outside)
            : trim.Inset(outside, outside, gutter, outside);
    }
}
