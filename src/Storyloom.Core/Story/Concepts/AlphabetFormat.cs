using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Concepts;

/// <summary>A to Z: one letter a page, two letters on a page when the book is too short for 26.</summary>
internal sealed class AlphabetFormat : IConceptFormat
{
    private sealed record Entry(string Word, string Kind, string? Color, string Short, string More);

    private static readonly Entry[][] Letters =
    [
        [new("apple", "apple", null, "{H} finds an awesome apple.", "It is round and red and crunchy."), new("acorn", "acorn", null, "{H} spots an acorn on the ground.", "A squirrel will love it!")],
        [new("ball", "ball", ThingPainter.Blue, "{H} bounces a big blue ball.", "Bounce, bounce, bounce!"), new("balloon", "balloon", ThingPainter.Red, "{F} brings a bright balloon.", "It bobs up in the breeze.")],
        [new("cake", "cake", null, "{F} bakes a cute little cake.", "It has a cherry on top."), new("car", "car", null, "{H} cheers for a cheerful car.", "Beep, beep, here it comes!")],
        [new("duck", "duck", null, "{H} meets a dizzy little duck.", "Quack, quack, says the duck."), new("drum", "drum", null, "{F} drums on a dandy drum.", "Boom, boom, boom!")],
        [new("egg", "egg", null, "{H} eyes an egg in the grass.", "Who will hatch from it?")],
        [new("fish", "fish", null, "{H} finds a funny fish.", "It flips its fins and swims away."), new("flower", "flower", ThingPainter.Pink, "{F} finds a fancy flower.", "It smells fresh and sweet.")],
        [new("grapes", "grapes", null, "{H} grabs a bunch of grapes.", "They taste so good!"), new("gift", "gift", null, "{F} gives {H} a gift.", "What could be inside?")],
        [new("hat", "hat", null, "{H} has a handsome hat.", "It fits just right."), new("heart", "heart", ThingPainter.Red, "{F} holds up a happy heart.", "Hugs and hearts for everyone.")],
        [new("ice cream", "icecream", null, "{H} enjoys an icy ice cream.", "Lick it quick before it melts!")],
        [new("jam", "jar", null, "{F} opens a jar of jam.", "It is sticky and sweet.")],
        [new("kite", "kite", null, "{H} flies a kite up high.", "Keep it up, {H}!"), new("key", "key", null, "{F} keeps a shiny key.", "What can it open?")],
        [new("leaf", "leaf", null, "{H} looks at a lovely leaf.", "It floats down like a feather."), new("lemon", "lemon", null, "{F} licks a little lemon.", "Ooh, so sour!")],
        [new("moon", "moon", null, "{H} marvels at the moon.", "It glows softly in the sky.")],
        [new("nest", "nest", null, "{H} notices a neat little nest.", "Two blue eggs sit inside.")],
        [new("orange", "orange", null, "{F} offers {H} an orange.", "They share it, piece by piece.")],
        [new("pear", "pear", null, "{H} picks a plump pear.", "Yum, juicy and sweet!"), new("pizza", "pizza", null, "{F} picks a piece of pizza.", "Cheesy and warm!")],
        [new("quilt", "quilt", null, "{H} is quiet under a quilt.", "Cozy squares, all in a row.")],
        [new("rocket", "rocket", null, "{H} races a rocket.", "Ready, set, blast off!"), new("rainbow", "rainbow", null, "{F} runs to the rainbow.", "Red, orange, yellow, green, blue and purple!")],
        [new("sun", "sun", null, "The sun smiles at {H}.", "It is a sunny, sunny day."), new("star", "star", null, "{H} sees a sparkly star.", "Twinkle, twinkle, little star.")],
        [new("tree", "tree", null, "{H} taps a tall tree.", "Tiny red apples grow on top."), new("train", "train", null, "{F} takes a trip on a train.", "Toot, toot, all aboard!")],
        [new("umbrella", "umbrella", null, "{H} is under an umbrella.", "Drip, drop, goes the rain.")],
        [new("vase", "vase", null, "{F} puts flowers in a vase.", "Violet, yellow and pink.")],
        [new("whale", "whale", null, "{H} waves to a wiggly whale.", "It splashes in the waves."), new("watermelon", "watermelon", null, "{F} wants some watermelon.", "Watch out for the seeds!")],
        [new("xylophone", "xylophone", null, "{H} plays a xylophone.", "Ding, dong, ding!")],
        [new("yo-yo", "yoyo", ThingPainter.Yellow, "{H} plays with a yellow yo-yo.", "Up and down it goes.")],
        [new("zebra", "zebra", null, "{H} zooms past a zebra.", "Zebras have black and white stripes.")],
    ];

    /// <summary>Letters that share a page first when a book is short: rare first letters, then the rest.</summary>
    private static readonly char[] PairFirst = ['Q', 'W', 'U', 'I', 'Y', 'K', 'M', 'G', 'E', 'C', 'O', 'S', 'A'];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages)
    {
        var picked = Letters.Select(options => rng.Pick(options)).ToList();
        var pairs = PairFirst.Take(Math.Clamp(26 - pages, 0, PairFirst.Length)).ToHashSet();
        var units = new List<ConceptUnit>();
        for (var i = 0; i < 26; i++)
        {
            var letter = (char)('A' + i);
            var e = picked[i];
            if (pairs.Contains(letter))
            {
                var n = picked[i + 1];
                var next = (char)(letter + 1);
                units.Add(new ConceptUnit($"{letter}{char.ToLowerInvariant(letter)} {next}{char.ToLowerInvariant(next)}",
                    $"{{H}} finds {Article(e.Word)} and {Article(n.Word)}.", null,
                    [new PictureObject(e.Kind, 1, e.Color), new PictureObject(n.Kind, 1, n.Color)], e.Word, Pose: Pose.Waving,
                    Lead: $"{letter} is for {e.Word}, and {next} is for {n.Word}."));
                i++;
                continue;
            }
            units.Add(new ConceptUnit($"{letter}{char.ToLowerInvariant(letter)}", e.Short, e.More,
                [new PictureObject(e.Kind, 1, e.Color)], e.Word, Setting: e.Kind is "fish" or "whale" ? "underwater" : null,
                Pose: i % 2 == 0 ? Pose.Waving : Pose.Standing, Night: e.Kind is "moon" or "star", Lead: $"{letter} is for {e.Word}."));
        }
        return units;
    }

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng)
    {
        var all = units.SelectMany(u => u.Objects.Select(o => o with { Count = 1 })).ToList();
        var word = rng.Pick(units).Word;
        return new ConceptUnit("A to Z", "{H} and {F} know A to Z!", $"From {units[0].Word} to {units[^1].Word}, they found them all. Can you find the {word}?",
            all, "alphabet", Who: "");
    }

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng) =>
        new("Find it!", $"Where is the {unit.Word}?", $"Can you point to it? Say its first letter with {{H}}!",
            unit.Objects.Select(o => o with { Count = 1 }).ToList(), unit.Word, Who: "H", Pose: Pose.Waving);

    private static string Article(string word) => ("aeiou".Contains(word[0]) ? "an " : "a ") + word;

    public string[] Titles => ["{H}'s {A} ABC", "A to Z with {H}", "ABC with {H} and {F}", "{H}'s Big ABC", "My First ABC with {H}"];
    public string Subtitle => "An Alphabet Book";
    public string[] Morals => ["Every letter opens the door to a new word.", "Learning is more fun when we learn together.", "Little by little, letter by letter, we grow."];
    public string[] Threads => ["walk", "party", "day"];
    public string Topic => "the alphabet from A to Z";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Concepts / Alphabet", "abc book for toddlers");
}
