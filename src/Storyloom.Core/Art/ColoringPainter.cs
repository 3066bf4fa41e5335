using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Black-and-white coloring designs: a rounded frame, a setting-specific background, and one big centred subject drawn last so it covers what is behind it.</summary>
internal static class ColoringPainter
{
    /// <summary>Share of the inner box's height the subject fills; a character's nominal height includes some air above the head.</summary>
    private const double ObjectHeight = 0.74, CharacterHeight = 0.78;

    public static string Draw(Manuscript m, ManuscriptPage page, ArtFrame frame, Rng rng)
    {
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, InkMode.LineArt);
        var s = frame.SafeArea;
        const double inset = 4, inner = 14;
        c.Rect(s.X + inset, s.Y + inset, s.Width - 2 * inset, s.Height - 2 * inset, "white", Role.Contour, 22);
        var (x0, y0) = (s.X + inset + inner, s.Y + inset + inner);
        var (w, h) = (s.Width - 2 * (inset + inner), s.Height - 2 * (inset + inner));
        var brief = page.Illustration;
        var box = new ColoringBox(x0, y0, w, h, y0 + h * (1 - rng.Range(0.13, 0.17)), rng.Chance(0.5));
        ColoringScenery.Draw(c, brief?.Setting ?? "farm", brief?.TimeOfDay == "night", box, rng);

        var subject = brief?.Characters.FirstOrDefault();
        var ch = subject is null ? null : m.Cast.FirstOrDefault(x => x.Id == subject.CharacterId);
        if (ch is not null) Character(c, ch, subject!, box);
        else Object(c, brief?.Props.FirstOrDefault(ObjectPainter.Knows) ?? "flower", box);
        return c.ToString();
    }

    private static void Character(SvgCanvas c, Character ch, CharacterPlacement placement, ColoringBox b)
    {
        // A balloon or kite floats above the hand, so the figure shrinks to keep it inside the frame.
        var tall = placement.Holding is "balloon" or "kite" ? 0.6 : CharacterHeight;
        var feet = b.Ground + b.H * 0.06;
        // A long tail or a waving arm reaches about half the height to each side.
        var height = Math.Min(Math.Min(b.H * tall, feet - b.Y0 - b.H * 0.04), b.W * 0.98);
        CharacterPainter.Draw(c, ch, placement.Pose, b.X0 + b.W / 2, feet, height, placement.FacingLeft, placement.Holding);
    }

    private static void Object(SvgCanvas c, string key, ColoringBox b)
    {
        var (minX, minY, maxX, maxY) = ObjectPainter.Bounds(key);
        var scale = Math.Min(b.H * ObjectHeight / (maxY - minY), b.W * 0.84 / (maxX - minX));
        var cx = b.X0 + b.W / 2 - (minX + maxX) / 2 * scale;
        var bottom = ObjectPainter.Floats(key)
            ? b.Y0 + (b.Ground - b.Y0 + b.H * 0.04) / 2 + (maxY - minY) * scale / 2
            : b.Ground + b.H * 0.07;
        c.Push(Affine.Translate(cx, bottom - maxY * scale).Then(Affine.Scale(scale, scale)));
        ObjectPainter.Draw(c, key);
        c.Pop();
    }
}
