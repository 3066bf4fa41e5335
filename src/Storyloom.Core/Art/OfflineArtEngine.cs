using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Vector SVG illustrations drawn from the manuscript's briefs; the same inputs always give the same bytes.</summary>
public sealed class OfflineArtEngine : IArtEngine
{
    public ContentCredit Credit { get; } = new("Storyloom's offline art engine", IsAiModel: false);

    public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame)
    {
        var brief = page.Illustration ?? new IllustrationBrief("forest", "day", "clear", [], [], "top", "");
        if (page.Role == PageRole.Concept) return ConceptPainter.Draw(manuscript, brief, frame, Rng.For(manuscript.Seed, "concept", page.Number));
        return Scene(manuscript, brief, frame, Rng.For(manuscript.Seed, "art", page.Number), hero: false);
    }

    public string DrawCover(Manuscript manuscript, ArtFrame frame)
    {
        if (manuscript.Kind == BookKind.Coloring) return ColoringCover.Draw(manuscript, frame);
        var first = manuscript.Pages.FirstOrDefault(p => p.Illustration is not null)?.Illustration;
        var setting = first?.Setting ?? "forest";
        var cast = manuscript.Cast.Take(4).ToList();
        var xs = cast.Count switch { 1 => new[] { 0.5 }, 2 => [0.35, 0.65], 3 => [0.22, 0.5, 0.78], _ => [0.16, 0.39, 0.61, 0.84] };
        var placements = cast.Select((c, i) => new CharacterPlacement(c.Id, i == 0 ? Pose.Waving : Pose.Standing, xs[i], xs[i] > 0.5)).ToList();
        var time = first?.TimeOfDay == "night" ? "night" : "day";
        var brief = new IllustrationBrief(setting, time, "clear", placements, [], "top", "Cover");
        return Scene(manuscript, brief, frame, Rng.For(manuscript.Seed, "cover"), hero: true);
    }

    public string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame) =>
        ColoringPainter.Draw(manuscript, page, frame, Rng.For(manuscript.Seed, "coloring", page.Number));

    internal static InkMode ModeOf(string artStyle) => artStyle switch
    {
        "bold-outline" => InkMode.BoldOutline,
        "soft-shaded" => InkMode.SoftShaded,
        "line-art" => InkMode.LineArt,
        _ => InkMode.FlatPastel,
    };

    private static string Scene(Manuscript m, IllustrationBrief brief, ArtFrame frame, Rng rng, bool hero)
    {
        var mode = ModeOf(m.ArtStyle);
        if (mode == InkMode.LineArt) mode = InkMode.BoldOutline;
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, mode);
        var (freeTop, freeBottom) = FreeBand(frame);
        var band = freeBottom - freeTop;
        var horizon = freeTop + band * (brief.Setting == "bedroom" ? 0.66 : 0.6);
        var layout = new SceneLayout(frame.WidthPt, frame.HeightPt, freeTop, freeBottom, horizon);
        SceneBackground.Draw(c, brief.Setting, brief.TimeOfDay, brief.Weather, layout, rng);

        var safe = frame.SafeArea;
        var props = brief.Props.Where(p => p is "kite" or "star" or "lantern" or "ball" or "book" or "flower").ToList();
        foreach (var prop in props)
        {
            var sky = prop is "kite" or "star";
            var y = sky ? Math.Max(freeTop, safe.Y) + band * 0.15 : Math.Min(freeBottom, safe.Bottom) - band * 0.06;
            var x = safe.X + rng.Range(0.1, 0.9) * safe.Width;
            PropPainter.Prop(c, prop, x, y, sky ? 16 : 10);
        }

        var feet = Math.Min(freeBottom, safe.Bottom) - band * 0.05;
        var top = Math.Max(freeTop, safe.Y) + 6;
        var count = Math.Max(1, brief.Characters.Count);
        var height = Math.Min((feet - top) * (hero ? 0.85 : 0.78), frame.HeightPt * (hero ? 0.5 : 0.42));
        height = Math.Min(height, safe.Width / count / 0.72);
        var margin = height * 0.4;
        foreach (var placement in brief.Characters)
        {
            var ch = m.Cast.FirstOrDefault(x => x.Id == placement.CharacterId);
            if (ch is null) continue;
            var t = Math.Clamp((placement.X - 0.15) / 0.7, 0, 1);
            var cx = safe.X + margin + t * Math.Max(0, safe.Width - 2 * margin);
            var h = placement.Pose == Pose.Sleeping ? height * 0.8 : height;
            CharacterPainter.Draw(c, ch, placement.Pose, cx, feet, h, placement.FacingLeft, placement.Holding);
        }
        return c.ToString();
    }

    /// <summary>The vertical band outside the text panel, where scenery and characters may go.</summary>
    internal static (double Top, double Bottom) FreeBand(ArtFrame frame)
    {
        if (frame.TextZone is not { } z) return (0, frame.HeightPt);
        var zoneAtTop = z.Y + z.Height / 2 < frame.HeightPt / 2;
        return zoneAtTop ? (z.Bottom, frame.HeightPt) : (0, z.Y);
    }
}
