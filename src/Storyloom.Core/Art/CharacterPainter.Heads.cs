using System.Globalization;
using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Heads and faces, in head-local units: the head's centre at (0, 0), radius about 22, the face turned toward +x.</summary>
internal static partial class CharacterPainter
{
    /// <summary>Where the features sit: the eyes' x, their height, and the mouth (none for a beak).</summary>
    private readonly record struct FaceSpots(double Eye1, double Eye2, double EyeY, double MouthX, double MouthY, bool Mouth = true);

    private static FaceSpots SpotsOf(Species sp) => sp switch
    {
        _ when People(sp) => new(-6, 10, -2, 2, 11),
        Species.Owl => new(-5, 11, -2, 0, 0, false),
        Species.Penguin or Species.Duck => new(-4, 10, -4, 0, 0, false),
        Species.Fox or Species.Dragon => new(-4, 12, -2, 10, 11),
        Species.Bear or Species.Dog => new(-4, 12, -2, 7, 12),
        Species.Frog => new(-9, 12, -17, 3, 7),
        Species.Horse or Species.Unicorn => new(-6, 8, -7, 15, 16),
        Species.Cow => new(-7, 9, -6, 4, 18),
        Species.Pig => new(-6, 10, -6, 7, 16),
        Species.Sheep => new(-5, 9, -2, 3, 12),
        Species.Lion => new(-4, 12, -3, 7, 13),
        Species.Elephant => new(-9, 9, -6, -7, 13),
        Species.Dinosaur => new(-6, 8, -6, 17, 12),
        Species.Monkey => new(-4, 10, -3, 4, 11),
        Species.Turtle => new(-3, 11, -3, 8, 9),
        _ => new(-4, 12, -2, 7, 11),
    };

    private static void Head(SvgCanvas c, Character ch, Species sp, string body, string accent, string cloth, string? mood)
    {
        const double hy = 0;
        var spots = SpotsOf(sp);
        var face = body;
        if (People(sp)) HairBack(c, ch, hy);
        switch (sp)
        {
            case Species.Fox:
                Ear(c, -19, hy - 12, -11, hy - 42, -2, hy - 20, body, Palette.Ink);
                Ear(c, 2, hy - 20, 13, hy - 42, 19, hy - 12, body, Palette.Ink);
                break;
            case Species.Cat:
                Ear(c, -20, hy - 10, -14, hy - 34, -3, hy - 20, body, Palette.Cheek);
                Ear(c, 3, hy - 20, 14, hy - 34, 20, hy - 10, body, Palette.Cheek);
                break;
            case Species.Bear:
                c.Circle(-17, hy - 18, 8, body); c.Circle(-17, hy - 18, 4, accent, Role.Detail);
                c.Circle(17, hy - 18, 8, body); c.Circle(17, hy - 18, 4, accent, Role.Detail);
                break;
            case Species.Mouse:
                c.Circle(-20, hy - 18, 13, body); c.Circle(-20, hy - 18, 8, accent, Role.Detail);
                c.Circle(20, hy - 18, 13, body); c.Circle(20, hy - 18, 8, accent, Role.Detail);
                break;
            case Species.Rabbit:
                c.Ellipse(-9, hy - 36, 7, 22, body, Role.Contour, -8); c.Ellipse(-9, hy - 35, 3.5, 16, accent, Role.Detail, -8);
                c.Ellipse(9, hy - 36, 7, 22, body, Role.Contour, 8); c.Ellipse(9, hy - 35, 3.5, 16, accent, Role.Detail, 8);
                break;
            case Species.Dragon:
                Ear(c, -14, hy - 18, -12, hy - 36, -6, hy - 21, accent, accent);
                Ear(c, 6, hy - 21, 12, hy - 36, 14, hy - 18, accent, accent);
                break;
            case Species.Owl:
                Ear(c, -18, hy - 8, -16, hy - 30, -6, hy - 16, body, body);
                Ear(c, 6, hy - 16, 16, hy - 30, 18, hy - 8, body, body);
                break;
            case Species.Robot:
                c.Rect(-1.5, hy - 36, 3, 14, Palette.Darken(body, 0.2), Role.Detail);
                c.Circle(0, hy - 37, 4, accent, Role.Detail);
                break;
            case Species.Child or Species.Adult or Species.Grandparent or Species.Baby:
                c.Circle(-21, hy + 2, 5, body); c.Circle(21, hy + 2, 5, body);
                break;
            default:
                AnimalHeadBack(c, ch, sp, body, accent, hy);
                break;
        }
        if (sp == Species.Robot) c.Rect(-22, hy - 22, 44, 40, body, Role.Contour, 8);
        else if (sp == Species.Owl) c.Ellipse(0, hy + 2, 24, 21, body);
        else if (!AnimalHeadShape(c, sp, body, accent, hy)) c.Circle(0, hy, People(sp) ? 22 : 24, body);
        if (People(sp)) HairFront(c, ch, hy);

        // Muzzles sit toward the facing side (+x).
        switch (sp)
        {
            case Species.Fox:
                c.Path(p => p.M(-8, hy + 2).Q(4, hy + 16, 22, hy + 4).Q(10, hy - 4, -8, hy + 2).Z(), accent, Role.Detail);
                c.Circle(22, hy + 3, 3, Palette.Eye, Role.Dark);
                break;
            case Species.Bear:
            case Species.Dog:
                c.Ellipse(6, hy + 8, 11, 8, sp == Species.Bear ? accent : Palette.Lighten(body, 0.55), Role.Detail);
                c.Ellipse(8, hy + 4, 4, 3, Palette.Eye, Role.Dark);
                break;
            case Species.Dragon:
                c.Ellipse(10, hy + 6, 15, 10, body, Role.Detail);
                c.Circle(16, hy + 3, 1.5, Palette.Eye, Role.Dark);
                c.Circle(21, hy + 3, 1.5, Palette.Eye, Role.Dark);
                break;
            case Species.Owl:
                c.Circle(-5, hy - 2, 9, Palette.White, Role.Detail);
                c.Circle(11, hy - 2, 9, Palette.White, Role.Detail);
                c.Polygon([(0, hy + 6), (6, hy + 6), (3, hy + 13)], "#F2A33A", Role.Detail);
                break;
            case Species.Cat:
            case Species.Mouse:
            case Species.Rabbit:
                c.Polygon([(4, hy + 5), (10, hy + 5), (7, hy + 9)], Palette.Cheek, Role.Detail);
                break;
            default:
                face = AnimalMuzzle(c, ch, sp, body, accent, hy) ?? face;
                break;
        }
        if (sp == Species.Dog)
        {
            var earColor = accent;
            c.Ellipse(-19, hy + 2, 7, 15, earColor, Role.Contour, 15);
            c.Ellipse(19, hy + 2, 7, 15, earColor, Role.Contour, -15);
        }
        if (sp == Species.Grandparent) Wrinkles(c, spots, hy);
        Eyes(c, sp, spots, mood, accent, Luma(face) < 0.3);
        if (sp is Species.Cat or Species.Mouse)
        {
            c.Stroke(p => p.M(14, hy + 7).L(28, hy + 4), Palette.Ink, 0.9);
            c.Stroke(p => p.M(14, hy + 9).L(28, hy + 11), Palette.Ink, 0.9);
        }
        if (sp == Species.Robot) c.Rect(-8, hy + 8, 16, 4, Palette.Darken(body, 0.3), Role.Detail, 2);
        else if (spots.Mouth) Faces.Mouth(c, mood, spots.MouthX, spots.MouthY);
        if (sp == Species.Grandparent && ch.Pronoun == "he") Moustache(c, ch.AccentColor, spots, hy);
        if (sp == Species.Rabbit) c.Rect(5, hy + 12, 4, 4, Palette.White, Role.Detail);
        if (!c.LineArt && sp is not (Species.Robot or Species.Turtle or Species.Penguin) && Luma(face) > 0.3)
        {
            var blush = mood is "shy" or "angry" ? 5.0 : 3.5;
            var cheek = mood == "angry" ? "#EF6F6F" : Palette.Cheek;
            c.Circle(spots.Eye1 - 5, spots.EyeY + 10, blush, cheek, Role.Background);
            c.Circle(spots.Eye2 + 6, spots.EyeY + 10, blush, cheek, Role.Background);
        }
        Faces.Extras(c, mood, (spots.Eye1, spots.Eye2), spots.EyeY + 2);
        if (sp == Species.Grandparent && ch.Accessory != "glasses") Glasses(c, spots, hy);
        Accessory(c, ch, sp, cloth, hy);
    }

    private static void Ear(SvgCanvas c, double x1, double y1, double x2, double y2, double x3, double y3, string color, string inner)
    {
        c.Polygon([(x1, y1), (x2, y2), (x3, y3)], color);
        var (mx, my) = ((x1 + x2 + x3) / 3, (y1 + y2 + y3) / 3);
        if (inner != color) c.Polygon([(mx + (x1 - mx) * 0.5, my + (y1 - my) * 0.5), (mx + (x2 - mx) * 0.55, my + (y2 - my) * 0.55), (mx + (x3 - mx) * 0.5, my + (y3 - my) * 0.5)], inner, Role.Detail);
    }

    private static void Eyes(SvgCanvas c, Species sp, FaceSpots f, string? mood, string accent, bool darkFace)
    {
        var asleep = mood is "asleep" or "calm";
        var ey = f.EyeY;
        foreach (var x in new[] { f.Eye1, f.Eye2 })
        {
            if (darkFace && sp != Species.Robot) c.Circle(x, ey, 5.6, Palette.White, Role.Detail);
            if (asleep)
            {
                c.Path(p => p.M(x - 4, ey).Q(x, ey + 3.5, x + 4, ey).Q(x, ey + 1.6, x - 4, ey).Z(), Palette.Eye, Role.Dark);
                continue;
            }
            if (sp == Species.Robot)
            {
                c.Circle(x - 1, ey - 2, 6, accent, Role.Detail);
                c.Circle(x - 1, ey - 2, 2.2, Palette.Eye, Role.Dark);
                continue;
            }
            if (Faces.Eye(c, mood, x, ey)) continue;
            c.Ellipse(x, ey, sp == Species.Owl ? 4 : 3.2, sp == Species.Owl ? 4.4 : 4.2, Palette.Eye, Role.Dark);
            c.Circle(x + 1.1, ey - 1.6, 1.2, Palette.White, Role.Background);
        }
    }

    private static void Accessory(SvgCanvas c, Character ch, Species sp, string cloth, double hy)
    {
        var f = SpotsOf(sp);
        var crown = sp switch
        {
            Species.Robot => hy - 22,
            Species.Frog => hy - 24,
            Species.Lion => hy - 26,
            _ => hy - 18,
        };
        switch (ch.Accessory)
        {
            case "hat" when sp != Species.Unicorn:
                c.Path(p => p.M(-20, crown + 6).C(-20, crown - 16, 20, crown - 16, 20, crown + 6).Z(), cloth);
                c.Rect(-22, crown + 3, 44, 6, Palette.Darken(cloth, 0.18), Role.Detail, 3);
                c.Circle(0, crown - 10, 4.5, Palette.Lighten(cloth, 0.5), Role.Detail);
                break;
            case "crown":
                // A gold crown of five points on top of the head, over the hair.
                c.Polygon([(-15, crown + 4), (-17, crown - 12), (-9, crown - 4), (-4, crown - 15), (0, crown - 6), (4, crown - 15), (9, crown - 4),
                    (17, crown - 12), (15, crown + 4)], "#F2C230");
                c.Rect(-15, crown, 30, 4.5, "#D9A21B", Role.Detail, 1);
                c.Circle(0, crown + 2.2, 1.8, "#E0457B", Role.Detail);
                break;
            case "glasses" when sp != Species.Baby:
                Glasses(c, f, hy);
                break;
            case "bow":
                var bx = sp == Species.Rabbit ? -10.0 : -14.0;
                var by = sp == Species.Rabbit ? hy - 22 : crown;
                c.Polygon([(bx, by), (bx - 9, by - 6), (bx - 9, by + 6)], cloth, Role.Detail);
                c.Polygon([(bx, by), (bx + 9, by - 6), (bx + 9, by + 6)], cloth, Role.Detail);
                c.Circle(bx, by, 2.8, Palette.Darken(cloth, 0.2), Role.Detail);
                break;
        }
    }

    private static void Glasses(SvgCanvas c, FaceSpots f, double hy)
    {
        c.Circle(f.Eye1, f.EyeY, 6, "none", Role.Detail);
        c.Circle(f.Eye2, f.EyeY, 6, "none", Role.Detail);
        c.Stroke(p => p.M(f.Eye1 + 6, f.EyeY - 1).L(f.Eye2 - 6, f.EyeY - 1), Palette.Ink, 1.4);
    }

    /// <summary>Relative brightness 0 (black) … 1 (white) of a hex colour.</summary>
    private static double Luma(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length != 6 || !int.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return 0.5;
        return (0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255)) / 255;
    }
}
