using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

/// <summary>
/// What a brief is about, read from its theme, title and moral: the plot family (a first day, a fear, a loss …), who the hero
/// is, and the brief's own nouns the story must hold. <see cref="Notes"/> says what the engine could not honour and what it
/// used instead, so nothing is substituted silently.
/// </summary>
/// <param name="HeroSpecies">The hero the brief names ("a dinosaur who …", "a little girl"); null when it names none.</param>
/// <param name="Keys">The brief's nouns that the story must show (school, teacher, night light …), for the story check.</param>
public sealed record Premise(PlotFamily Family, Species? HeroSpecies, IReadOnlyList<string> Keys, IReadOnlyList<string> Notes);

/// <summary>Reads a brief into a <see cref="Premise"/>; deterministic and offline.</summary>
public static partial class PremiseReader
{
    /// <summary>Words that name a hero, in the order a brief usually says them ("a shy penguin", "a little boy").</summary>
    private static readonly (string[] Words, Species Species)[] HeroWords =
    [
        (["dinosaur", "dino", "t-rex", "trex", "triceratops", "stegosaurus"], Species.Dinosaur),
        (["unicorn"], Species.Unicorn),
        (["dragon"], Species.Dragon),
        (["robot"], Species.Robot),
        (["fox"], Species.Fox),
        (["bear", "teddy"], Species.Bear),
        (["bunny", "rabbit", "hare"], Species.Rabbit),
        (["kitten", "kitty", "cat"], Species.Cat),
        (["puppy", "dog", "doggy"], Species.Dog),
        (["owl"], Species.Owl),
        (["mouse", "mice"], Species.Mouse),
        (["pony", "horse"], Species.Horse),
        (["elephant"], Species.Elephant),
        (["lion", "cub"], Species.Lion),
        (["monkey"], Species.Monkey),
        (["penguin"], Species.Penguin),
        (["frog", "toad"], Species.Frog),
        (["duck", "duckling"], Species.Duck),
        (["pig", "piglet"], Species.Pig),
        (["cow", "calf"], Species.Cow),
        (["sheep", "lamb"], Species.Sheep),
        (["turtle", "tortoise"], Species.Turtle),
        (["girl", "boy", "child", "kid", "toddler", "son", "daughter", "princess", "prince", "astronaut"], Species.Child),
    ];

    /// <summary>Creatures parents ask for that the offline engines cannot draw yet, and who stands in for them.</summary>
    private static readonly (string Word, Species Instead)[] Undrawable =
    [
        ("giraffe", Species.Horse), ("zebra", Species.Horse), ("tiger", Species.Lion), ("shark", Species.Turtle),
        ("octopus", Species.Turtle), ("whale", Species.Turtle), ("dolphin", Species.Turtle), ("mermaid", Species.Child),
        ("squirrel", Species.Mouse), ("hedgehog", Species.Mouse), ("raccoon", Species.Fox), ("wolf", Species.Dog),
        ("koala", Species.Bear), ("panda", Species.Bear), ("sloth", Species.Monkey), ("butterfly", Species.Owl),
        ("bee", Species.Owl), ("caterpillar", Species.Frog), ("snail", Species.Turtle), ("goat", Species.Sheep),
        ("chicken", Species.Duck), ("hen", Species.Duck), ("alien", Species.Robot), ("fairy", Species.Child),
        ("witch", Species.Adult), ("pirate", Species.Child), ("knight", Species.Child), ("ghost", Species.Child),
("crocodile", Species.Dinosaur), ("alligator", Species.Dinosaur),
    ];

    public static Premise Read(BookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = string.Join(" ", spec.Theme, spec.Title, spec.Moral).ToLowerInvariant();
        var words = WordRx().Matches(text).Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value).ToList();
        var notes = new List<string>();
        // The theme's words choose the story; a chosen arc (shape) tells the story when the theme names no situation the engine knows.
        var family = PlotFamilies.Match(text, words);
        var arc = spec.Shape is { } shape ? PlotFamilies.All.FirstOrDefault(f => f.Id == ShapeFamily(shape)) : null;
        var hero = HeroIn(words, notes, spec.Cast.Count > 0);
        if (family is null)
        {
            family = arc;
            notes.Add($"the theme \"{Short(spec.Theme)}\" names no situation the offline story engine knows; it writes "
                + (arc is null ? "a story about making a friend" : $"the arc you chose ({arc.What})") + " around it (use the openai text engine for any theme)");
        }
        var plot = family ?? PlotFamilies.Fallback;
        // "Saying goodbye to our old dog": the creature named is the family's pet (or baby), not the hero.
        if (hero is { } named && plot.Roles.TryGetValue('X', out var companion) && companion.Species is { } kept and not Species.Baby
            && named is not (Species.Child or Species.Adult or Species.Grandparent)
            // "Dinosaurs!", "a unicorn and a dragon": in a family whose topic is a kind of creature, the creature named is the hero.
            && plot.HeroKinds is null)
        {
            if (named != kept)
            {
                notes.Add($"the offline story for this theme is written about a {companion.Relation}; the {named.ToString().ToLowerInvariant()} of the brief "
                    + $"is told as a {kept.ToString().ToLowerInvariant()} (use the openai text engine for another animal)");
            }
            hero = null;
        }
        var keys = plot.Keys.Where(k => text.Contains(k, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0) keys.Add(plot.Keys[0]);
        // The creature the brief names is part of its premise: "a dinosaur who …" must be a dinosaur's story.
        if (hero is { } h && h is not (Species.Child or Species.Adult or Species.Grandparent or Species.Baby)
            && spec.Cast.Count == 0 && !notes.Any(n => n.Contains("cannot draw", StringComparison.Ordinal)))
        {
            keys.Add(h.ToString().ToLowerInvariant());
        }
        if (spec.Age == AgeBand.Age9To12)
        {
            notes.Add("ages 9-12 read illustrated chapter books of 6,000 words or more; the offline engine writes a long picture book "
                + "for them (use the openai text engine for a chapter book)");
        }
        return new Premise(plot, hero, keys, notes);
    }

    private static string ShapeFamily(StoryShape shape) => shape switch
    {
        StoryShape.Quest => "lost-toy",
        StoryShape.Friend => "friendship",
        StoryShape.Bedtime => "bedtime",
        StoryShape.Fear => "dark",
        StoryShape.Sharing => "sharing",
        _ => "school",
    };

    private static Species? HeroIn(List<string> words, List<string> notes, bool castGiven)
    {
        foreach (var word in words)
        {
            foreach (var (names, species) in HeroWords)
            {
                if (names.Contains(word) || names.Contains(Singular(word))) return species;
            }
            var missing = Undrawable.FirstOrDefault(u => u.Word == word || u.Word == Singular(word));
            if (missing.Word is not null)
            {
                var instead = missing.Instead.ToString().ToLowerInvariant();
                notes.Add(castGiven
                    ? $"the offline engines cannot draw a {missing.Word}; the story is told with the characters you chose (or use the openai engines)"
                    : $"the offline engines cannot draw a {missing.Word}; the hero is a {instead} instead (choose the characters yourself, or use the openai engines)");
                return missing.Instead;
            }
        }
        return null;
    }

    private static string Singular(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.EndsWith('s') && word.Length > 3 ? word[..^1] : word;

    private static string Short(string text) => text.Length <= 60 ? text.Trim() : text[..57].Trim() + "…";

    [GeneratedRegex(@"[a-z][a-z'\-]*")]
    private static partial Regex WordRx();
}
