using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

public static partial class PlotFamilies
{
    /// <summary>
    /// The wish plot for a skill of the hands or the mouth ("tie my shoelaces", "whistle", "write my name"): the same plot,
    /// but a rushed try ends in a muddle, not in a tumble by the fence, and nobody runs, jumps or brushes grass off their
    /// knees while learning to tie a bow.
    /// </summary>
    public static PlotFamily WishWithHands => _wishHands ??= Wish with { Beats = [.. Wish.Beats.Select(HandsBeat)] };

    private static PlotFamily? _wishHands;

    /// <summary>The wish family for a goal: by hand ("tie", "whistle", "write") or with the whole body ("ride", "swim").</summary>
    internal static PlotFamily WishFor(string goal) =>
        goal.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var verb, ..] && HandVerbs.Contains(verb) ? WishWithHands : Wish;

    private static readonly HashSet<string> HandVerbs =
    [
        "tie", "whistle", "write", "read", "draw", "paint", "count", "spell", "button", "zip", "knit", "sew", "snap", "click",
        "clap", "build", "play", "blow", "wink", "juggle", "colour", "color", "cut", "fold", "brush", "plait", "braid", "tell",
        "sing", "use", "pour", "open", "do", "breathe", "roar", "hum", "bake", "cook", "make", "speak", "say", "talk", "shout", "burp",
    ];

    private static Beat HandsBeat(Beat beat) => beat.Step switch
    {
        "rush" => beat with
        {
            Pose = Pose.Standing,
            Tiny = ["Quick, quick! | [Fast|Quick], fast, fast! | Hurry, hurry!", "Oh no! A muddle! | [Oops|Uh-oh]! All wrong! | [Whoops|Oh dear]! [A muddle|A tangle]!"],
            Core =
            [
                "First {H} tried to {goal} all at once, as [fast|quick] as {he} could. | So {H} tried straight away, in a [great|big] hurry. | [Straight away|At once], {H} had a go, [fast|as fast as anything].",
                "It came out all wrong, in a [big|great] [muddle|jumble]. | [Whoops|Oh dear]! It all went wrong, in a [big|great] [tangle|muddle]. | [Too fast|Much too fast]! Nothing went where it [should|was meant to].",
                beat.Core[2],
            ],
            More =
            [
                "{He} [puffed|huffed] and [hurried|rushed] and [wished|hoped] very hard. | {He} tried so hard {his} [ears|face] went [red|pink]. | {He} [rushed|hurried] and [hoped|wished] for the best.",
                "{He} [frowned|scowled] at the [muddle|jumble], feeling [puzzled|cross|surprised]. | {His} cheeks went [pink|red], and {he} [stared|frowned] at it. | {He} stopped a moment, feeling [puzzled|cross|surprised].",
                "\"Slowly,\" {H} said to {himself}. \"Slowly.\" | \"[Slow|Slowly], then,\" {H} [muttered|whispered]. | \"[Slowly|Slow and steady],\" {H} told {himself}.",
            ],
        },
        "together" => beat with
        {
            Pose = Pose.Sitting,
            Core =
            [
                beat.Core[0],
                "So they practised [on the bench|by the pond], over and [over|over again]. | So {H} tried, and {F} watched, and then {H} tried [again|once more]. | [Over and over|Again and again], {H} [tried|practised], with {F} [watching|cheering].",
                "{F} [noticed|saw] things {H} couldn't see. \"Not so fast,\" {Fhe} [said|whispered]. \"One step, then the next.\" | \"You're going too fast,\" {F} [said|noticed]. \"One step at a time, and breathe.\" | \"[Slow down|Not so quick],\" [said {F}|{F} said]. \"[One step|A bit] at a time. [And breathe|Breathe out].\"",
            ],
            More =
            [
                beat.More[0],
                beat.More[1],
                "{H} breathed out, and slowed down, and felt a little bit [steadier|calmer]. | {H} [slowed down|went slowly] and [breathed|breathed out]. [Steadier|A bit steadier]! | [Going slowly|One step at a time] [helped|made it better]. {H} felt [steadier|calmer].",
            ],
        },
        "slip" => beat with
        {
            Tiny = ["Nearly! Oh no. | [So|So, so] nearly! [Oh|Oh no]! | [Almost|Nearly]… oops!", "Wrong again. | [Oops|Oh dear]! Again. | [Muddle|Tangle] again."],
            Core =
            [
                "It was [nearly|almost] right. Nearly, [nearly|almost]... and then it all went wrong again. | Just as it was [almost|nearly] right, it went wrong [again|once more]. | [Almost|Nearly] there… and then, [oh no|oops], wrong again.",
                beat.Core[1],
            ],
        },
        "turn" => beat with
        {
            Pose = Pose.Sitting,
            Tiny = ["Try again. | [One|Just one] more [try|go]! | [Again|Once more], {H}!", "Slowly. Breathe. | [Breathe|Breathe out]. [Slowly|Slow]. | One step, then the next."],
            Core =
            [
                beat.Core[0],
                "{He} sat up tall, [wiped|rubbed] {his} eyes, and took a deep [breath|breath in]. | [{He}|{H}] wiggled {his} fingers, and breathed out [slowly|very slowly]. | {H} [sat up|straightened up], [shook out|wiggled] {his} hands, and [breathed in|took a big breath].",
                "Slowly, one step at a time, and breathing: one more [try|try, just one]. | This time {he} went slowly, one step at a time, as {he} had [practised|learned]. | [One more try|One last try]: [slowly|slow], [one step at a time|step by step], [breathing|breathing out].",
            ],
        },
        _ => beat,
    };
}
