namespace Storyloom.Print.Geometry;

/// <summary>
/// The vertical metrics of the house font, Andika (hhea and OS/2 typo: ascent 2500, descent 800 of 2048 units). Chromium sizes a
/// line of <c>line-height: normal</c> with them and writes them as the PDF's FontDescriptor /Ascent and /Descent, which preflight
/// reads back as the height of a text box; layout that must fit a line into a band computes with the same numbers.
/// </summary>
public static class HouseFont
{
    public const string Family = "Andika";

    /// <summary>Ascent above the baseline, in em (1220.7 in a PDF FontDescriptor).</summary>
    public const double AscentEm = 2500.0 / 2048;

    /// <summary>Descent below the baseline, in em (−390.6 in a PDF FontDescriptor).</summary>
    public const double DescentEm = 800.0 / 2048;

    /// <summary>Height of a text box as preflight measures it, and of a <c>line-height: normal</c> line: 1.611 em.</summary>
    public const double LineBoxEm = AscentEm + DescentEm;

    /// <summary>How far the text box of a line set at <paramref name="lineHeightEm"/> reaches past its line box, above the first
    /// line and below the last (a tight line height lets the ascent and descent overhang); 0 when the line height is larger.</summary>
    public static double OverhangPt(double sizePt, double lineHeightEm) => Math.Max(0, (LineBoxEm - lineHeightEm) / 2 * sizePt);
}
