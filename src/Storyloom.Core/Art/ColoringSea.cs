using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Sea creatures and a submarine for coloring designs, facing right; stripes, ribs and portholes at the higher levels.</summary>
internal static class ColoringSea
{
    public static bool Knows(string key) => key is "seahorse" or "jellyfish" or "submarine" or "dolphin" or "starfish" or "shell";

    public static void Draw(SvgCanvas c, string key, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        var most = level == ColoringLevel.Detailed;
        switch (key)
        {
            case "seahorse":
                c.Path(p => p.M(-8, -64).C(-24, -62, -26, -44, -8, -40).Z(), "white");
                c.Path(p => p.M(4, -98).C(18, -98, 24, -88, 22, -80).L(44, -78).L(44, -70).L(20, -70).C(20, -60, 14, -54, 12, -50).C(26, -42, 26, -22, 12, -16)
                    .C(2, -12, -2, -6, 2, -2).C(8, 4, 18, -2, 14, -10).L(20, -10).C(26, 4, 6, 10, -4, 2).C(-12, -6, -6, -18, 2, -22)
                    .C(10, -28, 8, -40, -2, -46).C(-12, -52, -14, -70, -8, -84).C(-6, -94, -2, -98, 4, -98).Z(), "white");
                if (more)
                    for (var i = 0; i < (most ? 5 : 3); i++)
                    {
                        var y = -46 + i * (most ? 5.5 : 8);
                        c.Ellipse(13 + (i == 0 ? -1 : 0), y, most ? 6 : 7, most ? 2.2 : 3, "white", Role.Detail, -10);
                    }
                foreach (var (x, y) in new[] { (-6.0, -97.0), (2, -101), (-11, -90) }) c.Polygon([(x - 3, y + 3), (x, y - 4), (x + 3, y + 3)], "white", Role.Detail);
                c.Circle(10, -86, 4, "white", Role.Detail);
                c.Circle(11, -86, 2, Palette.Eye, Role.Dark);
                break;
            case "jellyfish":
                for (var i = 0; i < 5; i++)
                {
                    var x = -24 + i * 12.0;
                    var w = more ? 5.0 : 8;
                    var sway = (i % 2 == 0 ? 1 : -1) * 7;
                    c.Path(p => p.M(x - w / 2, -50).C(x - w / 2 + sway, -36, x - w / 2 - sway, -20, x - w / 2 + sway * 0.5, -4).Q(x, 2, x + w / 2 + sway * 0.5, -4)
                        .C(x + w / 2 - sway, -20, x + w / 2 + sway, -36, x + w / 2, -50).Z(), "white");
                }
                c.Path(p => p.M(-36, -52).C(-36, -102, 36, -102, 36, -52).Q(24, -44, 12, -52).Q(0, -44, -12, -52).Q(-24, -44, -36, -52).Z(), "white");
                if (more)
                    foreach (var (x, y, r) in most ? new[] { (-20.0, -74.0, 4.0), (20, -76, 4), (0, -88, 4.5), (-26, -60, 3), (26, -60, 3), (-12, -90, 3), (12, -91, 3) } : [(-20, -74, 5), (20, -74, 5), (0, -88, 5)])
                        c.Circle(x, y, r, "white", Role.Detail);
                c.Circle(-10, -64, 3, Palette.Eye, Role.Dark);
                c.Circle(10, -64, 3, Palette.Eye, Role.Dark);
                c.Path(p => p.M(-6, -58).Q(0, -53, 6, -58).Q(0, -56, -6, -58).Z(), Palette.Eye, Role.Dark);
                break;
            case "submarine":
                c.Path(p => p.M(-40, -46).L(-50, -58).L(-50, -32).Z(), "white");
                c.Path(p => p.M(8, -76).L(8, -92).L(22, -92).L(22, -85).L(14, -85).L(14, -76).Z(), "white");
                c.Rect(-8, -78, 28, 18, "white", Role.Contour, 4);
                c.Path(p => p.M(-38, -30).C(-52, -30, -52, -62, -38, -62).L(32, -62).C(52, -62, 52, -30, 32, -30).Z(), "white");
                foreach (var x in new[] { -22.0, -2, 18 })
                {
                    c.Circle(x, -46, 7, "white", Role.Detail);
                    if (more) c.Circle(x, -46, 4, "white", Role.Detail);
                }
                if (more) c.Rect(-40, -36, 74, 4, "white", Role.Detail);
                if (most)
                    for (var i = 0; i < 8; i++) c.Circle(-34 + i * 10, -57, 1.3, "white", Role.Detail);
                break;
            case "dolphin":
                c.Polygon([(-6, -66), (-16, -84), (8, -70)], "white");
                c.Path(p => p.M(-30, -34).L(-50, -22).L(-40, -38).L(-50, -52).L(-28, -40).Z(), "white");
                c.Path(p => p.M(-34, -32).C(-26, -58, 0, -74, 24, -68).C(34, -64, 40, -60, 50, -60).L(50, -55).C(40, -52, 34, -50, 30, -48).C(16, -38, -10, -34, -34, -32).Z(), "white");
                if (more) c.Path(p => p.M(-26, -35).C(-6, -40, 14, -44, 30, -49).C(14, -40, -6, -36, -26, -35).Z(), "white", Role.Detail);
                c.Path(p => p.M(6, -46).L(0, -30).L(16, -44).Z(), "white");
                c.Circle(28, -62, 2.4, Palette.Eye, Role.Dark);
                break;
            case "starfish":
                c.Path(p =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        var a = -Math.PI / 2 + i * 2 * Math.PI / 5;
                        var (tx, ty) = (Math.Cos(a) * 50, -50 + Math.Sin(a) * 50);
                        var (ix, iy) = (Math.Cos(a + Math.PI / 5) * 22, -50 + Math.Sin(a + Math.PI / 5) * 22);
                        var (lx, ly) = (Math.Cos(a - 0.12) * 46, -50 + Math.Sin(a - 0.12) * 46);
                        if (i == 0) p.M(lx, ly);
                        p.Q(tx, ty, Math.Cos(a + 0.12) * 46, -50 + Math.Sin(a + 0.12) * 46).L(ix, iy);
                        var next = a + 2 * Math.PI / 5;
                        p.L(Math.Cos(next - 0.12) * 46, -50 + Math.Sin(next - 0.12) * 46);
                    }
                    p.Z();
                }, "white");
                if (more)
                    for (var i = 0; i < 5; i++)
                    {
                        var a = -Math.PI / 2 + i * 2 * Math.PI / 5;
                        foreach (var d in most ? new[] { 20.0, 30, 38 } : [28])
                            c.Circle(Math.Cos(a) * d, -50 + Math.Sin(a) * d, most ? 2.6 : 4, "white", Role.Detail);
                    }
                c.Circle(-7, -54, 3, Palette.Eye, Role.Dark);
                c.Circle(7, -54, 3, Palette.Eye, Role.Dark);
                c.Path(p => p.M(-7, -45).Q(0, -38, 7, -45).Q(0, -42, -7, -45).Z(), Palette.Eye, Role.Dark);
                break;
            default:
                var ribs = level switch { ColoringLevel.Simple => 4, ColoringLevel.Medium => 6, _ => 9 };
                c.Polygon([(-14, -2), (14, -2), (9, -16), (-9, -16)], "white");
                for (var i = 0; i < ribs; i++)
                {
                    var a0 = Math.PI + 0.45 + i * (Math.PI - 0.9) / ribs;
                    var a1 = a0 + (Math.PI - 0.9) / ribs;
                    var am = (a0 + a1) / 2;
                    c.Path(p => p.M(0, -10).L(Math.Cos(a0) * 52, -10 + Math.Sin(a0) * 80).Q(Math.Cos(am) * 62, -10 + Math.Sin(am) * 92, Math.Cos(a1) * 52, -10 + Math.Sin(a1) * 80).Z(), "white");
                }
                break;
        }
    }
}
