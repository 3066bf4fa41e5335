using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>
/// One coloring design: a subject (a cast species or an object the art engine draws), a setting and a variant
/// (pose, companion, facing) so a theme yields many distinct pictures.
/// </summary>
internal sealed record ColoringSubject(string Key, string Caption, string Setting, Species? Species = null, string? Companion = null, int Variant = 0, bool Night = false)
{
    /// <summary>What makes two designs the same picture: a mandala's variant is its seed; otherwise the subject and the friend beside it, and a character's pose.</summary>
    public string Signature => Key is "mandala" or "pattern" ? $"{Key}|{Variant}" : Species is null ? $"{Key}|{Companion}" : $"{Key}|{Companion}|{Variant % 4}";

    /// <summary>The same subject and friend in another setting is the same picture to a buyer; the setting tells otherwise-equal designs apart.</summary>
    public string Picture => $"{Signature}|{Setting}";
}

/// <summary>A thing a theme can draw, with the settings it belongs in.</summary>
internal sealed record ColoringThing(string Key, string Name, string[] Settings, Species? Species = null);

/// <summary>
/// A coloring theme: the words that ask for it, its subjects (each drawn big), and the small things that may stand beside
/// a subject (the theme's other subjects come first); <paramref name="Night"/> draws every page under a night sky.
/// </summary>
internal sealed record ColoringTheme(string Key, string Topic, string[] Keywords, ColoringThing[] Things, string[] Props, bool Generic = false, bool Night = false);

/// <summary>Plans a coloring book: front matter, then a design on every right-hand page with a blank back.</summary>
internal static class ColoringPlanner
{
    public const int DesignsPerTheme = 50;

    private static ColoringThing T(string key, string name, params string[] settings) => new(key, name, settings);
    private static ColoringThing S(string key, string name, Species species, params string[] settings) => new(key, name, settings, species);

    /// <summary>Every theme, most specific first: a specific theme the words name wins over a generic one ("ocean animals" is sea creatures).</summary>
    internal static readonly ColoringTheme[] Themes =
    [
        new("unicorns", "Unicorns", ["unicorn", "pegasus", "rainbow", "magic", "fairy", "fantasy"],
        [
            T("unicorn", "a unicorn", "meadow", "forest", "snowy-mountains"), T("unicorn-trot", "a galloping unicorn", "meadow", "forest", "beach"),
            T("pegasus", "a unicorn with wings", "meadow", "snowy-mountains", "forest"), T("baby-unicorn", "a baby unicorn", "meadow", "forest", "garden"),
        ], ["castle", "rainbow", "heart", "star", "flower", "butterfly", "crown", "moon", "princess"]),
        new("sea creatures", "Ocean Animals", ["ocean", "sea", "fish", "underwater", "under the water", "whale", "reef", "shark", "marine", "aquarium", "dolphin", "mermaid"],
        [
            T("fish", "a fish", "underwater", "reef"), T("whale", "a whale", "underwater", "reef"), T("turtle", "a sea turtle", "underwater", "reef", "beach"),
            T("octopus", "an octopus", "underwater", "reef"), T("crab", "a crab", "beach", "underwater", "reef"), T("seahorse", "a seahorse", "reef", "underwater"),
            T("jellyfish", "a jellyfish", "underwater", "reef"), T("dolphin", "a dolphin", "underwater", "reef"), T("starfish", "a starfish", "reef", "beach", "underwater"),
            T("shark", "a shark", "underwater", "reef"), T("shell", "a big seashell", "beach", "reef"),
        ], []),
        new("dinosaurs", "Dinosaurs", ["dino", "jurassic", "prehistoric", "t-rex", "rex", "volcano"],
        [
            T("trex", "a T. rex", "volcano", "forest", "jungle"), T("triceratops", "a triceratops", "volcano", "jungle", "forest"),
            T("stego", "a stegosaurus", "forest", "volcano", "jungle"), T("longneck", "a long-neck dinosaur", "jungle", "volcano", "beach"),
            T("ptero", "a pterodactyl", "volcano", "beach", "jungle"), T("ankylo", "an ankylosaurus", "forest", "volcano", "jungle"),
            T("hatchling", "a baby dinosaur hatching", "volcano", "jungle", "beach"), T("nest", "dinosaur eggs in a nest", "volcano", "jungle"),
            T("raptor", "a raptor", "jungle", "forest", "volcano"), T("parasaur", "a duck-billed dinosaur", "jungle", "volcano", "beach"),
        ], []),
        new("farm animals", "Farm Animals", ["farm", "barn", "cow", "pig", "sheep", "chicken", "horse", "duck", "goat"],
        [
            T("cow", "a cow", "farm", "meadow"), T("pig", "a pig", "farm", "meadow"), T("horse", "a horse", "farm", "meadow"), T("sheep", "a sheep", "farm", "meadow"),
            T("chicken", "a hen", "farm", "garden"), T("duck", "a duck", "farm", "meadow"),
        ], ["tractor", "chick", "flower", "butterfly"]),
        new("trucks", "Trucks", ["truck", "digger", "construction", "excavator", "bulldozer", "dump", "fire engine", "tractor", "lorry"],
        [
            T("firetruck", "a fire truck", "town", "forest"), T("dumptruck", "a dump truck", "town", "farm"), T("digger", "a digger", "town", "farm"),
            T("tractor", "a tractor", "farm", "meadow"), T("mixer", "a cement mixer", "town", "farm"), T("garbage", "a garbage truck", "town", "forest"),
            T("tow", "a tow truck", "town", "snowy-mountains"), T("pickup", "a pickup truck", "farm", "beach", "forest"), T("monster", "a monster truck", "beach", "snowy-mountains", "forest"),
        ], ["cone"]),
        new("space", "Space", ["space", "rocket", "planet", "astronaut", "alien", "galaxy", "star", "moon", "ufo", "solar"],
        [
            T("rocket", "a rocket", "space"), T("ufo", "a flying saucer", "space"), T("astronaut", "an astronaut", "space"), T("alien", "a friendly alien", "space"),
            T("satellite", "a satellite", "space"), T("planet", "a ringed planet", "space"),
        ], ["star", "moon", "comet"]),
        new("princesses", "Princesses and Castles", ["princess", "castle", "queen", "king", "prince", "royal", "fairy tale", "fairytale", "knight"],
        [
            T("princess", "a princess", "garden", "meadow", "forest"), T("castle", "a castle", "meadow", "forest", "snowy-mountains"),
            T("carriage", "a royal carriage", "meadow", "forest"), T("unicorn", "a unicorn", "meadow", "garden"), T("frogprince", "a frog prince", "garden", "meadow"),
        ], ["crown", "heart", "star", "flower", "butterfly", "rainbow"]),
        new("pets", "Pets", ["pet", "puppy", "puppies", "kitten", "kitty", "cat", "dog", "hamster", "bunny", "bunnies"],
        [
            S("dog", "a puppy", Species.Dog, "town", "garden", "bedroom"), S("cat", "a kitten", Species.Cat, "bedroom", "garden", "town"),
            S("rabbit", "a bunny", Species.Rabbit, "garden", "meadow", "bedroom"), S("mouse", "a hamster", Species.Mouse, "bedroom", "garden"),
            T("fish", "a goldfish", "bedroom", "garden"), T("turtle", "a pet turtle", "garden", "meadow"), T("parrot", "a parrot", "bedroom", "garden"),
        ], ["ball", "heart", "flower", "butterfly"]),
        new("jungle animals", "Jungle Animals", ["jungle", "safari", "zoo", "africa", "savanna", "wild animal", "elephant", "lion", "giraffe", "monkey", "zebra"],
        [
            T("elephant", "an elephant", "jungle", "meadow"), T("lion", "a lion", "jungle", "meadow"), T("monkey", "a monkey", "jungle", "forest"),
            T("giraffe", "a giraffe", "jungle", "meadow"), T("zebra", "a zebra", "meadow", "jungle"), T("parrot", "a parrot", "jungle", "forest"),
        ], ["butterfly", "flower", "frog"]),
        new("bugs", "Bugs and Butterflies", ["bug", "insect", "butterfl", "bee", "ladybug", "ladybird", "caterpillar", "snail", "beetle", "creepy"],
        [
            T("butterfly", "a butterfly", "garden", "meadow"), T("ladybug", "a ladybug", "garden", "meadow"), T("bee", "a bee", "garden", "meadow"),
            T("snail", "a snail", "garden", "forest"), T("caterpillar", "a caterpillar", "garden", "forest"), T("dragonfly", "a dragonfly", "meadow", "garden"),
        ], ["flower", "tulip", "sunflower", "mushroom"]),
        new("garden", "Flowers and Gardens", ["flower", "garden", "bloom", "floral", "spring", "plant", "botanical", "rose", "tulip", "sunflower"],
        [
            T("flower", "a daisy", "garden", "meadow"), T("tulip", "a tulip", "garden", "meadow"), T("sunflower", "a sunflower", "garden", "farm"),
            T("potplant", "a flower pot", "garden", "bedroom"), T("wateringcan", "a watering can", "garden"), T("mushroom", "a mushroom", "forest", "garden"),
        ], ["butterfly", "bee", "ladybug", "snail"]),
        new("food", "Yummy Food", ["food", "sweet", "treat", "dessert", "cake", "cupcake", "candy", "fruit", "ice cream", "donut", "kitchen", "yummy", "snack", "baking"],
        [
            T("cupcake", "a cupcake", "picnic"), T("icecream", "an ice cream cone", "picnic", "beach"), T("donut", "a donut", "picnic"), T("pizza", "a slice of pizza", "picnic"),
            T("apple", "an apple", "picnic", "garden"), T("cake", "a birthday cake", "picnic"), T("strawberry", "a strawberry", "picnic", "garden"),
        ], ["heart", "star"]),
        new("christmas", "Christmas and Winter", ["christmas", "xmas", "winter", "snow", "santa", "holiday", "reindeer", "penguin", "festive", "noel"],
        [
            T("xmastree", "a Christmas tree", "snowy-mountains", "bedroom"), T("snowman", "a snowman", "snowy-mountains", "forest"), T("present", "a present", "bedroom", "snowy-mountains"),
            T("gingerbread", "a gingerbread man", "bedroom", "snowy-mountains"), T("penguin", "a penguin", "snowy-mountains"), T("reindeer", "a reindeer", "snowy-mountains", "forest"),
            T("candycane", "a candy cane", "snowy-mountains", "bedroom"),
        ], ["star"]),
        new("halloween", "Halloween", ["halloween", "spooky", "pumpkin", "ghost", "witch", "bat", "haunted", "trick"],
        [
            T("pumpkin", "a jack-o'-lantern", "forest", "farm"), T("ghost", "a friendly ghost", "forest", "town"), T("bat", "a bat", "forest", "town"),
            T("witchhat", "a witch's hat", "forest", "town"), T("haunted", "a haunted house", "forest", "town"), T("cauldron", "a bubbling cauldron", "forest", "farm"),
        ], ["moon", "star"], Night: true),
        new("mandalas", "Mandalas and Patterns", ["mandala", "pattern", "geometric", "zen", "relax", "mindful", "adult", "doodle", "stress"],
        [T("mandala", "Mandala", "none"), T("pattern", "Pattern", "none")], []),
        new("vehicles", "Things That Go", ["vehicle", "car", "train", "transport", "plane", "bus", "things that go", "boat", "helicopter", "airplane"],
        [
            T("car", "a little car", "town", "farm", "beach"), T("bus", "a bus", "town", "farm"), T("train", "a train", "farm", "snowy-mountains"),
            T("tractor", "a tractor", "farm", "meadow"), T("firetruck", "a fire truck", "town", "forest"), T("plane", "an airplane", "beach", "meadow", "snowy-mountains"),
            T("boat", "a sailboat", "beach"), T("rocket", "a rocket", "space"), T("digger", "a digger", "town", "farm"),
            T("bike", "a bicycle", "town", "forest", "beach"), T("helicopter", "a helicopter", "snowy-mountains", "beach", "meadow"),
            T("dumptruck", "a dump truck", "town", "farm"), T("balloon", "a hot-air balloon", "meadow", "snowy-mountains", "forest"),
        ], [], Generic: true),
        new("animals", "Animals", ["animal", "woodland", "forest", "fox", "bear", "owl", "critter", "cute"],
        [
            S("fox", "a fox", Species.Fox, "forest", "snowy-mountains", "meadow"), S("bear", "a bear", Species.Bear, "forest", "beach", "snowy-mountains"),
            S("rabbit", "a bunny", Species.Rabbit, "meadow", "forest", "garden"), S("cat", "a cat", Species.Cat, "town", "bedroom", "garden"),
            S("dog", "a puppy", Species.Dog, "town", "beach", "farm"), S("owl", "an owl", Species.Owl, "forest", "snowy-mountains"),
            T("elephant", "an elephant", "jungle", "meadow"), T("lion", "a lion", "jungle", "meadow"), T("cow", "a cow", "farm", "meadow"),
            T("pig", "a pig", "farm"), T("horse", "a horse", "meadow", "farm"), T("penguin", "a penguin", "snowy-mountains"), T("turtle", "a turtle", "beach", "meadow"),
        ], ["butterfly", "flower", "ball"], Generic: true),
        new("characters", "Friends", ["character", "friends", "adventure", "kids", "children", "dragon", "robot", "my book"],
        [
            S("hero", "{0}", Species.Child, "forest", "beach", "town", "farm", "space", "underwater", "bedroom", "snowy-mountains"),
            S("dragon", "{0} the dragon", Species.Dragon, "snowy-mountains", "forest", "beach", "farm", "bedroom", "town"),
            S("robot", "{0} the robot", Species.Robot, "space", "town", "bedroom", "farm", "beach", "forest"),
            S("pup", "{0} the puppy", Species.Dog, "town", "farm", "beach", "forest", "bedroom", "snowy-mountains"),
        ], ["friend", "ball", "butterfly", "flower"], Generic: true),
    ];

    private static ColoringTheme ThemeOf(string key) => Themes.First(t => t.Key == key);

    /// <summary>The words a book's title uses for a theme.</summary>
    public static string TopicOf(string key) => Themes.FirstOrDefault(t => t.Key == key)?.Topic ?? key;

    private static readonly string[] Mixed = ["animals", "vehicles", "dinosaurs", "sea creatures"];

    private static List<string> Matched(string theme)
    {
        var t = " " + theme.ToLowerInvariant() + " ";
        // A keyword starts a word ("dino" in "dinosaurs"); a short one is a whole word ("sea" in "sea turtles", not in "seasons"; "cat" not in "caterpillar").
        bool Has(string word) => System.Text.RegularExpressions.Regex.IsMatch(t,
            @"(?<![a-z])" + System.Text.RegularExpressions.Regex.Escape(word) + (word.Length <= 3 ? "(s|es)?(?![a-z])" : ""));
        var matched = Themes.Where(th => th.Keywords.Any(Has)).ToList();
        // "Ocean animals", "farm animals", "monster trucks": the specific theme is the book; a generic one only when nothing else matched.
        if (matched.Any(m => !m.Generic)) matched = matched.Where(m => !m.Generic).ToList();
        return matched.Select(m => m.Key).ToList();
    }

    /// <summary>The themes a free-text theme asks for; nothing recognised gives a mixed book (mandalas only for the detailed level).</summary>
    public static IReadOnlyList<string> GroupsFor(string theme, ColoringLevel level = ColoringLevel.Simple)
    {
        var groups = Matched(theme);
        if (groups.Count > 0) return groups;
        return level == ColoringLevel.Detailed ? [.. Mixed, "mandalas"] : Mixed;
    }

    /// <summary>Null when the theme is understood; otherwise what the book draws instead, to tell the user.</summary>
    public static string? Understands(string theme, ColoringLevel level = ColoringLevel.Simple)
    {
        if (Matched(theme).Count > 0) return null;
        var instead = string.Join(", ", GroupsFor(theme, level).Select(k => TopicOf(k).ToLowerInvariant()));
        return $"The offline coloring designs do not know the theme \"{theme.Trim()}\"; this book mixes {instead} instead.";
    }

    /// <summary>Every distinct design the theme's groups offer, interleaved so a short book still shows each group.</summary>
    public static List<ColoringSubject> Subjects(string theme, ColoringLevel level = ColoringLevel.Simple)
    {
        var lists = GroupsFor(theme, level).Select(Designs).ToList();
        var result = new List<ColoringSubject>();
        for (var i = 0; lists.Any(l => i < l.Count); i++)
            result.AddRange(lists.Where(l => i < l.Count).Select(l => l[i]));
        return result.DistinctBy(s => s.Picture).ToList();
    }

    /// <summary>
    /// The designs of one theme: every subject alone first, then each subject with each of the theme's other subjects and
    /// small things beside it (a new composition, not just a new background), the setting turning as it goes.
    /// </summary>
    public static List<ColoringSubject> Designs(string group)
    {
        var theme = ThemeOf(group);
        if (group == "mandalas")
            return [.. Enumerable.Range(0, DesignsPerTheme).Select(v => { var t = theme.Things[v % 2]; return new ColoringSubject(t.Key, $"{t.Name} {v / 2 + 1}", "none", null, null, v / 2); })];
        // Only what the art engine can draw: a subject it does not know would be a caption without a picture.
        var things = theme.Things.Where(t => t.Species is not null || ColoringSubjects.Knows(t.Key)).ToArray();
        var props = theme.Props.Where(k => k == "friend" || ColoringSubjects.Knows(k)).ToArray();
        // A baby's friends are the theme's small things, never a grown-up drawn smaller than the baby.
        var pools = things.Select(t => things.Where(o => o.Key != t.Key && o.Species is null && !t.Key.StartsWith("baby-", StringComparison.Ordinal))
            .Select(o => o.Key).Concat(props).Where(k => k != t.Key).Distinct().ToArray()).ToArray();
        var list = new List<ColoringSubject>();
        var rounds = pools.Max(p => p.Length) + 1;
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < things.Length; i++)
            {
                var t = things[i];
                if (round > pools[i].Length) continue;
                var friend = round == 0 ? null : pools[i][(round - 1 + i) % pools[i].Length];
                var setting = t.Settings[(round + i) % t.Settings.Length];
                list.Add(new ColoringSubject(t.Key, Caption(group, t, setting, friend), setting, t.Species, friend, round * things.Length + i, theme.Night));
            }
        // A small theme runs out of new pairs: the same pairs come back in their next setting, a character in its next pose.
        for (var extra = 0; list.Count < DesignsPerTheme; extra++)
        {
            var b = list[extra];
            var t = things.First(x => x.Key == b.Key);
            var setting = t.Settings[(Array.IndexOf(t.Settings, b.Setting) + 1) % t.Settings.Length];
            list.Add(b with { Setting = setting, Caption = Caption(group, t, setting, b.Companion), Variant = b.Variant + 1001 });
        }
        return list;
    }

    /// <summary>What the caption calls each setting: only places that are drawn, at every level.</summary>
    public static string PlaceOf(string setting) => setting switch
    {
        "forest" => "in the forest", "beach" => "at the beach", "town" => "in town", "farm" => "on the farm", "space" => "in space",
        "underwater" => "under the sea", "reef" => "on the coral reef", "bedroom" => "at home", "snowy-mountains" => "in the snow",
        "volcano" => "by the volcano", "meadow" => "under a rainbow", "jungle" => "in the jungle", "garden" => "in the garden", "picnic" => "at a picnic",
        _ => "",
    };

    private static string Caption(string group, ColoringThing t, string setting, string? friend)
    {
        var place = PlaceOf(setting);
        if (group == "halloween" && setting == "forest") place = "in the woods at night";
        if (group == "halloween" && setting == "town") place = "in town at night";
        if (group == "halloween" && setting == "farm") place = "in the pumpkin patch";
        if (setting == "bedroom" && group == "christmas") place = "by the window";
        var with = friend switch
        {
            null => "",
            "friend" => " with a friend",
            _ => $" {(Holdable(friend) ? "with" : "and")} {Friendly(friend)}",
        };
        var text = $"{t.Name} {place}{with}".Replace("  ", " ", StringComparison.Ordinal).Trim();
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static bool Holdable(string key) => key is "ball" or "flower" or "nest" or "heart" or "star" or "crown" or "cone" or "tulip" or "sunflower" or "mushroom";

    /// <summary>A companion's name with its article ("a rainbow", "an apple").</summary>
    public static string Friendly(string key)
    {
        var theme = Themes.SelectMany(t => t.Things).FirstOrDefault(t => t.Key == key && t.Species is null);
        if (theme is not null) return theme.Name;
        return key switch
        {
            "ptero" => "a pterodactyl", "stego" => "a stegosaurus", "hatchling" => "a baby dinosaur", "nest" => "a nest of eggs",
            "balloon" => "a hot-air balloon", "bike" => "a bicycle", "chick" => "a little chick", "cone" => "a traffic cone",
            "heart" => "a big heart", "moon" => "the moon", "star" => "a star", "comet" => "a comet", "crown" => "a crown", "castle" => "a castle",
            "rainbow" => "a rainbow", "princess" => "a princess", "frog" => "a frog", "parrot" => "a parrot", "tulip" => "a tulip",
            "sunflower" => "a sunflower", "mushroom" => "a mushroom", "ball" => "a ball", "flower" => "a flower", "butterfly" => "a butterfly",
            "bee" => "a bee", "ladybug" => "a ladybug", "snail" => "a snail", "tractor" => "a tractor",
            _ => "a " + key,
        };
    }

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
            // No pose holds a thing the caption does not name.
            var pose = new[] { Pose.Standing, Pose.Waving, Pose.Walking, Pose.Running }[subject.Variant % 4];
            placements.Add(new CharacterPlacement(character.Id, pose, 0.5, facingLeft));
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
        var time = subject.Night || subject.Setting == "space" || subject.Key == "owl" || (subject.Setting == "bedroom" && rng.Chance(0.5)) ? "night" : "day";
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
