using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>People: hair styles that stay with a name, trousers, a grandparent's cane, wrinkles and moustache.</summary>
internal static partial class CharacterPainter
{
    private enum HairStyle
    {
        Short,
        Long,
        Bun,
        Ponytail,
        Curly,
        Bald,
        Wisp,
    }

    /// <summary>The same name always gets the same hair, so a character looks alike on every page.</summary>
    private static HairStyle HairOf(Character ch)
    {
        var h = Hash(ch.Name);
        return ch.Species switch
        {
            Species.Baby => HairStyle.Wisp,
            Species.Grandparent => ch.Pronoun switch { "she" => HairStyle.Bun, "he" => HairStyle.Bald, _ => h % 2 == 0 ? HairStyle.Short : HairStyle.Bun },
            _ => ch.Pronoun switch
            {
                "she" => new[] { HairStyle.Long, HairStyle.Ponytail, HairStyle.Bun, HairStyle.Curly, HairStyle.Long }[h % 5],
                "he" => new[] { HairStyle.Short, HairStyle.Curly, HairStyle.Short }[h % 3],
                _ => new[] { HairStyle.Short, HairStyle.Curly, HairStyle.Ponytail, HairStyle.Long }[h % 4],
            },
        };
    }

    private static int Hash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s) h = (h ^ ch) * 16777619u;
        return (int)(h % 1_000_003);
    }

    private static string Trousers(Character ch) => new[] { "#4A5A7A", "#5B4B3A", "#3F5F58", "#6A5A8A" }[Hash(ch.Name) % 4];

    private static void HairBack(SvgCanvas c, Character ch, double hy)
    {
        var hair = ch.AccentColor;
        switch (HairOf(ch))
        {
            case HairStyle.Long:
                c.Path(p => p.M(-24, hy - 2).C(-28, hy - 32, 24, hy - 34, 24, hy - 2).L(20, hy + 26).Q(-2, hy + 32, -26, hy + 26).Z(), hair);
                break;
            case HairStyle.Bun:
                c.Circle(-8, hy - 24, 10, hair);
                break;
            case HairStyle.Ponytail:
                c.Ellipse(-28, hy + 2, 7, 15, hair, Role.Contour, 25);
                c.Circle(-23, hy - 10, 4, ch.ClothingColor, Role.Detail);
                break;
            case HairStyle.Curly:
                for (var i = 0; i < 7; i++)
                {
                    var a = (200 + i * 24) * Math.PI / 180;
                    c.Circle(Math.Cos(a) * 21, hy + Math.Sin(a) * 21, 8, hair);
                }
                break;
        }
    }

    private static void HairFront(SvgCanvas c, Character ch, double hy)
    {
        var hair = ch.AccentColor;
        switch (HairOf(ch))
        {
            case HairStyle.Short:
                c.Path(p => p.M(-23, hy + 2).C(-26, hy - 20, -10, hy - 28, 4, hy - 24).C(16, hy - 22, 24, hy - 12, 22, hy - 2)
                    .C(16, hy - 10, 6, hy - 12, -2, hy - 14).C(-8, hy - 10, -16, hy - 6, -18, hy + 4).Z(), hair);
                break;
            case HairStyle.Long or HairStyle.Bun or HairStyle.Ponytail:
                c.Path(p => p.M(-23, hy + 4).C(-26, hy - 22, -8, hy - 30, 6, hy - 24).C(18, hy - 20, 24, hy - 10, 22, hy - 2)
                    .C(12, hy - 6, 4, hy - 14, 0, hy - 16).C(-6, hy - 10, -14, hy - 8, -19, hy + 6).Z(), hair);
                break;
            case HairStyle.Curly:
                for (var i = 0; i < 6; i++)
                {
                    var a = (205 + i * 26) * Math.PI / 180;
                    c.Circle(Math.Cos(a) * 18, hy - 2 + Math.Sin(a) * 18, 6.5, hair);
                }
                break;
            case HairStyle.Bald:
                c.Ellipse(-20, hy - 4, 6, 10, hair, Role.Contour, 10);
                c.Ellipse(19, hy - 6, 4, 7, hair, Role.Contour, -10);
                break;
            case HairStyle.Wisp:
                c.Path(p => p.M(-2, hy - 21).C(-6, hy - 30, 6, hy - 32, 6, hy - 26).C(6, hy - 23, 2, hy - 23, 2, hy - 26).C(2, hy - 28, -2, hy - 26, 1, hy - 21).Z(), hair, Role.Detail);
                break;
        }
    }

    private static void Wrinkles(SvgCanvas c, FaceSpots f, double hy)
    {
        c.Stroke(p => p.M(f.Eye2 + 7, f.EyeY - 2).L(f.Eye2 + 10, f.EyeY - 4), Palette.Darken(Palette.Cheek, 0.35), 0.9);
        c.Stroke(p => p.M(f.Eye2 + 7, f.EyeY + 1).L(f.Eye2 + 10, f.EyeY + 2), Palette.Darken(Palette.Cheek, 0.35), 0.9);
        c.Stroke(p => p.M(-8, hy - 13).Q(0, hy - 15, 8, hy - 13), Palette.Darken(Palette.Cheek, 0.35), 0.9);
    }

    private static void Moustache(SvgCanvas c, string hair, FaceSpots f, double hy)
    {
        c.Ellipse(f.MouthX - 4, f.MouthY - 3, 5.5, 2.8, Palette.Darken(hair, 0.08), Role.Detail, 12);
        c.Ellipse(f.MouthX + 4, f.MouthY - 3, 5.5, 2.8, Palette.Darken(hair, 0.08), Role.Detail, -12);
    }

    private static void Cane(SvgCanvas c, double armX, Build b, double angle)
    {
        var (hx, hy) = End(armX, b.ShoulderY, b.Arm, angle);
        c.Rect(hx - 1.6, hy - 2, 3.2, -hy + 2, "#7A5638", Role.Detail, 1.2);
        c.Path(p => p.M(hx - 1.6, hy - 1).C(hx - 1.6, hy - 9, hx + 8, hy - 9, hx + 8, hy - 2).L(hx + 5, hy - 2).C(hx + 5, hy - 6, hx + 1.6, hy - 6, hx + 1.6, hy - 1).Z(), "#7A5638", Role.Detail);
    }
}
