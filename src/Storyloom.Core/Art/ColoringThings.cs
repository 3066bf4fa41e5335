using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>
/// Fairy-tale, space, garden, bug, food, holiday and truck subjects for coloring designs, in the same local units as the
/// animals (x about -50..50, bottom on y=0, top near y=-100), back to front with white fills.
/// </summary>
internal static class ColoringThings
{
    private static readonly string[] Keys =
    [
        "castle", "rainbow", "heart", "crown", "moon", "star", "comet", "princess", "carriage", "ufo", "astronaut", "alien", "satellite",
        "ladybug", "bee", "snail", "caterpillar", "dragonfly", "tulip", "sunflower", "potplant", "wateringcan", "mushroom",
        "cupcake", "icecream", "donut", "pizza", "apple", "cake", "strawberry", "xmastree", "snowman", "present", "gingerbread", "candycane",
        "pumpkin", "ghost", "bat", "witchhat", "haunted", "cauldron", "cone", "mixer", "garbage", "tow", "pickup", "monster",
    ];

    public static IReadOnlyList<string> All => Keys;

    public static bool Knows(string key) => Keys.Contains(key);

    /// <summary>Things that hang in the air rather than stand on the ground.</summary>
    public static bool Floats(string key) => key is "moon" or "star" or "comet" or "ufo" or "satellite" or "ghost" or "bat" or "heart" or "bee" or "dragonfly" or "rainbow";

    private static void Eye(SvgCanvas c, double x, double y, double r = 2.6) => c.Circle(x, y, r, Palette.Eye, Role.Dark);

    public static void Draw(SvgCanvas c, string key, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        var most = level == ColoringLevel.Detailed;
        switch (key)
        {
            case "castle":
                foreach (var x in new[] { -40.0, 24 })
                {
                    c.Rect(x, -70, 16, 70, "white");
                    c.Polygon([(x - 3, -70), (x + 8, -96), (x + 19, -70)], "white");
                    c.Rect(x + 4, -58, 8, 12, "white", Role.Detail, 4);
                }
                c.Rect(-24, -54, 48, 54, "white");
                for (var i = 0; i < 4; i++) c.Rect(-24 + i * 13, -62, 9, 8, "white");
                c.Path(p => p.M(-10, 0).L(-10, -22).C(-10, -34, 10, -34, 10, -22).L(10, 0).Z(), "white", Role.Detail);
                c.Rect(-1, -74, 2.5, 12, "white");
                c.Polygon([(1.5, -74), (14, -70), (1.5, -66)], "white");
                if (more) { c.Rect(-18, -44, 8, 10, "white", Role.Detail, 4); c.Rect(10, -44, 8, 10, "white", Role.Detail, 4); }
                if (most) for (var i = 0; i < 3; i++) c.Rect(-22 + i * 16, -14, 10, 6, "white", Role.Detail);
                break;
            case "rainbow":
                for (var i = 0; i < (more ? 5 : 3); i++)
                {
                    var r = 46 - i * (more ? 7 : 11);
                    var w = more ? 7.0 : 11;
                    c.Path(p => p.M(-r, -10).C(-r, -10 - r * 1.33, r, -10 - r * 1.33, r, -10).L(r - w, -10).C(r - w, -10 - (r - w) * 1.33, -(r - w), -10 - (r - w) * 1.33, -(r - w), -10).Z(), "white", i == 0 ? Role.Contour : Role.Detail);
                }
                ColoringShapes.Puff(c, -38, -10, 16, 9, 6);
                ColoringShapes.Puff(c, 38, -10, 16, 9, 6);
                break;
            case "heart":
                c.Path(p => p.M(0, -10).C(-30, -30, -44, -56, -30, -72).C(-18, -84, -4, -76, 0, -64).C(4, -76, 18, -84, 30, -72).C(44, -56, 30, -30, 0, -10).Z(), "white");
                if (more) c.Path(p => p.M(-22, -62).C(-24, -70, -18, -74, -12, -72).C(-16, -68, -18, -64, -22, -62).Z(), "white", Role.Detail);
                break;
            case "crown":
                c.Polygon([(-40, -10), (-44, -60), (-22, -38), (0, -72), (22, -38), (44, -60), (40, -10)], "white");
                c.Rect(-40, -22, 80, 12, "white", Role.Detail);
                foreach (var (x, y) in new[] { (-44.0, -64.0), (0, -76), (44, -64) }) c.Circle(x, y, 5, "white");
                if (more) foreach (var x in new[] { -20.0, 0, 20 }) c.Ellipse(x, -16, 4, 3, "white", Role.Detail);
                break;
            case "moon":
                ColoringShapes.Moon(c, 14, -50, 40);
                Eye(c, -12, -58);
                c.Path(p => p.M(-18, -44).Q(-12, -39, -6, -44).Q(-12, -42, -18, -44).Z(), "white", Role.Detail);
                break;
            case "star":
                PropPainter.Star(c, 0, -46, 46, "white", Role.Contour);
                Eye(c, -7, -48);
                Eye(c, 7, -48);
                c.Path(p => p.M(-6, -38).Q(0, -33, 6, -38).Q(0, -35, -6, -38).Z(), "white", Role.Detail);
                break;
            case "comet":
                c.Path(p => p.M(-50, -74).L(10, -52).L(14, -30).L(-50, -20).L(-30, -44).Z(), "white");
                if (more) c.Path(p => p.M(-36, -60).L(4, -46).L(4, -36).L(-36, -32).L(-24, -44).Z(), "white", Role.Detail);
                PropPainter.Star(c, 18, -42, 24, "white", Role.Contour);
                break;
            case "princess":
                c.Path(p => p.M(-18, -58).C(-24, -40, -24, -30, -16, -22).L(16, -22).C(24, -30, 24, -40, 18, -58).Z(), "white");
                c.Path(p => p.M(-10, -50).L(10, -50).C(16, -30, 30, -10, 34, 0).L(-34, 0).C(-30, -10, -16, -30, -10, -50).Z(), "white");
                if (more) c.Path(p => p.M(-24, -14).Q(-12, -20, 0, -14).Q(12, -20, 24, -14).L(28, -6).L(-28, -6).Z(), "white", Role.Detail);
                c.Rect(-9, -64, 18, 16, "white", Role.Contour, 5);
                c.Path(p => p.M(-10, -60).C(-22, -54, -30, -40, -20, -40).C(-16, -48, -10, -50, -8, -52).Z(), "white");
                c.Rect(-3, -70, 6, 8, "white");
                c.Circle(0, -80, 12, "white");
                c.Path(p => p.M(-13, -80).C(-14, -94, 14, -94, 13, -80).C(8, -86, -8, -86, -13, -80).Z(), "white");
                c.Polygon([(-8, -90), (-8, -100), (-4, -95), (0, -102), (4, -95), (8, -100), (8, -90)], "white");
                Eye(c, -4, -79, 1.8);
                Eye(c, 4, -79, 1.8);
                c.Path(p => p.M(-4, -73).Q(0, -70, 4, -73).Q(0, -72, -4, -73).Z(), "white", Role.Detail);
                break;
            case "carriage":
                c.Rect(-46, -30, 92, 6, "white", Role.Contour, 3);
                c.Path(p => p.M(-36, -30).C(-44, -60, -24, -84, 0, -84).C(24, -84, 44, -60, 36, -30).Z(), "white");
                c.Path(p => p.M(-14, -40).L(-14, -62).C(-14, -70, 14, -70, 14, -62).L(14, -40).Z(), "white", Role.Detail);
                if (more) { c.Path(p => p.M(-26, -44).C(-30, -60, -22, -74, -16, -76).L(-18, -44).Z(), "white", Role.Detail); c.Path(p => p.M(26, -44).C(30, -60, 22, -74, 16, -76).L(18, -44).Z(), "white", Role.Detail); }
                c.Rect(-2, -92, 4, 8, "white");
                c.Circle(0, -95, 4, "white");
                foreach (var x in new[] { -28.0, 28 })
                {
                    c.Circle(x, -15, 15, "white");
                    c.Circle(x, -15, 5, "white", Role.Detail);
                }
                break;
            case "ufo":
                c.Path(p => p.M(-22, -60).C(-22, -86, 22, -86, 22, -60).Z(), "white");
                Eye(c, -5, -68);
                Eye(c, 5, -68);
                c.Ellipse(0, -54, 48, 14, "white");
                c.Ellipse(0, -58, 30, 6, "white", Role.Detail);
                foreach (var x in new[] { -30.0, -10, 10, 30 }) c.Circle(x, -48, 4.5, "white", Role.Detail);
                c.Polygon([(-14, -42), (14, -42), (30, -4), (-30, -4)], "white");
                if (more) c.Polygon([(-8, -36), (8, -36), (18, -12), (-18, -12)], "white", Role.Detail);
                break;
            case "astronaut":
                c.Rect(-26, -66, 14, 36, "white", Role.Contour, 4);
                foreach (var x in new[] { -14.0, 4 }) { c.Rect(x, -30, 12, 26, "white", Role.Contour, 4); c.Rect(x - 2, -8, 16, 8, "white", Role.Contour, 3); }
                c.Rect(-16, -64, 34, 38, "white", Role.Contour, 10);
                c.Rect(-8, -52, 18, 12, "white", Role.Detail, 3);
                if (more) { c.Circle(-3, -46, 2.5, "white", Role.Detail); c.Circle(5, -46, 2.5, "white", Role.Detail); }
                c.Rect(16, -62, 10, 26, "white", Role.Contour, 5);
                c.Circle(21, -34, 6, "white");
                c.Circle(1, -82, 20, "white");
                c.Path(p => p.M(-10, -90).C(-4, -96, 14, -96, 16, -86).C(18, -74, 8, -70, 0, -70).C(-10, -70, -14, -82, -10, -90).Z(), "white");
                Eye(c, 2, -82);
                Eye(c, 10, -82);
                break;
            case "alien":
                foreach (var x in new[] { -10.0, 10 })
                {
                    c.Polygon([(x * 0.6 - 1.5, -70), (x * 0.6 + 1.5, -70), (x * 1.8 + 1.5, -96), (x * 1.8 - 1.5, -96)], "white");
                    c.Circle(x * 1.8, -98, 5, "white");
                }
                foreach (var x in new[] { -12.0, 4 }) c.Rect(x, -22, 10, 22, "white", Role.Contour, 4);
                c.Ellipse(0, -34, 18, 20, "white");
                c.Ellipse(0, -32, 10, 12, "white", Role.Detail);
                c.Ellipse(0, -66, 24, 18, "white");
                c.Ellipse(-9, -68, 7, 8, "white", Role.Detail);
                c.Ellipse(9, -68, 7, 8, "white", Role.Detail);
                Eye(c, -8, -68, 3);
                Eye(c, 10, -68, 3);
                c.Path(p => p.M(-8, -56).Q(0, -50, 8, -56).Q(0, -53, -8, -56).Z(), "white", Role.Detail);
                break;
            case "satellite":
                foreach (var d in new[] { -1.0, 1 })
                {
                    c.Rect(d < 0 ? -50 : 18, -62, 32, 22, "white");
                    if (more) c.Rect(d < 0 ? -42 : 26, -62, 8, 22, "white", Role.Detail);
                    c.Rect(d < 0 ? -18 : 10, -54, 8, 6, "white");
                }
                c.Rect(-12, -70, 24, 38, "white", Role.Contour, 4);
                c.Rect(-6, -62, 12, 10, "white", Role.Detail, 2);
                c.Path(p => p.M(-12, -72).C(-10, -90, 10, -90, 12, -72).Z(), "white");
                c.Rect(-4, -96, 8, 14, "white");
                c.Circle(0, -98, 6, "white");
                break;
            case "ladybug":
                foreach (var (x, y) in new[] { (-22.0, -6.0), (0, -4), (22, -6) }) c.Rect(x - 2, y - 10, 5, 14, "white");
                c.Circle(34, -30, 14, "white");
                Eye(c, 40, -34);
                c.Ellipse(0, -36, 36, 28, "white");
                c.Polygon([(-1, -64), (1, -64), (1, -8), (-1, -8)], "white", Role.Detail);
                foreach (var (x, y) in new[] { (-18.0, -44.0), (-14, -24), (18, -44), (14, -24) }) c.Circle(x, y, more ? 5.5 : 7, "white", Role.Detail);
                if (more) foreach (var x in new[] { -26.0, 26 }) c.Circle(x, -32, 4, "white", Role.Detail);
                break;
            case "bee":
                c.Ellipse(-10, -70, 14, 20, "white", Role.Contour, -20);
                c.Ellipse(10, -72, 14, 22, "white", Role.Contour, 20);
                if (more) c.Ellipse(10, -72, 7, 12, "white", Role.Detail, 20);
                c.Polygon([(-38, -42), (-50, -40), (-38, -36)], "white");
                c.Ellipse(-4, -40, 34, 22, "white");
                foreach (var x in new[] { -20.0, -4, 12 }) c.Rect(x - 4.5, -60, 9, 40, "white", Role.Detail);
                c.Circle(32, -44, 14, "white");
                Eye(c, 36, -48);
                c.Path(p => p.M(34, -40).Q(38, -36, 42, -40).Q(38, -38, 34, -40).Z(), "white", Role.Detail);
                break;
            case "snail":
                c.Path(p => p.M(-44, 0).L(44, 0).C(50, -6, 48, -18, 40, -22).L(40, -44).L(34, -44).L(32, -20).L(-40, -12).Z(), "white");
                c.Circle(37, -48, 5, "white");
                c.Circle(-6, -44, 32, "white");
                c.Circle(-3, -46, 20, "white", Role.Detail);
                c.Circle(0, -48, 10, "white", Role.Detail);
                Eye(c, 38, -48, 2);
                break;
            case "caterpillar":
                for (var i = 0; i < 5; i++)
                {
                    var x = -42 + i * 16;
                    var y = -18 - (i % 2) * 8;
                    c.Rect(x - 2, y + 8, 5, 10, "white");
                    c.Circle(x, y, 13, "white");
                    if (more) c.Circle(x, y, 5, "white", Role.Detail);
                }
                foreach (var x in new[] { 28.0, 42 }) { c.Rect(x - 3, -66, 6, 14, "white"); c.Circle(x, -68, 5, "white"); }
                c.Circle(36, -40, 16, "white");
                Eye(c, 32, -42);
                Eye(c, 42, -42);
                c.Path(p => p.M(30, -33).Q(37, -28, 44, -33).Q(37, -31, 30, -33).Z(), "white", Role.Detail);
                break;
            case "dragonfly":
                foreach (var (y, a) in new[] { (-56.0, -25.0), (-44, 25) })
                {
                    c.Ellipse(-6, y - 10, 30, 9, "white", Role.Contour, a);
                    c.Ellipse(-6, y + 10, 28, 8, "white", Role.Contour, -a);
                }
                c.Rect(-50, -53, 50, 7, "white", Role.Contour, 3.5);
                if (more) for (var i = 0; i < 4; i++) c.Rect(-44 + i * 10, -53, 4, 7, "white", Role.Detail);
                c.Ellipse(8, -50, 10, 8, "white");
                c.Circle(22, -50, 9, "white");
                Eye(c, 25, -52);
                break;
            case "tulip":
                c.Rect(-5, -56, 10, 56, "white");
                c.Path(p => p.M(2, -10).C(20, -30, 30, -40, 24, -56).C(10, -40, 4, -30, 2, -20).Z(), "white");
                c.Path(p => p.M(-2, -16).C(-18, -30, -26, -36, -22, -48).C(-10, -38, -4, -30, -2, -24).Z(), "white");
                c.Path(p => p.M(-18, -88).L(-9, -76).L(0, -92).L(9, -76).L(18, -88).C(20, -66, 12, -54, 0, -54).C(-12, -54, -20, -66, -18, -88).Z(), "white");
                if (more) c.Path(p => p.M(-6, -76).L(0, -86).L(6, -76).C(6, -64, -6, -64, -6, -76).Z(), "white", Role.Detail);
                break;
            case "sunflower":
                c.Rect(-5, -60, 10, 60, "white");
                c.Path(p => p.M(2, -20).C(20, -34, 32, -32, 34, -26).C(22, -18, 12, -18, 2, -20).Z(), "white");
                for (var i = 0; i < 12; i++)
                {
                    var a = i * Math.PI / 6;
                    var (x, y) = (Math.Sin(a) * 24, -72 - Math.Cos(a) * 24);
                    c.Ellipse(x, y, 7, 14, "white", Role.Contour, i * 30);
                }
                c.Circle(0, -72, 17, "white");
                if (more) foreach (var (x, y) in new[] { (-6.0, -76.0), (6, -76), (0, -66), (-7, -66), (7, -66), (0, -80) }) c.Circle(x, y, 3.5, "white", Role.Detail);
                break;
            case "potplant":
                foreach (var a in new[] { -40.0, -15, 15, 40 })
                {
                    c.Push(Affine.Translate(0, -40).Then(Affine.Rotate(a)));
                    c.Path(p => p.M(0, 0).C(-14, -16, -10, -38, 0, -50).C(10, -38, 14, -16, 0, 0).Z(), "white");
                    c.Pop();
                }
                c.Circle(0, -88, 12, "white");
                c.Circle(0, -88, 5, "white", Role.Detail);
                c.Polygon([(-24, -44), (24, -44), (18, 0), (-18, 0)], "white");
                c.Rect(-28, -50, 56, 10, "white", Role.Contour, 3);
                if (more) c.Path(p => p.M(-8, -28).C(-8, -36, 0, -36, 0, -30).C(0, -36, 8, -36, 8, -28).L(0, -20).Z(), "white", Role.Detail);
                break;
            case "wateringcan":
                c.Path(p => p.M(-20, -60).C(-40, -60, -44, -30, -30, -24).L(-28, -30).C(-38, -36, -34, -54, -20, -54).Z(), "white");
                c.Polygon([(20, -30), (44, -62), (50, -58), (24, -20)], "white");
                c.Rect(40, -70, 14, 10, "white", Role.Contour, 3);
                c.Rect(-24, -64, 48, 64, "white", Role.Contour, 6);
                c.Path(p => p.M(-16, -64).C(-16, -84, 16, -84, 16, -64).L(10, -64).C(10, -78, -10, -78, -10, -64).Z(), "white");
                if (more) ColoringShapes.Puff(c, 0, -32, 12, 12, 6, role: Role.Detail);
                break;
            case "mushroom":
                c.Path(p => p.M(-14, 0).C(-16, -20, -12, -40, -10, -48).L(10, -48).C(12, -40, 16, -20, 14, 0).Z(), "white");
                c.Path(p => p.M(-48, -44).C(-48, -90, 48, -90, 48, -44).Q(0, -36, -48, -44).Z(), "white");
                foreach (var (x, y, r) in new[] { (-24.0, -62.0, 8.0), (4, -72, 9), (26, -58, 7) }) c.Circle(x, y, r, "white", Role.Detail);
                if (more) c.Rect(-6, -30, 12, 16, "white", Role.Detail, 6);
                break;
            case "cupcake":
                c.Polygon([(-30, -40), (30, -40), (22, 0), (-22, 0)], "white");
                for (var i = 0; i < 4; i++) c.Rect(-20 + i * 11, -36, 6, 32, "white", Role.Detail);
                ColoringShapes.Puff(c, 0, -50, 36, 14, 8);
                ColoringShapes.Puff(c, 0, -68, 24, 12, 6);
                c.Circle(0, -86, 9, "white");
                c.Rect(0, -100, 3, 8, "white");
                if (more) foreach (var (x, y) in new[] { (-18.0, -52.0), (14, -50), (-4, -68), (12, -68) }) c.Rect(x, y, 7, 3.5, "white", Role.Detail, 1.5);
                break;
            case "icecream":
                c.Polygon([(-22, -56), (22, -56), (0, 0)], "white");
                if (more) { c.Polygon([(-12, -48), (-4, -48), (-8, -38)], "white", Role.Detail); c.Polygon([(4, -48), (12, -48), (8, -38)], "white", Role.Detail); }
                c.Circle(-10, -66, 17, "white");
                c.Circle(12, -66, 17, "white");
                c.Circle(0, -88, 16, "white");
                c.Circle(0, -106, 5, "white");
                break;
            case "donut":
                c.Ellipse(0, -40, 46, 36, "white");
                c.Path(p => p.M(-40, -44).C(-40, -80, 40, -80, 40, -44).C(34, -34, 24, -46, 14, -36).C(4, -28, -10, -42, -20, -34).C(-30, -28, -36, -36, -40, -44).Z(), "white", Role.Detail);
                c.Ellipse(0, -46, 12, 9, "white");
                if (more) foreach (var (x, y, a) in new[] { (-24.0, -56.0, 30.0), (20, -58, -20), (-6, -66, 70), (26, -46, 50) }) c.Ellipse(x, y, 5, 2.2, "white", Role.Detail, a);
                break;
            case "pizza":
                c.Path(p => p.M(-44, -80).Q(0, -96, 44, -80).L(0, 0).Z(), "white");
                c.Path(p => p.M(-40, -74).Q(0, -88, 40, -74).L(36, -66).Q(0, -80, -36, -66).Z(), "white", Role.Detail);
                foreach (var (x, y) in new[] { (-14.0, -56.0), (12, -52), (0, -30) }) c.Circle(x, y, 7, "white", Role.Detail);
                if (more) c.Ellipse(-2, -44, 4, 3, "white", Role.Detail);
                break;
            case "apple":
                c.Rect(-2, -88, 5, 16, "white");
                c.Path(p => p.M(3, -80).C(14, -92, 26, -88, 30, -82).C(20, -74, 10, -74, 3, -80).Z(), "white");
                c.Path(p => p.M(0, -70).C(-20, -84, -46, -72, -42, -40).C(-38, -10, -16, 4, 0, -6).C(16, 4, 38, -10, 42, -40).C(46, -72, 20, -84, 0, -70).Z(), "white");
                if (more) c.Path(p => p.M(-28, -56).C(-30, -64, -22, -68, -16, -66).C(-22, -62, -24, -58, -28, -56).Z(), "white", Role.Detail);
                break;
            case "cake":
                c.Rect(-44, -36, 88, 36, "white", Role.Contour, 4);
                c.Rect(-34, -64, 68, 28, "white", Role.Contour, 4);
                c.Path(p => p.M(-34, -58).Q(-28, -48, -22, -58).Q(-16, -48, -10, -58).Q(-4, -48, 2, -58).Q(8, -48, 14, -58).Q(20, -48, 26, -58).Q(30, -50, 34, -58).L(34, -64).L(-34, -64).Z(), "white", Role.Detail);
                foreach (var x in new[] { -16.0, 0, 16 })
                {
                    c.Rect(x - 5, -84, 10, 20, "white");
                    c.Path(p => p.M(x, -98).C(x + 6, -90, x + 4, -86, x, -86).C(x - 4, -86, x - 6, -90, x, -98).Z(), "white");
                }
                if (more) foreach (var x in new[] { -30.0, -10, 10, 30 }) c.Circle(x, -18, 5, "white", Role.Detail);
                break;
            case "strawberry":
                c.Path(p => p.M(0, -4).C(-30, -20, -44, -56, -30, -70).C(-16, -80, 16, -80, 30, -70).C(44, -56, 30, -20, 0, -4).Z(), "white");
                c.Polygon([(-22, -72), (-12, -86), (-4, -76), (0, -92), (4, -76), (12, -86), (22, -72), (0, -66)], "white");
                foreach (var (x, y) in new[] { (-16.0, -52.0), (0, -56), (16, -52), (-8, -36), (8, -36), (0, -20) }) c.Ellipse(x, y, 2.5, 3.5, "white", Role.Detail);
                break;
            case "xmastree":
                c.Rect(-8, -16, 16, 16, "white");
                for (var i = 0; i < 3; i++)
                {
                    var (top, w) = (-92 + i * 22.0, 22 + i * 12.0);
                    c.Path(p => p.M(0, top).L(w, top + 40).Q(0, top + 34, -w, top + 40).Z(), "white");
                }
                PropPainter.Star(c, 0, -94, 10, "white", Role.Contour);
                foreach (var (x, y) in new[] { (-10.0, -48.0), (12, -40), (-24, -24), (4, -26), (26, -22), (0, -62) }) c.Circle(x, y, more ? 4.5 : 6, "white", Role.Detail);
                break;
            case "snowman":
                c.Circle(0, -28, 28, "white");
                c.Circle(0, -70, 20, "white");
                c.Rect(-22, -56, 44, 11, "white", Role.Contour, 3);
                c.Rect(6, -56, 11, 24, "white", Role.Contour, 3);
                c.Rect(-18, -96, 36, 11, "white");
                c.Rect(-11, -112, 22, 20, "white");
                Eye(c, -7, -74);
                Eye(c, 7, -74);
                c.Polygon([(0, -70), (16, -66), (0, -64)], "white");
                foreach (var y in new[] { -36.0, -22 }) c.Circle(0, y, 3, Palette.Eye, Role.Dark);
                break;
            case "present":
                c.Rect(-40, -56, 80, 56, "white", Role.Contour, 3);
                c.Rect(-44, -66, 88, 12, "white", Role.Contour, 3);
                c.Rect(-7, -66, 14, 66, "white", Role.Detail);
                c.Path(p => p.M(0, -66).C(-20, -90, -36, -80, -24, -68).Z(), "white");
                c.Path(p => p.M(0, -66).C(20, -90, 36, -80, 24, -68).Z(), "white");
                if (more) foreach (var (x, y) in new[] { (-26.0, -36.0), (24, -20), (-22, -12), (26, -44) }) PropPainter.Star(c, x, y, 6, "white", Role.Detail);
                break;
            case "gingerbread":
                c.Path(p => p.M(-8, -70).L(-36, -64).C(-44, -62, -44, -50, -36, -50).L(-14, -52).L(-24, -10).C(-28, 0, -14, 4, -10, -4).L(0, -24).L(10, -4).C(14, 4, 28, 0, 24, -10).L(14, -52).L(36, -50).C(44, -50, 44, -62, 36, -64).L(8, -70).Z(), "white");
                c.Circle(0, -82, 16, "white");
                Eye(c, -5, -85);
                Eye(c, 5, -85);
                c.Path(p => p.M(-6, -77).Q(0, -72, 6, -77).Q(0, -74, -6, -77).Z(), "white", Role.Detail);
                foreach (var y in new[] { -56.0, -44 }) c.Circle(0, y, 3.5, "white", Role.Detail);
                if (more) c.Rect(-14, -34, 28, 5, "white", Role.Detail, 2);
                break;
            case "candycane":
                c.Path(p => p.M(-4, 0).L(-4, -64).C(-4, -96, 40, -96, 40, -66).L(40, -56).L(28, -56).L(28, -66).C(28, -82, 8, -82, 8, -64).L(8, 0).Z(), "white");
                foreach (var y in new[] { -12.0, -30, -48 }) c.Polygon([(-4, y), (8, y - 8), (8, y - 2), (-4, y + 6)], "white", Role.Detail);
                break;
            case "pumpkin":
                c.Path(p => p.M(-2, -64).L(-4, -80).L(6, -82).L(6, -64).Z(), "white");
                c.Ellipse(-22, -36, 24, 34, "white");
                c.Ellipse(22, -36, 24, 34, "white");
                c.Ellipse(0, -36, 22, 36, "white");
                c.Polygon([(-16, -46), (-4, -46), (-10, -58)], "white", Role.Detail);
                c.Polygon([(4, -46), (16, -46), (10, -58)], "white", Role.Detail);
                c.Path(p => p.M(-20, -30).L(-12, -24).L(-6, -30).L(0, -22).L(6, -30).L(12, -24).L(20, -30).C(14, -12, -14, -12, -20, -30).Z(), "white", Role.Detail);
                break;
            case "ghost":
                c.Path(p => p.M(-30, -10).C(-34, -50, -30, -96, 0, -96).C(30, -96, 34, -50, 30, -10).Q(22, -2, 16, -10).Q(10, -2, 4, -10).Q(-2, -2, -8, -10).Q(-14, -2, -20, -10).Q(-26, -2, -30, -10).Z(), "white");
                Eye(c, -8, -66, 3.4);
                Eye(c, 8, -66, 3.4);
                c.Ellipse(0, -50, 6, 8, "white", Role.Detail);
                break;
            case "bat":
                foreach (var d in new[] { -1.0, 1 })
                    c.Path(p => p.M(d * 8, -60).C(d * 24, -78, d * 40, -80, d * 50, -70).C(d * 44, -64, d * 42, -58, d * 44, -50).C(d * 36, -54, d * 30, -52, d * 26, -44).C(d * 20, -50, d * 14, -50, d * 8, -44).Z(), "white");
                c.Polygon([(-10, -70), (-12, -84), (-2, -72)], "white");
                c.Polygon([(10, -70), (12, -84), (2, -72)], "white");
                c.Ellipse(0, -56, 12, 16, "white");
                Eye(c, -4, -62);
                Eye(c, 4, -62);
                break;
            case "witchhat":
                c.Ellipse(0, -14, 48, 12, "white");
                c.Path(p => p.M(-26, -18).C(-18, -50, -8, -80, 10, -100).C(12, -86, 8, -80, 14, -70).C(18, -50, 24, -30, 26, -18).Z(), "white");
                c.Path(p => p.M(-24, -26).L(24, -26).L(26, -18).L(-26, -18).Z(), "white", Role.Detail);
                c.Rect(-6, -30, 12, 14, "white", Role.Detail, 2);
                if (more) PropPainter.Star(c, 2, -52, 7, "white", Role.Detail);
                break;
            case "haunted":
                c.Rect(-36, -60, 56, 60, "white");
                c.Polygon([(-42, -60), (-8, -92), (26, -60)], "white");
                c.Rect(20, -80, 22, 80, "white");
                c.Polygon([(16, -80), (31, -104), (46, -80)], "white");
                c.Path(p => p.M(-14, 0).L(-14, -22).C(-14, -32, 2, -32, 2, -22).L(2, 0).Z(), "white", Role.Detail);
                foreach (var (x, y) in new[] { (-30.0, -50.0), (4, -50), (26, -64), (26, -40) }) c.Rect(x, y, 10, 12, "white", Role.Detail, 1);
                c.Circle(-8, -72, 6, "white", Role.Detail);
                if (more) c.Polygon([(-30, -36), (-22, -28), (-30, -24)], "white", Role.Detail);
                break;
            case "cauldron":
                foreach (var (x, y, r) in new[] { (-10.0, -82.0, 8.0), (8, -90, 6), (14, -76, 5) }) c.Circle(x, y, r, "white");
                ColoringShapes.Puff(c, 0, -64, 34, 8, 8);
                c.Path(p => p.M(-40, -62).L(40, -62).C(46, -30, 30, -8, 0, -8).C(-30, -8, -46, -30, -40, -62).Z(), "white");
                c.Rect(-44, -68, 88, 10, "white", Role.Contour, 5);
                foreach (var x in new[] { -24.0, 18 }) c.Rect(x, -12, 6, 12, "white");
                break;
            case "cone":
                c.Rect(-30, -8, 60, 8, "white", Role.Contour, 2);
                c.Polygon([(-22, -8), (-4, -80), (4, -80), (22, -8)], "white");
                c.Polygon([(-15, -36), (15, -36), (12, -48), (-12, -48)], "white", Role.Detail);
                break;
            case "mixer" or "garbage" or "tow" or "pickup" or "monster":
                Truck(c, key, level);
                break;
        }
    }

    /// <summary>A cab on the right and what the truck carries on the left; big wheels for a monster truck.</summary>
    private static void Truck(SvgCanvas c, string key, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        var lift = key == "monster" ? 22.0 : 0;
        var r = key == "monster" ? 22.0 : 11;
        // Cargo behind the cab.
        switch (key)
        {
            case "mixer":
                c.Path(p => p.M(-48, -42).C(-50, -70, -20, -78, 8, -68).L(8, -34).C(-20, -26, -46, -30, -48, -42).Z(), "white");
                if (more) foreach (var x in new[] { -34.0, -18, -2 }) c.Polygon([(x, -72), (x + 6, -72), (x + 12, -32), (x + 6, -32)], "white", Role.Detail);
                c.Rect(-50, -30, 62, 8, "white", Role.Contour, 2);
                break;
            case "garbage":
                c.Rect(-50, -76, 60, 52, "white", Role.Contour, 5);
                if (more) for (var i = 0; i < 3; i++) c.Rect(-42 + i * 17, -68, 12, 36, "white", Role.Detail, 3);
                break;
            case "tow":
                c.Rect(-50, -36, 62, 12, "white", Role.Contour, 2);
                c.Polygon([(-20, -36), (-12, -36), (-36, -76), (-44, -72)], "white");
                c.Path(p => p.M(-44, -74).L(-48, -50).C(-48, -44, -40, -44, -40, -50).L(-42, -52).Z(), "white");
                break;
            case "pickup":
                c.Rect(-50, -50, 62, 26, "white", Role.Contour, 3);
                if (more) c.Rect(-44, -46, 50, 6, "white", Role.Detail);
                break;
            default:
                c.Rect(-50, -52 - lift, 60, 30, "white", Role.Contour, 8);
                break;
        }
        // Cab.
        c.Path(p => p.M(8, -22 - lift).L(8, -74 - lift).L(32, -74 - lift).Q(42, -74 - lift, 46, -60 - lift).L(50, -44 - lift).L(50, -22 - lift).Z(), "white");
        c.Polygon([(14, -68 - lift), (30, -68 - lift), (38, -50 - lift), (14, -50 - lift)], "white", Role.Detail);
        if (more) c.Rect(14, -44 - lift, 8, 4, "white", Role.Detail, 2);
        c.Rect(-50, -26 - lift, 100, 8, "white", Role.Contour, 3);
        foreach (var x in key == "monster" ? new[] { -26.0, 26 } : [-32.0, 32])
        {
            c.Circle(x, -r, r, "white");
            c.Circle(x, -r, r * 0.5, "white", Role.Detail);
            if (key == "monster" && more)
                for (var i = 0; i < 8; i++)
                {
                    var a = i * Math.PI / 4;
                    c.Circle(x + Math.Cos(a) * r * 0.78, -r + Math.Sin(a) * r * 0.78, r * 0.13, "white", Role.Detail);
                }
        }
    }
}
