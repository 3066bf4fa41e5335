using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Concepts;

/// <summary>1 to 10 or 1 to 20: a page per number, exactly that many things drawn apart so they can be counted.</summary>
internal sealed class CountingFormat(int top) : IConceptFormat
{
    /// <param name="Colors">Things that come in many colors take one each, so a row of balloons is a rainbow.</param>
    private sealed record Thing(string Kind, string One, string Many, string? Setting = null, bool Night = false, bool Colors = false);

    public static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    private static readonly string[] Rainbow =
        [ThingPainter.Red, ThingPainter.Orange, ThingPainter.Yellow, ThingPainter.Green, ThingPainter.Blue, ThingPainter.Purple, ThingPainter.Pink];

    private static readonly Thing[] Things =
    [
        new("apple", "shiny red apple sits in the grass", "shiny red apples sit in the grass"),
        new("boat", "little boat bobs on the water", "little boats bob on the water", "beach"),
        new("duck", "yellow duck waddles by the water", "yellow ducks waddle by the water", "beach"),
        new("fish", "orange fish swims by", "orange fish swim by", "underwater"),
        new("star", "bright star twinkles", "bright stars twinkle", Night: true),
        new("flower", "pink flower grows in the sun", "pink flowers grow in the sun"),
        new("shell", "pretty shell lies on the sand", "pretty shells lie on the sand", "beach"),
        new("leaf", "green leaf floats down", "green leaves float down"),
        new("egg", "little egg waits to hatch", "little eggs wait to hatch"),
        new("cookie", "yummy cookie is ready to share", "yummy cookies are ready to share"),
        new("block", "colorful block is ready to stack", "colorful blocks are ready to stack", Colors: true),
        new("butterfly", "butterfly flutters by", "butterflies flutter by"),
        new("ladybug", "little ladybug crawls along", "little ladybugs crawl along"),
        new("car", "red car zooms down the road", "red cars zoom down the road", "town"),
        new("kite", "kite flies high in the sky", "kites fly high in the sky", Colors: true),
        new("cake", "cupcake waits for the party", "cupcakes wait for the party"),
        new("crayon", "crayon is ready to draw", "crayons are ready to draw", Colors: true),
        new("acorn", "acorn falls from the oak", "acorns fall from the oak"),
        new("button", "round button rolls away", "round buttons roll away", Colors: true),
        new("pear", "juicy pear is ready to pick", "juicy pears are ready to pick"),
        new("heart", "little heart is full of love", "little hearts are full of love"),
        new("snail", "slow snail slides by", "slow snails slide by"),
        new("frog", "green frog says ribbit", "green frogs say ribbit"),
        new("balloon", "balloon floats up high", "balloons float up high", Colors: true),
    ];

    private static readonly string[] Counts =
    [
        "{H} counts them all, one by one.", "{F} points to each one.", "Can you count them with {H}?", "{H} and {F} count together.",
        "{H} taps each one and counts out loud.", "{F} helps {H} count.", "How many can you touch?", "Count them again with {F}!",
    ];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages)
    {
        var things = rng.Shuffled(Things);
        var lines = new Queue<string>(Enumerable.Range(0, 4).SelectMany(_ => rng.Shuffled(Counts)));
        var units = new List<ConceptUnit>();
        for (var n = 1; n <= top; n++)
        {
            var t = things[n - 1];
            var word = Words[n];
            var line = $"{char.ToUpperInvariant(word[0])}{word[1..]} {(n == 1 ? t.One : t.Many)}.";
            var more = n == 1 ? "Just one for {H}!" : n <= 5 ? $"{{H}} counts them: {string.Join(", ", Words[1..(n + 1)])}!" : lines.Dequeue();
            units.Add(new ConceptUnit($"{n} {word}", line, more, Group(t, n, rng), Plural(t), t.Setting, Pose: n % 2 == 0 ? Pose.Waving : Pose.Standing,
                Night: t.Night, Who: "H"));
        }
        return units;
    }

    private static List<PictureObject> Group(Thing t, int n, Rng rng)
    {
        if (!t.Colors) return [new PictureObject(t.Kind, n)];
        var start = rng.Next(Rainbow.Length);
        return Enumerable.Range(0, n).Select(i => Rainbow[(start + i) % Rainbow.Length])
            .GroupBy(c => c).Select(g => new PictureObject(t.Kind, g.Count(), g.Key)).ToList();
    }

    /// <summary>The plural noun of a counted line: "shiny red apples sit …" → "apples".</summary>
    private static string Plural(Thing t)
    {
        var words = t.Many.Split(' ');
        var i = Array.FindIndex(words, w => w.EndsWith('s') || w == "fish");
        return i >= 0 ? words[i] : t.Kind + "s";
    }

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng)
    {
        var all = units.Select(u => u.Objects[0] with { Count = 1 }).ToList();
        var word = Words[top];
        return new ConceptUnit($"One to {ColorsFormat.Cap(word)}!", $"{char.ToUpperInvariant(word[0])}{word[1..]} things, one of each!",
            $"{{H}} and {{F}} counted all the way to {word}. Can you point to each one?", all, "counting", Who: "");
    }

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng)
    {
        var n = rng.Next(2, Math.Min(top, 9) + 1);
        if (n == unit.ObjectCount) n = n == 2 ? 3 : n - 1;
        var objects = new List<PictureObject> { unit.Objects[0] with { Count = n } };
        return new ConceptUnit("How many?", $"How many {unit.Word} can you see?", "Count them with your finger, one by one.",
            objects, unit.Word, unit.Setting, Who: "F", Night: unit.Night);
    }

    public string[] Titles => top == 10
        ? ["Count with {H}", "{H} Counts to Ten", "One, Two, Count with {H}", "Ten Little Things for {H}", "{H} and {F} Count to Ten"]
        : ["{H} Counts to Twenty", "Count to Twenty with {H}", "{H}'s Big Counting Book", "{H} and {F} Count to Twenty"];

    public string Subtitle => $"A Counting Book from 1 to {top}";
    public string[] Morals => ["Every little thing counts, and so do you.", "Good things add up when we share them.", "One by one, we can do big things."];
    public string[] Threads => ["walk", "party"];
    public string Topic => $"counting from 1 to {top}";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Concepts / Counting & Numbers", $"counting book 1 to {top}");
}
