using Storyloom.Print.Kdp;

namespace Storyloom.Core.Ebook;

/// <summary>
/// The fixed-layout page of the eBook: the print trim's shape fitted into a 1.6:1 screen of 2560 px on its long side
/// (kdp-print-spec.md §7), held portrait, or landscape for a landscape trim (8.25 x 6: a wide page on a tall screen would fill a
/// third of it), and the smallest type that still gives capitals 4 mm high when that page fills a 7-inch screen.
/// </summary>
public sealed record EbookGeometry(int Width, int Height)
{
    /// <summary>The reference screen: 1600 × 2560 px, portrait, 1.6:1.</summary>
    public const int ScreenShort = 1600, ScreenLong = 2560;

    /// <summary>A 7-inch (diagonal) 1.6:1 screen: its short and long sides in mm.</summary>
    public static readonly double ScreenShortMm = 7 * 25.4 / Math.Sqrt(1 + 1.6 * 1.6), ScreenLongMm = ScreenShortMm * 1.6;

    /// <summary>Andika's capital height (OS/2 sCapHeight 1485 of 2048 units); the other embedded fonts' capitals are no smaller.</summary>
    public const double CapHeightEm = 1485.0 / 2048.0;

    public const double MinCapMm = 4.0;

    public static EbookGeometry For(Trim trim)
    {
        ArgumentNullException.ThrowIfNull(trim);
        var scale = trim.WidthPt > trim.HeightPt
            ? Math.Min(ScreenLong / trim.WidthPt, ScreenShort / trim.HeightPt)
            : Math.Min(ScreenShort / trim.WidthPt, ScreenLong / trim.HeightPt);
        return new((int)Math.Round(trim.WidthPt * scale), (int)Math.Round(trim.HeightPt * scale));
    }

    /// <summary>A page wider than tall: the eBook is read with the screen held landscape (its orientation and lock say so).</summary>
    public bool Landscape => Width > Height;

    /// <summary>Millimetres on the 7-inch screen per px of this page, the page shown whole and as large as the screen (held its way) allows.</summary>
    public double MmPerPx => Landscape ? Math.Min(ScreenLongMm / Width, ScreenShortMm / Height) : Math.Min(ScreenShortMm / Width, ScreenLongMm / Height);

    /// <summary>The smallest font size, in px of the page, whose capitals are <see cref="MinCapMm"/> high on the 7-inch screen.</summary>
    public double MinFontPx => Math.Ceiling(MinCapMm / MmPerPx / CapHeightEm);

    /// <summary>Height of a capital, in mm on the 7-inch screen, of text set at <paramref name="fontPx"/>.</summary>
    public double CapMm(double fontPx) => fontPx * CapHeightEm * MmPerPx;
}
