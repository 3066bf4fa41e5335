using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>
/// Animals for coloring designs, side views facing right in local units (x about -50..50, feet on y=0, top near y=-100),
/// drawn back to front with white fills so a near leg hides the body behind it.
/// </summary>
internal static class ColoringCreatures
{
    private static readonly string[] Keys =
    [
        "unicorn", "unicorn-trot", "pegasus", "baby-unicorn", "horse", "zebra", "reindeer", "cow", "pig", "sheep", "chicken", "chick", "duck",
        "penguin", "elephant", "lion", "monkey", "giraffe", "parrot", "frog", "frogprince", "shark", "raptor", "parasaur",
    ];

    public static IReadOnlyList<string> All => Keys;

    public static bool Knows(string key) => Keys.Contains(key);

    public static void Draw(SvgCanvas c, string key, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        switch (key)
        {
            case "unicorn" or "unicorn-trot" or "pegasus" or "baby-unicorn" or "horse" or "zebra" or "reindeer": Equine(c, key, level); break;
            case "cow": Cow(c, more); break;
            case "pig": Pig(c, more); break;
            case "sheep": Sheep(c, more); break;
            case "chicken": Chicken(c, more); break;
            case "chick": Chick(c); break;
            case "duck": Duck(c, more); break;
            case "penguin": Penguin(c, more); break;
            case "elephant": Elephant(c, more); break;
            case "lion": Lion(c, more); break;
            case "monkey": Monkey(c, more); break;
            case "giraffe": Giraffe(c, more); break;
            case "parrot": Parrot(c, more); break;
            case "frog" or "frogprince": Frog(c, key == "frogprince", more); break;
            case "shark": Shark(c, more); break;
            case "raptor": Raptor(c, more); break;
            case "parasaur": Parasaur(c, more); break;
        }
    }

    private static void Eye(SvgCanvas c, double x, double y, double r = 2.6) => c.Circle(x, y, r, Palette.Eye, Role.Dark);

    /// <summary>A leg from the hip (top) to the ground, slanted by the foot's offset, with a hoof band at the bottom.</summary>
    private static void Leg(SvgCanvas c, double xTop, double yTop, double xFoot, double w, bool hoof = true)
    {
        c.Polygon([(xTop - w / 2, yTop), (xTop + w / 2, yTop), (xFoot + w / 2, 0), (xFoot - w / 2, 0)], "white");
        if (hoof) c.Rect(xFoot - w / 2, -7, w, 7, "white", Role.Detail);
    }

    /// <summary>Horses and their cousins: horn, wings, stripes, antlers and a foal's big head are options of one chunky body.</summary>
    private static void Equine(SvgCanvas c, string kind, ColoringLevel level)
    {
        var more = level != ColoringLevel.Simple;
        var foal = kind == "baby-unicorn";
        var trot = kind is "unicorn-trot" or "pegasus";
        var horn = kind is "unicorn" or "unicorn-trot" or "pegasus" or "baby-unicorn";
        var legLen = foal ? 28.0 : 36;
        var by = -legLen - 12;
        var (bx, brx, bry) = (-4.0, foal ? 24.0 : 30, foal ? 15.0 : 17);
        var lw = foal ? 12.0 : 13;
        // Tail behind everything.
        c.Path(p => p.M(bx - brx + 4, by - 10).C(bx - brx - 22, by - 10, bx - brx - 26, by + 22, bx - brx - 14, by + 36).C(bx - brx - 8, by + 20, bx - brx - 2, by + 8, bx - brx + 8, by + 2).Z(), "white");
        if (more && kind != "zebra" && kind != "reindeer")
            c.Path(p => p.M(bx - brx - 6, by - 4).C(bx - brx - 16, by + 6, bx - brx - 16, by + 18, bx - brx - 13, by + 26).C(bx - brx - 9, by + 14, bx - brx - 7, by + 6, bx - brx - 2, by - 2).Z(), "white", Role.Detail);
        // Far legs.
        Leg(c, bx - brx * 0.55, by + 6, bx - brx * 0.55 + (trot ? -12 : 2), lw - 1);
        // Galloping: front legs reach forward, back legs push back, all straight.
        Leg(c, bx + brx * 0.55 + 4, by + 6, bx + brx * 0.55 + (trot ? 20 : 6), lw - 1);
        // Mane behind the neck, so the neck hides its inner half.
        var (hx, hy) = (bx + brx * 0.78, by - (foal ? 24 : 32));
        if (kind != "reindeer")
        {
            var n = foal ? 3 : 4;
            for (var i = 0; i < n; i++)
            {
                var t = (i + 0.3) / n;
                var (mx, my) = (hx - 4 + (bx + brx * 0.3 - hx + 4) * t, hy + (by - bry * 0.7 - hy) * t);
                c.Ellipse(mx - 6, my, kind == "zebra" ? 7 : 10, kind == "zebra" ? 8 : 11, "white");
            }
        }
        c.Ellipse(bx, by, brx, bry, "white");
        if (kind == "zebra")
            foreach (var dx in new[] { -20.0, -7, 6 })
                c.Polygon([(bx + dx, by - bry + 2), (bx + dx + 7, by - bry + 2), (bx + dx + 11, by + bry - 4), (bx + dx + 4, by + bry - 3)], "white", Role.Detail);
        if (more && kind is not "zebra") c.Ellipse(bx - brx * 0.45, by - 2, brx * 0.3, bry * 0.55, "white", Role.Detail);
        // Near legs.
        Leg(c, bx - brx * 0.35, by + 8, bx - brx * 0.35 + (trot ? 10 : -2), lw);
        Leg(c, bx + brx * 0.6, by + 8, bx + brx * 0.6 + (trot ? 12 : -2), lw);
        // Neck up to the head.
        c.Path(p => p.M(bx + brx * 0.3, by - bry * 0.6).L(hx - 8, hy + 2).L(hx + 10, hy + 6).L(bx + brx * 0.95, by + 2).Z(), "white");
        if (kind is "pegasus")
        {
            c.Path(p => p.M(bx - 8, by - bry + 6).C(bx - 24, by - 40, bx - 40, by - 56, bx - 54, by - 58).C(bx - 50, by - 48, bx - 52, by - 42, bx - 44, by - 38)
                .C(bx - 48, by - 32, bx - 46, by - 26, bx - 36, by - 24).C(bx - 38, by - 18, bx - 32, by - 12, bx - 22, by - 12).C(bx - 16, by - 8, bx - 8, by - 8, bx + 8, by - bry + 8).Z(), "white");
            if (more)
                c.Path(p => p.M(bx - 12, by - 18).C(bx - 24, by - 30, bx - 34, by - 40, bx - 44, by - 48).C(bx - 36, by - 34, bx - 28, by - 24, bx - 16, by - 14).Z(), "white", Role.Detail);
        }
        // The head, in its own frame: a foal's is bigger for its body. Ear, antlers and horn behind the head's outline.
        var k = foal ? 1.25 : 1.05;
        c.Push(Affine.Translate(hx, hy).Then(Affine.Scale(k, k)));
        if (kind == "reindeer")
            foreach (var d in new[] { -6.0, 6 })
                c.Path(p => p.M(d - 3, -8).L(d - 6, -30).L(d - 16, -38).L(d - 10, -42).L(d - 3, -36).L(d - 2, -46).L(d + 5, -46).L(d + 4, -32).L(d + 12, -40).L(d + 16, -35).L(d + 5, -24).L(d + 5, -8).Z(), "white");
        c.Polygon([(-8, -6), (-4, -26), (6, -8)], "white");
        if (horn)
        {
            c.Polygon([(0, -10), (10, -46), (20, -10)], "white");
            if (more) c.Polygon([(5.5, -24), (14.5, -26), (15.5, -20), (4.5, -18)], "white", Role.Detail);
        }
        // One head shape: round forehead, long nose, soft chin.
        c.Path(p => p.M(-10, -2).C(-8, -16, 10, -18, 18, -8).C(23, -2, 32, -1, 32, 8).C(32, 16, 22, 18, 14, 15).C(6, 12, -4, 13, -10, 6).Z(), "white");
        if (more) c.Path(p => p.M(20, 4).C(22, -2, 30, -1, 30, 6).C(30, 11, 22, 11, 20, 4).Z(), "white", Role.Detail);
        Eye(c, 5, -5, foal ? 3.2 : 2.8);
        c.Circle(27, 6, 1.8, Palette.Eye, Role.Dark);
        c.Pop();
    }

    private static void Cow(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-36, -54).C(-46, -50, -48, -38, -46, -26).L(-42, -26).C(-44, -36, -42, -46, -34, -50).Z(), "white");
        c.Circle(-44, -24, 4.5, "white", Role.Detail);
        Leg(c, -26, -34, -26, 10);
        Leg(c, 16, -34, 16, 10);
        c.Rect(-38, -66, 64, 36, "white", Role.Contour, 14);
        c.Path(p => p.M(-24, -66).C(-28, -56, -18, -48, -10, -54).C(-4, -60, -10, -66, -14, -66).Z(), "white", Role.Detail);
        c.Path(p => p.M(0, -40).C(-6, -52, 6, -60, 12, -52).C(16, -44, 10, -36, 4, -36).Z(), "white", Role.Detail);
        if (more) c.Ellipse(-30, -44, 5, 7, "white", Role.Detail);
        c.Ellipse(-6, -28, 8, 5, "white");
        Leg(c, -18, -34, -18, 11);
        Leg(c, 22, -34, 22, 11);
        // Head: horns and ears behind, then face and muzzle.
        c.Polygon([(26, -76), (22, -88), (30, -78)], "white");
        c.Polygon([(40, -76), (44, -88), (36, -78)], "white");
        c.Ellipse(16, -72, 9, 5, "white");
        c.Ellipse(50, -72, 9, 5, "white");
        c.Path(p => p.M(22, -76).C(26, -82, 40, -82, 44, -76).C(46, -64, 44, -54, 42, -48).L(24, -48).C(22, -54, 20, -64, 22, -76).Z(), "white");
        c.Ellipse(33, -46, 14, 9, "white");
        c.Circle(28, -46, 1.8, Palette.Eye, Role.Dark);
        c.Circle(38, -46, 1.8, Palette.Eye, Role.Dark);
        Eye(c, 28, -66);
        Eye(c, 38, -66);
        if (more) c.Path(p => p.M(28, -78).C(30, -72, 36, -72, 38, -78).Z(), "white", Role.Detail);
    }

    private static void Pig(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-36, -46).C(-46, -50, -48, -40, -42, -38).C(-46, -34, -40, -30, -36, -36).Z(), "white");
        Leg(c, -22, -24, -22, 10, false);
        Leg(c, 14, -24, 14, 10, false);
        c.Ellipse(-4, -40, 36, 24, "white");
        if (more) c.Ellipse(-12, -48, 12, 6, "white", Role.Detail);
        Leg(c, -14, -22, -14, 11, false);
        Leg(c, 22, -22, 22, 11, false);
        c.Polygon([(20, -58), (22, -76), (32, -62)], "white");
        c.Circle(30, -48, 16, "white");
        c.Polygon([(30, -62), (40, -74), (42, -58)], "white");
        c.Ellipse(44, -44, 7, 9, "white");
        c.Ellipse(44, -47, 1.6, 2.4, Palette.Eye, Role.Dark);
        c.Ellipse(44, -41, 1.6, 2.4, Palette.Eye, Role.Dark);
        Eye(c, 34, -54);
        if (more) c.Path(p => p.M(24, -38).Q(30, -33, 36, -37).Q(30, -35, 24, -38).Z(), "white", Role.Detail);
    }

    private static void Sheep(SvgCanvas c, bool more)
    {
        Leg(c, -18, -30, -18, 8);
        Leg(c, 12, -30, 12, 8);
        ColoringShapes.Puff(c, -4, -48, 34, 22, 11);
        if (more)
            foreach (var (x, y) in new[] { (-18.0, -50.0), (-2, -56), (12, -46), (-10, -40) })
                c.Circle(x, y, 5, "white", Role.Detail);
        Leg(c, -10, -30, -10, 9);
        Leg(c, 20, -30, 20, 9);
        c.Ellipse(24, -64, 9, 5, "white");
        c.Ellipse(36, -58, 10, 13, "white");
        ColoringShapes.Puff(c, 34, -70, 10, 5, 5);
        Eye(c, 39, -60);
        if (more) c.Ellipse(44, -50, 3, 2, "white", Role.Detail);
    }

    private static void Chicken(SvgCanvas c, bool more)
    {
        foreach (var x in new[] { -8.0, 8 })
            c.Polygon([(x - 8, 0), (x + 8, 0), (x + 2, -7), (x + 2, -20), (x - 2, -20), (x - 2, -7)], "white");
        c.Path(p => p.M(-22, -40).C(-40, -54, -46, -72, -34, -82).C(-30, -70, -24, -62, -16, -58).Z(), "white");
        c.Path(p => p.M(-26, -46).C(-40, -62, -36, -80, -22, -84).C(-22, -70, -16, -60, -8, -56).Z(), "white");
        c.Ellipse(0, -40, 28, 22, "white");
        c.Path(p => p.M(-14, -42).C(-10, -54, 8, -54, 12, -42).C(6, -30, -8, -30, -14, -42).Z(), "white", Role.Detail);
        if (more) c.Path(p => p.M(-8, -42).C(-4, -48, 4, -48, 6, -42).C(2, -36, -4, -36, -8, -42).Z(), "white", Role.Detail);
        ColoringShapes.Puff(c, 20, -80, 8, 5, 5);
        c.Path(p => p.M(8, -56).C(8, -80, 34, -80, 32, -60).C(30, -50, 12, -48, 8, -56).Z(), "white");
        c.Polygon([(31, -70), (42, -66), (31, -62)], "white");
        c.Ellipse(30, -56, 4, 6, "white", Role.Detail);
        Eye(c, 24, -68);
    }

    private static void Chick(SvgCanvas c)
    {
        foreach (var x in new[] { -8.0, 6 }) c.Polygon([(x - 7, 0), (x + 7, 0), (x + 1, -12)], "white");
        c.Ellipse(-2, -32, 26, 24, "white");
        c.Circle(14, -60, 16, "white");
        c.Path(p => p.M(-12, -34).C(-6, -46, 8, -44, 8, -32).C(2, -24, -8, -24, -12, -34).Z(), "white", Role.Detail);
        c.Polygon([(28, -62), (40, -58), (28, -54)], "white");
        Eye(c, 18, -64, 3);
    }

    private static void Duck(SvgCanvas c, bool more)
    {
        foreach (var x in new[] { -10.0, 6 }) c.Polygon([(x - 9, 0), (x + 9, 0), (x + 2, -6), (x + 2, -16), (x - 2, -16), (x - 2, -6)], "white");
        c.Path(p => p.M(-44, -50).L(-30, -40).L(-36, -30).Z(), "white");
        c.Ellipse(-6, -32, 34, 18, "white");
        c.Path(p => p.M(-22, -38).C(-14, -48, 4, -46, 10, -36).C(0, -26, -16, -26, -22, -38).Z(), "white", Role.Detail);
        if (more) c.Path(p => p.M(-16, -36).C(-10, -42, 0, -42, 4, -36).C(-2, -31, -12, -31, -16, -36).Z(), "white", Role.Detail);
        c.Rect(14, -62, 14, 26, "white", Role.Contour, 6);
        c.Circle(22, -66, 14, "white");
        c.Path(p => p.M(32, -70).C(42, -72, 50, -68, 50, -64).C(46, -60, 38, -58, 32, -62).Z(), "white");
        Eye(c, 26, -70);
    }

    private static void Penguin(SvgCanvas c, bool more)
    {
        c.Ellipse(-6, -4, 12, 5, "white");
        c.Ellipse(12, -4, 12, 5, "white");
        c.Path(p => p.M(-18, -60).C(-32, -48, -34, -34, -30, -24).C(-24, -36, -20, -44, -16, -48).Z(), "white");
        c.Ellipse(0, -44, 24, 40, "white");
        c.Ellipse(5, -38, 15, 30, "white", Role.Detail);
        if (more) c.Ellipse(6, -62, 9, 6, "white", Role.Detail);
        c.Path(p => p.M(12, -52).C(26, -40, 30, -30, 28, -22).C(22, -30, 16, -38, 10, -42).Z(), "white");
        c.Polygon([(14, -68), (28, -64), (14, -60)], "white");
        Eye(c, 10, -72);
    }

    private static void Elephant(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-38, -56).C(-48, -50, -50, -40, -48, -32).L(-45, -32).C(-46, -40, -44, -48, -36, -52).Z(), "white");
        Leg(c, -28, -40, -28, 14, false);
        Leg(c, 10, -40, 10, 14, false);
        c.Ellipse(-8, -54, 34, 24, "white");
        Leg(c, -20, -40, -20, 15, false);
        Leg(c, 18, -40, 18, 15, false);
        if (more)
            foreach (var x in new[] { -24.0, -18, 14, 20 }) c.Path(p => p.M(x - 2.5, 0).Q(x, -6, x + 2.5, 0).Z(), "white", Role.Detail);
        c.Path(p => p.M(36, -58).C(46, -50, 48, -36, 46, -22).C(46, -14, 52, -12, 54, -16).L(56, -12).C(50, -4, 40, -8, 40, -20).C(40, -34, 36, -44, 28, -50).Z(), "white");
        c.Circle(30, -66, 18, "white");
        c.Path(p => p.M(20, -84).C(4, -86, -2, -64, 4, -50).C(10, -40, 22, -46, 24, -56).C(26, -70, 26, -80, 20, -84).Z(), "white");
        if (more) c.Path(p => p.M(16, -76).C(8, -74, 6, -62, 10, -56).C(16, -54, 20, -60, 20, -66).Z(), "white", Role.Detail);
        c.Path(p => p.M(38, -52).C(46, -48, 50, -42, 52, -36).C(46, -40, 40, -44, 34, -46).Z(), "white", Role.Detail);
        Eye(c, 36, -70);
    }

    private static void Lion(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-34, -46).C(-46, -48, -50, -60, -46, -72).L(-43, -71).C(-46, -60, -42, -52, -32, -50).Z(), "white");
        c.Ellipse(-45, -76, 6, 8, "white");
        Leg(c, -24, -34, -24, 11, false);
        Leg(c, 10, -34, 10, 11, false);
        c.Ellipse(-6, -44, 32, 17, "white");
        Leg(c, -16, -32, -16, 12, false);
        Leg(c, 18, -32, 18, 12, false);
        if (more)
            foreach (var x in new[] { -16.0, 18 }) c.Rect(x - 6, -6, 12, 6, "white", Role.Detail, 3);
        ColoringShapes.Puff(c, 28, -62, 24, 24, 12);
        if (more) ColoringShapes.Puff(c, 28, -62, 18, 18, 10, role: Role.Detail);
        c.Circle(20, -74, 6, "white");
        c.Circle(38, -76, 6, "white");
        c.Circle(29, -60, 15, "white");
        c.Ellipse(32, -52, 9, 6, "white", Role.Detail);
        c.Polygon([(29, -58), (35, -58), (32, -54)], Palette.Eye, Role.Dark);
        Eye(c, 24, -64);
        Eye(c, 36, -64);
    }

    private static void Monkey(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-10, -20).C(-40, -20, -46, -50, -30, -60).C(-20, -66, -12, -56, -18, -50).L(-22, -54).C(-24, -58, -32, -56, -34, -50).C(-38, -36, -28, -26, -10, -26).Z(), "white");
        c.Ellipse(-10, -8, 12, 8, "white");
        c.Ellipse(12, -8, 12, 8, "white");
        c.Ellipse(0, -32, 20, 24, "white");
        c.Ellipse(2, -30, 12, 16, "white", Role.Detail);
        c.Path(p => p.M(12, -44).C(26, -44, 32, -36, 30, -24).L(24, -24).C(24, -34, 20, -38, 10, -38).Z(), "white");
        c.Circle(28, -22, 5, "white");
        c.Circle(-18, -70, 8, "white");
        c.Circle(22, -70, 8, "white");
        c.Circle(2, -70, 19, "white");
        c.Path(p => p.M(-10, -66).C(-10, -80, 0, -78, 2, -72).C(4, -78, 14, -80, 14, -66).C(14, -56, 8, -52, 2, -52).C(-4, -52, -10, -56, -10, -66).Z(), "white");
        if (more) { c.Circle(-18, -70, 4, "white", Role.Detail); c.Circle(22, -70, 4, "white", Role.Detail); }
        Eye(c, -3, -68);
        Eye(c, 7, -68);
        c.Path(p => p.M(-4, -59).Q(2, -55, 8, -59).Q(2, -57, -4, -59).Z(), "white", Role.Detail);
    }

    private static void Giraffe(SvgCanvas c, bool more)
    {
        Leg(c, -22, -46, -22, 10);
        Leg(c, 6, -46, 8, 10);
        c.Path(p => p.M(-30, -56).L(-40, -40).L(-37, -39).L(-28, -52).Z(), "white");
        c.Ellipse(-10, -54, 24, 13, "white");
        foreach (var (x, y) in new[] { (-20.0, -56.0), (-6, -58), (4, -52), (-14, -48) })
            c.Rect(x - 4, y - 3.5, 8, 7, "white", Role.Detail, 2);
        Leg(c, -14, -46, -16, 11);
        Leg(c, 14, -46, 14, 11);
        c.Polygon([(2, -62), (22, -92), (34, -86), (16, -50)], "white");
        if (more)
            foreach (var t in new[] { 0.3, 0.6 })
                c.Rect(10 + t * 18 - 3, -58 - t * 30 - 3, 7, 7, "white", Role.Detail, 2);
        foreach (var x in new[] { 24.0, 30 })
        {
            c.Rect(x - 1.5, -102, 3, 10, "white");
            c.Circle(x, -102, 3.5, "white");
        }
        c.Ellipse(34, -90, 14, 7, "white");
        c.Ellipse(20, -94, 5, 3, "white");
        Eye(c, 32, -92, 2);
    }

    private static void Parrot(SvgCanvas c, bool more)
    {
        c.Polygon([(-6, -36), (-18, 0), (-8, 0), (4, -34)], "white");
        if (more) c.Polygon([(-4, -30), (-12, -6), (-8, -6), (0, -30)], "white", Role.Detail);
        c.Rect(-40, -34, 80, 8, "white", Role.Contour, 4);
        c.Ellipse(4, -54, 15, 24, "white");
        c.Path(p => p.M(-6, -66).C(-16, -54, -14, -38, -6, -30).C(2, -40, 4, -54, -6, -66).Z(), "white", Role.Detail);
        c.Circle(10, -78, 13, "white");
        c.Path(p => p.M(20, -84).C(30, -84, 32, -74, 26, -68).C(24, -72, 22, -74, 19, -74).Z(), "white");
        c.Circle(12, -80, 4.5, "white", Role.Detail);
        Eye(c, 12, -80, 2);
        foreach (var x in new[] { 0.0, 10 }) c.Ellipse(x, -34, 4, 3, "white");
    }

    private static void Frog(SvgCanvas c, bool crown, bool more)
    {
        c.Ellipse(-24, -10, 16, 10, "white");
        c.Ellipse(24, -10, 16, 10, "white");
        c.Ellipse(0, -26, 28, 22, "white");
        c.Ellipse(0, -20, 16, 12, "white", Role.Detail);
        c.Ellipse(-10, -4, 8, 5, "white");
        c.Ellipse(10, -4, 8, 5, "white");
        c.Circle(-13, -46, 10, "white");
        c.Circle(13, -46, 10, "white");
        Eye(c, -12, -46, 3);
        Eye(c, 14, -46, 3);
        c.Path(p => p.M(-12, -34).Q(0, -26, 12, -34).Q(0, -30, -12, -34).Z(), "white", Role.Detail);
        if (more) { c.Circle(-16, -28, 3, "white", Role.Detail); c.Circle(18, -24, 3.5, "white", Role.Detail); }
        if (crown) c.Polygon([(-12, -54), (-12, -66), (-6, -60), (0, -70), (6, -60), (12, -66), (12, -54)], "white");
    }

    private static void Shark(SvgCanvas c, bool more)
    {
        c.Path(p => p.M(-36, -50).L(-50, -70).L(-46, -50).L(-52, -30).Z(), "white");
        c.Polygon([(-8, -62), (0, -84), (12, -62)], "white");
        c.Path(p => p.M(-40, -50).C(-20, -66, 20, -68, 40, -54).C(48, -50, 50, -46, 46, -42).C(30, -34, -10, -34, -40, -50).Z(), "white");
        c.Path(p => p.M(-30, -46).C(-10, -40, 20, -40, 40, -46).C(30, -38, -10, -36, -30, -46).Z(), "white", Role.Detail);
        c.Polygon([(0, -44), (-8, -26), (10, -42)], "white");
        if (more) foreach (var x in new[] { 18.0, 22, 26 }) c.Path(p => p.M(x, -58).Q(x - 3, -52, x, -46).Q(x - 1, -52, x, -58).Z(), "white", Role.Detail);
        c.Path(p => p.M(34, -46).Q(40, -42, 46, -45).Q(40, -44, 34, -46).Z(), "white", Role.Detail);
        Eye(c, 34, -54);
    }

    private static void Raptor(SvgCanvas c, bool more)
    {
        Leg(c, -10, -42, -14, 10, false);
        c.Path(p => p.M(-50, -52).Q(-30, -56, -14, -58).C(-4, -62, 8, -60, 14, -52).C(14, -40, 4, -34, -8, -36).Q(-30, -44, -50, -52).Z(), "white");
        if (more) foreach (var x in new[] { -30.0, -20, -10 }) c.Polygon([(x - 4, -56), (x, -63), (x + 4, -57)], "white", Role.Detail);
        c.Polygon([(8, -56), (22, -76), (28, -72), (16, -52)], "white");
        c.Path(p => p.M(18, -74).C(22, -84, 40, -84, 48, -76).L(48, -72).L(30, -70).C(24, -68, 18, -70, 18, -74).Z(), "white");
        c.Path(p => p.M(8, -46).L(20, -40).L(18, -34).L(6, -40).Z(), "white");
        Leg(c, -2, -42, 2, 11, false);
        c.Polygon([(-4, 0), (12, 0), (8, -6)], "white");
        Eye(c, 34, -78, 2);
    }

    private static void Parasaur(SvgCanvas c, bool more)
    {
        Leg(c, -8, -30, -8, 12, false);
        c.Path(p => p.M(-50, -30).Q(-30, -44, -16, -58).C(0, -68, 18, -62, 20, -46).C(20, -30, 6, -22, -10, -24).Q(-30, -24, -50, -30).Z(), "white");
        if (more) ColoringSubjects.Spots(c, -6, -46, 12, 6, 3.5, Randomness.Rng.For(5, "parasaur"));
        c.Polygon([(12, -56), (22, -80), (30, -76), (20, -50)], "white");
        c.Path(p => p.M(20, -82).L(4, -98).L(8, -102).L(30, -84).Z(), "white");
        c.Path(p => p.M(20, -78).C(26, -88, 40, -86, 46, -78).C(50, -72, 44, -70, 38, -72).C(30, -70, 22, -72, 20, -78).Z(), "white");
        c.Path(p => p.M(16, -44).L(28, -38).L(26, -32).L(14, -38).Z(), "white");
        Leg(c, 4, -30, 6, 13, false);
        Eye(c, 32, -80, 2.2);
    }
}
