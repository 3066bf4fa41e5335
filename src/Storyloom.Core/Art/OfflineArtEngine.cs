using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Vector SVG illustrations drawn from the manuscript's briefs; the same inputs always give the same bytes.</summary>
public sealed partial class OfflineArtEngine : IArtEngine
{
    public ContentCredit Credit { get; } = new("Storyloom's offline art engine", IsAiModel: false);

    /// <summary>Whether the offline art draws this setting as itself (every one of <see cref="SceneVocabulary.Settings"/> is).</summary>
    public static bool Draws(string setting) => SceneBackground.Draws(setting);

    /// <summary>Whether the offline art draws this prop, standing in a scene or held (every one of <see cref="SceneVocabulary.Props"/> is).</summary>
    public static bool DrawsProp(string prop) => PropPainter.Draws(prop);

    public string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame)
    {
        var brief = page.Illustration ?? new IllustrationBrief("forest", "day", "clear", [], [], "top", "");
        if (page.Role == PageRole.Concept) return ConceptPainter.Draw(manuscript, brief, frame, Rng.For(manuscript.Seed, "concept", page.Number));
        return Scene(manuscript, brief, frame, Rng.For(manuscript.Seed, "art", page.Number), hero: false, page.Text);
    }

    public string DrawCover(Manuscript manuscript, ArtFrame frame)
    {
        if (manuscript.Kind == BookKind.Coloring) return ColoringCover.Draw(manuscript, frame);
        // The hero in a moment of the story (a page chosen by the seed), so each seed's cover is its own picture.
        var rng = Rng.For(manuscript.Seed, "cover");
        var hero = manuscript.Cast.FirstOrDefault()?.Id;
        var moments = manuscript.Pages.Where(p => p.Role == PageRole.Story && p.Illustration is { } il && il.Characters.Any(c => c.CharacterId == hero)).ToList();
        if (moments.Count > 0)
        {
            // A moment of the premise: a page whose scene holds what the brief is about (the night-light, the dark, the
            // dentist's place), away from the opening room, with someone to share it; the seed chooses among the best.
            var opening = manuscript.Pages.First(p => p.Role == PageRole.Story && p.Illustration is not null).Illustration!.Setting;
            var keys = manuscript.Premise?.Keys ?? [];
            int Score(IllustrationBrief il)
            {
                var things = il.Props.Concat(il.Characters.Select(c => c.Holding).OfType<string>()).ToHashSet();
                var about = keys.Count(k => things.Contains(k) || il.Setting == k || k is "dark" or "night" && il.TimeOfDay == "night");
                return 2 * about + (il.Setting != opening ? 1 : 0) + (il.Characters.Count > 1 ? 1 : 0);
            }
            var best = moments.Max(p => Score(p.Illustration!));
            var top = moments.Where(p => Score(p.Illustration!) == best).ToList();
            var moment = top[rng.Next(top.Count)].Illustration!;
            // The hero is drawn last, in front of whoever shares the moment; a cover invites, so a scared or sad face is a curious one.
            var people = moment.Characters.Where(c => c.CharacterId != hero).Take(2).Append(moment.Characters.First(c => c.CharacterId == hero))
                .Select(c => c.Mood is "scared" or "sad" ? c with { Mood = "curious" } : c).ToList();
            var shown = moment with { Characters = people, TextPlacement = "top", Shot = "medium", Description = "Cover: " + moment.Description };
            return Scene(manuscript, shown, frame, rng, hero: true);
        }
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

    /// <summary>The vertical band outside the text panel, where scenery and characters may go.</summary>
    internal static (double Top, double Bottom) FreeBand(ArtFrame frame)
    {
        if (frame.TextZone is not { } z) return (0, frame.HeightPt);
        var zoneAtTop = z.Y + z.Height / 2 < frame.HeightPt / 2;
        return zoneAtTop ? (z.Bottom, frame.HeightPt) : (0, z.Y);
    }
}
