namespace Storyloom.Core.Story.Concepts;

/// <summary>
/// The gentle story a concept book walks through (a walk, a party, a day): an opening, short steps between the
/// concept pages, and an ending line for The End. Every line is one sentence of at most ten words.
/// </summary>
internal sealed record ConceptThread(string Name, string Opening, string[] Steps, string Ending, string Blurb)
{
    /// <summary>Steps that happen at home are marked with this prefix; the rest happen outdoors.</summary>
    public const string Home = "home:";

    public static ConceptThread For(string name) => name switch
    {
        "party" => Party,
        "day" => Day,
        _ => Walk,
    };

    private static readonly ConceptThread Walk = new("walk",
        "One sunny morning, {H} and {F} go for a walk.",
        [
            "They skip down the path, side by side.", "They hop over a puddle with a splash.", "They cross a little wooden bridge.",
            "They rest under a shady tree.", "They climb a gentle green hill.", "{F} finds a stick and waves it high.",
            "A soft breeze tickles their ears.", "They share a snack on a blanket.", "They wave hello to a friendly farmer.",
            "They follow a twisty path through the grass.", "They stop to listen to the birds sing.", "The sun starts to sink, golden and low.",
        ],
        "Home again, {H} and {F} yawn and smile.",
        "{H} and {F} go for a long, happy walk");

    private static readonly ConceptThread Party = new("party",
        "Today is {F}'s party, and {H} is invited!",
        [
            "{H} wraps a present with a big bow.", "Balloons bob by the garden gate.", "Everyone sings a happy song.",
            "They play hide and seek behind the bushes.", "They dance in a wiggly line.", "{F} blows out the candles with one big puff.",
            "They share the cake, slice by slice.", "They wear silly paper hats.", "They play musical chairs and giggle.",
            "{H} and {F} jump and twirl.", "Everyone claps and cheers.", "The last guests wave goodbye.",
        ],
        "What a party! {H} hugs {F} goodbye.",
        "{H} goes to {F}'s birthday party");

    private static readonly ConceptThread Day = new("day",
        "Good morning, {H}, it is a brand-new day.",
        [
            Home + "{H} eats a warm breakfast.", Home + "{H} brushes teeth, up and down.", "{F} knocks on the door to play.",
            Home + "They build a fort with pillows.", "They play outside in the sunshine.", "They eat lunch under a tree.",
            Home + "{H} takes a little nap.", Home + "They paint a picture together.", "{F} waves goodbye and goes home.",
            Home + "{H} splashes in a bubbly bath.", Home + "{H} puts on cozy pajamas.", "The stars come out, one by one.",
        ],
        "Goodnight, {H}. Goodnight, {F}. Sweet dreams.",
        "{H} and {F} share a whole day, from breakfast to bedtime");
}
