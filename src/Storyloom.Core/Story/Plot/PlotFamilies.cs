using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

/// <summary>The authored plot families (one file each under Families/) and how a theme chooses one.</summary>
public static partial class PlotFamilies
{
    /// <summary>Every family, most specific first: "afraid of the dark at a sleepover" is a sleepover before it is the dark.</summary>
    public static IReadOnlyList<PlotFamily> All => _all ??= [.. Authored().OrderByDescending(f => f.Triggers.Max(t => t.Length))];

    private static IReadOnlyList<PlotFamily>? _all;

    /// <summary>The story told when a theme names nothing the engine knows: making a friend.</summary>
    public static PlotFamily Fallback => All.FirstOrDefault(f => f.Id == "friendship") ?? School;

    /// <summary>
    /// The family whose trigger says most about the text (phrases before single words); a family that outranks the best one
    /// and is named too takes its place ("a sleepover, scared of the dark"); null when none is named.
    /// </summary>
    internal static PlotFamily? Match(string text, IReadOnlyList<string> words)
    {
        PlotFamily? best = null;
        var bestScore = 0;
        var named = new List<PlotFamily>();
        PlotFamily? weak = null;
        foreach (var family in All.Where(f => !f.General && !(f.Unless?.Any(u => text.Contains(u, StringComparison.Ordinal)) ?? false)))
        {
            var familyScore = 0;
            foreach (var trigger in family.Triggers)
            {
                var hit = trigger.Contains(' ', StringComparison.Ordinal) || trigger.Contains('-', StringComparison.Ordinal)
                    ? text.Contains(trigger, StringComparison.Ordinal)
                    : words.Any(w => w == trigger || w == trigger + "s" || w == trigger + "es");
                // A longer phrase says more about the story than a single word.
                var score = hit ? trigger.Length + (trigger.Contains(' ', StringComparison.Ordinal) ? 20 : 0) : 0;
                familyScore = Math.Max(familyScore, score);
            }
            if (familyScore > 0) named.Add(family);
            if (familyScore > bestScore) (best, bestScore) = (family, familyScore);
            // A word for the hero's kind ("dinosaur") chooses the family only when nothing else in the theme does.
            if (familyScore == 0 && family.HeroKinds is { } kinds && words.Any(w => kinds.Any(k => w == k || w == k + "s" || w == k + "es")))
                weak ??= family;
        }
        best ??= weak;
        for (var hops = 0; best is not null && hops < named.Count; hops++)
        {
            var over = named.FirstOrDefault(f => f != best && f.Outranks is { } o && o.Contains(best.Id));
            if (over is null) break;
            best = over;
        }
        return best;
    }

    /// <summary>Whether a trigger of <paramref name="family"/> is in the text, not only a word for its hero's kind ("a dragon who …").</summary>
    internal static bool Named(PlotFamily family, string text, IReadOnlyList<string> words) =>
        family.Triggers.Any(trigger => trigger.Contains(' ', StringComparison.Ordinal) || trigger.Contains('-', StringComparison.Ordinal)
            ? text.Contains(trigger, StringComparison.Ordinal)
            : words.Any(w => w == trigger || w == trigger + "s" || w == trigger + "es"));

    private static IEnumerable<PlotFamily> Authored() =>
    [
        School,
        Dark,
        Dentist,
        Doctor,
        Haircut,
        Moving,
        NewBaby,
        Potty,
        Bedtime,
        PetLoss,
        Friendship,
        Sleepover,
        Anger,
        Sharing,
        Shyness,
        Grandparents,
        TwoHomes,
        LostToy,
        Space,
        Seaside,
        Dinosaurs,
        Farm,
        Seasons,
        Birthday,
        FairyTale,
        Wish,
        Fear,
        Storm,
        Jealousy,
        Adoption,
        Pirates,
        Christmas,
        Zoo,
        Snow,
        Lost,
        Hospital,
        Race,
    ];

    // Builders that keep the authored families short.
    private static Beat B(string step, string where, string when, string who, Pose pose, string mood, string? holds, string props,
        string[] tiny, string[] core, string[] more, string? hook = null) =>
        new(step, where, when, who, pose, mood, holds, props, tiny, core, more, hook);

    private static Dictionary<char, Role> Roles(params (char Letter, Role Role)[] roles) => roles.ToDictionary(r => r.Letter, r => r.Role);

    // Properties, not fields: the families in other files are initialised first, and a field would still be null then.
    private static string[] Parents => ["Mama", "Papa", "Mum", "Dad"];
}
