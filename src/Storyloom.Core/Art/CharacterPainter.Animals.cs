using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Animal parts: tails of upright animals, and the ears, manes, horns, snouts and trunks of every animal head.</summary>
internal static partial class CharacterPainter
{
    private static void Tail(SvgCanvas c, Species sp, string body, string accent)
    {
        switch (sp)
        {
            case Species.Fox:
                c.Path(p => p.M(-12, -22).C(-30, -18, -46, -30, -44, -52).C(-36, -44, -26, -40, -14, -34).Z(), body);
                c.Path(p => p.M(-44, -52).C(-46, -44, -42, -40, -36, -40).C(-38, -44, -40, -48, -44, -52).Z(), accent);
                break;
            case Species.Cat:
                c.Path(p => p.M(-12, -20).C(-30, -20, -34, -36, -28, -50).C(-25, -52, -22, -50, -24, -46).C(-28, -36, -24, -28, -12, -26).Z(), body);
                break;
            case Species.Mouse:
                c.Path(p => p.M(-12, -18).C(-28, -14, -36, -24, -40, -36).C(-38, -37, -37, -37, -37, -36).C(-32, -26, -26, -20, -12, -21).Z(), accent);
                break;
            case Species.Dog:
                c.Ellipse(-18, -32, 4, 10, body, Role.Contour, -40);
                break;
            case Species.Rabbit:
                c.Circle(-17, -22, 7, Palette.White);
                break;
            case Species.Bear:
                c.Circle(-16, -22, 5, body);
                break;
            case Species.Dragon:
                c.Path(p => p.M(-12, -16).C(-26, -12, -36, -16, -44, -26).L(-34, -22).C(-28, -22, -20, -24, -12, -28).Z(), body);
                c.Polygon([(-44, -26), (-50, -20), (-46, -32)], accent);
                break;
            case Species.Monkey:
                c.Path(p => p.M(-12, -18).C(-36, -14, -44, -44, -30, -56).C(-22, -62, -12, -54, -20, -46).C(-22, -44, -26, -46, -25, -49)
                    .C(-20, -52, -26, -56, -30, -52).C(-38, -44, -32, -20, -12, -24).Z(), body);
                break;
            case Species.Penguin or Species.Duck:
                c.Polygon([(-16, -14), (-30, -8), (-16, -24)], Palette.Darken(body, 0.1));
                break;
        }
    }

    private static void AnimalHeadBack(SvgCanvas c, Character ch, Species sp, string body, string accent, double hy)
    {
        switch (sp)
        {
            case Species.Monkey:
                c.Circle(-23, hy, 9, body); c.Circle(-23, hy, 5, accent, Role.Detail);
                c.Circle(23, hy, 9, body); c.Circle(23, hy, 5, accent, Role.Detail);
                break;
            case Species.Duck:
                c.Path(p => p.M(-2, hy - 20).C(-6, hy - 30, 4, hy - 32, 2, hy - 24).C(6, hy - 30, 10, hy - 26, 4, hy - 20).Z(), body);
                break;
            case Species.Horse or Species.Unicorn:
                Mane(c, ch, hy);
                Ear(c, -14, hy - 14, -11, hy - 38, -2, hy - 18, body, Palette.Cheek);
                Ear(c, 2, hy - 18, 10, hy - 38, 14, hy - 12, body, Palette.Cheek);
                break;
            case Species.Cow:
                Ear(c, -16, hy - 14, -21, hy - 32, -8, hy - 18, "#F3E6C8", "#F3E6C8");
                Ear(c, 8, hy - 18, 21, hy - 32, 16, hy - 14, "#F3E6C8", "#F3E6C8");
                c.Ellipse(-26, hy - 4, 11, 5, body, Role.Contour, 20); c.Ellipse(-26, hy - 4, 6, 2.5, Palette.Cheek, Role.Detail, 20);
                c.Ellipse(26, hy - 4, 11, 5, body, Role.Contour, -20); c.Ellipse(26, hy - 4, 6, 2.5, Palette.Cheek, Role.Detail, -20);
                break;
            case Species.Pig:
                Ear(c, -20, hy - 10, -20, hy - 34, -4, hy - 20, body, Palette.Darken(body, 0.12));
                Ear(c, 4, hy - 20, 20, hy - 34, 20, hy - 10, body, Palette.Darken(body, 0.12));
                break;
            case Species.Sheep:
                c.Ellipse(-22, hy - 2, 10, 5, accent, Role.Contour, 15);
                c.Ellipse(24, hy - 2, 10, 5, accent, Role.Contour, -15);
                break;
            case Species.Lion:
                for (var i = 0; i < 14; i++)
                {
                    var a = i * Math.PI * 2 / 14;
                    c.Circle(Math.Cos(a) * 27, hy + Math.Sin(a) * 27, 11, accent);
                }
                c.Circle(0, hy, 30, accent, Role.Detail);
                c.Circle(-15, hy - 19, 7, body); c.Circle(-15, hy - 19, 3.5, Palette.Darken(body, 0.2), Role.Detail);
                c.Circle(15, hy - 19, 7, body); c.Circle(15, hy - 19, 3.5, Palette.Darken(body, 0.2), Role.Detail);
                break;
            case Species.Elephant:
                c.Ellipse(-25, hy + 2, 17, 23, body); c.Ellipse(-25, hy + 2, 11, 16, accent, Role.Detail);
                c.Ellipse(27, hy + 2, 15, 22, body); c.Ellipse(27, hy + 2, 9, 15, accent, Role.Detail);
                break;
            case Species.Dinosaur:
                c.Circle(-14, hy - 18, 7, accent);
                c.Circle(-22, hy - 8, 6, accent);
                break;
        }
    }

    /// <summary>A head that is not the usual circle; false draws the circle.</summary>
    private static bool AnimalHeadShape(SvgCanvas c, Species sp, string body, string accent, double hy)
    {
        switch (sp)
        {
            case Species.Frog:
                c.Circle(-9, hy - 16, 10, body);
                c.Circle(12, hy - 16, 10, body);
                c.Ellipse(1, hy - 2, 28, 18, body);
                return true;
            case Species.Penguin:
                c.Circle(0, hy, 23, body);
                c.Circle(-4, hy - 3, 10, accent, Role.Detail);
                c.Circle(10, hy - 3, 10, accent, Role.Detail);
                c.Ellipse(3, hy + 6, 14, 10, accent, Role.Detail);
                return true;
            case Species.Horse or Species.Unicorn:
                c.Ellipse(0, hy - 2, 19, 21, body);
                return true;
            case Species.Cow:
                c.Ellipse(0, hy, 21, 20, body);
                if (Luma(accent) < 0.5) c.Ellipse(-9, hy - 9, 8, 7, accent, Role.Detail, 20);
                return true;
            case Species.Sheep:
                c.Ellipse(2, hy + 2, 16, 19, accent);
                foreach (var (x, y, r) in new[] { (-12.0, -16.0, 8.0), (-2.0, -21.0, 9.0), (9.0, -18.0, 8.0), (15.0, -11.0, 6.0) })
                    c.Circle(x, hy + y, r, body, Role.Detail);
                return true;
            case Species.Turtle:
                c.Ellipse(2, hy, 21, 19, body);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Snouts, beaks, muzzles and trunks; returns the colour the eyes sit on when it is not the body's.</summary>
    private static string? AnimalMuzzle(SvgCanvas c, Character ch, Species sp, string body, string accent, double hy)
    {
        switch (sp)
        {
            case Species.Monkey:
                c.Circle(-4, hy - 3, 9, accent, Role.Detail);
                c.Circle(10, hy - 3, 9, accent, Role.Detail);
                c.Ellipse(4, hy + 8, 14, 10, accent, Role.Detail);
                return accent;
            case Species.Penguin:
                c.Polygon([(7, hy + 3), (22, hy + 6), (7, hy + 10)], "#F29B38", Role.Detail);
                return accent;
            case Species.Duck:
                c.Ellipse(15, hy + 6, 13, 5.5, accent, Role.Detail);
                c.Ellipse(14, hy + 8.5, 10, 3, Palette.Darken(accent, 0.12), Role.Detail);
                return null;
            case Species.Horse or Species.Unicorn:
                c.Ellipse(11, hy + 11, 14, 11, Palette.Lighten(body, 0.3), Role.Detail);
                c.Circle(15, hy + 8, 1.6, Palette.Eye, Role.Dark);
                c.Circle(21, hy + 9, 1.6, Palette.Eye, Role.Dark);
                c.Path(p => p.M(-10, hy - 18).C(-4, hy - 26, 8, hy - 24, 8, hy - 16).C(2, hy - 20, -2, hy - 14, -10, hy - 12).Z(), ManeColor(ch, 0), Role.Detail);
                if (sp == Species.Unicorn) Horn(c, hy);
                return null;
            case Species.Cow:
                c.Ellipse(4, hy + 12, 17, 10, "#F4B8C0", Role.Detail);
                c.Ellipse(-2, hy + 11, 1.8, 2.4, Palette.Darken("#F4B8C0", 0.45), Role.Dark);
                c.Ellipse(10, hy + 11, 1.8, 2.4, Palette.Darken("#F4B8C0", 0.45), Role.Dark);
                return null;
            case Species.Pig:
                c.Ellipse(8, hy + 5, 9, 7, Palette.Darken(body, 0.08), Role.Detail);
                c.Ellipse(5, hy + 5, 1.6, 2.4, Palette.Darken(body, 0.5), Role.Dark);
                c.Ellipse(11, hy + 5, 1.6, 2.4, Palette.Darken(body, 0.5), Role.Dark);
                return null;
            case Species.Sheep:
                c.Ellipse(4, hy + 11, 8, 6, Palette.Lighten(accent, 0.5), Role.Detail);
                return accent;
            case Species.Lion:
                c.Ellipse(7, hy + 8, 11, 8, Palette.Lighten(body, 0.5), Role.Detail);
                c.Polygon([(3, hy + 3), (11, hy + 3), (7, hy + 7)], "#7A4A30", Role.Dark);
                return null;
            case Species.Elephant:
                c.Path(p => p.M(-3, hy + 2).C(-5, hy + 20, 2, hy + 36, 14, hy + 37).C(21, hy + 37, 23, hy + 30, 19, hy + 28)
                    .C(13, hy + 30, 9, hy + 22, 10, hy + 2).Z(), body);
                c.Path(p => p.M(-12, hy + 12).Q(-16, hy + 20, -9, hy + 22).Q(-12, hy + 18, -9, hy + 13).Z(), Palette.White, Role.Detail);
                return null;
            case Species.Dinosaur:
                c.Ellipse(12, hy + 6, 16, 12, body, Role.Detail);
                c.Circle(22, hy + 2, 1.5, Palette.Eye, Role.Dark);
                c.Circle(-10, hy - 10, 2.6, Palette.Darken(body, 0.15), Role.Detail);
                c.Circle(-4, hy - 15, 2, Palette.Darken(body, 0.15), Role.Detail);
                return null;
            default:
                return null;
        }
    }

    private static string ManeColor(Character ch, int strand) => ch.Species == Species.Unicorn
        ? new[] { ch.AccentColor, "#F7A8C8", "#FFE08A", "#9ED8F0" }[strand % 4]
        : ch.AccentColor;

    /// <summary>The mane down the back of the head and neck; a unicorn's has rainbow strands.</summary>
    private static void Mane(SvgCanvas c, Character ch, double hy)
    {
        for (var i = 3; i >= 0; i--)
        {
            var k = i;
            c.Path(p => p.M(-4 + k, hy - 22 + k * 2).C(-26 - k * 2, hy - 20 + k * 3, -28 - k, hy + 10 + k * 4, -20 - k * 3, hy + 30 + k * 3)
                .C(-14, hy + 18, -12, hy, -2, hy - 12 + k * 2).Z(), ManeColor(ch, k), k == 3 ? Role.Contour : Role.Detail);
        }
    }

    private static void Horn(SvgCanvas c, double hy)
    {
        c.Polygon([(-1, hy - 19), (6, hy - 52), (11, hy - 17)], "#F2C94C", Role.Contour);
        c.Stroke(p => p.M(1, hy - 26).L(9, hy - 28), "#D9A42C", 1.2);
        c.Stroke(p => p.M(3, hy - 35).L(8, hy - 37), "#D9A42C", 1.2);
    }
}
