using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>One coloring design: either a cast species or an object the art engine knows how to draw.</summary>
internal sealed record ColoringSubject(string Key, string Caption, string Setting, Species? Species = null);

/// <summary>Plans a coloring book: front matter, then a design on every right-hand page with a blank back.</summary>
internal static class ColoringPlanner
{
    private static readonly Dictionary<string, ColoringSubject[]> Groups = new()
    {
        ["animals"] =
        [
            new("fox", "A fox in the forest", "forest", Species.Fox), new("bear", "A bear with a picnic", "forest", Species.Bear),
            new("rabbit", "A rabbit in the meadow", "farm", Species.Rabbit), new("cat", "A cat at home", "town", Species.Cat),
            new("dog", "A happy puppy", "town", Species.Dog), new("owl", "An owl at night", "forest", Species.Owl),
            new("mouse", "A mouse and a flower", "farm", Species.Mouse), new("turtle", "A turtle on the beach", "beach"),
        ],
        ["vehicles"] =
        [
            new("car", "A little car", "town"), new("train", "A choo-choo train", "town"), new("rocket", "A rocket to the stars", "space"),
            new("boat", "A sailboat on the waves", "beach"), new("tractor", "A tractor on the farm", "farm"),
        ],
        ["space"] =
        [
            new("rocket", "A rocket blasting off", "space"), new("planet", "A planet with rings", "space"), new("robot", "A friendly robot", "space", Species.Robot),
            new("astronaut", "A young astronaut", "space", Species.Child),
        ],
        ["ocean"] =
        [
            new("fish", "A fish and bubbles", "underwater"), new("whale", "A smiling whale", "underwater"), new("turtle", "A sea turtle", "underwater"),
            new("octopus", "A wiggly octopus", "underwater"), new("crab", "A crab on the sand", "beach"),
        ],
        ["dinosaurs"] =
        [
            new("longneck", "A long-neck dinosaur", "forest"), new("stego", "A spiky stegosaurus", "forest"), new("dragon", "A baby dragon", "snowy-mountains", Species.Dragon),
            new("longneck", "A dinosaur by the volcano", "snowy-mountains"),
        ],
        ["nature"] =
        [
            new("butterfly", "A butterfly", "farm"), new("flower", "A big flower", "farm"), new("owl", "A wise owl", "forest", Species.Owl),
            new("rabbit", "A bunny in the garden", "farm", Species.Rabbit),
        ],
    };

    private static readonly Dictionary<string, string[]> Keywords = new()
    {
        ["animals"] = ["animal", "pet", "zoo", "forest", "woodland", "cat", "dog", "fox", "bear", "farm"],
        ["vehicles"] = ["vehicle", "car", "truck", "train", "transport", "boat", "tractor"],
        ["space"] = ["space", "rocket", "planet", "star", "astronaut", "robot", "moon"],
        ["ocean"] = ["ocean", "sea", "fish", "beach", "underwater", "whale", "mermaid"],
        ["dinosaurs"] = ["dino", "dragon", "jurassic", "prehistoric"],
        ["nature"] = ["nature", "flower", "garden", "butterfly", "bug", "spring"],
    };

    public static IReadOnlyList<string> GroupsFor(string theme)
    {
        var t = theme.ToLowerInvariant();
        var groups = Keywords.Where(k => k.Value.Any(t.Contains)).Select(k => k.Key).ToList();
        return groups.Count > 0 ? groups : ["animals", "vehicles", "ocean", "space", "dinosaurs", "nature"];
    }

    public static List<ColoringSubject> Subjects(string theme) => GroupsFor(theme).SelectMany(g => Groups[g]).DistinctBy(s => s.Key).ToList();

    public static List<ManuscriptPage> Plan(int pages, IReadOnlyList<ColoringSubject> subjects, IReadOnlyList<Character> cast, Rng rng)
    {
        var list = new List<ManuscriptPage>
        {
            new(1, PageRole.Title, null, null),
            new(2, PageRole.BelongsTo, "This book belongs to", null),
            new(3, PageRole.ColorTest, "Test your colors here", null),
            new(4, PageRole.BlankBack, null, null),
        };
        var order = rng.Shuffled(Enumerable.Range(0, subjects.Count));
        var design = 0;
        for (var n = 5; n <= pages; n++)
        {
            if (n % 2 == 0) { list.Add(new ManuscriptPage(n, PageRole.BlankBack, null, null)); continue; }
            // An odd page count leaves a last right-hand page with no back: make it a notes page.
            if (n == pages) { list.Add(new ManuscriptPage(n, PageRole.Notes, "Notes", null)); continue; }
            var index = design % order.Count;
            if (index == 0 && design > 0)
            {
                // Reshuffle each round, but never start a round with the design that ended the last one.
                var last = order[^1];
                order = rng.Shuffled(order);
                if (order[0] == last && order.Count > 1) (order[0], order[1]) = (order[1], order[0]);
            }
            var subject = subjects[order[index]];
            var round = design / order.Count;
            list.Add(new ManuscriptPage(n, PageRole.ColoringDesign, Caption(subject, round, rng), Brief(subject, cast, rng, design)));
            design++;
        }
        return list.Take(pages).ToList();
    }

    private static string Caption(ColoringSubject subject, int round, Rng rng) => round == 0
        ? subject.Caption
        : subject.Caption + rng.Pick(new[] { " at play", " on a sunny day", " says hello", " and friends", " having fun", " dreaming" });

    private static IllustrationBrief Brief(ColoringSubject subject, IReadOnlyList<Character> cast, Rng rng, int design)
    {
        var placements = new List<CharacterPlacement>();
        var props = new List<string>();
        var character = subject.Species is { } species ? cast.FirstOrDefault(c => c.Species == species) : null;
        if (character is not null)
        {
            var pose = rng.Pick(new[] { Pose.Standing, Pose.Waving, Pose.Holding, Pose.Walking });
            placements.Add(new CharacterPlacement(character.Id, pose, 0.5, rng.Chance(0.5), pose == Pose.Holding ? rng.Pick(new[] { "flower", "ball", "balloon", "book" }) : null));
        }
        else
        {
            props.Add(subject.Key);
        }
        props.Add(subject.Setting switch
        {
            "space" => "star",
            "underwater" => "bubbles",
            "beach" => "shell",
            "snowy-mountains" => "snowflake",
            _ => "flower",
        });
        var time = subject.Setting == "space" || subject.Key == "owl" ? "night" : "day";
        var description = $"{subject.Caption}: bold black outlines on white, simple {subject.Setting} background, no shading, for children to color.";
        return new IllustrationBrief(subject.Setting, time, "clear", placements, props, "none", description);
    }
}
