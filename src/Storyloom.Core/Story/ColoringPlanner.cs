using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>
/// One coloring design: a subject (a cast species or an object the art engine draws), a setting and a variant
/// (pose, companion, facing) so a theme yields many distinct pictures.
/// </summary>
internal sealed record ColoringSubject(string Key, string Caption, string Setting, Species? Species = null, string? Companion = null, int Variant = 0)
{
    /// <summary>What makes two designs the same picture: a mandala's variant is its seed; otherwise the facing, and a character's pose.</summary>
    public string Signature => Key is "mandala" or "pattern" ? $"{Key}|{Variant}" : $"{Key}|{Setting}|{Companion}|{Variant % (Species is null ? 2 : 4)}";
}

/// <summary>A thing a theme can draw, with the settings it belongs in.</summary>
internal sealed record ColoringThing(string Key, string Name, string[] Settings, Species? Species = null);

/// <summary>Plans a coloring book: front matter, then a design on every right-hand page with a blank back.</summary>
internal static class ColoringPlanner
{
    public const int DesignsPerTheme = 50;

    private static readonly Dictionary<string, ColoringThing[]> Things = new()
    {
        ["animals"] =
        [
            new("fox", "a fox", ["forest", "snowy-mountains", "farm"], Species.Fox), new("bear", "a bear", ["forest", "beach", "snowy-mountains"], Species.Bear),
            new("rabbit", "a bunny", ["farm", "forest", "town"], Species.Rabbit), new("cat", "a cat", ["town", "bedroom", "farm"], Species.Cat),
            new("dog", "a puppy", ["town", "beach", "farm"], Species.Dog), new("owl", "an owl", ["forest", "snowy-mountains", "bedroom"], Species.Owl),
            new("mouse", "a mouse", ["farm", "bedroom", "town"], Species.Mouse), new("turtle", "a turtle", ["beach", "farm"]),
            new("butterfly", "a butterfly", ["farm", "forest"]),
        ],
        ["vehicles"] =
        [
            new("car", "a little car", ["town", "farm", "beach"]), new("bus", "a bus", ["town", "farm"]), new("train", "a train", ["town", "farm", "snowy-mountains"]),
            new("tractor", "a tractor", ["farm", "forest"]), new("firetruck", "a fire truck", ["town", "farm"]), new("plane", "an airplane", ["town", "beach", "farm"]),
            new("boat", "a sailboat", ["beach", "town"]), new("rocket", "a rocket", ["space", "town"]), new("digger", "a digger", ["town", "farm"]),
            new("bike", "a bicycle", ["town", "forest", "beach"]), new("helicopter", "a helicopter", ["town", "snowy-mountains", "beach"]),
            new("dumptruck", "a dump truck", ["town", "farm"]), new("balloon", "a hot-air balloon", ["farm", "snowy-mountains", "forest"]),
        ],
        ["dinosaurs"] =
        [
            new("trex", "a T. rex", ["volcano", "forest", "beach"]), new("triceratops", "a triceratops", ["volcano", "forest", "farm"]),
            new("stego", "a stegosaurus", ["forest", "volcano", "snowy-mountains"]), new("longneck", "a long-neck dinosaur", ["volcano", "forest", "beach"]),
            new("ptero", "a pterodactyl", ["volcano", "beach", "forest"]), new("nest", "dinosaur eggs in a nest", ["volcano", "forest"]),
            new("ankylo", "an ankylosaurus", ["forest", "volcano", "farm"]), new("hatchling", "a baby dinosaur hatching", ["volcano", "forest", "beach"]),
        ],
        ["underwater"] =
        [
            new("fish", "a fish", ["underwater", "reef"]), new("whale", "a whale", ["underwater", "reef"]), new("turtle", "a sea turtle", ["underwater", "reef", "beach"]),
            new("octopus", "an octopus", ["underwater", "reef"]), new("crab", "a crab", ["beach", "underwater", "reef"]), new("seahorse", "a seahorse", ["reef", "underwater"]),
            new("jellyfish", "a jellyfish", ["underwater", "reef"]), new("submarine", "a submarine", ["underwater", "reef"]), new("dolphin", "a dolphin", ["underwater", "reef"]),
            new("starfish", "a starfish", ["reef", "beach", "underwater"]), new("shell", "a big seashell", ["beach", "reef"]),
        ],
        ["mandalas"] =
        [
            new("mandala", "Mandala", ["none"]), new("pattern", "Pattern", ["none"]),
        ],
        ["characters"] =
        [
            new("hero", "{0}", ["forest", "beach", "town", "farm", "space", "underwater", "bedroom", "snowy-mountains"], Species.Child),
            new("dragon", "{0} the dragon", ["snowy-mountains", "forest", "beach", "farm", "bedroom", "town"], Species.Dragon),
            new("robot", "{0} the robot", ["space", "town", "bedroom", "farm", "beach", "forest"], Species.Robot),
            new("pup", "{0} the puppy", ["town", "farm", "beach", "forest", "bedroom", "snowy-mountains"], Species.Dog),
        ],
    };

    /// <summary>Small friends drawn beside the subject; the same key never befriends itself.</summary>
    private static readonly Dictionary<string, string[]> Companions = new()
    {
        ["animals"] = ["butterfly", "flower", "turtle", "ball"],
        ["vehicles"] = ["car", "balloon", "boat", "bike"],
        ["dinosaurs"] = ["nest", "hatchling", "ptero", "stego"],
        ["underwater"] = ["fish", "starfish", "jellyfish", "crab"],
        ["mandalas"] = [],
        ["characters"] = ["friend", "ball", "butterfly", "flower"],
    };

    private static readonly Dictionary<string, string[]> Keywords = new()
    {
        ["animals"] = ["animal", "pet", "zoo", "woodland", "cat", "dog", "fox", "bear", "bunny", "rabbit", "owl", "puppy", "kitten", "farm"],
        ["vehicles"] = ["vehicle", "car", "truck", "train", "transport", "tractor", "digger", "plane", "bus", "things that go", "construction", "rocket"],
        ["dinosaurs"] = ["dino", "jurassic", "prehistoric", "t-rex", "rex", "volcano"],
        ["underwater"] = ["ocean", "sea", "fish", "underwater", "under the water", "whale", "mermaid", "reef", "shark", "beach"],
        ["mandalas"] = ["mandala", "pattern", "geometric", "zen", "relax", "mindful", "adult", "doodle"],
        ["characters"] = ["character", "friends", "adventure", "kids", "children", "dragon", "robot", "my book"],
    };

    /// <summary>The themes a free-text theme asks for; nothing recognised gives a mixed book (mandalas only for the detailed level).</summary>
    public static IReadOnlyList<string> GroupsFor(string theme, ColoringLevel level = ColoringLevel.Simple)
    {
        var t = theme.ToLowerInvariant();
        var groups = Keywords.Where(k => k.Value.Any(t.Contains)).Select(k => k.Key).ToList();
        if (groups.Count > 0) return groups;
        return level == ColoringLevel.Detailed
            ? ["animals", "vehicles", "dinosaurs", "underwater", "mandalas"]
            : ["animals", "vehicles", "dinosaurs", "underwater"];
    }

    /// <summary>Every distinct design the theme's groups offer, interleaved so a short book still shows each group.</summary>
    public static List<ColoringSubject> Subjects(string theme, ColoringLevel level = ColoringLevel.Simple)
    {
        var lists = GroupsFor(theme, level).Select(Designs).ToList();
        var result = new List<ColoringSubject>();
        for (var i = 0; lists.Any(l => i < l.Count); i++)
            result.AddRange(lists.Where(l => i < l.Count).Select(l => l[i]));
        return result.DistinctBy(s => s.Signature).ToList();
    }

    /// <summary>At least <see cref="DesignsPerTheme"/> designs of one group: every thing first, then new settings, friends and poses.</summary>
    public static List<ColoringSubject> Designs(string group)
    {
        var things = Things[group];
        var friends = Companions[group];
        var list = new List<ColoringSubject>();
        for (var v = 0; list.Count < DesignsPerTheme; v++)
        {
            foreach (var t in things)
            {
                var setting = t.Settings[v % t.Settings.Length];
                // The friend changes every time the setting list wraps, so (setting, friend) pairs do not repeat.
                var round = v / t.Settings.Length;
                var pool = friends.Where(f => f != t.Key).ToArray();
                var friend = pool.Length == 0 || round == 0 ? null : pool[(round - 1) % pool.Length];
                list.Add(new ColoringSubject(t.Key, Caption(group, t, setting, friend, v), setting, t.Species, friend, v));
            }
        }
        return list;
    }

    private static string Caption(string group, ColoringThing t, string setting, string? friend, int v)
    {
        if (group == "mandalas") return $"{t.Name} {v + 1}";
        var name = t.Name;
        var place = setting switch
        {
            "forest" => "in the forest", "beach" => "at the beach", "town" => "in town", "farm" => "on the farm", "space" => "in space",
            "underwater" => "under the sea", "reef" => "on the coral reef", "bedroom" => "at bedtime", "snowy-mountains" => "in the snow",
            "volcano" => "by the volcano", _ => "",
        };
        var with = friend switch
        {
            null => "",
            "friend" => " with a friend",
            "ball" or "flower" or "nest" => $" with a {Friendly(friend)}",
            _ => $" and a {Friendly(friend)}",
        };
        var text = $"{name} {place}{with}";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Friendly(string key) => key switch
    {
        "ptero" => "pterodactyl", "stego" => "stegosaurus", "hatchling" => "baby dinosaur", "nest" => "nest of eggs",
        "balloon" => "hot-air balloon", "bike" => "bicycle", _ => key,
    };

    public static List<ManuscriptPage> Plan(int pages, IReadOnlyList<ColoringSubject> subjects, IReadOnlyList<Character> cast, ColoringLevel level, Rng rng)
    {
        var list = new List<ManuscriptPage>
        {
            new(1, PageRole.Title, null, null),
            new(2, PageRole.BelongsTo, "This book belongs to", null),
            new(3, PageRole.ColorTest, "Test your colors here", null),
            new(4, PageRole.BlankBack, null, null),
        };
        // Subjects come interleaved by theme, most varied first; a book uses the first ones it needs, in a shuffled order.
        var slots = Enumerable.Range(5, Math.Max(0, pages - 4)).Count(n => n % 2 == 1 && n != pages);
        var chosen = rng.Shuffled(subjects.Take(Math.Max(slots, 1)));
        var design = 0;
        for (var n = 5; n <= pages; n++)
        {
            if (n % 2 == 0) { list.Add(new ManuscriptPage(n, PageRole.BlankBack, null, null)); continue; }
            // An odd page count leaves a last right-hand page with no back: make it a notes page.
            if (n == pages) { list.Add(new ManuscriptPage(n, PageRole.Notes, "Notes", null)); continue; }
            var subject = chosen[design % chosen.Count];
            list.Add(new ManuscriptPage(n, PageRole.ColoringDesign, subject.Caption.Replace("{0}", NameOf(subject, cast)), Brief(subject, cast, level, rng)));
            design++;
        }
        return list.Take(pages).ToList();
    }

    private static string NameOf(ColoringSubject subject, IReadOnlyList<Character> cast) =>
        cast.FirstOrDefault(c => c.Species == subject.Species)?.Name ?? "Our friend";

    private static IllustrationBrief Brief(ColoringSubject subject, IReadOnlyList<Character> cast, ColoringLevel level, Rng rng)
    {
        var placements = new List<CharacterPlacement>();
        var props = new List<string>();
        var character = subject.Species is { } species ? cast.FirstOrDefault(c => c.Species == species) : null;
        var facingLeft = subject.Variant % 2 == 1;
        if (character is not null)
        {
            var pose = new[] { Pose.Standing, Pose.Waving, Pose.Holding, Pose.Walking }[subject.Variant % 4];
            var holding = pose == Pose.Holding ? new[] { "flower", "ball", "book", "star" }[subject.Variant / 4 % 4] : null;
            placements.Add(new CharacterPlacement(character.Id, pose, 0.5, facingLeft, holding));
            if (subject.Companion == "friend" && cast.FirstOrDefault(c => c.Id != character.Id) is { } friend)
                placements.Add(new CharacterPlacement(friend.Id, Pose.Waving, 0.8, !facingLeft));
        }
        else
        {
            props.Add(subject.Key);
        }
        if (subject.Companion is { } companion and not "friend") props.Add(ColoringTags.With + companion);
        props.Add(ColoringTags.Level + level.ToCli());
        props.Add(ColoringTags.Variant + subject.Variant);
        if (facingLeft) props.Add(ColoringTags.FacingLeft);
        var time = subject.Setting == "space" || subject.Key == "owl" || (subject.Setting == "bedroom" && rng.Chance(0.5)) ? "night" : "day";
        var background = level switch
        {
            ColoringLevel.Simple => "no background, a few big shapes, thick lines",
            ColoringLevel.Medium => $"a simple {subject.Setting} background, medium lines",
            _ => $"a detailed {subject.Setting} background with textures, fine lines",
        };
        var description = subject.Key is "mandala" or "pattern"
            ? $"{subject.Caption}: a symmetric black-and-white {subject.Key} of closed shapes to color, {level.ToCli()} level."
            : $"{subject.Caption}: bold black outlines on white, {background}, no shading, for children to color.";
        return new IllustrationBrief(subject.Setting, time, "clear", placements, props, "none", description);
    }
}
