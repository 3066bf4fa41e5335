using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// Seed-driven mandalas: rings of petals, leaves, scallops, dots and triangles around a flower centre, drawn from the
/// outside in so each ring's base circle tidies the one outside it. Ring widths and counts follow the level's smallest
/// region, so a simple mandala has a few dozen big shapes and a detailed one hundreds.
/// </summary>
internal static class ColoringMandala
{
    private enum Ring { Petals, Leaves, Scallops, Dots, Triangles, Beads }

    public static void Draw(SvgCanvas c, double x0, double y0, double w, double h, ColoringStyle style, Rng rng)
    {
        var (cx, cy) = (x0 + w / 2, y0 + h / 2);
        var radius = Math.Min(w, h) / 2 - style.Contour;
        var min = style.MinRegion;
        var symmetry = rng.Pick(style.Level == ColoringLevel.Simple ? new[] { 6, 8 } : [8, 10, 12, 16]);
        if (style.Level != ColoringLevel.Simple) Corners(c, x0, y0, w, h, radius, style, rng);

        // Band widths: from the level's smallest region up; the centre keeps what is left.
        var bands = new List<(double Inner, double Outer)>();
        var outer = radius;
        var core = style.Level switch { ColoringLevel.Simple => 0.3, ColoringLevel.Medium => 0.2, _ => 0.1 } * radius;
        while (outer > core + min * 2)
        {
            var width = Math.Min(outer - core, rng.Range(min * 1.6, min * (style.Level == ColoringLevel.Detailed ? 3.6 : 2.4)) + outer * 0.04);
            bands.Add((outer - width, outer));
            outer -= width;
        }
        var last = Ring.Beads;
        foreach (var (inner, outerR) in bands)
        {
            var kind = rng.Pick(Enum.GetValues<Ring>().Where(k => k != last).ToList());
            last = kind;
            var mid = (inner + outerR) / 2;
            // As many elements as fit at least 1.4 smallest regions apart, rounded down to the symmetry.
            var fit = (int)(2 * Math.PI * mid / (min * (kind is Ring.Dots or Ring.Beads ? 1.6 : 1.4)));
            // Near the centre fewer than the symmetry fit: fall back to a divisor of it.
            var n = fit >= symmetry ? fit / symmetry * symmetry : new[] { symmetry / 2, symmetry / 4, 2 }.First(d => d <= Math.Max(2, fit));
            n = Math.Min(n, style.Level == ColoringLevel.Detailed ? symmetry * 4 : symmetry * 2);
            var phase = rng.Chance(0.5) ? Math.PI / n : 0;
            c.Circle(cx, cy, outerR, "white");
            DrawRing(c, cx, cy, inner, outerR, n, phase, kind, style);
        }
        c.Circle(cx, cy, outer, "white");
        Flower(c, cx, cy, outer, symmetry, style);
    }

    private static (double X, double Y) P(double cx, double cy, double r, double a) => (cx + Math.Cos(a) * r, cy + Math.Sin(a) * r);

    private static void DrawRing(SvgCanvas c, double cx, double cy, double a, double b, int n, double phase, Ring kind, ColoringStyle style)
    {
        var step = 2 * Math.PI / n;
        var detailed = style.Level == ColoringLevel.Detailed;
        for (var i = 0; i < n; i++)
        {
            var t = phase + i * step;
            switch (kind)
            {
                case Ring.Petals:
                case Ring.Leaves:
                    var spread = kind == Ring.Petals ? step * 0.62 : step * 0.42;
                    Lens(c, cx, cy, a, b, t, spread, kind == Ring.Petals ? 0.7 : 0.5, Role.Contour);
                    if (detailed && b - a > style.MinRegion * 3) Lens(c, cx, cy, a + (b - a) * 0.22, b - (b - a) * 0.22, t, spread * 0.5, 0.6, Role.Detail);
                    break;
                case Ring.Scallops:
                    var (s0x, s0y) = P(cx, cy, a, t - step / 2);
                    var (s1x, s1y) = P(cx, cy, b * 1.02, t - step / 2);
                    var (s2x, s2y) = P(cx, cy, b * 1.02, t + step / 2);
                    var (s3x, s3y) = P(cx, cy, a, t + step / 2);
                    c.Path(p => p.M(s0x, s0y).C(s1x, s1y, s2x, s2y, s3x, s3y).Z(), "white");
                    if (detailed && b - a > style.MinRegion * 2.4)
                    {
                        var (dx, dy) = P(cx, cy, a + (b - a) * 0.45, t);
                        c.Circle(dx, dy, Math.Min((b - a) * 0.2, Math.PI * a / n * 0.5), "white", Role.Detail);
                    }
                    break;
                case Ring.Dots:
                    var (px, py) = P(cx, cy, (a + b) / 2, t);
                    var r = Math.Min((b - a) * 0.42, Math.PI * (a + b) / 2 / n * 0.7);
                    c.Circle(px, py, r, "white");
                    if (detailed && r > style.MinRegion * 1.3) c.Circle(px, py, r * 0.45, "white", Role.Detail);
                    break;
                case Ring.Triangles:
                    c.Polygon([P(cx, cy, a, t - step / 2), P(cx, cy, b, t), P(cx, cy, a, t + step / 2)], "white");
                    if (detailed && b - a > style.MinRegion * 3)
                        c.Polygon([P(cx, cy, a + (b - a) * 0.15, t - step * 0.22), P(cx, cy, a + (b - a) * 0.7, t), P(cx, cy, a + (b - a) * 0.15, t + step * 0.22)], "white", Role.Detail);
                    break;
                default:
                    // Beads: a band of rounded boxes around the ring.
                    var inner = P(cx, cy, a + (b - a) * 0.18, t - step * 0.36);
                    var outer = P(cx, cy, b - (b - a) * 0.18, t - step * 0.36);
                    var outer2 = P(cx, cy, b - (b - a) * 0.18, t + step * 0.36);
                    var inner2 = P(cx, cy, a + (b - a) * 0.18, t + step * 0.36);
                    c.Polygon([inner, outer, outer2, inner2], "white");
                    break;
            }
        }
        if (kind == Ring.Beads) c.Circle(cx, cy, a, "white");
    }

    /// <summary>A pointed petal from radius a to b around angle t; <paramref name="belly"/> is where along it the widest point sits.</summary>
    private static void Lens(SvgCanvas c, double cx, double cy, double a, double b, double t, double spread, double belly, Role role)
    {
        var rm = a + (b - a) * belly;
        var (ax, ay) = P(cx, cy, a, t);
        var (bx, by) = P(cx, cy, b, t);
        var (lx, ly) = P(cx, cy, rm, t - spread);
        var (rx, ry) = P(cx, cy, rm, t + spread);
        c.Path(p => p.M(ax, ay).Q(lx, ly, bx, by).Q(rx, ry, ax, ay).Z(), "white", role);
    }

    private static void Flower(SvgCanvas c, double cx, double cy, double r, int symmetry, ColoringStyle style)
    {
        var petals = r > style.MinRegion * 3 ? symmetry : symmetry / 2;
        for (var i = 0; i < petals; i++) Lens(c, cx, cy, r * 0.3, r * 0.95, i * 2 * Math.PI / petals, Math.PI / petals * 0.9, 0.6, Role.Contour);
        c.Circle(cx, cy, Math.Max(r * 0.32, style.MinRegion * 0.6), "white");
    }

    /// <summary>Quarter fans in the page corners, so a tall page has no empty white corners.</summary>
    private static void Corners(SvgCanvas c, double x0, double y0, double w, double h, double radius, ColoringStyle style, Rng rng)
    {
        var reach = Math.Max(w, h) / 2 - radius;
        var size = Math.Min(w, h) * 0.22 + reach * 0.6;
        var n = rng.Pick(new[] { 3, 4, 5 });
        foreach (var (x, y, start) in new[] { (x0, y0, 0.0), (x0 + w, y0, Math.PI / 2), (x0 + w, y0 + h, Math.PI), (x0, y0 + h, 1.5 * Math.PI) })
        {
            for (var k = 2; k >= 1; k--)
            {
                var rr = size * k / 2;
                if (rr < style.MinRegion * 2) continue;
                var step = Math.PI / 2 / n;
                for (var i = 0; i < n; i++)
                    Lens(c, x, y, k == 2 ? size * 0.5 : 0, rr, start + (i + 0.5) * step, step * 0.55, 0.55, k == 2 ? Role.Contour : Role.Detail);
            }
        }
    }
}
