using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>The rooms of the firsts: classroom, dentist, doctor, hair salon and shop.</summary>
internal static partial class SceneBackground
{
    private static void Classroom(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.04, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        Mark(c, "chalkboard", () =>
        {
            var w = 0.38 * l.Width;
            var x = l.Left(0.33, w);
            var y = top + wallH * 0.06;
            var h = wallH * 0.5;
            c.Rect(x - 5, y - 5, w + 10, h + 10, "#A86B45", Role.Contour, 3);
            c.Rect(x, y, w, h, "#2F5D4A", Role.Detail);
            c.Circle(x + w * 0.15, y + h * 0.3, h * 0.1, "#2F5D4A", Role.Detail);
            c.Stroke(p => p.M(x + w * 0.08, y + h * 0.3).Q(x + w * 0.15, y + h * 0.08, x + w * 0.22, y + h * 0.3).Q(x + w * 0.15, y + h * 0.52, x + w * 0.08, y + h * 0.3), "#FFFFFF", 1.6);
            c.Stroke(p => p.M(x + w * 0.35, y + h * 0.45).L(x + w * 0.42, y + h * 0.15).L(x + w * 0.49, y + h * 0.45).M(x + w * 0.38, y + h * 0.33).L(x + w * 0.46, y + h * 0.33), "#FFFFFF", 1.6);
            c.Stroke(p => p.M(x + w * 0.56, y + h * 0.15).L(x + w * 0.56, y + h * 0.45).Q(x + w * 0.66, y + h * 0.45, x + w * 0.62, y + h * 0.3).Q(x + w * 0.66, y + h * 0.15, x + w * 0.56, y + h * 0.15), "#FFFFFF", 1.6);
            c.Stroke(p => p.M(x + w * 0.1, y + h * 0.75).Q(x + w * 0.4, y + h * 0.62, x + w * 0.85, y + h * 0.75), "#F9D65C", 1.6);
            c.Rect(x, y + h, w, 5, "#8B5A3C", Role.Detail);
            c.Rect(x + w * 0.7, y + h - 3, 10, 4, "#FFFFFF", Role.Detail);
        });
        Mark(c, "cubby", () =>
        {
            var w = 0.2 * l.Width;
            var x = l.Left(0.78, w);
            var h = wallH * 0.55;
            var y = l.Horizon - h;
            c.Rect(x, y, w, h, "#E0B07F", Role.Contour, 3);
            string[] bags = ["#E4574C", "#5B9BD5", "#F9D65C", "#4CAF6A", "#9B6BC7", "#FF9E3D"];
            for (var r = 0; r < 2; r++)
                for (var k = 0; k < 3; k++)
                {
                    var (bx, by) = (x + 4 + k * (w - 8) / 3, y + 4 + r * (h - 8) / 2);
                    c.Rect(bx, by, (w - 8) / 3 - 3, (h - 8) / 2 - 3, "#B98A5E", Role.Detail);
                    c.Rect(bx + 4, by + (h - 8) / 4 - 6, (w - 8) / 3 - 11, (h - 8) / 4 - 2, bags[r * 3 + k], Role.Detail, 3);
                }
        });
        foreach (var f in new[] { 0.22, 0.72 }) Desk(c, l, spots, f);
    }

    private static void Desk(SvgCanvas c, SceneLayout l, SceneSpots spots, double fraction)
    {
        // Desks stand a little behind the characters, so a child stands in front of one or sits at it.
        var f = l.Figure * 0.85;
        var feet = l.Horizon + 0.45 * (l.Feet - l.Horizon);
        var x = l.X(fraction);
        var w = 0.6 * f;
        var top = feet - 0.36 * f;
        Mark(c, "desk", () =>
        {
            c.Rect(x - w / 2, top, w, 0.05 * f, "#F2B705", Role.Contour, 2);
            c.Rect(x - w / 2 + 0.03 * f, top + 0.05 * f, w - 0.06 * f, 0.08 * f, "#D9A204", Role.Detail);
            foreach (var dx in new[] { -0.44, 0.4 }) c.Rect(x + dx * w, top + 0.05 * f, 0.03 * f, feet - top - 0.05 * f, "#6B6F7A", Role.Detail);
        });
        spots.Tables.Add((x - w * 0.4, x + w * 0.4, top));
    }

    private static void Dentist(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.74, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        var f = l.Figure;
        Mark(c, "mirror", () =>
        {
            var x = l.X(0.52);
            var y = top + wallH * 0.3;
            c.Circle(x, y, wallH * 0.14, "#A3A9B2");
            c.Circle(x, y, wallH * 0.12, "#DDF1FB", Role.Detail);
            c.Stroke(p => p.M(x - wallH * 0.05, y - wallH * 0.05).L(x, y - wallH * 0.08), "#FFFFFF", 2);
            var ty = l.Horizon - wallH * 0.3;
            c.Rect(x - 28, ty, 56, 6, "#C9D2DD", Role.Contour, 2);
            c.Rect(x - 1, ty + 6, 3, l.Horizon - ty - 6, "#A3A9B2", Role.Detail);
            c.Rect(x - 20, ty - 3, 16, 2, "#A3A9B2", Role.Detail);
            c.Circle(x + 12, ty - 5, 4.5, "#A3A9B2", Role.Detail);
            c.Circle(x + 12, ty - 5, 3.2, "#DDF1FB", Role.Detail);
            spots.Tables.Add((x - 26, x + 4, ty));
        });
        // A big tooth poster: the dentist's sign.
        var px = l.X(0.14);
        c.Rect(px - 26, top + wallH * 0.1, 52, 60, "#FFFFFF", Role.Contour, 3);
        c.Path(p => p.M(px - 14, top + wallH * 0.1 + 14).Q(px, top + wallH * 0.1 + 6, px + 14, top + wallH * 0.1 + 14).Q(px + 16, top + wallH * 0.1 + 34, px + 8, top + wallH * 0.1 + 52).L(px + 3, top + wallH * 0.1 + 36).L(px - 3, top + wallH * 0.1 + 36).L(px - 8, top + wallH * 0.1 + 52).Q(px - 16, top + wallH * 0.1 + 34, px - 14, top + wallH * 0.1 + 14).Z(), "#BDEBF7", Role.Detail);
        var cx = l.X(0.32);
        var d = l.Mirror ? -1 : 1;
        Mark(c, "dentist's chair", () =>
        {
            c.Rect(cx - 0.05 * f, l.Feet - 0.24 * f, 0.1 * f, 0.22 * f, "#A3A9B2", Role.Contour, 3);
            c.Ellipse(cx, l.Feet - 0.02 * f, 0.2 * f, 0.03 * f, "#A3A9B2");
            c.Rect(cx - 0.28 * f, l.Feet - 0.32 * f, 0.56 * f, 0.09 * f, "#4FB3D9", Role.Contour, 8);
            c.Polygon([(cx - d * 0.26 * f, l.Feet - 0.32 * f), (cx - d * 0.52 * f, l.Feet - 0.78 * f), (cx - d * 0.42 * f, l.Feet - 0.82 * f), (cx - d * 0.14 * f, l.Feet - 0.32 * f)], "#4FB3D9");
            c.Ellipse(cx - d * 0.5 * f, l.Feet - 0.86 * f, 0.08 * f, 0.05 * f, "#3A9BC4", Role.Contour, d * 30);
            c.Polygon([(cx + d * 0.26 * f, l.Feet - 0.32 * f), (cx + d * 0.52 * f, l.Feet - 0.18 * f), (cx + d * 0.5 * f, l.Feet - 0.12 * f), (cx + d * 0.24 * f, l.Feet - 0.24 * f)], "#4FB3D9");
            c.Rect(cx - 0.22 * f, l.Feet - 0.44 * f, 0.04 * f, 0.12 * f, "#3A9BC4", Role.Detail, 2);
        });
        spots.Seats.Add((cx, l.Feet - 0.32 * f));
        Mark(c, "lamp", () =>
        {
            var lx = cx - d * 0.2 * f;
            var ly = Math.Max(top + 20, l.Feet - 1.15 * f);
            var pole = cx + d * 0.62 * f;
            c.Polygon([(lx - 0.12 * f, ly + 0.05 * f), (lx + 0.12 * f, ly + 0.05 * f), (lx + 0.3 * f, l.Feet - 0.62 * f), (lx - 0.3 * f, l.Feet - 0.62 * f)], "#FFF7C2", Role.Background);
            c.Rect(pole - 3, ly, 6, l.Feet - ly, "#A3A9B2", Role.Detail);
            c.Stroke(p => p.M(pole, ly + 6).L(lx, ly + 6), "#A3A9B2", 5);
            c.Ellipse(lx, ly + 4, 0.13 * f, 0.06 * f, "#EEF1F5");
            c.Ellipse(lx, ly + 0.05 * f, 0.1 * f, 0.025 * f, "#FFF1A8", Role.Detail);
            for (var i = -2; i <= 2; i++) c.Stroke(p => p.M(lx + i * 0.06 * f, ly + 0.09 * f).L(lx + i * 0.1 * f, ly + 0.15 * f), "#FFD45C", 1.6);
        });
    }

    private static void Doctor(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.06, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        Mark(c, "chart", () =>
        {
            var w = 0.11 * l.Width;
            var x = l.Left(0.4, w);
            var y = top + wallH * 0.06;
            var h = wallH * 0.62;
            c.Rect(x, y, w, h, "#FFFFFF", Role.Contour, 2);
            for (var r = 0; r < 5; r++)
            {
                var s = h * (0.12 - r * 0.02);
                var n = r + 1;
                for (var k = 0; k < n; k++)
                {
                    var ex = x + w / 2 - n * s * 0.7 / 2 + k * s * 0.7;
                    var ey = y + h * 0.06 + r * h * 0.18;
                    c.Rect(ex, ey, s * 0.5, s * 0.12, "#2B2233", Role.Dark);
                    c.Rect(ex, ey, s * 0.12, s * 0.6, "#2B2233", Role.Dark);
                    c.Rect(ex, ey + s * 0.24, s * 0.4, s * 0.12, "#2B2233", Role.Dark);
                    c.Rect(ex, ey + s * 0.48, s * 0.5, s * 0.12, "#2B2233", Role.Dark);
                }
            }
        });
        var bx = l.X(0.58);
        c.Rect(bx - 26, top + wallH * 0.12, 52, 44, "#FFFFFF", Role.Contour, 4);
        c.Rect(bx - 5, top + wallH * 0.12 + 8, 10, 28, "#E4574C", Role.Detail);
        c.Rect(bx - 14, top + wallH * 0.12 + 17, 28, 10, "#E4574C", Role.Detail);
        spots.Bed = Bed(c, l, 0.98, "#BDEBF7", "#A3A9B2", headboard: false);
    }

    private static void Salon(SvgCanvas c, SceneLayout l, SceneSpots spots, Rng rng)
    {
        var (top, wallH) = Wall(l);
        for (var x = 0; x < 10; x++)
            for (var r = 0; r < 3; r++)
                if ((x + r) % 2 == 0) c.Rect(x * l.Width / 10, l.Horizon + r * (l.Height - l.Horizon) / 3, l.Width / 10, (l.Height - l.Horizon) / 3, "#D4CDE0", Role.Background);
        var mx = l.X(0.45);
        Mark(c, "mirror", () =>
        {
            var w = 0.3 * l.Width;
            var h = wallH * 0.62;
            c.Rect(mx - w / 2, top + wallH * 0.05, w, h, "#F9D65C", Role.Contour, 14);
            c.Rect(mx - w / 2 + 7, top + wallH * 0.05 + 7, w - 14, h - 14, "#DDF1FB", Role.Detail, 10);
            c.Stroke(p => p.M(mx - w * 0.3, top + wallH * 0.2).L(mx - w * 0.15, top + wallH * 0.1), "#FFFFFF", 2.5);
            for (var i = 0; i < 5; i++) c.Circle(mx - w / 2 + 3 + i * (w - 6) / 4, top + wallH * 0.05 + 3, 4, "#FFF4C9", Role.Detail);
            c.Rect(mx - w / 2 - 6, top + wallH * 0.05 + h + 4, w + 12, 8, "#FFFFFF", Role.Contour, 3);
            string[] bottles = ["#F28DB2", "#5B9BD5", "#4CAF6A"];
            for (var i = 0; i < 3; i++) c.Rect(mx - w * 0.4 + i * 14, top + wallH * 0.05 + h - 14, 9, 18, bottles[i], Role.Detail, 3);
            PropPainter.Prop(c, "comb", mx + w * 0.3, top + wallH * 0.05 + h, 10);
            spots.Tables.Add((mx - w * 0.1, mx + w * 0.45, top + wallH * 0.05 + h + 4));
        });
        Mark(c, "cape", () =>
        {
            var x = l.X(0.88);
            var y = top + wallH * 0.15;
            c.Circle(x, y, 4, "#A3A9B2", Role.Detail);
            var hem = y + wallH * 0.55;
            c.Path(p => p.M(x - 10, y + 6).Q(x - 30, y + 14, x - 36, hem).Q(x - 27, hem + 8, x - 18, hem).Q(x - 9, hem + 8, x, hem).Q(x + 9, hem + 8, x + 18, hem)
                .Q(x + 27, hem + 8, x + 36, hem).Q(x + 30, y + 14, x + 10, y + 6).Z(), "#9B6BC7");
            c.Path(p => p.M(x - 12, y + 6).Q(x, y + 18, x + 12, y + 6).Q(x, y + 12, x - 12, y + 6).Z(), "#7D55A8", Role.Detail);
            for (var i = 0; i < 3; i++) c.Circle(x - 14 + i * 14, y + wallH * 0.35, 3.2, "#FFFFFF", Role.Background);
        });
        var f = l.Figure;
        var cx = l.X(0.45);
        Mark(c, "big chair", () =>
        {
            c.Ellipse(cx, l.Feet - 0.02 * f, 0.2 * f, 0.035 * f, "#6B6F7A");
            c.Rect(cx - 0.04 * f, l.Feet - 0.3 * f, 0.08 * f, 0.28 * f, "#A3A9B2", Role.Contour, 2);
            c.Rect(cx - 0.24 * f, l.Feet - 0.78 * f, 0.48 * f, 0.4 * f, "#C8453D", Role.Contour, 14);
            c.Rect(cx - 0.28 * f, l.Feet - 0.42 * f, 0.56 * f, 0.14 * f, "#B23A33", Role.Contour, 10);
            c.Rect(cx - 0.32 * f, l.Feet - 0.52 * f, 0.1 * f, 0.06 * f, "#3A3440", Role.Detail, 3);
            c.Rect(cx + 0.22 * f, l.Feet - 0.52 * f, 0.1 * f, 0.06 * f, "#3A3440", Role.Detail, 3);
        });
        spots.Seats.Add((cx, l.Feet - 0.42 * f));
        _ = rng;
    }

    private static void Shop(SvgCanvas c, SceneLayout l, SceneSpots spots, Rng rng)
    {
        var (top, wallH) = Wall(l);
        Mark(c, "shelf", () =>
        {
            var w = 0.55 * l.Width;
            var x = l.Left(0.03, w);
            string[] goods = ["#E4574C", "#F9D65C", "#4CAF6A", "#5B9BD5", "#FF9E3D", "#9B6BC7", "#F28DB2"];
            for (var r = 0; r < 3; r++)
            {
                var y = top + wallH * (0.3 + r * 0.3);
                c.Rect(x, y, w, 7, "#A86B45", Role.Contour, 2);
                for (var k = 0; k < 9; k++)
                {
                    var gx = x + 6 + k * (w - 12) / 9;
                    var col = goods[(k + r * 3) % goods.Length];
                    if ((k + r) % 3 == 0) c.Circle(gx + 9, y - 9, 9, col, Role.Detail);
                    else c.Rect(gx, y - wallH * 0.16, (w - 12) / 9 - 5, wallH * 0.16, col, Role.Detail, 2);
                }
            }
        });
        var f = l.Figure;
        Mark(c, "counter", () =>
        {
            var w = Math.Min(0.8 * f, 0.36 * l.Width);
            var x = l.Left(0.97 - w / l.Width, w);
            var topY = l.Feet - 0.45 * f;
            c.Rect(x, topY, w, l.Feet - topY, "#C8865A", Role.Contour, 3);
            c.Rect(x - 6, topY - 8, w + 12, 10, "#8B5A3C", Role.Contour, 3);
            c.Rect(x + w * 0.1, topY + 0.08 * f, w * 0.8, 0.1 * f, "#B07A4F", Role.Detail, 3);
            var tx = x + (l.Mirror ? w * 0.12 : w * 0.62);
            c.Rect(tx, topY - 0.17 * f, 0.25 * w, 0.17 * f - 8, "#6B6F7A", Role.Contour, 3);
            c.Rect(tx + 4, topY - 0.15 * f, 0.25 * w - 8, 0.05 * f, "#BFF0C8", Role.Detail);
            spots.Tables.Add((x + (l.Mirror ? w * 0.45 : 0.05 * w), x + (l.Mirror ? w * 0.95 : w * 0.55), topY - 8));
        });
        _ = rng;
    }
}
