using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Line widths and the smallest region a child of that level can color, in points at print size.</summary>
internal sealed record ColoringStyle(ColoringLevel Level, double Contour, double Detail, double MinRegion)
{
    public static ColoringStyle For(ColoringLevel level) => level switch
    {
        ColoringLevel.Simple => new(level, 3.5, 2.5, 36),
        ColoringLevel.Medium => new(level, 2.25, 1.6, 18),
        _ => new(level, 1.5, 1.0, 7.2),
    };
}

/// <summary>
/// The last pass over a coloring design: a white shape too small to color at the book's level is dropped (an inner
/// detail merges into the shape around it; below the detailed level any small part goes) or, for the detailed level only,
/// inked solid black (a small part such as a leg or a nose);
/// an open decorative line (a whisker) is cut back to the shape it starts in, or dropped if it starts in none.
/// </summary>
internal static partial class ColoringInk
{
    private const string Deco = "class=\"deco\"";

    public static string Apply(string svg, ColoringStyle style)
    {
        var inked = Shape().Replace(svg, m => Ink(m.Value, style));
        // The page frame is the first white shape; a line inside nothing but the frame is loose.
        var holders = Shape().Matches(inked).Select(m => m.Value)
            .Where(e => !e.Contains(Deco, StringComparison.Ordinal) && e.Contains("fill=\"white\"", StringComparison.Ordinal)).Skip(1).Select(Bounds).ToList();
        return Shape().Replace(inked, m => m.Value.Contains(Deco, StringComparison.Ordinal) ? Tidy(m.Value, holders) : m.Value);
    }

    private static string Tidy(string line, List<(double X0, double Y0, double X1, double Y1)> holders)
    {
        var box = Bounds(line);
        if (holders.Any(h => Inside(box, h))) return line;
        var seg = Segment().Match(Attr(line, "d"));
        if (!seg.Success) return "";
        double G(int i) => double.Parse(seg.Groups[i].Value, CultureInfo.InvariantCulture);
        var (ax, ay, bx, by) = (G(1), G(2), G(3), G(4));
        var home = holders.Where(h => Inside((ax, ay, ax, ay), h)).OrderBy(h => (h.X1 - h.X0) * (h.Y1 - h.Y0)).FirstOrDefault();
        if (home == default) return "";
        // Walk from the start toward the end only as far as the holder's box reaches.
        var t = 1.0;
        if (bx > home.X1) t = Math.Min(t, (home.X1 - ax) / (bx - ax));
        if (bx < home.X0) t = Math.Min(t, (home.X0 - ax) / (bx - ax));
        if (by > home.Y1) t = Math.Min(t, (home.Y1 - ay) / (by - ay));
        if (by < home.Y0) t = Math.Min(t, (home.Y0 - ay) / (by - ay));
        t = Math.Max(0, t - 0.02);
        var d = $"M {SvgCanvas.N(ax)} {SvgCanvas.N(ay)} L {SvgCanvas.N(ax + (bx - ax) * t)} {SvgCanvas.N(ay + (by - ay) * t)}";
        return t < 0.2 ? "" : line.Replace(seg.Value, d, StringComparison.Ordinal);
    }

    private static bool Inside((double X0, double Y0, double X1, double Y1) inner, (double X0, double Y0, double X1, double Y1) outer) =>
        inner.X0 >= outer.X0 && inner.Y0 >= outer.Y0 && inner.X1 <= outer.X1 && inner.Y1 <= outer.Y1;

    private static string Ink(string el, ColoringStyle style)
    {
        if (!el.Contains("fill=\"white\"", StringComparison.Ordinal)) return el;
        var (x0, y0, x1, y1) = Bounds(el);
        var across = Math.Min(x1 - x0, y1 - y0);
        if (across >= style.MinRegion) return el;
        var inner = el.Contains($"stroke-width=\"{SvgCanvas.N(style.Detail)}\"", StringComparison.Ordinal);
        // A tiny inner detail is better gone; a tiny outer part would leave a hole in the outline, so it turns black.
        if (inner && across < style.MinRegion * 0.6) return "";
        // Young hands get no solid-black areas: below the detailed level a part too small to color is left out instead.
        if (style.Level != ColoringLevel.Detailed) return "";
        return el.Replace("fill=\"white\"", "fill=\"#000\"", StringComparison.Ordinal);
    }

    /// <summary>The box a shape's coordinates reach (control points included, so a curve's box is a little generous).</summary>
    public static (double X0, double Y0, double X1, double Y1) Bounds(string element)
    {
        double A(string name) => double.Parse(Attr(element, name), CultureInfo.InvariantCulture);
        var tag = element[1..element.IndexOf(' ', StringComparison.Ordinal)];
        switch (tag)
        {
            case "circle": return (A("cx") - A("r"), A("cy") - A("r"), A("cx") + A("r"), A("cy") + A("r"));
            case "ellipse": return (A("cx") - A("rx"), A("cy") - A("ry"), A("cx") + A("rx"), A("cy") + A("ry"));
            case "rect": return (A("x"), A("y"), A("x") + A("width"), A("y") + A("height"));
        }
        var nums = Number().Matches(tag == "path" ? Attr(element, "d") : Attr(element, "points"))
            .Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture)).ToList();
        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        for (var i = 0; i + 1 < nums.Count; i += 2)
        {
            (minX, maxX) = (Math.Min(minX, nums[i]), Math.Max(maxX, nums[i]));
            (minY, maxY) = (Math.Min(minY, nums[i + 1]), Math.Max(maxY, nums[i + 1]));
        }
        return (minX, minY, maxX, maxY);
    }

    /// <summary>The box of everything drawn on a canvas, for fitting a subject drawn in its own units.</summary>
    public static (double X0, double Y0, double X1, double Y1) Bounds(SvgCanvas c)
    {
        var boxes = Shape().Matches(c.ToString()).Select(m => Bounds(m.Value)).ToList();
        return (boxes.Min(b => b.X0), boxes.Min(b => b.Y0), boxes.Max(b => b.X1), boxes.Max(b => b.Y1));
    }

    private static string Attr(string element, string name)
    {
        var at = element.IndexOf($" {name}=\"", StringComparison.Ordinal) + name.Length + 3;
        return element[at..element.IndexOf('"', at)];
    }

    [GeneratedRegex("<(path|circle|ellipse|rect|polygon) [^>]*/>")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^M (-?[\d.]+) (-?[\d.]+) L (-?[\d.]+) (-?[\d.]+)$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
