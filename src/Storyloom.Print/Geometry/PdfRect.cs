using System.Globalization;

namespace Storyloom.Print.Geometry;

/// <summary>A rectangle in PDF points, origin at the bottom-left of the page (as in MediaBox).</summary>
public readonly record struct PdfRect(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;

    public static PdfRect FromInches(double x0, double y0, double x1, double y1) =>
        new(x0 * 72.0, y0 * 72.0, x1 * 72.0, y1 * 72.0);

    public PdfRect Inset(double left, double bottom, double right, double top) =>
        new(X0 + left, Y0 + bottom, X1 - right, Y1 - top);

    public bool Contains(PdfRect other, double tolerance = 0.01) =>
        other.X0 >= X0 - tolerance && other.Y0 >= Y0 - tolerance
        && other.X1 <= X1 + tolerance && other.Y1 <= Y1 + tolerance;

    public bool Intersects(PdfRect other) =>
        other.X0 < X1 && other.X1 > X0 && other.Y0 < Y1 && other.Y1 > Y0;

    public bool NearlyEquals(PdfRect other, double tolerance = 0.01) =>
        Math.Abs(X0 - other.X0) <= tolerance && Math.Abs(Y0 - other.Y0) <= tolerance
        && Math.Abs(X1 - other.X1) <= tolerance && Math.Abs(Y1 - other.Y1) <= tolerance;

    /// <summary>Distance from the top edge of <paramref name="page"/> to this rectangle's top (for HTML, which measures from the top).</summary>
    public double TopFrom(PdfRect page) => page.Y1 - Y1;

    /// <summary>"[x0 y0 x1 y1]" with up to four decimals, as written into a PDF.</summary>
    public string ToPdfArray() => string.Create(CultureInfo.InvariantCulture, $"[{F(X0)} {F(Y0)} {F(X1)} {F(Y1)}]");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"x {F(X0)}–{F(X1)}, y {F(Y0)}–{F(Y1)} pt");

    private static string F(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
