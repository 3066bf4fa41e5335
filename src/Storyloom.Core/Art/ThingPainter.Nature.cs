namespace Storyloom.Core.Art;

/// <summary>Food, plants, sky things and small animals of concept books.</summary>
internal static partial class ThingPainter
{
    private static bool Food(SvgCanvas c, string kind, string? color)
    {
        switch (kind)
        {
            case "apple": Apple(c, 0, 3, 0.9, color ?? Red); break;
            case "orange":
                c.Circle(0, 4, 42, color ?? Orange);
                c.Ellipse(10, -40, 12, 6, LeafGreen, Role.Contour, -20);
                c.Circle(-2, -36, 3, Stem, Role.Detail);
                c.Ellipse(-18, -12, 6, 10, Palette.Lighten(color ?? Orange, 0.55), Role.Detail, 20);
                break;
            case "lemon":
                c.Ellipse(0, 0, 46, 32, color ?? Yellow, Role.Contour, -15);
                c.Ellipse(-14, -10, 10, 5, Palette.Lighten(color ?? Yellow, 0.6), Role.Detail, -15);
                break;
            case "pear":
                c.Rect(-2.5, -50, 5, 14, Stem, Role.Detail);
                c.Path(p => p.M(0, -40).C(16, -40, 18, -24, 20, -14).C(44, 0, 40, 46, 0, 46).C(-40, 46, -44, 0, -20, -14).C(-18, -24, -16, -40, 0, -40).Z(), color ?? "#A8C94A");
                c.Ellipse(-16, 14, 6, 10, Palette.Lighten(color ?? "#A8C94A", 0.5), Role.Detail, 15);
                break;
            case "grapes":
                c.Stroke(p => p.M(0, -36).Q(4, -46, 12, -50), Stem, 3);
                c.Ellipse(18, -40, 12, 6, LeafGreen, Role.Contour, -20);
                var rows = new[] { 4, 3, 2, 1 };
                for (var r = 0; r < rows.Length; r++)
                    for (var i = 0; i < rows[r]; i++)
                        c.Circle((i - (rows[r] - 1) / 2.0) * 22, -24 + r * 20, 12, color ?? Purple);
                break;
            case "watermelon":
                c.Path(p => p.M(-48, -16).C(-48, 50, 48, 50, 48, -16).Z(), Green);
                c.Path(p => p.M(-40, -16).C(-40, 38, 40, 38, 40, -16).Z(), color ?? "#F26B6B", Role.Detail);
                foreach (var (dx, dy) in new[] { (-18.0, 0.0), (0, 10), (18, 0), (-8, -8), (10, -8) }) c.Ellipse(dx, dy, 2.6, 4, Palette.Ink, Role.Dark);
                break;
            case "melon":
                c.Ellipse(0, 0, 48, 34, color ?? Green);
                foreach (var dy in new[] { -18.0, 0, 18 }) c.Stroke(p => p.M(-40, dy).Q(0, dy + (dy == 0 ? 0 : dy * 0.5), 40, dy), "#2F7D45", 4);
                break;
            case "cake":
                c.Path(p => p.M(-30, 4).L(30, 4).L(22, 46).L(-22, 46).Z(), color ?? "#5B9BD5");
                foreach (var dx in new[] { -12.0, 0, 12 }) c.Stroke(p => p.M(dx, 8).L(dx * 0.8, 42), Palette.Lighten(color ?? "#5B9BD5", 0.4), 2);
                c.Path(p => p.M(-36, 6).Q(-44, -12, -26, -18).Q(-22, -38, 0, -36).Q(22, -38, 26, -18).Q(44, -12, 36, 6).Z(), Pink);
                c.Circle(0, -42, 8, Red);
                break;
            case "icecream":
                c.Polygon([(-22, -2), (22, -2), (0, 50)], "#E3B27A");
                c.Stroke(p => p.M(-14, 10).L(10, 32), "#C08A50", 1.6);
                c.Stroke(p => p.M(14, 10).L(-10, 32), "#C08A50", 1.6);
                c.Circle(0, -18, 24, color ?? Pink);
                c.Circle(-8, -26, 5, Palette.Lighten(color ?? Pink, 0.6), Role.Detail);
                c.Circle(2, -43, 5, Red);
                break;
            case "egg": c.Ellipse(0, 4, 33, 43, color ?? White); break;
            case "cookie":
                c.Circle(0, 0, 44, color ?? "#C98B52");
                foreach (var (dx, dy) in new[] { (-18.0, -14.0), (14, -20), (20, 10), (-10, 16), (0, -2) }) c.Circle(dx, dy, 5, "#5C3A24", Role.Dark);
                break;
            case "pizza":
                c.Polygon([(-40, -36), (40, -36), (0, 46)], Yellow);
                c.Rect(-44, -46, 88, 14, "#D9A567", Role.Contour, 7);
                foreach (var (dx, dy) in new[] { (-14.0, -16.0), (14, -18), (0, 10) }) c.Circle(dx, dy, 7, Red, Role.Detail);
                break;
            case "carrot":
                foreach (var a in new[] { -25.0, 0, 25 }) c.Ellipse(0, -36, 5, 14, LeafGreen, Role.Contour, a);
                c.Path(p => p.M(-16, -26).Q(0, -34, 16, -26).L(2, 48).Q(0, 50, -2, 48).Z(), color ?? Orange);
                break;
            case "acorn":
                c.Ellipse(0, 10, 28, 34, color ?? "#B07A47");
                c.Path(p => p.M(-34, -8).Q(-34, -40, 0, -40).Q(34, -40, 34, -8).Z(), "#6B4A32");
                c.Rect(-3, -50, 6, 12, "#6B4A32", Role.Detail);
                break;
            default: return false;
        }
        return true;
    }

    private static bool Nature(SvgCanvas c, string kind, string? color, string? variant)
    {
        switch (kind)
        {
            case "flower":
                c.Rect(-3, 0, 6, 50, LeafGreen, Role.Detail);
                c.Ellipse(12, 30, 12, 5, LeafGreen, Role.Contour, -25);
                for (var i = 0; i < 6; i++)
                {
                    var a = i * Math.PI / 3;
                    c.Circle(Math.Sin(a) * 20, -14 - Math.Cos(a) * 20, 14, color ?? Pink);
                }
                c.Circle(0, -14, 12, Yellow);
                break;
            case "leaf":
                c.Path(p => p.M(-40, 36).C(-44, -20, 0, -44, 44, -40).C(40, 10, 10, 44, -40, 36).Z(), color ?? Green);
                c.Stroke(p => p.M(-40, 36).Q(0, 0, 36, -34), Palette.Darken(color ?? Green, 0.3), 2);
                break;
            case "tree":
                c.Rect(-8, 4, 16, 44, Stem, Role.Contour, 3);
                c.Path(p => p.M(-30, 16).Q(-48, 8, -40, -12).Q(-44, -40, -16, -40).Q(-6, -50, 12, -44).Q(40, -44, 38, -18).Q(50, 4, 30, 16).Z(), color ?? Green);
                foreach (var (dx, dy) in new[] { (-18.0, -14.0), (14, -24), (18, 2) }) c.Circle(dx, dy, 5, Red, Role.Detail);
                break;
            case "sun":
                for (var i = 0; i < 10; i++)
                {
                    var a = i * Math.PI / 5;
                    c.Polygon([(Math.Cos(a - 0.16) * 30, Math.Sin(a - 0.16) * 30), (Math.Cos(a) * 49, Math.Sin(a) * 49), (Math.Cos(a + 0.16) * 30, Math.Sin(a + 0.16) * 30)], Orange, Role.Detail);
                }
                c.Circle(0, 0, 31, color ?? Yellow);
                Face(c, 2, 10);
                break;
            case "moon":
                c.Path(p => p.M(10, -46).C(-50, -40, -50, 40, 10, 46).C(-22, 26, -22, -26, 10, -46).Z(), color ?? "#FBE7A1");
                break;
            case "star": PropPainter.Star(c, 0, 4, 48, color ?? Yellow, Role.Contour); break;
            case "heart": c.Path(p => p.M(0, 44).C(-30, 24, -50, 4, -48, -18).C(-46, -42, -12, -46, 0, -24).C(12, -46, 46, -42, 48, -18).C(50, 4, 30, 24, 0, 44).Z(), color ?? Red); break;
            case "cloud":
                if (variant == "rain")
                    foreach (var dx in new[] { -24.0, 0, 24 }) c.Stroke(p => p.M(dx, 26).L(dx - 6, 44), Blue, 3);
                c.Path(p => p.M(-42, 20).Q(-50, 0, -32, -4).Q(-30, -30, -4, -24).Q(8, -44, 28, -22).Q(50, -20, 44, 4).Q(50, 20, 36, 20).Z(), color ?? White);
                break;
            case "rock": c.Path(p => p.M(-46, 30).Q(-50, -6, -22, -24).Q(4, -40, 28, -22).Q(50, -4, 46, 30).Z(), color ?? Gray); break;
            case "nest":
                c.Ellipse(-10, -8, 12, 16, "#AEE0F2");
                c.Ellipse(12, -8, 12, 16, "#AEE0F2");
                c.Path(p => p.M(-46, -4).Q(0, 8, 46, -4).Q(40, 36, 0, 36).Q(-40, 36, -46, -4).Z(), color ?? "#9A6A45");
                foreach (var dy in new[] { 6.0, 18 }) c.Stroke(p => p.M(-38, dy).Q(0, dy + 10, 38, dy), "#6B4A32", 2);
                break;
            case "rainbow":
                string[] bands = [Red, Orange, Yellow, Green, Blue, Purple];
                for (var i = 0; i < bands.Length; i++) Arch(c, 48 - i * 5, 43 - i * 5, bands[i]);
                c.Path(p => p.M(-50, 22).Q(-50, 8, -36, 10).Q(-26, 2, -18, 14).Q(-14, 28, -30, 28).Q(-48, 30, -50, 22).Z(), White);
                c.Path(p => p.M(50, 22).Q(50, 8, 36, 10).Q(26, 2, 18, 14).Q(14, 28, 30, 28).Q(48, 30, 50, 22).Z(), White);
                break;
            case "shell":
                c.Path(p => p.M(-44, 24).Q(-46, -36, 0, -40).Q(46, -36, 44, 24).Q(0, 40, -44, 24).Z(), color ?? "#F7C6B5");
                for (var i = -2; i <= 2; i++) c.Stroke(p => p.M(0, 30).L(i * 16, -30), "#D9907A", 2);
                break;
            case "snowman":
                c.Circle(0, 26, 24, White);
                c.Circle(0, -12, 18, White);
                c.Rect(-14, -48, 28, 18, Black, Role.Contour, 2);
                c.Rect(-20, -32, 40, 5, Black, Role.Contour, 2);
                c.Circle(-6, -16, 2.6, Palette.Eye, Role.Dark);
                c.Circle(6, -16, 2.6, Palette.Eye, Role.Dark);
                c.Polygon([(0, -11), (14, -8), (0, -6)], Orange, Role.Detail);
                c.Rect(-18, 0, 36, 6, Red, Role.Detail, 3);
                break;
            default: return Critter(c, kind, color);
        }
        return true;
    }

    /// <summary>A filled half-ring from radius inner to outer, standing on y=24.</summary>
    private static void Arch(SvgCanvas c, double outer, double inner, string color)
    {
        const double k = 0.5523, y = 24;
        c.Path(p => p.M(-outer, y).C(-outer, y - outer * k, -outer * k, y - outer, 0, y - outer).C(outer * k, y - outer, outer, y - outer * k, outer, y)
            .L(inner, y).C(inner, y - inner * k, inner * k, y - inner, 0, y - inner).C(-inner * k, y - inner, -inner, y - inner * k, -inner, y).Z(), color, Role.Detail);
    }

    private static bool Critter(SvgCanvas c, string kind, string? color)
    {
        switch (kind)
        {
            case "duck":
                c.Path(p => p.M(-44, 0).Q(-48, 40, 0, 40).Q(40, 40, 40, 10).Q(20, 12, 10, 0).Z(), color ?? Yellow);
                c.Circle(16, -18, 20, color ?? Yellow);
                c.Path(p => p.M(32, -16).Q(50, -16, 50, -8).Q(42, -4, 32, -8).Z(), Orange, Role.Detail);
                c.Circle(20, -22, 3.4, Palette.Eye, Role.Dark);
                c.Path(p => p.M(-26, 10).Q(-10, 0, 4, 14).Q(-10, 24, -26, 10).Z(), Palette.Darken(color ?? Yellow, 0.12), Role.Detail);
                break;
            case "ladybug":
                c.Circle(0, -30, 16, Black);
                c.Circle(0, 6, 40, color ?? Red);
                c.Stroke(p => p.M(0, -34).L(0, 46), Black, 2.6);
                foreach (var (dx, dy) in new[] { (-18.0, -8.0), (18, -8), (-22, 18), (22, 18), (-9, 34), (9, 34) }) c.Circle(dx, dy, 6, Black, Role.Dark);
                break;
            case "frog":
                c.Ellipse(-28, 36, 16, 8, color ?? Green);
                c.Ellipse(28, 36, 16, 8, color ?? Green);
                c.Ellipse(0, 10, 42, 32, color ?? Green);
                foreach (var dx in new[] { -20.0, 20 })
                {
                    c.Circle(dx, -22, 13, color ?? Green);
                    c.Circle(dx, -22, 8, White, Role.Detail);
                    c.Circle(dx, -21, 4, Palette.Eye, Role.Dark);
                }
                c.Stroke(p => p.M(-18, 10).Q(0, 22, 18, 10), Palette.Ink, 2.4);
                break;
            case "zebra":
                foreach (var dx in new[] { -30.0, -16, 14, 28 }) c.Rect(dx - 5, 4, 10, 42, White, Role.Contour, 3);
                c.Ellipse(-2, 0, 40, 22, White);
                foreach (var dx in new[] { -24.0, -10, 4, 18 }) c.Path(p => p.M(dx, -20).Q(dx + 6, 0, dx, 18).Q(dx + 2, 0, dx - 4, -20).Z(), Black, Role.Dark);
                c.Path(p => p.M(24, -6).L(34, -40).Q(48, -48, 49, -30).L(40, -2).Z(), White);
                c.Path(p => p.M(30, -38).L(20, -18).L(26, -14).L(36, -36).Z(), Black, Role.Detail);
                c.Circle(44, -34, 2.6, Palette.Eye, Role.Dark);
                c.Stroke(p => p.M(-42, -4).Q(-50, 6, -46, 16), Black, 3);
                break;
            case "snail":
                c.Path(p => p.M(-48, 40).L(30, 40).Q(44, 40, 44, 20).L(44, -6).Q(40, -14, 34, -6).L(32, 24).L(-40, 30).Z(), color ?? "#E8C9A0");
                c.Circle(-4, 4, 32, "#C98B52");
                c.Stroke(p => p.M(-4, 4).Q(10, 4, 8, -8).Q(2, -22, -12, -16).Q(-28, -6, -22, 14).Q(-12, 32, 10, 28), "#8A5A3C", 3);
                c.Circle(42, -10, 3, Palette.Eye, Role.Dark);
                break;
            default: return false;
        }
        return true;
    }
}
