namespace Storyloom.Core.Art;

/// <summary>
/// The things of concept books (apple, ball, circle …), each drawn in a local box x, y in -50..50 around its centre,
/// in its own colour or the one asked for, and wrapped in one marked group so every thing can be counted.
/// </summary>
internal static partial class ThingPainter
{
    public const string Red = "#E4574C", Orange = "#FF9E3D", Yellow = "#F9D65C", Green = "#4CAF6A", Blue = "#5B9BD5",
        Purple = "#9B6BC7", Pink = "#F28DB2", Brown = "#9A6A45", Black = "#3A3440", White = "#FFFFFF", Gray = "#A3A9B2";

    private const string Stem = "#6B4A32", LeafGreen = "#5DAE4F", Cream = "#FFF6E0";

    /// <summary>Every kind this painter draws; a brief naming another kind gets a star.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(
    [
        "apple", "orange", "lemon", "pear", "grapes", "watermelon", "melon", "cake", "icecream", "egg", "cookie", "pizza", "carrot", "acorn",
        "ball", "balloon", "kite", "drum", "yoyo", "block", "crayon", "gift", "hat", "partyhat", "button", "book", "envelope", "xylophone",
        "quilt", "key", "umbrella", "cup", "jar", "vase", "clock", "tower", "basket", "box", "gem", "sign", "lantern",
        "flower", "leaf", "tree", "sun", "moon", "star", "heart", "cloud", "rock", "nest", "rainbow", "shell", "snowman",
        "duck", "ladybug", "frog", "zebra", "snail", "fish", "whale", "boat", "car", "train", "rocket", "turtle", "butterfly",
        "circle", "square", "triangle", "rectangle", "oval", "diamond", "crescent", "semicircle",
    ]);

    /// <summary>Draws one thing centred at (x, y), size points across, as one &lt;g data-object&gt; group.</summary>
    public static void Draw(SvgCanvas c, string kind, double x, double y, double size, string? color = null, string? variant = null)
    {
        c.BeginObject(kind);
        c.Push(Affine.Translate(x, y).Then(Affine.Scale(size / 100, size / 100)));
        if (ObjectPainter.Knows(kind) && kind != "flower") Fitted(c, kind);
        else if (!Shape(c, kind, color) && !Food(c, kind, color) && !Toy(c, kind, color, variant) && !Nature(c, kind, color, variant)) PropPainter.Star(c, 0, 0, 48, color ?? Yellow, Role.Contour);
        if (variant == "fast") SpeedLines(c);
        c.Pop();
        c.EndObject();
    }

    /// <summary>The big subjects of coloring designs, scaled into the ±50 box.</summary>
    private static void Fitted(SvgCanvas c, string kind)
    {
        var (x0, y0, x1, y1) = ObjectPainter.Bounds(kind);
        var s = 94 / Math.Max(x1 - x0, y1 - y0);
        c.Push(Affine.Scale(s, s).Then(Affine.Translate(-(x0 + x1) / 2, -(y0 + y1) / 2)));
        ObjectPainter.Draw(c, kind);
        c.Pop();
    }

    private static void SpeedLines(SvgCanvas c)
    {
        foreach (var (y, len) in new[] { (-20.0, 26.0), (0, 36), (20, 26) })
            c.Stroke(p => p.M(-58, y + 8).L(-58 - len, y + 8), Palette.Ink, 3);
    }

    private static bool Shape(SvgCanvas c, string kind, string? color)
    {
        var fill = color ?? Blue;
        switch (kind)
        {
            case "circle": c.Circle(0, 0, 46, fill); break;
            case "square": c.Rect(-42, -42, 84, 84, fill, Role.Contour, 4); break;
            case "triangle": c.Polygon([(0, -46), (48, 38), (-48, 38)], fill); break;
            case "rectangle": c.Rect(-48, -30, 96, 60, fill, Role.Contour, 4); break;
            case "oval": c.Ellipse(0, 0, 34, 47, fill); break;
            case "diamond": c.Polygon([(0, -48), (36, 0), (0, 48), (-36, 0)], fill); break;
            case "crescent": c.Path(p => p.M(8, -48).C(-46, -40, -46, 40, 8, 48).C(-22, 26, -22, -26, 8, -48).Z(), color ?? Yellow); break;
            case "semicircle": c.Path(p => p.M(-48, 20).C(-48, -44, 48, -44, 48, 20).Z(), fill); break;
            default: return false;
        }
        if (kind != "crescent") Face(c, kind == "triangle" ? 12 : kind == "semicircle" ? 2 : 0, 10);
        return true;
    }

    /// <summary>A small friendly face so plain shapes feel like characters.</summary>
    private static void Face(SvgCanvas c, double y, double spread)
    {
        c.Circle(-spread, y - 4, 3.6, Palette.Eye, Role.Dark);
        c.Circle(spread, y - 4, 3.6, Palette.Eye, Role.Dark);
        c.Path(p => p.M(-7, y + 6).Q(0, y + 13, 7, y + 6).Q(0, y + 9, -7, y + 6).Z(), Palette.Eye, Role.Dark);
    }

    private static bool Toy(SvgCanvas c, string kind, string? color, string? variant)
    {
        switch (kind)
        {
            case "ball":
                c.Circle(0, 0, 44, color ?? Blue);
                c.Path(p => p.M(-44, 0).Q(0, -24, 44, 0).Q(0, 20, -44, 0).Z(), White, Role.Detail);
                c.Circle(-18, -22, 6, Palette.Lighten(color ?? Blue, 0.6), Role.Detail);
                break;
            case "balloon":
                c.Stroke(p => p.M(0, 30).Q(-8, 40, 2, 50), "#5A4A5E", 1.6);
                c.Polygon([(0, 26), (-6, 33), (6, 33)], color ?? Red, Role.Detail);
                c.Ellipse(0, -12, 32, 39, color ?? Red);
                c.Ellipse(-12, -28, 5, 9, Palette.Lighten(color ?? Red, 0.6), Role.Detail, 20);
                break;
            case "kite":
                c.Stroke(p => p.M(0, 34).Q(-14, 42, -6, 50), "#5A4A5E", 1.6);
                c.Polygon([(0, -48), (32, -10), (0, 36), (-32, -10)], color ?? Red);
                c.Polygon([(0, -48), (32, -10), (0, -10)], Palette.Lighten(color ?? Red, 0.45), Role.Detail);
                c.Polygon([(0, -10), (-32, -10), (0, 36)], Palette.Lighten(color ?? Red, 0.45), Role.Detail);
                break;
            case "drum":
                c.Rect(-38, -16, 76, 50, color ?? Red, Role.Contour, 6);
                c.Stroke(p => p.M(-36, -8).L(-20, 28).L(-4, -8).L(12, 28).L(28, -8).L(36, 10), Yellow, 2.4);
                c.Ellipse(0, -16, 38, 11, Cream);
                c.Stroke(p => p.M(-30, -48).L(-8, -22), Stem, 3);
                c.Stroke(p => p.M(34, -46).L(10, -22), Stem, 3);
                break;
            case "yoyo":
                c.Stroke(p => p.M(0, -10).Q(6, -34, 0, -50), "#5A4A5E", 1.6);
                c.Circle(0, 4, 40, color ?? Yellow);
                c.Circle(0, 4, 15, Palette.Lighten(color ?? Yellow, 0.5), Role.Detail);
                c.Circle(0, 4, 4, Palette.Darken(color ?? Yellow, 0.3), Role.Detail);
                break;
            case "block":
                c.Rect(-40, -40, 80, 80, color ?? Red, Role.Contour, 6);
                c.Rect(-28, -28, 56, 56, Palette.Lighten(color ?? Red, 0.4), Role.Detail, 4);
                c.Circle(0, 0, 10, color ?? Red, Role.Detail);
                break;
            case "crayon":
                var len = variant == "short" ? 34.0 : variant == "long" ? 96 : 70;
                c.Push(Affine.Rotate(variant is "short" or "long" ? 90 : -35));
                c.Polygon([(-11, -len / 2), (11, -len / 2), (0, -len / 2 - 18)], Palette.Lighten(color ?? Red, 0.25));
                c.Rect(-11, -len / 2, 22, len, color ?? Red, Role.Contour, 3);
                c.Rect(-11, -len / 2 + 6, 22, 5, Palette.Darken(color ?? Red, 0.3), Role.Detail);
                c.Rect(-11, len / 2 - 11, 22, 5, Palette.Darken(color ?? Red, 0.3), Role.Detail);
                c.Pop();
                break;
            case "gift":
                c.Rect(-38, -22, 76, 64, color ?? Pink, Role.Contour, 3);
                c.Rect(-42, -34, 84, 16, Palette.Darken(color ?? Pink, 0.12), Role.Contour, 3);
                c.Rect(-6, -34, 12, 76, Yellow, Role.Detail);
                c.Ellipse(-13, -40, 12, 7, Yellow, Role.Contour, -20);
                c.Ellipse(13, -40, 12, 7, Yellow, Role.Contour, 20);
                break;
            case "hat":
                c.Rect(-28, -40, 56, 66, color ?? Black, Role.Contour, 4);
                c.Rect(-28, 8, 56, 10, Palette.Lighten(color ?? Black, 0.45), Role.Detail);
                c.Ellipse(0, 28, 48, 10, color ?? Black);
                break;
            case "partyhat":
                c.Polygon([(0, -40), (34, 44), (-34, 44)], color ?? Purple);
                foreach (var (dx, dy) in new[] { (-8.0, 20.0), (10, 6), (-2, -14), (14, 30) }) c.Circle(dx, dy, 4.5, Yellow, Role.Detail);
                c.Circle(0, -41, 7, Yellow);
                break;
            case "button":
                c.Circle(0, 0, 44, color ?? Red);
                c.Circle(0, 0, 32, Palette.Lighten(color ?? Red, 0.25), Role.Detail);
                foreach (var (dx, dy) in new[] { (-9.0, -9.0), (9, -9), (-9, 9), (9, 9) }) c.Circle(dx, dy, 5, Palette.Darken(color ?? Red, 0.45), Role.Dark);
                break;
            case "book":
                c.Rect(-46, -34, 92, 68, color ?? Blue, Role.Contour, 4);
                c.Rect(-46, -34, 12, 68, Palette.Darken(color ?? Blue, 0.25), Role.Detail);
                c.Rect(-22, -18, 54, 16, Cream, Role.Detail, 3);
                break;
            case "envelope":
                c.Rect(-48, -30, 96, 60, color ?? White, Role.Contour, 3);
                c.Stroke(p => p.M(-46, -28).L(0, 6).L(46, -28), Palette.Ink, 2);
                c.Rect(24, -22, 14, 16, Red, Role.Detail);
                break;
            default:
                return Household(c, kind, color, variant);
        }
        return true;
    }

    private static bool Household(SvgCanvas c, string kind, string? color, string? variant)
    {
        switch (kind)
        {
            case "lantern":
                PropPainter.Prop(c, "lantern", 0, 4, 36);
                break;
            case "xylophone":
                c.Rect(-48, 10, 96, 8, Stem, Role.Detail, 3);
                string[] bars = [Red, Orange, Yellow, Green, Blue, Purple];
                for (var i = 0; i < bars.Length; i++) c.Rect(-46 + i * 16, -30 + i * 4, 13, 56 - i * 8, bars[i], Role.Contour, 3);
                c.Stroke(p => p.M(20, -40).L(44, -20), Stem, 3);
                c.Circle(18, -42, 6, Red);
                break;
            case "quilt":
                for (var r = 0; r < 3; r++)
                    for (var q = 0; q < 3; q++)
                        c.Rect(-42 + q * 28, -42 + r * 28, 28, 28, (r + q) % 2 == 0 ? color ?? Pink : Cream, Role.Contour);
                break;
            case "key":
                c.Rect(-8, -6, 54, 12, color ?? "#E3B44B", Role.Contour, 3);
                c.Rect(30, 4, 8, 14, color ?? "#E3B44B", Role.Contour);
                c.Rect(16, 4, 8, 10, color ?? "#E3B44B", Role.Contour);
                c.Circle(-26, 0, 22, color ?? "#E3B44B");
                c.Circle(-26, 0, 8, Cream, Role.Detail);
                break;
            case "umbrella":
                c.Rect(-2.5, -6, 5, 44, Stem, Role.Detail);
                c.Stroke(p => p.M(0, 38).Q(0, 48, -10, 46), Stem, 5);
                c.Path(p => p.M(-48, 0).C(-48, -50, 48, -50, 48, 0).Q(36, -10, 24, 0).Q(12, -10, 0, 0).Q(-12, -10, -24, 0).Q(-36, -10, -48, 0).Z(), color ?? Purple);
                break;
            case "cup":
                c.Circle(30, 8, 14, "none", Role.Detail);
                c.Path(p => p.M(-32, -16).L(32, -16).L(26, 40).Q(0, 46, -26, 40).Z(), color ?? Red);
                c.Ellipse(0, -16, 32, 8, variant == "hot" ? "#8A5A3C" : Cream);
                if (variant == "hot")
                    foreach (var dx in new[] { -14.0, 0, 14 }) c.Stroke(p => p.M(dx, -28).Q(dx - 8, -38, dx, -46).Q(dx + 8, -52, dx, -60), "#9AA3AD", 3);
                break;
            case "jar":
                c.Rect(-32, -30, 64, 76, color ?? Red, Role.Contour, 10);
                c.Rect(-34, -44, 68, 16, "#E3B44B", Role.Contour, 4);
                c.Rect(-22, -6, 44, 26, Cream, Role.Detail, 4);
                c.Circle(0, 7, 7, color ?? Red, Role.Detail);
                break;
            case "vase":
                foreach (var (dx, petal) in new[] { (-16.0, Pink), (0, Yellow), (16, Purple) })
                {
                    c.Stroke(p => p.M(0, 0).Q(dx * 0.6, -24, dx, -30), LeafGreen, 3);
                    c.Circle(dx, -36, 10, petal);
                    c.Circle(dx, -36, 4, Yellow, Role.Detail);
                }
                c.Path(p => p.M(-12, -6).L(12, -6).Q(34, 18, 18, 46).L(-18, 46).Q(-34, 18, -12, -6).Z(), color ?? Blue);
                break;
            case "clock":
                c.Circle(0, 0, 46, color ?? Red);
                c.Circle(0, 0, 36, Cream, Role.Detail);
                for (var i = 0; i < 12; i += 3)
                {
                    var a = i * Math.PI / 6;
                    c.Circle(Math.Sin(a) * 29, -Math.Cos(a) * 29, 3, Palette.Ink, Role.Dark);
                }
                c.Stroke(p => p.M(0, 0).L(0, -24), Palette.Ink, 3);
                c.Stroke(p => p.M(0, 0).L(16, 6), Palette.Ink, 3);
                break;
            case "tower":
                var blocks = variant == "short" ? 2 : 5;
                string[] colors = [Red, Blue, Yellow, Green, Purple];
                const double side = 19;
                for (var i = 0; i < blocks; i++) c.Rect(-side / 2, 48 - (i + 1) * side, side, side, colors[i], Role.Contour, 3);
                break;
            case "basket":
                if (variant == "full")
                    foreach (var (dx, dy) in new[] { (-22.0, -6.0), (0, -12), (22, -6), (-11, -24), (11, -24) }) Apple(c, dx, dy, 0.32, Red);
                c.Stroke(p => p.M(-34, 0).C(-34, -48, 34, -48, 34, 0), "#A8743F", 5);
                c.Path(p => p.M(-46, 0).L(46, 0).L(34, 44).L(-34, 44).Z(), "#C98B52");
                c.Stroke(p => p.M(-42, 14).L(42, 14), "#A8743F", 2.4);
                c.Stroke(p => p.M(-38, 28).L(38, 28), "#A8743F", 2.4);
                break;
            case "box":
                if (variant == "open")
                {
                    c.Polygon([(-40, -10), (-56, -36), (-20, -36), (-6, -10)], "#D9A567");
                    c.Polygon([(40, -10), (56, -36), (20, -36), (6, -10)], "#D9A567");
                    PropPainter.Star(c, 0, -30, 18, Yellow, Role.Contour);
                }
                c.Rect(-40, -10, 80, 56, "#C98B52", Role.Contour, 3);
                if (variant != "open") c.Rect(-40, -16, 80, 12, "#D9A567", Role.Contour, 3);
                c.Rect(-6, variant == "open" ? -10 : -16, 12, variant == "open" ? 56 : 62, "#E8D3B0", Role.Detail);
                break;
            case "gem":
                c.Polygon([(-30, -26), (30, -26), (46, -8), (0, 44), (-46, -8)], color ?? Blue);
                c.Polygon([(-30, -26), (30, -26), (18, -8), (-18, -8)], Palette.Lighten(color ?? Blue, 0.45), Role.Detail);
                c.Polygon([(-18, -8), (18, -8), (0, 44)], Palette.Lighten(color ?? Blue, 0.2), Role.Detail);
                break;
            case "sign":
                c.Rect(-4, 0, 8, 50, "#8A8F99", Role.Detail);
                c.Polygon([(0, -48), (34, -14), (0, 20), (-34, -14)], color ?? Yellow);
                c.Polygon([(0, -38), (24, -14), (0, 10), (-24, -14)], Palette.Lighten(color ?? Yellow, 0.4), Role.Detail);
                break;
            default:
                return false;
        }
        return true;
    }

    /// <summary>An apple at (x, y) scaled by s; also the fruit in a full basket.</summary>
    private static void Apple(SvgCanvas c, double x, double y, double s, string color)
    {
        c.Push(Affine.Translate(x, y).Then(Affine.Scale(s, s)));
        c.Rect(-2.5, -50, 5, 18, Stem, Role.Detail);
        c.Ellipse(14, -44, 13, 6, LeafGreen, Role.Contour, -25);
        c.Path(p => p.M(0, -30).C(-30, -48, -54, -20, -42, 10).C(-32, 40, -10, 46, 0, 38).C(10, 46, 32, 40, 42, 10).C(54, -20, 30, -48, 0, -30).Z(), color);
        c.Ellipse(-22, -10, 6, 10, Palette.Lighten(color, 0.55), Role.Detail, 20);
        c.Pop();
    }
}
