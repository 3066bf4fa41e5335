using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>
/// Seed-driven pattern pages: a grid of tiles (straight or brick-offset), each holding a heart, star, flower,
/// diamond, fish scale or nested circle drawn as real closed paths (never an SVG pattern). Tile size follows the level.
/// </summary>
internal static class ColoringPatterns
{
    private enum Motif { Hearts, Stars, Flowers, Diamonds, Circles, Scales }

    /// <summary>The variant picks motif, layout and tile count, so the 25 patterns of a book are all different.</summary>
    public static void Draw(SvgCanvas c, double x0, double y0, double w, double h, int variant, ColoringStyle style)
    {
        var motifs = Enum.GetValues<Motif>();
        var motif = motifs[variant % motifs.Length];
        var layout = variant / motifs.Length;
        var (cols, nested) = style.Level switch
        {
            ColoringLevel.Simple => (3, false),
            ColoringLevel.Medium => (5, false),
            _ => (7, true),
        };
        // Five layouts: plain, one more column, brick rows, alternating motifs, both; scales only change their size.
        cols += motif == Motif.Scales ? layout : layout % 2;
        var cell = w / cols;
        var rows = Math.Max(1, (int)Math.Round(h / cell));
        var ch = h / rows;
        var brick = layout is 2 or 4;
        var alternate = layout is 3 or 4;
        if (motif == Motif.Scales)
        {
            Scales(c, x0, y0, w, h, cols, nested);
            return;
        }
        for (var r = 0; r < rows; r++)
        {
            var shift = brick && r % 2 == 1 ? cell / 2 : 0;
            for (var k = -1; k < cols; k++)
            {
                var left = x0 + k * cell + shift;
                if (left + cell <= x0 + 0.5 || (k == -1 && shift == 0)) continue;
                var (cl, cr) = (Math.Max(left, x0), Math.Min(left + cell, x0 + w));
                var top = y0 + r * ch;
                c.Rect(cl, top, cr - cl, ch, "white", Role.Detail);
                // Half tiles at a brick row's ends keep only their box.
                if (cr - cl < cell * 0.9) continue;
                var (mx, my, s) = (left + cell / 2, top + ch / 2, Math.Min(cell, ch) * 0.4);
                var flip = alternate && (r + k) % 2 == 1;
                Tile(c, flip ? Next(motif) : motif, mx, my, s, nested, style);
            }
        }
    }

    private static Motif Next(Motif m) => m switch { Motif.Hearts => Motif.Stars, Motif.Stars => Motif.Hearts, Motif.Flowers => Motif.Circles, Motif.Circles => Motif.Flowers, _ => Motif.Circles };

    private static void Tile(SvgCanvas c, Motif motif, double x, double y, double s, bool nested, ColoringStyle style)
    {
        switch (motif)
        {
            case Motif.Hearts:
                Heart(c, x, y, s, Role.Contour);
                if (nested) Heart(c, x, y - s * 0.08, s * 0.5, Role.Detail);
                break;
            case Motif.Stars:
                Star(c, x, y, s, Role.Contour);
                if (nested) c.Circle(x, y, s * 0.26, "white", Role.Detail);
                break;
            case Motif.Flowers:
                for (var i = 0; i < 6; i++)
                {
                    var a = i * Math.PI / 3;
                    c.Ellipse(x + Math.Cos(a) * s * 0.55, y + Math.Sin(a) * s * 0.55, s * 0.42, s * 0.3, "white", Role.Contour, i * 60);
                }
                c.Circle(x, y, s * 0.34, "white");
                if (nested) c.Circle(x, y, s * 0.16, "white", Role.Detail);
                break;
            case Motif.Diamonds:
                c.Polygon([(x, y - s), (x + s * 0.8, y), (x, y + s), (x - s * 0.8, y)], "white");
                c.Polygon([(x, y - s * 0.55), (x + s * 0.42, y), (x, y + s * 0.55), (x - s * 0.42, y)], "white", Role.Detail);
                if (nested) c.Circle(x, y, s * 0.16, "white", Role.Detail);
                break;
            default:
                c.Circle(x, y, s, "white");
                c.Circle(x, y, s * 0.62, "white", Role.Detail);
                if (nested) c.Circle(x, y, s * 0.28, "white", Role.Detail);
                break;
        }
    }

    public static void Heart(SvgCanvas c, double x, double y, double s, Role role) =>
        c.Path(p => p.M(x, y + s * 0.9).C(x - s * 1.3, y + s * 0.05, x - s * 0.75, y - s * 1.05, x, y - s * 0.45)
            .C(x + s * 0.75, y - s * 1.05, x + s * 1.3, y + s * 0.05, x, y + s * 0.9).Z(), "white", role);

    private static void Star(SvgCanvas c, double x, double y, double s, Role role)
    {
        var pts = new List<(double, double)>();
        for (var i = 0; i < 10; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var rr = i % 2 == 0 ? s : s * 0.45;
            pts.Add((x + Math.Cos(a) * rr, y + Math.Sin(a) * rr));
        }
        c.Polygon(pts, "white", role);
    }

    /// <summary>Overlapping fish scales: U-shaped arches, the bottom row first so each row tucks under the one above.</summary>
    private static void Scales(SvgCanvas c, double x0, double y0, double w, double h, int cols, bool nested)
    {
        var sw = w / cols;
        var sh = sw * 0.6;
        var depth = sw * 0.95;
        var rows = (int)((h - depth * 0.75) / sh) + 1;
        for (var r = rows - 1; r >= 0; r--)
        {
            var shift = r % 2 == 1 ? sw / 2 : 0;
            var top = y0 + r * sh;
            for (var k = 0; k < (shift > 0 ? cols - 1 : cols); k++)
            {
                var left = x0 + k * sw + shift;
                var right = left + sw;
                c.Path(p => p.M(left, top).C(left, top + depth, right, top + depth, right, top).Z(), "white", Role.Detail);
                if (nested) c.Circle((left + right) / 2, top + sw * 0.42, sw * 0.13, "white", Role.Detail);
            }
        }
    }
}
