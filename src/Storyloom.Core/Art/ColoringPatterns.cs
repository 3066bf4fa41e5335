using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// Seed-driven pattern pages: a grid of tiles (straight or brick-offset), each holding a heart, star, flower,
/// diamond, fish scale or nested circle drawn as real closed paths (never an SVG pattern). Tile size follows the level.
/// </summary>
internal static class ColoringPatterns
{
    private enum Motif { Hearts, Stars, Flowers, Diamonds, Circles, Scales }

    public static void Draw(SvgCanvas c, double x0, double y0, double w, double h, ColoringStyle style, Rng rng)
    {
        var motif = rng.Pick(Enum.GetValues<Motif>());
        var (cols, nested) = style.Level switch
        {
            ColoringLevel.Simple => (rng.Next(3, 5), false),
            ColoringLevel.Medium => (rng.Next(5, 7), false),
            _ => (rng.Next(7, 10), true),
        };
        var cell = w / cols;
        var rows = Math.Max(1, (int)Math.Round(h / cell));
        var ch = h / rows;
        var brick = motif != Motif.Scales && rng.Chance(0.5);
        var alternate = rng.Chance(0.5);
        if (motif == Motif.Scales)
        {
            Scales(c, x0, y0, w, h, cols, rows, nested, style);
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
                    c.Ellipse(x + Math.Cos(a) * s * 0.5, y + Math.Sin(a) * s * 0.5, s * 0.42, s * 0.26, "white", Role.Contour, i * 60);
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

    /// <summary>Overlapping fish scales, drawn bottom row first so each row tucks under the one above.</summary>
    private static void Scales(SvgCanvas c, double x0, double y0, double w, double h, int cols, int rows, bool nested, ColoringStyle style)
    {
        var sw = w / cols;
        var sh = h / rows;
        c.Rect(x0, y0, w, h, "white", Role.Detail);
        for (var r = rows - 1; r >= 0; r--)
        {
            var shift = r % 2 == 1 ? sw / 2 : 0;
            for (var k = r % 2 == 1 ? -1 : 0; k < cols; k++)
            {
                var left = Math.Max(x0, x0 + k * sw + shift);
                var right = Math.Min(x0 + w, x0 + (k + 1) * sw + shift);
                if (right - left < sw * 0.45) continue;
                var top = y0 + r * sh;
                var bottom = Math.Min(y0 + h, top + sh * 1.45);
                c.Path(p => p.M(left, top).L(right, top).L(right, bottom - sh * 0.55).Q((left + right) / 2, bottom + sh * 0.1, left, bottom - sh * 0.55).Z(), "white", Role.Detail);
                if (nested && right - left > sw * 0.9)
                    c.Path(p => p.M(left + sw * 0.25, top + sh * 0.35).L(right - sw * 0.25, top + sh * 0.35).Q((left + right) / 2, top + sh * 1.05, left + sw * 0.25, top + sh * 0.35).Z(), "white", Role.Detail);
            }
        }
    }
}
