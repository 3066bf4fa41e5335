using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

public static partial class PlotFamilies
{
    /// <summary>
    /// Afraid of thunder or storms: the general fear plot told at home on a stormy night, as such a fear is met (one cannot walk
    /// up to thunder). Hiding and pretending do not help; counting from the flash to the boom does, and the hero counts alone
    /// at the window. {fear} is the theme's own words.
    /// </summary>
    public static PlotFamily Storm => _storm ??= new(
        "storm",
        ["afraid of thunderstorms", "afraid of thunder", "scared of storms", "afraid of lightning"],
        ["brave", "storm"],
        "story about a fear of storms",
        "Juvenile Fiction / Social Themes / Emotions & Feelings",
        "living-room",
        Roles(('P', new Role("parent", Names: Parents, Grown: true))),
        [
            Fear.Beats[0],
            B("storm", "living-room", "evening", "HP", Pose.Sitting, "scared", "blanket", "",
                ["Rumble! Rumble!", "FLASH! BOOM!"],
                ["That evening, the sky went dark and the rain came down. | Then one evening, big grey clouds rolled across the sky.",
                 "FLASH! BOOM! {H} dived under a blanket. | FLASH! BOOM! {H} was under the blanket before {he} knew it.",
                 "\"I'm scared of {myfear},\" {H} whispered. | \"Make it stop,\" {H} whispered. \"I'm scared of {myfear}.\""],
                ["The window rattled in its frame.",
                 "{His} heart was going as fast as the rain.",
                 "{P} sat down [close|beside {him}|next to {him}]. \"Thank you for telling me. Being scared is allowed.\""],
                "What would {H} do?"),
            Fear.Beats.First(b => b.Step == "hide") with { Where = "living-room", When = "evening" },
            Fear.Beats.First(b => b.Step == "pretend") with { Where = "living-room", When = "evening" },
            B("learn", "living-room", "night", "HP", Pose.Sitting, "curious", null, "",
                ["Look. Just look.", "Flash! Count!"],
                ["So they sat by the window and watched the storm together. | {P} moved the sofa cushions to the window, and they watched together.",
                 "\"Thunder is the sound lightning makes,\" said {P}. \"Count after the flash, and you'll know how far away it is.\"",
                 "At the next flash, they counted to four. Then came the boom, far away. | At the next flash, they counted to three. Then the boom came, far off."],
                ["The rain drummed on the glass.",
                 "{H} listened hard.",
                 "Each number was a little bit of distance, and a little bit of brave."],
                "Could {H} count on {his} own?"),
            B("more", "living-room", "night", "HP", Pose.Sitting, "calm", null, "blanket",
                ["Flash! Count!", "Again! Again!"],
                ["Another flash. This time {H} counted too, very quietly. | Flash! {H} whispered the numbers along with {P}.",
                 "They got all the way to five before the boom. | This time the boom waited until five.",
                 "The boom didn't feel quite so big when you knew it was coming. | Knowing when the boom would come made it smaller, somehow."],
                ["The lamp made a warm circle on the rug.",
                 "{P} squeezed {his} hand.",
                 "{H} let the blanket slip off {his} shoulders."]),
            B("step", "living-room", "night", "H", Pose.Standing, "curious", null, "blanket",
                ["Step to the window.", "One, two, three..."],
                ["Then {H} did something nobody had asked {him} to do. {He} put the blanket down. | Then, all by {himself}, {H} put down the blanket.",
                 "{He} walked right up to the window, and stood there. | {He} went and stood at the window, close to the glass.",
                 "At the next flash, {H} counted all by {himself}. {He} got to six before the boom."],
                ["It was {his} own idea. That made it feel different.",
                 "{His} nose was nearly touching the glass.",
                 "Six! The storm was moving away."],
                "Was the storm going away?"),
            B("brave", "living-room", "night", "HP", Pose.Jumping, "excited", null, "",
                ["{H} did it!", "Brave {H}!"],
                ["\"It's getting further away!\" shouted {H}. \"I counted it!\" | \"Six!\" {H} called. \"It's going away, {P}!\"",
                 "{H} was still a little bit scared. But {he} {was} much braver than the scared. | The storm was still loud. But {H} felt bigger.",
                 "\"I'm brave AND scared!\" said {H}. | {P} cheered. \"You did that all by yourself.\""],
                ["{P} clapped and clapped.",
                 "{H}'s tummy was still fluttery, but now it felt more like excited.",
                 "Outside, the rain grew softer and softer."]),
            B("bed", "bedroom", "night", "HP", Pose.Sleeping, "sleepy", "teddy", "blanket",
                ["Up to bed.", "Goodnight, storm."],
                ["At bedtime, {H} went up to bed. The storm was just a whisper far away. | Later, {P} carried {H} upstairs to bed. The storm was nearly gone.",
                 "\"What was the bravest part?\" asked {P}. {H} thought. \"Counting.\" | \"Were you scared?\" asked {P}. \"A bit,\" said {H}. \"But I counted anyway.\"",
                 "{P} gave {him} a goodnight kiss. \"That's what brave means.\""],
                ["Rain pattered softly on the roof.",
                 "{H} yawned, a big brave yawn.",
                 "\"Goodnight, storm,\" whispered {H}."]),
            B("close", "garden", "morning", "HP", Pose.Standing, "happy", null, "",
                ["Out we go! All washed.", "Brave about {fear}, too."],
                ["In the morning, {H} ran out into the garden. Everything was washed and shining. | Next morning, {H} and {P} went out into the garden. The puddles shone.",
                 "{H} the little {kind} was still brave about lots of things. And now, a little bit, {he} {was} brave about {fear} too.",
                 "\"Next time there's a storm,\" said {H}, \"I'll count it.\" | \"If the storm comes back,\" {H} told {P}, \"I know what to do.\""],
                ["The flowers were dripping and bright.",
                 "Some days it would still feel wobbly. That was all right.",
                 "{P} smiled. \"One, two, three...\""]),
        ],
        ["Brave Little {H}", "{H} Counts the Storm", "{H} and the Big Boom", "One, Two, Three, BOOM!"],
        ["Brave means being scared and going anyway.", "Counting makes a storm smaller.", "Knowing more makes scary things smaller."],
        "{H} is brave about nearly everything, except {fear}. Hiding under the blanket doesn't help and pretending doesn't work... "
            + "until {H} learns to count from the flash to the boom. A gentle story about fear, storms and courage.",
        General: true);

    // Made on first use: it borrows beats of the fear plot, which another file initialises.
    private static PlotFamily? _storm;
}
