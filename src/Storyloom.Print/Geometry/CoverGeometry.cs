using Storyloom.Print.Kdp;

namespace Storyloom.Print.Geometry;

/// <summary>The paperback wrap cover: bleed | back | spine | front | bleed (kdp-print-spec.md §4, R22–R30).</summary>
public sealed class CoverGeometry
{
    public CoverGeometry(PrintOptions options)
    {
        Options = options;
        SpineWidthIn = options.SpineWidthIn;
        WidthIn = 2 * KdpRules.BleedIn + 2 * (double)options.Trim.WidthIn + SpineWidthIn;
        HeightIn = 2 * KdpRules.BleedIn + (double)options.Trim.HeightIn;
    }

    public PrintOptions Options { get; }
    public double SpineWidthIn { get; }
    public double WidthIn { get; }
    public double HeightIn { get; }

    public double WidthPt => WidthIn * 72.0;
    public double HeightPt => HeightIn * 72.0;
    public double SpineWidthPt => SpineWidthIn * 72.0;

    public PdfRect MediaBox => new(0, 0, WidthPt, HeightPt);

    /// <summary>The trimmed wrap: the MediaBox less 0.125 in on every side.</summary>
    public PdfRect TrimBox => MediaBox.Inset(Bleed, Bleed, Bleed, Bleed);

    /// <summary>x of the fold between back cover and spine (R25).</summary>
    public double SpineLeftPt => Bleed + Options.Trim.WidthPt;

    /// <summary>x of the fold between spine and front cover (R25).</summary>
    public double SpineRightPt => SpineLeftPt + SpineWidthPt;

    public PdfRect BackPanel => new(Bleed, Bleed, SpineLeftPt, HeightPt - Bleed);
    public PdfRect FrontPanel => new(SpineRightPt, Bleed, WidthPt - Bleed, HeightPt - Bleed);
    public PdfRect Spine => new(SpineLeftPt, 0, SpineRightPt, HeightPt);

    /// <summary>R27 MUST: 0.125 in inside the trim and 0.125 in clear of the spine fold.</summary>
    public PdfRect BackLive => Inset(BackPanel, KdpRules.CoverSafeIn);

    public PdfRect FrontLive => Inset(FrontPanel, KdpRules.CoverSafeIn);

    /// <summary>House rule (R27 SHOULD): where we put our own cover text, 0.25 in inside the trim and away from the fold.</summary>
    public PdfRect BackSafe => Inset(BackPanel, KdpRules.CoverHouseSafeIn);

    public PdfRect FrontSafe => Inset(FrontPanel, KdpRules.CoverHouseSafeIn);

    /// <summary>R29: spine text 0.0625 in from each fold, 0.125 in from top and bottom trim. Empty when the spine is too thin.</summary>
    public PdfRect SpineLive => new(
        SpineLeftPt + KdpRules.SpineFoldClearIn * 72,
        Bleed + KdpRules.CoverSafeIn * 72,
        SpineRightPt - KdpRules.SpineFoldClearIn * 72,
        HeightPt - Bleed - KdpRules.CoverSafeIn * 72);

    /// <summary>Width across the spine that text may use (spine − 0.125 in); negative on thin books.</summary>
    public double SpineTextBandPt => SpineLive.Width;

    /// <summary>Width a line of spine text takes across the spine, in em: the house font's text box (<see cref="HouseFont.LineBoxEm"/>,
    /// 1.61 em, as preflight measures it) plus 0.19 em, which Chromium's snapping of the baseline to its pixel grid may use.</summary>
    public const double SpineLineBoxEm = 1.8;

    /// <summary>House rule: spine text is placed when KDP allows it (R28) and a line of at least 7 pt, with its full line box, fits the band.</summary>
    public bool SpineTextFits => Options.SpineTextAllowed && SpineFontSizePt >= KdpRules.MinTextPt;

    /// <summary>Type size for spine text: as large as the band allows, at most 14 pt.</summary>
    public double SpineFontSizePt => Math.Min(14, Math.Floor(SpineTextBandPt / SpineLineBoxEm * 10) / 10);

    /// <summary>R30: KDP's barcode box, 2 x 1.2 in, 0.25 in left of the spine fold and 0.25 in above the bottom trim.</summary>
    public PdfRect BarcodeBox
    {
        get
        {
            var x1 = SpineLeftPt - KdpRules.BarcodeInsetIn * 72;
            var y0 = Bleed + KdpRules.BarcodeInsetIn * 72;
            return new PdfRect(x1 - KdpRules.BarcodeWidthIn * 72, y0, x1, y0 + KdpRules.BarcodeHeightIn * 72);
        }
    }

    private static double Bleed => KdpRules.BleedIn * 72.0;

    private static PdfRect Inset(PdfRect panel, double inches)
    {
        var d = inches * 72.0;
        return panel.Inset(d, d, d, d);
    }
}
