using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Picks the one to three places a story visits, from the theme's keywords.</summary>
internal static class StorySettings
{
    private static readonly (string Setting, string[] Words)[] Keywords =
    [
        ("underwater", ["underwater", "ocean", "sea", "fish", "whale", "mermaid", "reef"]),
        ("beach", ["beach", "sand", "shell", "seaside", "summer"]),
        ("space", ["space", "star", "planet", "rocket", "moon", "robot", "astronaut"]),
        ("farm", ["farm", "tractor", "cow", "garden", "barn", "pond"]),
        ("snowy-mountains", ["snow", "winter", "mountain", "ice", "cold", "christmas"]),
        ("town", ["town", "city", "school", "shop", "family", "neighbo"]),
        ("bedroom", ["bed", "sleep", "night", "dream", "home"]),
        ("forest", ["forest", "wood", "tree", "camp", "leaf", "autumn"]),
    ];

    private static readonly Dictionary<string, string[]> Neighbours = new()
    {
        ["forest"] = ["farm", "snowy-mountains", "town"],
        ["beach"] = ["underwater", "town"],
        ["underwater"] = ["beach"],
        ["space"] = ["bedroom"],
        ["farm"] = ["forest", "town"],
        ["snowy-mountains"] = ["forest"],
        ["town"] = ["forest", "beach", "farm"],
        ["bedroom"] = ["town", "forest"],
    };

    public static List<string> For(string theme, StoryShape shape, Rng rng)
    {
        var t = theme.ToLowerInvariant();
        var matched = Keywords.Where(k => k.Words.Any(t.Contains)).Select(k => k.Setting).Where(s => s != "bedroom").ToList();
        var first = matched.Count > 0 ? matched[0] : rng.Pick(new[] { "forest", "beach", "town", "farm", "snowy-mountains" });
        if (shape == StoryShape.Bedtime)
        {
            // Day's end outside, an optional dream place, then bed.
            var dream = rng.Pick(new[] { "space", "underwater", "forest" });
            return rng.Chance(0.5) ? [first, dream, "bedroom"] : [first, "bedroom"];
        }
        var settings = new List<string> { first };
        var extra = rng.Next(0, 3);
        foreach (var s in matched.Skip(1).Concat(rng.Shuffled(Neighbours[first])))
        {
            if (settings.Count > extra) break;
            if (!settings.Contains(s) && s != "bedroom") settings.Add(s);
        }
        return settings;
    }
}
