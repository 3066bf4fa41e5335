using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using static Storyloom.Core.Art.ThingPainter;

namespace Storyloom.Core.Story.Concepts;

/// <summary>A page per pair of opposites, shown side by side in two panels.</summary>
internal sealed class OppositesFormat : IConceptFormat
{
    private sealed record Pair(string A, string B, PictureObject Left, PictureObject Right, string Short, string More);

    private static readonly Pair[] Pairs =
    [
        new("big", "small", new("ball", 1, Blue, "big"), new("ball", 1, Blue, "small"), "{H} has a big ball and a small ball.", "Which one fits in your hand?"),
        new("up", "down", new("balloon", 1, Red, "up"), new("balloon", 1, Red, "down"), "One balloon is up, and one is down.", "Up, up, up it floats!"),
        new("hot", "cold", new("cup", 1, Red, "hot"), new("snowman", 1, null, "cold"), "Cocoa is hot, and a snowman is cold.", "{H} blows on the cup. Brrr, says {F}!"),
        new("full", "empty", new("basket", 1, null, "full"), new("basket", 1, null, "empty"), "One basket is full, and one is empty.", "Who ate all the apples?"),
        new("fast", "slow", new("rocket", 1, null, "fast"), new("snail", 1, null, "slow"), "The rocket is fast, and the snail is slow.", "Zoom! Creep, creep."),
        new("day", "night", new("sun", 1, null, "day"), new("moon", 1, null, "night"), "Sun for day, moon for night.", "{H} plays all day and sleeps all night."),
        new("tall", "short", new("tower", 1, null, "tall"), new("tower", 1, null, "short"), "{F} builds a tall tower and a short one.", "Which one will wobble first?"),
        new("open", "closed", new("box", 1, null, "open"), new("box", 1, null, "closed"), "One box is open, and one is closed.", "A star pops out of the open box!"),
        new("happy", "sad", new("hero", 1, null, "happy"), new("hero", 1, null, "sad"), "Happy {H}, sad {H}.", "A smile goes up, and a frown goes down."),
        new("awake", "asleep", new("hero", 1, null, "awake"), new("hero", 1, null, "asleep"), "{H} is awake, and then fast asleep.", "Shh! Sweet dreams, {H}."),
        new("long", "short", new("crayon", 1, Green, "long"), new("crayon", 1, Green, "short"), "One crayon is long, and one is short.", "{H} used the short one a lot!"),
        new("wet", "dry", new("cloud", 1, Gray, "rain"), new("sun", 1, null, "dry"), "Rainy days are wet, and sunny days are dry.", "{F} splashes in a puddle."),
    ];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages) => rng.Shuffled(Pairs).Select(p => new ConceptUnit(
        $"{ColorsFormat.Cap(p.A)} / {ColorsFormat.Cap(p.B)}", p.Short, p.More, [p.Left, p.Right], $"{p.A} and {p.B}", Who: "")).ToList();

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng) =>
        new("Opposites!", "{H} and {F} found so many opposites!", $"Can you think of one more? {ColorsFormat.Cap(rng.Pick(units).Word)} are just the start.",
            [], "opposites", Mood: "happy", Pose: Pose.Waving, Who: "HF");

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng)
    {
        var words = unit.Word.Split(" and ");
        // Swapped sides, so the question is not answered by remembering the page before.
        return new ConceptUnit("Which one?", $"Which one is {words[0]}?", $"Now find the one that is {words[1]}!", unit.Objects.Reverse().ToList(), unit.Word, Who: "");
    }

    public string[] Titles => ["{H}'s Big and Small", "Up and Down with {H}", "{H} and {F}: Opposites", "Fast and Slow with {H}"];
    public string Subtitle => "A First Book of Opposites";
    public string[] Morals => ["Big or small, fast or slow, everyone belongs.", "Friends can be different and still fit together."];
    public string[] Threads => ["day", "walk"];
    public string Topic => "opposites like big and small";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Concepts / Opposites", "opposites book for toddlers");
}

/// <summary>A page per feeling through one day: the hero's face and pose show it, and a line says what helps.</summary>
internal sealed class FeelingsFormat : IConceptFormat
{
    private sealed record Feeling(string Name, Pose Pose, string Short, string More, bool Friend = false, string? Helper = null, bool Night = false);

    private static readonly Feeling[] Feelings =
    [
        new("happy", Pose.Waving, "{H} feels happy in the morning sun.", "Happy feels warm, like sunshine inside. Sharing a smile makes it grow.", Helper: "sun"),
        new("excited", Pose.Waving, "{H} is excited about the big day!", "Excited feels fizzy and jumpy. A deep breath helps {H} wait.", Helper: "balloon"),
        new("surprised", Pose.Waving, "{H} is surprised by a big box!", "Surprised feels like a pop! Taking a moment to look helps.", Helper: "box"),
        new("silly", Pose.Running, "{H} feels silly and pulls a funny face.", "Silly feels giggly. Laughing with {F} makes it even better.", Friend: true),
        new("proud", Pose.Holding, "{H} is proud of a tall tower.", "Proud feels tall inside. A high five from {F} helps.", Helper: "tower"),
        new("shy", Pose.Standing, "{H} feels shy, and {F} waves hello.", "Shy feels small and quiet. A friendly wave helps.", Friend: true),
        new("worried", Pose.Standing, "{H} feels worried, so they talk about it.", "Worried feels like knots in your tummy. Talking to {F} helps.", Friend: true),
        new("angry", Pose.Standing, "{H} is angry, so {H} breathes slowly.", "Angry feels hot, like a red face. Three slow breaths help {H} cool down."),
        new("sad", Pose.Standing, "{H} feels sad, and {F} gives a hug.", "Sad feels heavy and rainy inside. A hug from a friend helps.", Friend: true),
        new("scared", Pose.Standing, "{H} feels scared, so {F} stays close.", "Scared feels shaky and small. A night-light and a friend help.", Friend: true, Helper: "lantern", Night: true),
        new("calm", Pose.Sitting, "{H} feels calm and breathes slowly.", "Calm feels soft, like a quiet pond. Slow breaths help {H} stay calm.", Night: true),
        new("sleepy", Pose.Sitting, "{H} is sleepy and gives a big yawn.", "Sleepy feels heavy and slow. A bedtime story helps.", Helper: "moon", Night: true),
    ];

    public IReadOnlyList<ConceptUnit> Units(Rng rng, int pages) => Feelings.Select(f => new ConceptUnit(
        ColorsFormat.Cap(f.Name), f.Short, f.More, f.Helper is { } h ? [new PictureObject(h, 1, h == "balloon" ? Red : null, h == "box" ? "open" : null)] : [],
        f.Name, f.Night ? "bedroom" : null, f.Name, f.Pose, f.Night, f.Friend ? "HF" : "H")).ToList();

    public ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Rng rng) =>
        new("All my feelings", "Every feeling is okay.", $"Happy, sad, shy or {rng.Pick(units.Skip(3).ToList()).Word}: {{H}} and {{F}} share them all.",
            [], "feelings", Mood: "calm", Pose: Pose.Sitting, Who: "HF");

    public ConceptUnit Quiz(ConceptUnit unit, Rng rng) =>
        new("How do I feel?", "How does {H} feel?", "Can you make that face too?", [], unit.Word, unit.Setting, unit.Mood, unit.Pose, unit.Night, "H");

    public string[] Titles => ["How Does {H} Feel?", "{H}'s Big Feelings", "{H} Feels It All", "{H} and {F}: All Our Feelings"];
    public string Subtitle => "A First Book of Feelings";
    public string[] Morals => ["All feelings are okay, and it helps to share them.", "Big feelings get smaller when we share them."];
    public string[] Threads => ["day"];
    public string Topic => "feelings and what helps";
    public (string Category, string Keyword) Listing => ("Juvenile Nonfiction / Social Topics / Emotions & Feelings", "feelings book for toddlers");
}
