using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Builds the character bible: species, colors and clothes every page and picture reuse.</summary>
internal static class CastBuilder
{
    private static readonly Dictionary<Species, (string Hex, string Name)[]> BodyColors = new()
    {
        [Species.Child] = [("#F8D5B8", "fair"), ("#E9B48A", "golden"), ("#C68B59", "warm brown"), ("#8D5A3B", "brown"), ("#5C3A24", "deep brown")],
        [Species.Fox] = [("#E8793A", "orange"), ("#D9642B", "rusty red"), ("#F08A4B", "tangerine")],
        [Species.Bear] = [("#8B5A3C", "brown"), ("#A86B45", "honey brown"), ("#6E4A35", "chocolate")],
        [Species.Rabbit] = [("#F2EDE6", "snowy white"), ("#C9B8A6", "sandy"), ("#A7A2B5", "soft grey")],
        [Species.Cat] = [("#F4A259", "ginger"), ("#8E8E9A", "silver grey"), ("#4A4658", "inky black")],
        [Species.Dog] = [("#C98B52", "caramel"), ("#E8D3B0", "cream"), ("#7A5A43", "brown")],
        [Species.Owl] = [("#9C7A5B", "brown"), ("#7D6A8C", "dusky purple"), ("#B08A5A", "tawny")],
        [Species.Mouse] = [("#A9A4A0", "grey"), ("#C7B9AA", "fawn"), ("#D8CFC4", "pale")],
        [Species.Dragon] = [("#6CC57B", "green"), ("#6FA8DC", "sky blue"), ("#B48EDB", "lilac")],
        [Species.Robot] = [("#9FB4C7", "steel blue"), ("#C0C7D0", "silver"), ("#E3B44B", "brass")],
        [Species.Adult] = [("#F8D5B8", "fair"), ("#E9B48A", "golden"), ("#C68B59", "warm brown"), ("#8D5A3B", "brown"), ("#5C3A24", "deep brown")],
        [Species.Grandparent] = [("#F3D2B6", "fair"), ("#E2AC84", "golden"), ("#BE8556", "warm brown"), ("#86563A", "brown"), ("#573823", "deep brown")],
        [Species.Baby] = [("#F8D5B8", "fair"), ("#E9B48A", "golden"), ("#C68B59", "warm brown"), ("#8D5A3B", "brown"), ("#5C3A24", "deep brown")],
        [Species.Dinosaur] = [("#7CC36B", "leaf green"), ("#5FB3A8", "teal"), ("#9C8AD1", "violet"), ("#E7915A", "orange")],
        [Species.Unicorn] = [("#FFFFFF", "white"), ("#F5E6F0", "pearly pink"), ("#EDE7F8", "pale lilac")],
        [Species.Horse] = [("#A8744A", "chestnut"), ("#6B4A33", "dark bay"), ("#D9C3A0", "palomino")],
        [Species.Elephant] = [("#A3A8B5", "grey"), ("#B8B2C2", "soft grey")],
        [Species.Lion] = [("#E3B55B", "golden"), ("#D9A24A", "tawny")],
        [Species.Monkey] = [("#8A5E3C", "brown"), ("#A0704A", "light brown")],
        [Species.Penguin] = [("#2F3645", "black"), ("#3B4357", "blue-black")],
        [Species.Frog] = [("#6CC05B", "green"), ("#8FD16A", "lime green")],
        [Species.Duck] = [("#F6D547", "yellow"), ("#F2F0E8", "white")],
        [Species.Pig] = [("#F4B8C0", "pink"), ("#EFA7B2", "rosy pink")],
        [Species.Cow] = [("#FFFFFF", "black-and-white"), ("#C89A6A", "brown-and-white")],
        [Species.Sheep] = [("#F5F1E8", "woolly white"), ("#E9E2D2", "cream")],
        [Species.Turtle] = [("#7DBE7A", "green"), ("#9CC58A", "sage")],
    };

    private static readonly Dictionary<Species, (string Hex, string Name)[]> AccentColors = new()
    {
        [Species.Child] = [("#2B1E16", "dark hair"), ("#6B3E26", "brown hair"), ("#D9A441", "golden hair"), ("#B5562C", "red hair"), ("#1A1A1A", "black hair")],
        [Species.Fox] = [("#FFF3E0", "a cream belly and a white-tipped tail")],
        [Species.Bear] = [("#E8C9A0", "a honey-colored muzzle")],
        [Species.Rabbit] = [("#F7B6C2", "pink inner ears")],
        [Species.Cat] = [("#FFF1E0", "a white chest and paws")],
        [Species.Dog] = [("#5B3E2B", "floppy dark ears"), ("#F3E6D0", "a pale muzzle")],
        [Species.Owl] = [("#F3E1C0", "a speckled cream chest")],
        [Species.Mouse] = [("#F7B6C2", "big pink ears")],
        [Species.Dragon] = [("#F9E07F", "a yellow belly and little horns"), ("#F4A6B8", "a pink belly and little horns")],
        [Species.Robot] = [("#5EC2D6", "glowing blue eyes"), ("#F2836B", "a bright coral antenna")],
        [Species.Adult] = [("#2B1E16", "dark hair"), ("#6B3E26", "brown hair"), ("#D9A441", "golden hair"), ("#B5562C", "red hair"), ("#1A1A1A", "black hair")],
        [Species.Grandparent] = [("#D9D9D9", "silver hair"), ("#F2F2F2", "white hair"), ("#B8B8B8", "grey hair")],
        [Species.Baby] = [("#6B3E26", "a wisp of brown hair"), ("#D9A441", "a wisp of golden hair"), ("#1A1A1A", "a wisp of black hair")],
        [Species.Dinosaur] = [("#F9E07F", "a yellow belly and rounded back plates"), ("#F4A6B8", "a pink belly and rounded back plates")],
        [Species.Unicorn] = [("#C9A3F0", "a rainbow mane and a golden horn"), ("#8FD3F4", "a sky-blue mane and a golden horn")],
        [Species.Horse] = [("#3A2A20", "a dark mane"), ("#F2E6D0", "a pale mane")],
        [Species.Elephant] = [("#F4B8C0", "pink inner ears and a long trunk")],
        [Species.Lion] = [("#B5642C", "a shaggy russet mane")],
        [Species.Monkey] = [("#E8C9A0", "a pale face and a curly tail")],
        [Species.Penguin] = [("#FFFFFF", "a white tummy and an orange beak")],
        [Species.Frog] = [("#F3F0A0", "a pale yellow tummy")],
        [Species.Duck] = [("#F29B38", "an orange beak and feet")],
        [Species.Pig] = [("#E68A9A", "a curly tail and a round snout")],
        [Species.Cow] = [("#2B2B2B", "dark patches"), ("#8A5A3A", "brown patches")],
        [Species.Sheep] = [("#3A3A3A", "a dark face and legs")],
        [Species.Turtle] = [("#9C7A4B", "a brown shell")],
    };

    private static readonly (string Hex, string Name)[] ClothingColors =
    [
        ("#3FA7A3", "teal"), ("#E4574C", "red"), ("#F2B705", "mustard"), ("#5B7FD6", "blue"),
        ("#9B6BC7", "purple"), ("#4CAF6A", "green"), ("#F28DB2", "pink"),
    ];

    private static readonly string[] Clothes = ["scarf", "overalls", "dress", "cape", "jacket", "sweater"];
    private static readonly string?[] Accessories = ["backpack", "hat", "glasses", "bow", null, null];

    public static Species[] SpeciesFor(string theme, Rng rng)
    {
        var t = theme.ToLowerInvariant();
        var preferred = new List<Species>();
        void When(string[] words, params Species[] species)
        {
            if (words.Any(t.Contains)) preferred.AddRange(species);
        }
        foreach (var s in Enum.GetValues<Species>())
            When([s.ToString().ToLowerInvariant()], s);
        When(["forest", "wood", "tree", "camp"], Species.Fox, Species.Bear, Species.Owl, Species.Rabbit);
        When(["space", "star", "planet", "rocket", "moon"], Species.Robot, Species.Child);
        When(["farm", "garden"], Species.Dog, Species.Cat, Species.Rabbit, Species.Mouse);
        When(["dragon", "castle", "magic", "fairy"], Species.Dragon, Species.Child);
        When(["school", "town", "family"], Species.Child, Species.Dog, Species.Cat);
        var all = rng.Shuffled(Enum.GetValues<Species>());
        return rng.Shuffled(preferred.Distinct()).Concat(all.Where(s => !preferred.Contains(s))).ToArray();
    }

    private static bool People(Species sp) => sp is Species.Child or Species.Adult or Species.Grandparent or Species.Baby;

    public static Character Make(string id, string name, string role, Species species, Rng rng, ISet<string> usedColors, string? pronounGiven = null)
    {
        // A child hero's grown-up is a grown person, not a second child (a "Grandpa" drawn as a small girl).
        if (species == Species.Child && role == "grown-up") species = name is "Grandma" or "Grandpa" ? Species.Grandparent : Species.Adult;
        // Two of one kind in a cast (a dinosaur and her dentist) are told apart by colour; people's skin tones may repeat.
        var bodies = BodyColors[species].Where(b => People(species) || !usedColors.Contains(b.Hex)).ToArray();
        var body = rng.Pick(bodies.Length > 0 ? bodies : BodyColors[species]);
        if (!People(species)) usedColors.Add(body.Hex);
        var accent = rng.Pick(AccentColors[species]);
        var free = ClothingColors.Where(c => !usedColors.Contains(c.Hex)).ToArray();
        var cloth = rng.Pick(free.Length > 0 ? free : ClothingColors);
        usedColors.Add(cloth.Hex);
        var clothing = species == Species.Robot ? "none" : rng.Pick(Clothes);
        var accessory = species == Species.Robot ? null : rng.Pick(Accessories);
        var kind = species switch
        {
            Species.Child => "child",
            Species.Adult => "grown-up",
            Species.Grandparent => "grandparent",
            _ => species.ToString().ToLowerInvariant(),
        };
        var size = rng.Pick(new[] { "small", "little", "cheerful", "curious" });
        var pronoun = pronounGiven ?? StoryWords.PronounFor(name, rng);
        // The bible says only what the picture can show: animals without a body for clothes wear at most a scarf,
        // a "he" is not dressed as a girl, a grandparent wears glasses, a baby carries no backpack.
        if (Unclothed.Contains(species))
        {
            clothing = clothing is "scarf" or "overalls" or "sweater" or "jacket" ? "scarf" : "none";
            if (accessory == "backpack") accessory = null;
        }
        if (pronoun == "he" && clothing == "dress") clothing = "overalls";
        if (pronoun == "he" && accessory == "bow") accessory = "hat";
        if (species == Species.Grandparent && accessory is null or "backpack") accessory = "glasses";
        if (species == Species.Baby && accessory is "glasses" or "backpack") accessory = null;
        // Queen Bea and King Rufus wear a crown: a queen drawn as any grown-up in pink is not one.
        if (Royal(name)) accessory = "crown";
        if (species is Species.Adult or Species.Grandparent && size is "small" or "little") size = "kind";
        var look = species is Species.Child or Species.Adult or Species.Grandparent or Species.Baby
            ? $"{name} is a {size} {kind} with {body.Name} skin and {accent.Name}"
            : $"{name} is a {size} {body.Name} {kind} with {accent.Name}";
        var wearing = clothing == "none" ? "" : clothing == "overalls" ? $", wearing {cloth.Name} overalls" : $", wearing a {cloth.Name} {clothing}";
        var extra = accessory is null ? "" : $" and {Article(accessory)} {accessory}";
        return new Character(id, name, role, species, body.Hex, accent.Hex, clothing, cloth.Hex, accessory, look + wearing + extra + ".", pronoun);
    }

    /// <summary>A name with a royal title ("Queen Bea", "Prince Otis"): drawn with a crown.</summary>
    public static bool Royal(string name) =>
        name.StartsWith("Queen ", StringComparison.Ordinal) || name.StartsWith("King ", StringComparison.Ordinal)
        || name.StartsWith("Princess ", StringComparison.Ordinal) || name.StartsWith("Prince ", StringComparison.Ordinal);

    /// <summary>The same character wearing a crown (a hero the brief calls a princess or a prince), the bible saying so.</summary>
    public static Character Crowned(Character c) => c.Accessory == "crown" ? c
        : c with
        {
            Accessory = "crown",
            VisualDescription = (c.Accessory is { } old && c.VisualDescription.EndsWith($" and {Article(old)} {old}.", StringComparison.Ordinal)
                ? c.VisualDescription[..^$" and {Article(old)} {old}.".Length] : c.VisualDescription.TrimEnd('.')) + " and a crown.",
        };

    /// <summary>Bodies that take no overalls, dress, cape or jacket (the art engine draws a scarf at most).</summary>
    private static readonly HashSet<Species> Unclothed =
    [
        Species.Owl, Species.Penguin, Species.Duck, Species.Frog, Species.Horse, Species.Unicorn, Species.Elephant, Species.Lion,
        Species.Pig, Species.Cow, Species.Sheep, Species.Dinosaur, Species.Turtle,
    ];

    private static string Article(string noun) => noun == "glasses" ? "round" : "a";
}
