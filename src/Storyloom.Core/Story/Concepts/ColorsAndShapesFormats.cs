using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using static Storyloom.Core.Art.ThingPainter;

namespace Storyloom.Core.Story.Concepts;

/// <summary>A page per color, each with a crayon and things that are that color.</summary>
internal sealed class ColorsFormat : IConceptFormat
{
    private sealed record Hue(string Name, string Hex, (string Kind, string? Color)[] Things, string Short, string More, string? Setting = null);

    private static readonly Hue[] Hues =
    [
        new("red", Red, [("apple", null), ("ladybug", null)], "{H} finds a red apple.", "A ladybug is red too."),
        new("orange", Orange, [("orange", null), ("carrot", null)], "{H} munches an orange carrot.", "An orange is orange too!"),
        new("yellow", Yellow, [("lemon", null), ("duck", null)], "{H} waves to a yellow duck.", "A lemon is yellow too."),
        new("green", Green, [("leaf", null), ("frog", null)], "{F} spots a green frog.", "Ribbit! It sits by a green leaf."),
        new("blue", Blue, [("balloon", Blue), ("ball", Blue)], "{H} holds a blue balloon.", "{F} kicks a blue ball."),
        new("purple", Purple, [("grapes", null), ("umbrella", Purple)], "{F} shares some purple grapes.", "{H} twirls a purple umbrella."),
        new("pink", Pink, [("flower", Pink), ("heart", Pink)], "{H} picks a pink flower.", "A pink heart is for a good friend."),
        new("brown", Brown, [("acorn", null), ("cookie", null)], "{F} bakes a brown cookie.", "A squirrel hides a brown acorn."),
        new("black", Black, [("hat", Black), ("button", Black)], "{H} tries on a black hat.", "Black buttons go click, click."),
        new("white", White, [("egg", null), ("cloud", null)], "{F} finds a white egg.", "Fluffy clouds are white too."),
        new("gray", Gray, [("rock", null), ("cloud", Gray)], "{H} sits on a gray rock.", "Gray clouds bring the rain."),
    ];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages) => Hues.Select((h, i) => new ConceptUnit(
        Cap(h.Name), h.Short, h.More,
        [new PictureObject("crayon", 1, h.Hex), .. h.Things.Select(t => new PictureObject(t.Kind, 1, t.Color))],
        h.Name, h.Setting, Mood: "happy", Pose: i % 2 == 0 ? Pose.Waving : Pose.Standing)).ToList();

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng) =>
        new("All the colors!", "So many colors for {H} and {F}!", $"Which color do you like best? {Cap(rng.Pick(units).Word)} is {{H}}'s favorite.",
            Hues.Select(h => new PictureObject("crayon", 1, h.Hex)).ToList(), "colors", Who: "");

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng)
    {
        var thing = unit.Objects[1 + rng.Next(unit.Objects.Count - 1)];
        var name = thing.Kind switch { "icecream" => "ice cream", "grapes" => "grapes", _ => thing.Kind };
        var verb = name == "grapes" ? "are" : "is";
        return new ConceptUnit("What color?", $"What color {verb} the {name}?", "Find a crayon that color with {H}.", [thing with { Count = 1 }], unit.Word, Who: "H");
    }

    internal static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public string[] Titles => ["{H}'s Colorful Day", "{H} Sees Colors", "Colors with {H} and {F}", "{H}'s Rainbow Walk"];
    public string Subtitle => "A First Book of Colors";
    public string[] Morals => ["The world is brighter when we look closely.", "Every color makes the world more beautiful, just like every friend."];
    public string[] Threads => ["walk", "party"];
    public string Topic => "eleven colors";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Concepts / Colors", "colors book for toddlers");
}

/// <summary>A page per shape: the plain shape with a face and things that have that shape.</summary>
internal sealed class ShapesFormat : IConceptFormat
{
    private sealed record Form(string Name, string Hex, string[] Things, string Short, string More, bool Night = false);

    private static readonly Form[] Forms =
    [
        new("circle", Blue, ["ball", "clock"], "{H} rolls a round ball.", "A ball is a circle. So is a clock!"),
        new("square", Green, ["block", "gift"], "{F} stacks a square block.", "A gift box is a square too."),
        new("triangle", Orange, ["pizza", "partyhat"], "{H} shares a slice of pizza.", "It is a triangle, just like a party hat."),
        new("rectangle", Purple, ["book", "envelope"], "{F} opens a book.", "A book is a rectangle, and so is a letter."),
        new("star", Yellow, ["star", "star"], "{H} sees a star shine.", "Stars have five points. Count them!", Night: true),
        new("heart", Red, ["heart", "heart"], "{F} draws a heart for {H}.", "A heart means I love you."),
        new("oval", Pink, ["egg", "melon"], "{H} finds an egg.", "An egg is an oval, like a stretched circle."),
        new("diamond", Red, ["kite", "sign"], "{F} flies a diamond kite.", "A kite is a diamond shape."),
        new("semicircle", Orange, ["watermelon", "rainbow"], "{H} eats a slice of watermelon.", "Half a circle is a semicircle, like a rainbow."),
        new("crescent", Yellow, ["moon"], "The moon is a crescent tonight.", "A crescent looks like a big smile.", Night: true),
    ];

    private static readonly string[] Tints = [Pink, Blue, Purple, Green];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages) => Forms.Select((f, i) =>
    {
        var things = f.Things.Select((k, j) => new PictureObject(k, 1, k == f.Name ? Tints[(i + j) % Tints.Length] : null));
        return new ConceptUnit(ColorsFormat.Cap(f.Name), f.Short, f.More, [new PictureObject(f.Name, 1, f.Hex), .. things], f.Name,
            Pose: i % 2 == 0 ? Pose.Waving : Pose.Standing, Night: f.Night);
    }).ToList();

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng) =>
        new("All the shapes!", "{H} and {F} found every shape!", $"Look around you. Can you find a {rng.Pick(units).Word}?",
            Forms.Select(f => new PictureObject(f.Name, 1, f.Hex)).ToList(), "shapes", Who: "");

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng)
    {
        var thing = unit.Objects[^1];
        var name = thing.Kind switch { "partyhat" => "party hat", "melon" => "melon", _ => thing.Kind };
        return new ConceptUnit("What shape?", $"What shape is the {name}?", "Trace it in the air with {H}.", [thing with { Count = 1 }], unit.Word, Who: "H", Night: unit.Night);
    }

    public string[] Titles => ["{H}'s Shape Hunt", "Shapes with {H}", "Circles, Squares and {H}", "{H} and {F} Find Shapes"];
    public string Subtitle => "A First Book of Shapes";
    public string[] Morals => ["Look around: the world is full of shapes.", "Different shapes fit together, just like friends."];
    public string[] Threads => ["party", "day", "walk"];
    public string Topic => "ten shapes";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Concepts / Size & Shape", "shapes book for toddlers");
}
