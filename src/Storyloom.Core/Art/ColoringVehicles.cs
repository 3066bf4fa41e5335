using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Vehicles for coloring designs, side views facing right; more windows, rivets and rungs at the higher levels.</summary>
internal static class ColoringVehicles
{
    public static bool Knows(string key) => key is "bus" or "firetruck" or "plane" or "digger" or "bike" or "helicopter" or "dumptruck" or "balloon";

    public static void Draw(SvgCanvas c, string key, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        var most = level == ColoringLevel.Detailed;
        switch (key)
        {
            case "bus":
                c.Rect(-50, -74, 100, 62, "white", Role.Contour, 9);
                for (var i = 0; i < 4; i++) c.Rect(-43 + i * 17, -66, 13, 18, "white", Role.Detail, 3);
                c.Rect(26, -66, 12, 50, "white", Role.Detail, 2);
                if (more) c.Rect(28, -62, 8, 18, "white", Role.Detail, 2);
                c.Path(p => p.M(41, -66).L(46, -66).Q(50, -66, 50, -60).L(50, -44).L(41, -44).Z(), "white", Role.Detail);
                if (more) c.Rect(-50, -38, 76, 7, "white", Role.Detail);
                c.Circle(45, -24, 3.5, "white", Role.Detail);
                if (most) c.Rect(-40, -28, 20, 8, "white", Role.Detail, 2);
                Wheel(c, -28, -12, 11, level);
                Wheel(c, 30, -12, 11, level);
                break;
            case "firetruck":
                c.Rect(-50, -52, 72, 38, "white", Role.Contour, 4);
                c.Path(p => p.M(22, -14).L(22, -64).L(38, -64).Q(45, -64, 47, -54).L(50, -38).L(50, -14).Z(), "white");
                c.Polygon([(27, -58), (38, -58), (43, -42), (27, -42)], "white", Role.Detail);
                c.Path(p => p.M(26, -64).Q(30, -74, 34, -64).Z(), "white", Role.Detail);
                c.Rect(-48, -66, 62, 10, "white", Role.Detail, 2);
                if (more)
                    for (var i = 0; i < 6; i++) c.Rect(-45 + i * 10, -64, 6, 6, "white", Role.Detail);
                c.Circle(-18, -33, 10, "white", Role.Detail);
                if (more) c.Circle(-18, -33, 4.5, "white", Role.Detail);
                if (more) { c.Rect(-46, -46, 16, 24, "white", Role.Detail, 2); c.Rect(-4, -46, 18, 24, "white", Role.Detail, 2); }
                if (most) c.Rect(22, -34, 28, 5, "white", Role.Detail);
                Wheel(c, -32, -12, 11, level);
                Wheel(c, 32, -12, 11, level);
                break;
            case "plane":
                c.Polygon([(-2, -60), (10, -60), (0, -80), (-10, -80)], "white");
                c.Polygon([(-40, -58), (-50, -86), (-38, -86), (-24, -60)], "white");
                c.Path(p => p.M(-44, -56).L(28, -62).C(44, -62, 50, -54, 50, -49).C(50, -42, 42, -36, 28, -36).L(-38, -38).Q(-48, -42, -44, -56).Z(), "white");
                c.Path(p => p.M(33, -59).Q(43, -58, 47, -51).L(35, -51).Z(), "white", Role.Detail);
                for (var i = 0; i < (more ? 4 : 3); i++) c.Circle(more ? -30 + i * 11 : -22 + i * 18, -50, more ? 3.5 : 5, "white", Role.Detail);
                if (more) c.Rect(12, -58, 8, 18, "white", Role.Detail, 2);
                c.Path(p => p.M(-8, -46).L(12, -46).L(-2, -16).L(-16, -16).Z(), "white");
                if (most) c.Ellipse(2, -30, 7, 4, "white", Role.Detail);
                break;
            case "digger":
                c.Polygon([(4, -38), (25, -88), (34, -84), (15, -34)], "white");
                c.Polygon([(26, -89), (34, -84), (48, -48), (40, -45)], "white");
                c.Path(p => p.M(35, -48).L(52, -50).L(50, -28).Q(42, -20, 33, -30).Z(), "white");
                if (more) for (var i = 0; i < 3; i++) c.Polygon([(38 + i * 5, -28 + i), (41 + i * 5, -22 + i), (43 + i * 5, -28 + i)], "white", Role.Detail);
                c.Rect(-36, -56, 5, 14, "white");
                c.Rect(-44, -46, 52, 26, "white", Role.Contour, 4);
                c.Path(p => p.M(-22, -46).L(-22, -80).L(0, -80).L(8, -46).Z(), "white");
                c.Polygon([(-17, -75), (-2, -75), (3, -51), (-17, -51)], "white", Role.Detail);
                if (most) c.Rect(-40, -40, 12, 8, "white", Role.Detail, 2);
                c.Rect(-48, -20, 66, 20, "white", Role.Contour, 10);
                foreach (var x in more ? new[] { -38.0, -24, -10, 4 } : [-34, 6])
                    c.Circle(x + (more ? 3 : 0), -10, more ? 5.5 : 7, "white", Role.Detail);
                break;
            case "bike":
                foreach (var x in new[] { -28.0, 28 })
                {
                    c.Circle(x, -22, 21, "white");
                    c.Circle(x, -22, 15, "white", Role.Detail);
                    if (more)
                        for (var i = 0; i < 4; i++)
                        {
                            var a = i * Math.PI / 4;
                            c.Stroke(p => p.M(x - Math.Cos(a) * 14, -22 - Math.Sin(a) * 14).L(x + Math.Cos(a) * 14, -22 + Math.Sin(a) * 14), "#000", 1);
                        }
                    c.Circle(x, -22, 3.5, "white", Role.Detail);
                }
                // The frame: one closed tube shape around a triangular hole.
                c.Path(p => p.M(-28, -22).L(-12, -58).L(20, -58).L(28, -22).L(22, -22).L(16, -46).L(4, -24).L(-2, -24).L(-6, -50).L(-21, -22).Z()
                    .M(-3, -30).L(-8, -52).L(12, -52).Z(), "white");
                c.Path(p => p.M(-22, -66).Q(-12, -72, -2, -66).Q(-12, -62, -22, -66).Z(), "white");
                c.Rect(-12, -64, 4, 8, "white", Role.Detail);
                c.Path(p => p.M(16, -58).L(20, -72).L(30, -74).L(31, -70).L(23, -68).L(20, -58).Z(), "white");
                c.Circle(2, -24, 6, "white", Role.Detail);
                if (most) c.Rect(-40, -50, 18, 8, "white", Role.Detail, 3);
                break;
            case "helicopter":
                c.Polygon([(-16, -52), (-46, -58), (-46, -50), (-16, -40)], "white");
                c.Circle(-44, -56, 8, "white");
                if (more) c.Circle(-44, -56, 3, "white", Role.Detail);
                var bar = more ? 6.0 : 9;
                c.Rect(-2, -78, 7, 10, "white");
                c.Rect(-46, -78 - bar, 96, bar, "white", Role.Contour, bar / 2);
                c.Rect(-10, -26, 4, 14, "white");
                c.Rect(22, -26, 4, 14, "white");
                c.Rect(-22, -12 - bar * 0.5, 56, bar * 0.9, "white", Role.Contour, bar * 0.45);
                c.Path(p => p.M(-22, -48).C(-22, -68, 20, -72, 34, -58).C(46, -46, 40, -28, 22, -28).L(-10, -28).C(-20, -28, -22, -36, -22, -48).Z(), "white");
                c.Path(p => p.M(12, -64).C(24, -64, 34, -56, 37, -46).L(12, -46).Z(), "white", Role.Detail);
                if (more) c.Rect(-14, -56, 18, 14, "white", Role.Detail, 3);
                if (most) c.Rect(-18, -38, 40, 4, "white", Role.Detail);
                break;
            case "dumptruck":
                c.Rect(-48, -26, 98, 10, "white", Role.Contour, 3);
                c.Polygon([(-50, -72), (14, -62), (14, -28), (-42, -28)], "white");
                if (more)
                    foreach (var (x, y, r) in new[] { (-38.0, -74.0, 8.0), (-22, -75, 9), (-6, -71, 7), (-30, -80, 6) }) c.Circle(x, y, r, "white", Role.Detail);
                if (more) for (var i = 0; i < 3; i++) c.Polygon([(-38 + i * 16, -62 + i * 1.6), (-28 + i * 16, -61 + i * 1.6), (-29 + i * 16, -34), (-37 + i * 16, -34)], "white", Role.Detail);
                c.Path(p => p.M(18, -26).L(18, -64).L(36, -64).Q(44, -64, 46, -54).L(50, -40).L(50, -26).Z(), "white");
                c.Polygon([(23, -58), (36, -58), (41, -42), (23, -42)], "white", Role.Detail);
                Wheel(c, -30, -13, 13, level);
                Wheel(c, 32, -13, 13, level);
                break;
            default:
                c.Polygon([(-12, -30), (-9, -30), (-6, -16), (-9, -16)], "white", Role.Detail);
                c.Polygon([(12, -30), (9, -30), (6, -16), (9, -16)], "white", Role.Detail);
                c.Path(p => p.M(0, -100).C(36, -100, 46, -70, 36, -52).Q(28, -38, 12, -30).L(-12, -30).Q(-28, -38, -36, -52).C(-46, -70, -36, -100, 0, -100).Z(), "white");
                c.Path(p => p.M(0, -100).C(16, -88, 16, -44, 6, -30).L(-6, -30).C(-16, -44, -16, -88, 0, -100).Z(), "white", Role.Detail);
                if (more)
                    foreach (var d in new[] { -1.0, 1 })
                        c.Path(p => p.M(d * 6, -99).C(d * 38, -88, d * 34, -46, d * 10, -31).C(d * 22, -46, d * 26, -84, d * 6, -99).Z(), "white", Role.Detail);
                if (most) c.Rect(-38, -68, 76, 6, "white", Role.Detail);
                c.Rect(-12, -17, 24, 17, "white", Role.Contour, 3);
                if (more) for (var i = 0; i < 3; i++) c.Rect(-9 + i * 6.3, -13, 5, 9, "white", Role.Detail, 1);
                break;
        }
    }

    private static void Wheel(SvgCanvas c, double x, double y, double r, ColoringLevel level)
    {
        c.Circle(x, y, r, "white");
        c.Circle(x, y, r * 0.5, "white", Role.Detail);
        if (level != ColoringLevel.Detailed) return;
        for (var i = 0; i < 5; i++)
        {
            var a = i * 2 * Math.PI / 5;
            c.Circle(x + Math.Cos(a) * r * 0.75, y + Math.Sin(a) * r * 0.75, r * 0.12, "white", Role.Detail);
        }
    }
}
