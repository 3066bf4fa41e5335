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
                ["Rumble! Rumble! | [Rumble|Grumble], [rumble|grumble], storm! | [Dark|Grey] clouds. Rumble!", "FLASH! BOOM! | [FLASH|Flash]! [BOOM|CRASH]! | [Boom|BOOM]! [Hide|Oh no]!"],
                ["That evening, the sky went dark and the rain came [down|pouring down]. | [Then|And then] one evening, big grey clouds rolled across the sky. | [One evening|That evening], a storm [rolled in|came], and the rain [poured|pelted] down.",
                 "FLASH! BOOM! {H} dived under a [blanket|blanket, quick]. | FLASH! BOOM! {H} was under the blanket before {he} knew [it|it, whoosh]. | [Then|Suddenly], [FLASH|a great FLASH]! [BOOM|And a BOOM]! {H} [dived|scrambled] under the blanket.",
                 "\"I'm scared of {myfear},\" {H} [whispered|murmured]. | \"Make it stop,\" {H} [whispered|murmured]. \"I'm scared of [{myfear}|{myfear}, {P}].\" | \"[I don't like|I really don't like] {myfear},\" {H} [whispered|said in a small voice]."],
                ["The window rattled in its [frame|frame, clatter-clatter]. | The window [shook|rattled] [and shivered|in the wind]. | [Rattle|Clatter], [rattle|clatter] went the window.",
                 "[{His}|{H}'s] heart was going as fast as the [rain|raindrops]. | [{His}|{H}'s] heart [raced|thumped] [as fast as|faster than] the rain. | [Thump|Pit-pat], [thump|pit-pat] went {his} heart, [fast as|quick as] raindrops.",
                 "{P} sat down [close|beside {him}|next to {him}]. \"Thank you for telling [me|me, {H}]. Being scared is [allowed|all right].\" | {P} [came|came over] and sat [close|near]. \"[It's all right|It's okay] to be scared.\" | \"[Thank you for telling me|I'm glad you told me],\" [said {P}|{P} said], sitting [close|down]. \"Scared is [allowed|all right].\""],
                "What would {H} do? | What [would|could] {H} [do|do now]? | How [would|could] {H} [get through|face] the storm?"),
            Fear.Beats.First(b => b.Step == "hide") with { Where = "living-room", When = "evening" },
            Fear.Beats.First(b => b.Step == "pretend") with { Where = "living-room", When = "evening" },
            B("learn", "living-room", "night", "HP", Pose.Sitting, "curious", null, "",
                ["Look. Just look. | [Look|Watch], [look|watch] together. | [Sit|Look] by the window.", "Flash! Count! | [Flash|Flash, flash]! [One, two|Count]! | Count [the flash|to the boom]!"],
                ["So they sat by the window and watched the storm [together|together, side by side]. | {P} moved the sofa cushions to the window, and they watched [together|side by side]. | [Then|At last] {H} and {P} [sat|curled up] by the window to [watch|look at] the storm.",
                 "\"Thunder is the sound lightning makes,\" [said|explained] {P}. \"Count after the flash, and you'll know how far away it [is|is, every time].\" | \"After the flash, [count|we count],\" [said {P}|{P} said]. \"The [bigger|higher] the number, the [further|farther] away the storm.\" | \"Thunder is just lightning's noise,\" {P} [explained|said]. \"[Counting tells us|If we count, we can tell] how far away it is.\"",
                 "At the next flash, they counted to [four|four, slowly]. [Then|And then] came the boom, far away. | At the next flash, they counted to [three|three, together]. [Then|And then] the boom came, far off. | [Flash|FLASH]! \"One, two, three, [four|four, five],\" they counted. Then [BOOM|boom], [far off|far away]."],
                ["The rain drummed on the [glass|window glass]. | [Raindrops|Big drops] [tapped|pattered] [on|against] the glass. | Tap, tap, tap went the rain on the [window|glass].",
                 "{H} listened hard. | {H} [listened|listened very] [hard|carefully]. | {H} [held|kept] very still and listened.",
                 "Each number was a little bit of distance, and a little bit of [brave|brave too]. | [Every|Each] number [meant a little more distance|was a bit further away], and a [little|bit] more brave. | [With each|Every] number, the storm felt [further|farther] off, and {H} felt [braver|a bit braver]."],
                "Could {H} count on {his} [own|own, alone]? | [Could|Would] {H} [count|try counting] [alone|all alone]? | [What if {H} counted|Could {H} count] all by {himself}?"),
            B("more", "living-room", "night", "HP", Pose.Sitting, "calm", null, "blanket",
                ["Flash! Count! | [Flash|FLASH]! [One, two, three|Count, count]! | [One, two, three|Count, count, count]!", "Again! Again! | [Again|Once more]! [Count|Count again]! | [Four|Five]… BOOM!"],
                ["Another flash. This time {H} counted too, very [quietly|softly]. | Flash! {H} [whispered|murmured] the numbers along with {P}. | [Another|One more] flash! {H} [joined in|counted along], [very softly|in a whisper].",
                 "They got all the way to five before the [boom|boom came]. | This time the boom waited until [five|five, then BOOM]. | [One, two, three, four, five|They counted to five]… [and then|then] the boom came.",
                 "The boom didn't feel quite so big when you knew it was [coming|on its way]. | Knowing when the boom would come made it smaller, [somehow|just a bit]. | [A boom|The boom] you [expect|know is coming], {H} [found|found out], [isn't|is not] so [big|scary]."],
                ["The lamp made a warm circle on the [rug|rug, cosy and gold]. | The lamp [cast|threw] a [golden|soft] [circle|pool of light] on the rug. | A warm [glow|light] [came|shone] from the lamp.",
                 "{P} squeezed {his} [hand|hand, gently]. | {P} [held|squeezed] {his} hand [tight|gently]. | {P}'s hand [held|squeezed] {his} own, [warm|tight].",
                 "{H} let the blanket slip off {his} [shoulders|shoulders, just a little]. | The blanket [slipped|slid] off {H}'s shoulders. {H} [let it|didn't mind]. | {H} [pushed the blanket down|let the blanket slip down], [just a little|a bit]."]),
            B("step", "living-room", "night", "H", Pose.Standing, "curious", null, "blanket",
                ["Step to the [window|window, slowly]. | [Step|Tiptoe], step, to the window. | [Up|Over] to the window.", "One, two, three... | [One, two, three|Count: one, two]… | [Flash|FLASH]! [Count|One, two]…"],
                ["[Then|And then] {H} did something nobody had asked {him} to do. {He} put the blanket [down|down, on the sofa]. | Then, all by {himself}, {H} put down the [blanket|blanket, very slowly]. | [Then|And then], without [a word|being asked], {H} [dropped|put down] the blanket.",
                 "[{He}|{H}] walked right up to the window, and stood [there|there, very still]. | [{He}|{H}] went and stood at the window, close to the [glass|cold glass]. | [{He}|{H}] [stepped|walked] [over|up] to the window and [stood|waited] there, [very still|on {his} own].",
                 "At the next flash, {H} counted all by [{himself}|{himself}, out loud]. [{He}|{H}] got to six before the [boom|boom came]. | [Flash|FLASH]! {H} counted [alone|by {himself}]: [one, two, three|one, two]… six! Then the boom. | {H} counted [the next flash|after the flash] [on {his} own|alone]. Six, then [BOOM|boom]!"],
                ["It was {his} own [idea|idea, all {his} own]. That made it feel [different|different, better]. | This was {his} [own|very own] idea. That [felt|made it feel] [different|special]. | [Nobody|No one] told {him} to. That [made it|felt] [different|better].",
                 "[{His}|{H}'s] nose was [nearly|almost] touching the glass. | [{His}|{H}'s] nose [almost|nearly] [touched|bumped] the glass. | [Close|So close] to the glass, {his} breath [fogged|misted] it [up|a little].",
                 "Six! The storm was moving [away|away, far away]. | Six! [It|The storm] was [going|moving off]. | [Six, not five|Six]! The storm was [further|farther] off [now|than before]."],
                "How far away was it now? | [Would|Could] {H} count [again|once more]? | What would {H} [say|shout] [now|next]?"),
            B("brave", "living-room", "night", "HP", Pose.Jumping, "excited", null, "",
                ["{H} did it! | [Hooray|Yay], {H}! [You did it|Counted]! | {H} [counted|did it] [alone|all alone]!", "Brave {H}! | [Brave|So brave], [brave|brave] {H}! | [What a|Such a] brave {kind}!"],
                ["\"It's getting further away!\" [shouted|yelled] {H}. \"I counted it!\" | \"Six!\" {H} called. \"It's going away, [{P}|{P}, it's going]!\" | \"[I counted|I did it]!\" [cried|shouted] {H}. \"[It's further now|It's moving away]!\"",
                 "{H} was still a little bit [scared|scared, it's true]. But {he} {was} much braver than the [scared|scared part]. | The storm was still [loud|loud outside]. But {H} felt [bigger|bigger inside]. | [A bit|A little] scared was still there. But [brave|the brave] was [bigger|bigger now].",
                 "\"I'm brave AND scared!\" [said|laughed] {H}. | {P} cheered. \"You did that all by [yourself|yourself, {H}].\" | \"[All on your own|By yourself]!\" [cheered|said] {P}. \"[That's brave|How brave]!\""],
                ["{P} clapped and [clapped|cheered]. | {P} [clapped|cheered] and [cheered|clapped]. | {P} [clapped|clapped and clapped], [grinning|beaming].",
                 "{H}'s tummy was still fluttery, but now it felt more like [excited|happy]. | {H}'s tummy still [jiggled|fizzed], but [now|this time] it felt like excitement. | The [flutters|wobbles] were still there. [Now|But now] they felt [excited|happy].",
                 "Outside, the rain grew softer and [softer|quieter]. | [Beyond the window|Outside], the rain [got|turned] gentler and gentler. | The rain [slowed|eased] to a [soft|gentle] [patter|drizzle]."]),
            B("bed", "bedroom", "night", "HP", Pose.Sleeping, "sleepy", "teddy", "blanket",
                ["Up to bed. | Upstairs [to bed|we go]. | Up to bed, [sleepy|brave] {H}.", "Goodnight, storm. | [Night night|Bye-bye], storm. | [Sleep|Hush], storm."],
                ["At bedtime, {H} went up to [bed|bed at last]. The storm was just a whisper far [away|off]. | Later, {P} carried {H} upstairs to [bed|bed, sleepy]. The storm was [nearly|almost] gone. | [When bedtime came|At bedtime], {H} [went|climbed] upstairs. The storm had [rumbled|grumbled] [far|far, far] away.",
                 "\"What was the bravest part?\" [asked|whispered] {P}. {H} thought. \"Counting.\" | \"Were you scared?\" [asked|whispered] {P}. \"A bit,\" said [{H}|{H}, yawning]. \"But I counted [anyway.|anyway, didn't I?]\" | \"[Still scared|Scared now]?\" [asked {P}|{P} asked]. \"[Only a bit|A little], but counting helps,\" [said {H}|{H} said].",
                 "{P} gave {him} a goodnight [kiss|kiss on the head]. \"That's what brave [means|means, {H}].\" | \"[Scared and counting|Counting while scared],\" [said {P}|{P} said], [with a kiss|kissing {him}]. \"That's brave.\" | {P} [kissed|hugged] {him} goodnight. \"Brave means [doing it anyway|being scared and trying].\""],
                ["Rain pattered [softly|gently] on the roof. | The rain [tapped|pattered] [gently|quietly] on the roof. | [Pitter-patter|Tip, tap], went the [rain|last of the rain].",
                 "{H} yawned, a big brave [yawn|yawn, the biggest]. | {H} [yawned|gave] a [big|huge], brave yawn. | [A big|One brave] yawn, then [another|two more].",
                 "\"Goodnight, storm,\" [whispered|murmured] {H}. | \"[Night night|Goodnight], storm,\" {H} [whispered|mumbled]. | {H} [whispered|murmured], \"[See you|Bye], storm.\""]),
            B("close", "garden", "morning", "HP", Pose.Standing, "happy", null, "",
                ["Out we go! All washed. | Out we go! [Puddles|Splash]! | Out to the garden! [Shiny|Wet] and [bright|clean]!", "Brave about {fear}, [too|now]. | [Brave|Braver] about {fear}! | Brave, even about [{fear}|{fear}, now]."],
                ["In the morning, {H} ran out into the [garden|garden, splashing]. Everything was washed and [shining|sparkling]. | Next morning, {H} and {P} went out into the [garden|wet garden]. The puddles shone. | [When morning came|In the morning], {H} [skipped|hurried] out into the garden. [Puddles|Raindrops] [sparkled|glittered] [everywhere|all over].",
                 "{H} the little {kind} was still brave about lots of [things|things, as always]. And now, a little bit, {he} {was} brave about {fear} [too|as well]. | {H} the little {kind} was brave about [so many|lots of] things. Now, [just a bit|a little], {fear} too. | [And now|Now], {H} the little {kind} was [a little|a bit] brave about {fear}, [too|as well].",
                 "\"Next time there's a storm,\" [said {H}|{H} said], \"I'll count [it|it, one, two, three].\" | \"If the storm comes back,\" {H} told {P}, \"I know what to [do|do now].\" | \"[Another storm|A storm]? [I'll count it|I'll just count],\" {H} [said|told {P}]. \"[One, two, three|Flash to boom].\""],
                ["The flowers were dripping and [bright|shining]. | The flowers [dripped|sparkled], [wet|washed] and [bright|shiny]. | [Every|Each] flower [dripped|shone] [with rain|in the light].",
                 "Some days it would still feel [wobbly|wobbly inside]. That was all [right|right, too]. | [Some|Other] days it [might|would] still feel wobbly. [That's all right|That was okay]. | [Maybe|Now and then] it would still feel scary. [That was okay|And that was fine].",
                 "{P} smiled. \"One, two, three...\" | \"One, two, three,\" [said|laughed] {P}. \"[BOOM|Boom]!\" | {P} [winked|grinned]. \"[Count with me|Let's count]: one, two...\""]),
        ],
        ["Brave Little {H}", "{H} Counts the Storm", "{H} and the Big Boom", "One, Two, Three, BOOM!"],
        ["Brave means being scared and going anyway.", "Counting makes a storm smaller.", "Knowing more makes scary things smaller."],
        "{H} is brave about nearly everything, except {fear}. Hiding under the blanket doesn't help and pretending doesn't work... "
            + "until {H} learns to count from the flash to the boom. A gentle story about fear, storms and courage.",
        General: true);

    // Made on first use: it borrows beats of the fear plot, which another file initialises.
    private static PlotFamily? _storm;
}
