using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Friendly dinosaurs for coloring designs, facing right; spots, plates and scales appear at the higher levels.</summary>
internal static class ColoringDinosaurs
{
    public static bool Knows(string key) => key is "trex" or "triceratops" or "ptero" or "nest" or "ankylo" or "hatchling";

    public static void Draw(SvgCanvas c, string key, ColoringLevel level, Rng rng)
    {
        var more = level != ColoringLevel.Simple;
        var spot = level == ColoringLevel.Medium ? 4.5 : 2.4;
        switch (key)
        {
            case "trex":
                Leg(c, 10, -40, 11);
                if (more) Spikes(c, [(-36, -44), (-24, -49), (-12, -55), (0, -61), (9, -67)], 5);
                c.Path(p => p.M(-50, -44).Q(-30, -46, -12, -56).C(0, -64, 10, -66, 16, -72).C(18, -84, 28, -88, 38, -86).C(46, -84, 50, -80, 50, -74)
                    .L(50, -68).L(36, -66).L(46, -63).C(46, -56, 40, -54, 30, -56).C(26, -50, 24, -42, 18, -36).C(12, -28, 0, -26, -10, -28).Q(-30, -32, -50, -44).Z(), "white");
                if (more) Belly(c, -6, -30, 16, 22, -36);
                Leg(c, -6, -42, 13);
                c.Path(p => p.M(20, -46).L(30, -42).L(32, -36).L(28, -38).L(20, -40).Z(), "white");
                c.Circle(36, -77, 4.5, "white", Role.Detail);
                c.Circle(37, -77, 2.2, Palette.Eye, Role.Dark);
                if (more) for (var i = 0; i < 3; i++) c.Polygon([(40 + i * 3.3, -66.5), (43.3 + i * 3.3, -66.5), (41.6 + i * 3.3, -63.5)], "white", Role.Detail);
                if (level == ColoringLevel.Detailed) ColoringSubjects.Spots(c, -20, -42, 10, 4, spot, rng);
                break;
            case "triceratops":
                foreach (var x in new[] { -22.0, 8 }) c.Rect(x - 6, -28, 12, 28, "white", Role.Contour, 4);
                c.Polygon([(-30, -44), (-50, -30), (-28, -30)], "white");
                c.Ellipse(-6, -38, 30, 20, "white");
                if (more) ColoringSubjects.Spots(c, -10, -42, 18, 9, spot, rng);
                foreach (var x in new[] { -16.0, 16 }) c.Rect(x - 6, -26, 12, 26, "white", Role.Contour, 4);
                Frill(c, 24, -54, 20, more ? 9 : 6);
                c.Path(p => p.M(18, -54).C(28, -58, 40, -54, 46, -46).Q(50, -36, 42, -30).L(22, -30).Q(14, -40, 18, -54).Z(), "white");
                c.Polygon([(28, -56), (40, -76), (35, -53)], "white", Role.Detail);
                c.Polygon([(44, -46), (50, -58), (48, -42)], "white", Role.Detail);
                c.Circle(32, -46, 4, "white", Role.Detail);
                c.Circle(33, -46, 2, Palette.Eye, Role.Dark);
                c.Path(p => p.M(34, -36).Q(40, -33, 45, -37).Q(40, -35, 34, -36).Z(), Palette.Eye, Role.Dark);
                break;
            case "ptero":
                foreach (var d in new[] { -1.0, 1 })
                {
                    c.Path(p => p.M(d * 4, -58).C(d * 20, -86, d * 40, -92, d * 50, -84).C(d * 44, -72, d * 30, -56, d * 6, -42).Z(), "white");
                    if (more) c.Path(p => p.M(d * 10, -58).C(d * 22, -76, d * 36, -82, d * 44, -81).C(d * 32, -72, d * 22, -62, d * 10, -52).Z(), "white", Role.Detail);
                }
                c.Ellipse(-4, -22, 5, 3, "white");
                c.Ellipse(4, -22, 5, 3, "white");
                c.Ellipse(0, -44, 10, 20, "white");
                if (more) c.Ellipse(0, -40, 5, 12, "white", Role.Detail);
                c.Polygon([(-1, -68), (-16, -80), (4, -66)], "white");
                c.Path(p => p.M(-4, -62).C(-2, -72, 8, -74, 12, -70).L(36, -66).L(12, -61).C(6, -58, -2, -58, -4, -62).Z(), "white");
                c.Circle(5, -67, 2.6, "white", Role.Detail);
                c.Circle(5.5, -67, 1.3, Palette.Eye, Role.Dark);
                break;
            case "nest":
                foreach (var (x, y, rx, ry) in new[] { (-22.0, -42.0, 14.0, 18.0), (22, -40, 13, 17), (0, -50, 15, 21) })
                {
                    c.Ellipse(x, y, rx, ry, "white");
                    if (more) { c.Circle(x - rx * 0.3, y - ry * 0.4, rx * 0.22, "white", Role.Detail); c.Circle(x + rx * 0.35, y + ry * 0.1, rx * 0.18, "white", Role.Detail); }
                }
                c.Path(p => p.M(-48, -32).Q(-50, 0, 0, 0).Q(50, 0, 48, -32).Q(0, -20, -48, -32).Z(), "white");
                if (more)
                    for (var i = 0; i < (level == ColoringLevel.Detailed ? 7 : 4); i++)
                    {
                        var n = level == ColoringLevel.Detailed ? 7 : 4;
                        var x = -36 + i * 72.0 / (n - 1);
                        var y = -14 - 8 * (1 - Math.Abs(x) / 40);
                        c.Ellipse(x, y + 6, 72.0 / n / 2 * 0.9, 4, "white", Role.Detail, i % 2 == 0 ? 12 : -12);
                    }
                break;
            case "ankylo":
                c.Polygon([(-32, -26), (-46, -30), (-46, -22), (-32, -18)], "white");
                c.Ellipse(-45, -26, 5, 8, "white");
                foreach (var x in new[] { -22.0, 20 }) c.Rect(x - 6, -20, 12, 20, "white", Role.Contour, 4);
                foreach (var a in new[] { 0.5, 0.9, 1.3, 1.7, 2.1, 2.5 }) c.Polygon([(-1 + Math.Cos(Math.PI + a - 0.16) * 32, -16 - Math.Sin(a - 0.16) * 28), (-1 + Math.Cos(Math.PI + a) * 42, -16 - Math.Sin(a) * 38), (-1 + Math.Cos(Math.PI + a + 0.16) * 32, -16 - Math.Sin(a + 0.16) * 28)], "white");
                c.Path(p => p.M(-36, -16).C(-36, -56, 32, -58, 34, -16).Z(), "white");
                if (more)
                {
                    var rows = level == ColoringLevel.Detailed ? 3 : 2;
                    for (var row = 0; row < rows; row++)
                    {
                        var y = -24 - row * 26.0 / rows;
                        var half = 28 - row * 8;
                        var n = level == ColoringLevel.Detailed ? 7 - row : 4 - row;
                        for (var i = 0; i < n; i++) c.Ellipse(-1 - half + (i + 0.5) * 2 * half / n, y, half / n * 0.8, 26.0 / rows * 0.34, "white", Role.Detail);
                    }
                }
                foreach (var x in new[] { -14.0, 10 }) c.Rect(x - 6, -18, 12, 18, "white", Role.Contour, 4);
                c.Ellipse(38, -22, 12, 9, "white");
                c.Circle(41, -25, 2.2, Palette.Eye, Role.Dark);
                break;
            default:
                c.Path(p => p.M(-14, -40).C(-18, -70, -6, -94, 14, -92).C(30, -90, 36, -80, 34, -72).C(32, -66, 24, -64, 14, -66).C(12, -56, 12, -48, 14, -40).Z(), "white");
                c.Path(p => p.M(-4, -88).C(-2, -102, 24, -104, 30, -90).L(24, -86).L(18, -92).L(12, -85).L(6, -92).Z(), "white", Role.Detail);
                c.Circle(18, -80, 5, "white", Role.Detail);
                c.Circle(19, -80, 2.5, Palette.Eye, Role.Dark);
                c.Path(p => p.M(20, -70).Q(27, -66, 32, -72).Q(27, -68, 20, -70).Z(), Palette.Eye, Role.Dark);
                c.Path(p => p.M(-34, -40).L(-24, -50).L(-14, -40).L(-2, -50).L(10, -40).L(22, -50).L(34, -40).C(36, -10, 22, 0, 0, 0).C(-22, 0, -36, -10, -34, -40).Z(), "white");
                c.Ellipse(-18, -44, 6, 5, "white");
                c.Ellipse(24, -44, 6, 5, "white");
                if (more) ColoringSubjects.Spots(c, 0, -20, 22, 10, spot, rng);
                break;
        }
    }

    /// <summary>A chunky cartoon leg: shin, a foot pointing forward, and a round thigh over the top of the shin.</summary>
    private static void Leg(SvgCanvas c, double x, double hip, double w)
    {
        c.Rect(x - w * 0.35, hip + w, w * 0.7, -hip - w - 3, "white", Role.Contour, w * 0.2);
        c.Path(p => p.M(x - w * 0.45, 0).L(x - w * 0.45, -6).Q(x + w * 0.3, -9, x + w * 1.1, -5).Q(x + w * 1.3, 0, x + w * 0.9, 0).Z(), "white");
        c.Ellipse(x, hip + w * 0.5, w * 0.85, w * 1.2, "white", Role.Contour, -15);
    }

    private static void Belly(SvgCanvas c, double x, double y, double rx, double ry, double rotate) =>
        c.Ellipse(x + 12, y - 8, rx * 0.45, ry * 0.55, "white", Role.Detail, rotate);

    private static void Spikes(SvgCanvas c, (double X, double Y)[] along, double size)
    {
        foreach (var (x, y) in along) c.Polygon([(x - size, y + 1.5), (x, y - size * 1.2), (x + size, y - 1)], "white", Role.Detail);
    }

    private static void Frill(SvgCanvas c, double cx, double cy, double r, int bumps) =>
        ColoringShapes.Puff(c, cx, cy, r * 0.8, r * 0.85, bumps);
}
