namespace Storyloom.Core.Story.Plot;

public static partial class PlotFamilies
{
    /// <summary>
    /// The wish plot for a fear of doing something ("an owl who is scared of flying", "too scared to swim"): the hero wants to
    /// and is frightened to, so the story opens on the fear and ends on doing it scared. A fear of doing is not a thing to walk
    /// up to and look at (the fear plot's story), it is a thing to try, a little at a time, with a friend.
    /// </summary>
    internal static PlotFamily WishScared(PlotFamily wish) => wish == WishWithHands
        ? _wishHandsScared ??= Scared(WishWithHands)
        : _wishScared ??= Scared(Wish);

    private static PlotFamily? _wishScared;
    private static PlotFamily? _wishHandsScared;

    private static PlotFamily Scared(PlotFamily wish) => wish with
    {
        What = "story about being brave enough to try something new",
        Beats = [.. wish.Beats.Select(ScaredBeat)],
        Titles = ["Brave Enough, {H}", "{H} Is Scared to {Goal}", "One Brave Try, {H}", "Scared, but {H} Tried"],
        Morals = ["Brave is being scared and trying anyway.", "Big things take small steps.", "A friend makes scary things smaller."],
        Blurb = "{H} the little {kind} wants to {goal}, but is scared to try. One small step at a time, with a friend beside {him}, "
            + "{H} finds out that brave is not the same as not scared.",
    };

    private static Beat ScaredBeat(Beat beat) => beat.Step switch
    {
        "open" => beat with
        {
            Mood = "worried",
            Tiny =
            [
                "This is {H} the [little|small] {kind}. | Meet {H}, a [little|small] {kind}. | Here is {H} the [little|small] {kind}.",
                "{H} wants to {goal}. But {he} is scared! | {H} [wishes|longs] to {goal}. [Eek|Gulp]! Too scary! | [Oh|How] {H} wants to {goal}! But [gulp|eek]…",
            ],
            Core =
            [
                "{H} the little {kind} wanted to {goal}. But {he} was [scared|frightened] to try. | More than anything, {H} wanted to {goal}. But just thinking about it made {his} tummy [wobble|flip]. | There was one thing {H} the little {kind} longed to do, and was too scared to do: {goal}.",
                "Every time {he} thought about it, {his} knees went [wobbly|shaky]. | {He} watched the others, and wished {he} could be brave [too|like them]. | [Morning|Day], noon and night, {he} thought about it, and [worried|wondered] about it.",
                "\"{P},\" {H} [whispered|said in a small voice], \"I want to {mygoal}. But I'm scared.\" | \"I'm going to {mygoal} today,\" {H} told {P}. Then, more quietly: \"I think.\" | \"{P}, I want to {mygoal},\" said {H}. \"But what if I can't?\"",
            ],
            More =
            [
                "{He} had been scared of it for [ages|a long, long time|as long as {he} could remember]. | It was {his} biggest wish, and {his} biggest worry too. | [For weeks|For ever so long], {he} had wished, and worried, and wished.",
                "[{He}|{H}] even dreamed about it, and woke up with a [wobbly|fluttery] tummy. | {He} [practised|pretended] in {his} head at night, where it was not scary at all. | {He} [watched|thought about] it so often that {he} knew just how it should go.",
                "{P} looked up from the flowers. \"Being scared is all right,\" {Phe} said. \"We can start small.\" | {P} put down {Phis} watering can. \"Scared and brave can go together,\" {Phe} said [softly|kindly]. | \"Lots of brave things start with a wobbly tummy,\" [said {P}|{P} said] [kindly|gently]. \"Shall we try?\"",
            ],
        },
        "did" => beat with
        {
            More =
            [
                "{He} was still a little bit scared. But {he} had done it anyway. | {His} tummy still wobbled, a tiny bit. {He} didn't mind at all. | It was still a little scary. And {he} had done it [anyway|all the same].",
                beat.More[1],
                beat.More[2],
            ],
        },
        _ => beat,
    };
}
