using System.Globalization;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>How a coloring brief carries its level, friend and variant in <see cref="IllustrationBrief.Props"/>.</summary>
internal static class ColoringTags
{
    public const string Level = "level:", With = "with:", Variant = "v:", FacingLeft = "facing-left";

    public static ColoringLevel LevelOf(IllustrationBrief? brief) =>
        Tag(brief, Level) is { } v && BookFormatNames.Levels.TryGetValue(v, out var level) ? level : ColoringLevel.Simple;

    public static int VariantOf(IllustrationBrief? brief) => int.TryParse(Tag(brief, Variant), CultureInfo.InvariantCulture, out var v) ? v : 0;

    public static string? Tag(IllustrationBrief? brief, string prefix) =>
        brief?.Props.FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}

/// <summary>Black-and-white coloring designs: a rounded frame, a level-dependent background, and one big subject drawn last so it covers what is behind it.</summary>
internal static class ColoringPainter
{
    /// <summary>Share of the inner box's height a character fills; its nominal height includes some air above the head.</summary>
    private const double CharacterHeight = 0.78;

    public static string Draw(Manuscript m, ManuscriptPage page, ArtFrame frame, Rng rng)
    {
        var brief = page.Illustration;
        var style = ColoringStyle.For(ColoringTags.LevelOf(brief));
        // A design page is over 4 in on each side and never landscape; any other frame is a preview (title page, cover sample)
        // of the same design, drawn about as much smaller as its height is to a full page's, so its smallest region shrinks with it.
        if (Math.Min(frame.SafeArea.Width, frame.SafeArea.Height) < 300 || frame.SafeArea.Width > frame.SafeArea.Height * 1.3)
            style = style with { MinRegion = style.MinRegion * Math.Min(1, frame.SafeArea.Height / 600) };
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, InkMode.LineArt) { LineWidths = (style.Contour, style.Detail) };
        var s = frame.SafeArea;
        const double inset = 4, inner = 14;
        c.Rect(s.X + inset, s.Y + inset, s.Width - 2 * inset, s.Height - 2 * inset, "white", Role.Contour, 22);
        var (x0, y0) = (s.X + inset + inner, s.Y + inset + inner);
        var (w, h) = (s.Width - 2 * (inset + inner), s.Height - 2 * (inset + inner));
        var key = brief?.Props.FirstOrDefault(ColoringSubjects.Knows);
        var variant = ColoringTags.VariantOf(brief);
        if (key is "mandala" or "pattern")
        {
            var seeded = Rng.For(m.Seed, key, variant);
            if (key == "mandala") ColoringMandala.Draw(c, x0, y0, w, h, style, seeded);
            else ColoringPatterns.Draw(c, x0, y0, w, h, variant, style);
            return ColoringInk.Apply(c.ToString(), style);
        }

        var box = new ColoringBox(x0, y0, w, h, y0 + h * (1 - rng.Range(0.13, 0.17)), rng.Chance(0.5));
        ColoringScenery.Draw(c, brief?.Setting ?? "farm", brief?.TimeOfDay == "night", box, style, rng);
        // Comments mark where the background ends and the subject begins, so a cover can color each part as a whole.
        var afterScenery = Body(c);

        var placements = brief?.Characters ?? [];
        var hero = placements.FirstOrDefault() is { } p0 ? m.Cast.FirstOrDefault(x => x.Id == p0.CharacterId) : null;
        var friendPlacement = placements.Skip(1).FirstOrDefault();
        var friend = friendPlacement is null ? null : m.Cast.FirstOrDefault(x => x.Id == friendPlacement.CharacterId);
        var companion = ColoringTags.Tag(brief, ColoringTags.With);
        var facingLeft = hero is not null ? placements[0].FacingLeft : brief?.Props.Contains(ColoringTags.FacingLeft) == true;
        var paired = companion is not null || friend is not null;
        // The friend stands on the side the subject faces, so they look at each other.
        var friendSide = facingLeft ? 0.0 : 1.0;
        var main = paired ? Side(box, 1 - friendSide, 0.7) : (box.X0, box.W);
        if (friend is not null)
            Character(c, friend, friendPlacement!, Side(box, friendSide, 0.4), box, 0.5);
        else if (companion is not null)
            ColoringSubjects.Draw(c, companion, Side(box, friendSide, style.Level == ColoringLevel.Simple ? 0.42 : 0.34), box, style.Level == ColoringLevel.Simple ? 0.4 : 0.34, !facingLeft, style, rng);

        var afterFriend = Body(c);
        if (hero is not null) Character(c, hero, placements[0], main, box, paired ? 0.7 : CharacterHeight);
        else ColoringSubjects.Draw(c, key ?? "flower", main, box, paired ? 0.62 : 0.74, facingLeft, style, rng);
        var svg = c.ToString().Insert(afterFriend, SubjectMark).Insert(afterScenery, FriendMark);
        return ColoringInk.Apply(svg, style);
    }

    public const string FriendMark = "<!--friend-->", SubjectMark = "<!--subject-->";

    /// <summary>Where the next shape will be written in the canvas's text.</summary>
    private static int Body(SvgCanvas c)
    {
        var svg = c.ToString();
        return svg.LastIndexOf("</svg>", StringComparison.Ordinal);
    }

    /// <summary>A strip of the box (x and width) of the given share, at its near (0) or far (1) side.</summary>
    private static (double X, double W) Side(ColoringBox b, double side, double share) =>
        side < 0.5 ? (b.X0, b.W * share) : (b.Right - b.W * share, b.W * share);

    private static void Character(SvgCanvas c, Character ch, CharacterPlacement placement, (double X, double W) strip, ColoringBox b, double share)
    {
        // A balloon or kite floats above the hand, so the figure shrinks to keep it inside the frame.
        var tall = placement.Holding is "balloon" or "kite" ? share * 0.77 : share;
        var feet = b.Ground + b.H * 0.06;
        // A long tail or a waving arm reaches about half the height to each side.
        var height = Math.Min(b.H * tall, feet - b.Y0 - b.H * 0.04);
        CharacterPainter.Draw(c, ch, placement.Pose, strip.X + strip.W / 2, feet, CharacterPainter.HeightToFill(ch.Species, height, strip.W * 0.98), placement.FacingLeft, placement.Holding);
    }
}
