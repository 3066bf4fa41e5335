namespace Storyloom.Core.Art;

/// <summary>Where a prop that stands in the scene (not held) belongs.</summary>
internal enum PropPlace
{
    Ground,
    Table,
    Sky,
    Bed,
}

/// <summary>
/// Every prop of <see cref="Books.SceneVocabulary.Props"/>, held or standing in the scene. A prop is drawn centred at (x, y)
/// within about ±r, its lowest point near y + r·Bottom(prop), so it can stand on a floor, a table or a bed.
/// </summary>
internal static partial class PropPainter
{
    /// <summary>Props drawn by the concept-book thing painter, under its own name.</summary>
    private static readonly Dictionary<string, string> Things = new()
    {
        ["cake"] = "cake", ["egg"] = "egg", ["cookie"] = "cookie", ["apple"] = "apple", ["drum"] = "drum", ["present"] = "gift",
        ["key"] = "key", ["umbrella"] = "umbrella", ["cup"] = "cup", ["box"] = "box", ["nest"] = "nest", ["snowman"] = "snowman",
        ["leaf"] = "leaf", ["boat"] = "boat", ["rocket"] = "rocket", ["toy-car"] = "car",
    };

    private static readonly HashSet<string> Own =
    [
        "lantern", "kite", "balloon", "ball", "book", "flower", "star", "shell", "snowflake", "bubbles",
        "teddy", "night-light", "blanket", "toothbrush", "backpack", "lunchbox", "crayons", "blocks", "drawing", "sticker", "photo",
        "comb", "scissors", "potty", "crib", "van", "suitcase", "bucket", "sandcastle", "map", "bike", "sled", "telescope", "watering-can",
        "christmas-tree", "stocking", "medal", "finish-line",
    ];

    /// <summary>Whether this painter draws the prop (every prop of the scene vocabulary; tests hold it to that).</summary>
    public static bool Draws(string prop) => Own.Contains(prop) || Things.ContainsKey(prop);

    /// <summary>Props whose painter already wraps them in a group of their own name (so the scene does not nest a second one).</summary>
    public static bool MarksItself(string prop) => Things.TryGetValue(prop, out var thing) && thing == prop;

    /// <summary>The prop's size (its r) as a share of a standing figure's height, so a key is small and a van is big.</summary>
    public static double Size(string prop, bool indoors) => prop switch
    {
        "van" or "boat" => indoors ? 0.14 : 0.42,
        "rocket" => indoors ? 0.3 : 0.36,
        "bike" or "crib" => 0.3,
        "snowman" => 0.32,
        "finish-line" => 0.45,
        "christmas-tree" => indoors ? 0.5 : 0.6,
        "sled" or "suitcase" or "umbrella" => 0.2,
        "telescope" or "sandcastle" or "blanket" or "kite" => 0.17,
        "box" => 0.2,
        "potty" or "teddy" or "backpack" or "drum" or "present" or "bucket" or "watering-can" or "balloon" or "cake" or "blocks" or "lantern" or "stocking" => 0.12,
        "key" or "sticker" or "comb" or "toothbrush" or "scissors" or "leaf" or "shell" or "egg" or "cookie" or "apple" or "cup" or "snowflake" or "medal" => 0.06,
        _ => 0.09,
    };

    /// <summary>Where a prop standing in the scene goes: kites and stars fly, small things lie on a table if the place has one.</summary>
    public static PropPlace PlaceOf(string prop, bool indoors) => prop switch
    {
        "kite" or "star" or "balloon" or "snowflake" or "bubbles" => indoors && prop is "kite" ? PropPlace.Ground : PropPlace.Sky,
        "teddy" or "blanket" => PropPlace.Bed,
        "cake" or "cup" or "cookie" or "apple" or "lunchbox" or "crayons" or "drawing" or "book" or "photo" or "sticker" or "comb"
            or "scissors" or "toothbrush" or "map" or "egg" or "present" or "night-light" or "key" or "medal" => PropPlace.Table,
        _ => PropPlace.Ground,
    };

    /// <summary>How far below the centre the prop's lowest point lies, in r.</summary>
    public static double Bottom(string prop) => prop switch
    {
        "ball" => 0.75,
        "book" or "map" or "drawing" or "photo" => 0.6,
        "flower" => 1.1,
        "lantern" => 0.9,
        "shell" or "sticker" or "comb" or "toothbrush" or "scissors" or "key" => 0.5,
        _ => 1,
    };

    /// <summary>A prop standing with its lowest point on groundY.</summary>
    public static void Standing(SvgCanvas c, string prop, double x, double groundY, double r) => Prop(c, prop, x, groundY - r * Bottom(prop), r);

    /// <summary>A prop in a character's hand, in the character's local units (feet at y = 0, head top near y = -92; hand at hx, hy).</summary>
    public static void Held(SvgCanvas c, string prop, double hx, double hy)
    {
        switch (prop)
        {
            case "kite":
            case "balloon":
                c.Stroke(p => p.M(hx, hy).Q(hx + 14, hy - 30, hx + 10, hy - 58), "#5A4A5E", 0.8);
                Prop(c, prop, hx + 10, hy - 58 - (prop == "kite" ? 6 : 8), prop == "kite" ? 14 : 12);
                break;
            case "bike" or "sled" or "suitcase" or "crib" or "van" or "boat" or "potty" or "snowman" or "telescope" or "christmas-tree":
                // Too big to lift: it stands beside the character, a hand on it.
                var r = prop switch { "bike" => 30.0, "christmas-tree" => 40, "crib" => 30, "snowman" => 28, "van" or "boat" => 24, "suitcase" => 18, "telescope" => 22, _ => 16 };
                Prop(c, prop, hx + r * 0.7, -r * Bottom(prop), r);
                break;
            case "umbrella":
                Prop(c, prop, hx + 2, hy - 30, 30);
                break;
            case "blanket":
                c.Path(p => p.M(hx - 8, hy - 2).L(hx + 10, hy - 2).L(hx + 12, hy + 26).Q(hx + 2, hy + 30, hx - 10, hy + 26).Z(), "#7FA7D9");
                c.Rect(hx - 6, hy + 6, 16, 3, "#FFFFFF", Role.Detail);
                c.Rect(hx - 7, hy + 16, 18, 3, "#FFFFFF", Role.Detail);
                break;
            case "star":
                Prop(c, prop, hx + 2, hy - 6, 10);
                break;
            default:
                var s = prop is "key" or "sticker" or "comb" or "toothbrush" or "scissors" or "cookie" or "egg" or "leaf" or "shell" ? 7.5 : prop is "teddy" or "present" or "box" or "drum" or "blocks" ? 13 : 10.5;
                Prop(c, prop, hx + 3, hy + 4, s);
                break;
        }
    }

    /// <summary>A prop centred at (x, y) with radius-ish size r.</summary>
    public static void Prop(SvgCanvas c, string prop, double x, double y, double r)
    {
        if (Things.TryGetValue(prop, out var thing))
        {
            ThingPainter.Draw(c, thing, x, y, r * 2);
            return;
        }
        if (!Classic(c, prop, x, y, r) && !Home(c, prop, x, y, r) && !Holiday(c, prop, x, y, r)) Outdoor(c, prop, x, y, r);
    }

    private static bool Classic(SvgCanvas c, string prop, double x, double y, double r)
    {
        switch (prop)
        {
            case "lantern":
                c.Rect(x - r * 0.15, y - r * 1.2, r * 0.3, r * 0.3, "#6B5B4B", Role.Detail);
                c.Rect(x - r * 0.6, y - r * 0.9, r * 1.2, r * 1.6, "#FFD45C", Role.Contour, r * 0.25);
                c.Rect(x - r * 0.7, y - r * 1.0, r * 1.4, r * 0.25, "#6B5B4B", Role.Detail);
                c.Rect(x - r * 0.7, y + r * 0.65, r * 1.4, r * 0.25, "#6B5B4B", Role.Detail);
                c.Ellipse(x, y - r * 0.1, r * 0.25, r * 0.4, "#FF8A3D", Role.Detail);
                break;
            case "kite":
                c.Polygon([(x, y - r), (x + r * 0.75, y), (x, y + r * 1.2), (x - r * 0.75, y)], "#E4574C");
                c.Polygon([(x, y - r), (x + r * 0.75, y), (x, y)], "#F2B705", Role.Detail);
                c.Polygon([(x, y), (x - r * 0.75, y), (x, y + r * 1.2)], "#F2B705", Role.Detail);
                c.Stroke(p => p.M(x, y + r * 1.2).Q(x - r * 0.4, y + r * 1.8, x + r * 0.2, y + r * 2.4), "#5A4A5E", 0.8);
                foreach (var (bx, by) in new[] { (-0.25, 1.6), (0.05, 2.05) })
                    c.Polygon([(x + r * bx, y + r * by), (x + r * (bx - 0.15), y + r * (by - 0.12)), (x + r * (bx - 0.15), y + r * (by + 0.12))], "#5B9BD5", Role.Detail);
                break;
            case "balloon":
                c.Stroke(p => p.M(x, y + r * 1.15).Q(x - r * 0.3, y + r * 1.6, x + r * 0.1, y + r * 2.1), "#5A4A5E", 0.8);
                c.Ellipse(x, y, r * 0.8, r, "#E4574C");
                c.Ellipse(x - r * 0.3, y - r * 0.4, r * 0.15, r * 0.25, "#F6A59D", Role.Detail);
                c.Polygon([(x, y + r), (x - r * 0.15, y + r * 1.2), (x + r * 0.15, y + r * 1.2)], "#E4574C", Role.Detail);
                break;
            case "ball":
                c.Circle(x, y, r * 0.75, "#E4574C");
                c.Path(p => p.M(x - r * 0.75, y).Q(x, y - r * 0.4, x + r * 0.75, y).Q(x, y + r * 0.4, x - r * 0.75, y).Z(), "#FFFFFF", Role.Detail);
                break;
            case "book":
                c.Rect(x - r * 0.8, y - r * 0.6, r * 1.6, r * 1.2, "#5B7FD6", Role.Contour, r * 0.1);
                c.Rect(x - r * 0.7, y - r * 0.5, r * 0.65, r * 1.0, "#FFFFFF", Role.Detail);
                c.Rect(x + r * 0.05, y - r * 0.5, r * 0.65, r * 1.0, "#FFFFFF", Role.Detail);
                for (var i = 0; i < 3; i++)
                {
                    var ly = y - r * 0.3 + i * r * 0.22;
                    c.Stroke(p => p.M(x - r * 0.6, ly).L(x - r * 0.15, ly), "#A3A9B2", Math.Max(0.5, r * 0.06));
                    c.Stroke(p => p.M(x + r * 0.15, ly).L(x + r * 0.6, ly), "#A3A9B2", Math.Max(0.5, r * 0.06));
                }
                break;
            case "flower":
                c.Rect(x - r * 0.06, y, r * 0.12, r * 1.1, "#4C9A52", Role.Detail);
                for (var i = 0; i < 5; i++)
                {
                    var a = i * Math.PI * 2 / 5;
                    c.Circle(x + Math.Sin(a) * r * 0.42, y - Math.Cos(a) * r * 0.42, r * 0.32, "#F28DB2", Role.Detail);
                }
                c.Circle(x, y, r * 0.26, "#F9D65C", Role.Detail);
                break;
            case "star":
                Star(c, x, y, r, "#FFD45C");
                break;
            case "shell":
                c.Path(p => p.M(x - r, y + r * 0.4).Q(x - r, y - r * 0.8, x, y - r * 0.8).Q(x + r, y - r * 0.8, x + r, y + r * 0.4).Q(x, y + r * 0.7, x - r, y + r * 0.4).Z(), "#F7C6B5");
                for (var i = -1; i <= 1; i++) c.Stroke(p => p.M(x, y + r * 0.45).L(x + i * r * 0.6, y - r * 0.55), "#D9907A", 0.9);
                break;
            case "snowflake":
                for (var i = 0; i < 3; i++)
                {
                    var a = i * Math.PI / 3;
                    c.Stroke(p => p.M(x - Math.Cos(a) * r, y - Math.Sin(a) * r).L(x + Math.Cos(a) * r, y + Math.Sin(a) * r), "#FFFFFF", Math.Max(1.2, r * 0.12));
                    c.Stroke(p => p.M(x + Math.Cos(a) * r * 0.6 - Math.Sin(a) * r * 0.2, y + Math.Sin(a) * r * 0.6 + Math.Cos(a) * r * 0.2).L(x + Math.Cos(a) * r * 0.8, y + Math.Sin(a) * r * 0.8), "#FFFFFF", Math.Max(1, r * 0.08));
                }
                c.Circle(x, y, r * 0.15, "#DDF1FB", Role.Detail);
                break;
            case "bubbles":
                foreach (var (dx, dy, rr) in new[] { (0.0, 0.0, 0.5), (0.8, -0.9, 0.32), (-0.5, -1.5, 0.22), (-0.7, 0.6, 0.28) })
                {
                    c.Circle(x + dx * r, y + dy * r, rr * r, "#BDEBF7", Role.Detail);
                    c.Circle(x + (dx - rr * 0.35) * r, y + (dy - rr * 0.35) * r, rr * r * 0.25, "#FFFFFF", Role.Background);
                }
                break;
            default:
                return false;
        }
        return true;
    }

    public static void Star(SvgCanvas c, double x, double y, double r, string color, Role role = Role.Detail)
    {
        var pts = new List<(double, double)>();
        for (var i = 0; i < 10; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var rr = i % 2 == 0 ? r : r * 0.45;
            pts.Add((x + Math.Cos(a) * rr, y + Math.Sin(a) * rr));
        }
        c.Polygon(pts, color, role);
    }
}
