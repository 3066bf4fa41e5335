namespace Storyloom.Print.Kdp;

/// <summary>The numbers of kdp-print-spec.md, in one place. Inches unless the name says points.</summary>
public static class KdpRules
{
    public const double PointsPerInch = 72.0;

    /// <summary>Bleed on top, bottom and outside of interior pages, and on all four edges of the cover (§2).</summary>
    public const double BleedIn = 0.125;

    /// <summary>Outside/top/bottom minimum without bleed (§3).</summary>
    public const double OutsideMarginNoBleedIn = 0.25;

    /// <summary>Outside/top/bottom minimum with bleed, measured from the trim (the conservative reading, §3).</summary>
    public const double OutsideMarginBleedIn = 0.375;

    /// <summary>Cover text must be this far inside the trim and away from each spine fold (R27 MUST).</summary>
    public const double CoverSafeIn = 0.125;

    /// <summary>House rule: the SHOULD of R27, used when we place cover text.</summary>
    public const double CoverHouseSafeIn = 0.25;

    /// <summary>Spine text keeps this far from each fold (R29).</summary>
    public const double SpineFoldClearIn = 0.0625;

    /// <summary>Spine text only from this page count (R28: the reading that satisfies every source).</summary>
    public const int SpineTextMinPages = 80;

    public const double BarcodeWidthIn = 2.0;
    public const double BarcodeHeightIn = 1.2;
    public const double BarcodeInsetIn = 0.25;

    public const double MinTextPt = 7.0;
    public const double MinStrokePt = 0.75;
    public const double MinColoringStrokePt = 1.0;
    public const int MinImagePpi = 300;
    public const long MaxFileBytes = 650L * 1024 * 1024;
    public const long RecommendedCoverBytes = 40L * 1024 * 1024;
    public const int MinPages = 24;
    public const int MaxPages = 828;

    /// <summary>Spine factor in inches per page (R23); no constant is added for paperbacks.</summary>
    public static double SpineFactor(Ink ink, Paper paper) => (ink, paper) switch
    {
        (Ink.Bw, Paper.Cream) => 0.0025,
        (Ink.PremiumColor, _) => 0.002347,
        _ => 0.002252,
    };

    public static double SpineWidthIn(int pages, Ink ink, Paper paper) => pages * SpineFactor(ink, paper);

    public static bool SpineTextAllowed(int pages) => pages >= SpineTextMinPages;

    /// <summary>Minimum inside (gutter) margin by total page count (R9).</summary>
    public static double GutterIn(int pages) => pages switch
    {
        <= 150 => 0.375,
        <= 300 => 0.5,
        <= 500 => 0.625,
        <= 700 => 0.75,
        _ => 0.875,
    };

    public static double OutsideMarginIn(bool bleed) => bleed ? OutsideMarginBleedIn : OutsideMarginNoBleedIn;

    /// <summary>Allowed page range for a trim, ink and paper (§1.2). (0, 0) when the combination is not offered.</summary>
    public static (int Min, int Max) PageRange(Trim trim, Ink ink, Paper paper)
    {
        if (paper == Paper.Cream && ink != Ink.Bw)
        {
            return (0, 0);
        }
        if (ink == Ink.StandardColor)
        {
            return trim.Group == TrimGroup.A4 ? (0, 0) : (72, 600);
        }
        var cream = paper == Paper.Cream;
        return trim.Group switch
        {
            TrimGroup.Standard => (24, cream ? 776 : 828),
            TrimGroup.Wide825 => (24, cream ? 750 : 800),
            TrimGroup.Wide85 => (24, cream ? 550 : 590),
            TrimGroup.A4 => ink == Ink.PremiumColor ? (24, 590) : (24, cream ? 730 : 780),
            _ => (0, 0),
        };
    }
}
