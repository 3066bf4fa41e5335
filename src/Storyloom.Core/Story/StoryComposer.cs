using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>
/// The parts one shape builds sentences from. A try is who + action + tail + outcome, one sentence ("Pip looked under the
/// bench with a stick, but there was only a red leaf."); worry lines are {H} + gesture + tail.
/// </summary>
internal sealed record ComposerParts(
    string[] Who,
    string[] Actions,
    string[] Tails,
    string[][] Outcomes,
    string[] Says,
    string[] WalkOnLines,
    string[] EpisodeEnds,
    string[] WorryGestures,
    string[] WorryTails,
    string[] ShortTries);

/// <summary>
/// Builds sentences from parts (opener × who × action × place × outcome) so long books never run dry and no two books
/// share much wording; StoryText keeps any four-word run off more than three pages. Extra tokens: {W} a walk-on ("a busy
/// beaver"), {WN} its short name ("the beaver").
/// </summary>
internal static class StoryComposer
{
    private static readonly string[] Openers =
    [
        "", "", "", "", "Next, ", "Then ", "Soon ", "After that, ", "This time, ", "A bit later, ", "Carefully, ",
        "Very slowly, ", "With a hop, ", "Now ", "Quick as a wink, ", "On tiptoe, ",
    ];

    public static ComposerParts For(StoryShape shape) => shape switch
    {
        StoryShape.Quest => Quest,
        StoryShape.Friend => Friend,
        StoryShape.Bedtime => Bedtime,
        StoryShape.Fear => Fear,
        StoryShape.Sharing => SharingShape.Parts,
        _ => NewPlaceShape.Parts,
    };

    /// <summary>Attempt lines: a try in the setting and how it turned out, in one sentence that fits the tier; young readers get it plain.</summary>
    public static List<string> Tries(StoryShape shape, int tier, Rng rng, AgeBand band, int count = 32)
    {
        var p = For(shape);
        return band switch
        {
            // Young listeners hear a try and a short reaction, or a try and its outcome: short sentences either way.
            AgeBand.Age3To5 => rng.Chance(0.5)
                ? Combine(rng, count, ["", "", "Then "], p.Who, p.Actions, [". "], Reactions[shape][tier])
                : Combine(rng, count, ["", "", "Then "], p.Who, p.Actions, p.Outcomes[tier], ["."]),
            AgeBand.Age6To8 => rng.Chance(0.5)
                ? Combine(rng, count, Openers, p.Who, p.Actions, p.Outcomes[tier], ["."])
                : Combine(rng, count, p.Who, p.Actions, p.Tails, p.Outcomes[tier], ["."]),
            _ => Combine(rng, count, Openers, p.Who, p.Actions, p.Tails, p.Outcomes[tier], ["."]),
        };
    }

    /// <summary>
    /// A moment of the opening, problem, turn or ending for older readers: the hero doing something that fits the phase,
    /// and how it felt. Long pages outside the middle need these, or they fill up with feelings alone.
    /// </summary>
    public static List<string> Scenes(StoryShape shape, Phase phase, Rng rng, int count = 16)
    {
        var sleepy = shape == StoryShape.Bedtime;
        var (actions, tails) = phase switch
        {
            Phase.Opening when sleepy => (EveningActions, EveningTails),
            Phase.Opening => (MorningActions, MorningSceneTails),
            Phase.Problem => (ProblemActions, ProblemTails),
            Phase.Turn => (TurnActions, TurnTails),
            _ when sleepy => (SleepActions, SleepTails),
            _ => (EndActions, EndTails),
        };
        return Combine(rng, count, ["", "", "Then ", "After that, ", "For a while, ", "Soon "], ["{H} "], actions, tails, ["."]);
    }

    private static readonly string[] MorningActions = ["ate breakfast by the window", "packed a little bag", "ran outside to play", "said good morning to {THING}", "skipped along the path {SPOT}", "looked out over {P}", "hummed {SPOT}", "waved to a neighbor {SPOT}"];
    private static readonly string[] MorningSceneTails = [", humming a happy tune", ", thinking about {GP}", " while the sun climbed higher", " and felt ready for anything", ", full of plans for the day"];
    private static readonly string[] EveningActions = ["ate supper with a big spoon", "put on soft pajamas", "brushed {HIS} teeth, up and down", "watched the sky turn orange", "picked up {HIS} toys one by one", "helped clear the table"];
    private static readonly string[] EveningTails = [", humming a little song", " while the day grew dim", ", still full of wiggles", " and yawned, but only a little", ", not sleepy at all"];
    private static readonly string[] ProblemActions = ["sat down {SPOT}", "stared at the ground", "thought about {GP}", "tried to think of a plan", "looked all around {P}", "kicked a pebble {SPOT}", "hugged {HIS} knees {SPOT}"];
    private static readonly string[] ProblemTails = [", feeling a knot in {HIS} tummy", " and wished things were different", " with a heavy heart", ", wondering what to do next", " and let out a long sigh"];
    private static readonly string[] TurnActions = ["looked up {SPOT}", "felt a spark of an idea", "stood up straight", "noticed something {SPOT}", "took a deep, slow breath", "turned around {SPOT}"];
    private static readonly string[] TurnTails = [", and everything began to change", ", and {HIS} heart beat a little faster", ", and a smile crept onto {HIS} face", " and felt hope fizz inside", ", ready to try one more time"];
    private static readonly string[] EndActions = ["laughed {SPOT}", "danced a little dance {SPOT}", "thanked everyone who had helped", "looked around {P} with shining eyes", "sat {SPOT} to rest", "told the whole story again", "hugged a friend {SPOT}", "skipped all the way home"];
    private static readonly string[] EndTails = [", feeling proud and warm", " as the sun dipped low", ", happier than ever", " and knew it had been a very good day", ", with a grin from ear to ear"];
    private static readonly string[] SleepActions = ["snuggled under the blanket", "listened to the quiet house", "thought about the best part of the day", "drifted toward dreams of {GP}", "breathed in and out, slow and deep", "rested {HIS} head on the pillow"];
    private static readonly string[] SleepTails = [", warm and safe", " as the stars kept watch", ", cozy from nose to toes", " while the night hummed softly", ", calm at last"];

    /// <summary>Board-book feelings, present tense like the rest of a board book.</summary>
    public static IReadOnlyList<string> ShortMoods(StoryShape shape, Phase phase) => (shape, phase) switch
    {
        (StoryShape.Bedtime, Phase.Turn or Phase.Resolution) => ["{H} yawns.", "{H} snuggles in.", "Night, night, {H}.", "{H} shuts {HIS} eyes.", "{H} is warm and cozy.", "Sleep tight, {H}.", "{H} hugs {HIS} pillow."],
        (StoryShape.Bedtime, _) => ["{H} wiggles.", "{H} hops on the bed.", "{H} is not sleepy.", "{H} wants to play.", "{H} kicks {HIS} feet."],
        (_, Phase.Opening or Phase.Resolution) => ["{H} smiles.", "{H} claps.", "{H} laughs and laughs.", "{H} hops and spins.", "Yay, {H}!", "{H} waves hello.", "{H} is so happy."],
        (_, Phase.Turn) => ["Look, {H}!", "{H} stands up tall.", "{H} smiles a little.", "{H} feels a bit better."],
        _ => ["{H} feels sad.", "{H} sits down.", "Hmm, says {H}.", "{H} thinks and thinks.", "Poor {H}.", "{H} sighs."],
    };

    /// <summary>Short reactions after a try, for young listeners; each names the hero, so no two books share them.</summary>
    private static readonly Dictionary<StoryShape, string[][]> Reactions = new()
    {
        [StoryShape.Quest] = [["No luck, {H}.", "Not there, {H}!", "{H} sighed."], ["Not yet, {H}.", "{H} kept looking.", "{H} did not give up."], ["So close, {H}!", "{H} felt a tingle of hope.", "Nearly, {H}!"]],
        [StoryShape.Friend] = [["Nobody came, {H}.", "{H} felt lonely.", "{H} sighed."], ["Not yet, {H}.", "{H} tried again.", "{H} kept trying."], ["Who was that, {H}?", "{H} heard a giggle.", "Almost a friend, {H}!"]],
        [StoryShape.Bedtime] = [["Still awake, {H}?", "{H}’s eyes stayed open.", "Not sleepy yet, {H}."], ["{H} gave a small yawn.", "Almost sleepy, {H}.", "Blink, blink went {H}."], ["{H} yawned a big yawn.", "So cozy, {H}.", "{H}’s eyes grew heavy."]],
        [StoryShape.Fear] = [["Too scary, {H}!", "{H} ran back.", "{H}’s knees shook."], ["{H} felt a bit braver.", "{H} did not run.", "Wobbly, but okay, {H}."], ["So brave, {H}!", "{H} stood tall.", "{H} felt strong."]],
        [StoryShape.Sharing] = [["It was not fun, {H}.", "{H} felt grumpy.", "Poor {H}."], ["{H} frowned a little.", "Hmm, thought {H}.", "{H} felt a pinch inside."], ["{H} had an idea.", "{H} looked around.", "{H} smiled a little."]],
        [StoryShape.NewPlace] = [["It was all so new, {H}.", "{H} felt lost.", "{H} missed home."], ["That helped, {H}.", "{H} felt a bit better.", "{H} found the way."], ["{H} felt at home.", "{H} smiled.", "Almost easy, {H}!"]],
    };

    /// <summary>Board-book tries: one short sentence each.</summary>
    public static IReadOnlyList<string> ShortTries(StoryShape shape) => For(shape).ShortTries;

    /// <summary>Feeling lines that suit the phase: worried in the middle, glad or sleepy at the end.</summary>
    public static List<string> Moods(StoryShape shape, Phase phase, Rng rng, int count = 30)
    {
        var p = For(shape);
        var (gestures, tails) = (shape, phase) switch
        {
            (StoryShape.Bedtime, Phase.Resolution or Phase.Turn) => (SleepyGestures, SleepyTails),
            (StoryShape.Bedtime, _) => (p.WorryGestures, p.WorryTails),
            (_, Phase.Opening) => (GladGestures, MorningTails),
            (_, Phase.Resolution) => (GladGestures, HappyTails),
            (_, Phase.Turn) => (HopeGestures, HopeTails),
            _ => (p.WorryGestures, p.WorryTails),
        };
        return Combine(rng, count, MoodOpeners, ["{H} "], gestures, tails, ["."]);
    }

    /// <summary>What a companion says in the middle of the story; only used on pages where they are there.</summary>
    public static List<string> Sayings(StoryShape shape, Rng rng, bool longForm, int count = 16) =>
        Combine(rng, count, ["“"], For(shape).Says, [",”"], SayVerbs, [" {F}"], longForm ? SayTails : ["", "", " softly", " with a smile"], ["."]);

    /// <summary>A look around the setting; older readers get two sights in one sentence.</summary>
    public static List<string> Sights(string setting, Rng rng, bool longForm, int count = 30)
    {
        var sights = StoryWords.Sights[setting].Select(s => char.ToLowerInvariant(s[0]) + s[1..]).Concat(MoreSights[setting]).ToArray();
        if (!longForm) return Combine(rng, count, SightOpeners, sights, SightTails, ["."]);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var pair = rng.Shuffled(sights).Take(2).ToList();
            var s = rng.Pick(SightOpeners) + pair[0] + rng.Pick(new[] { ", and ", ", while ", " and " }) + pair[1] + rng.Pick(SightTails) + ".";
            list.Add(char.ToUpperInvariant(s[0]) + s[1..]);
        }
        return list;
    }

    public static (string Intro, string Short) WalkOn(string setting, Rng rng, ISet<string> used)
    {
        var open = WalkOns[setting].Where(w => !used.Contains(w.Short)).ToList();
        var pick = open.Count > 0 ? rng.Pick(open) : rng.Pick(WalkOns[setting]);
        used.Add(pick.Short);
        return pick;
    }

    /// <summary>First page of an episode: a new spot and whoever lives there, in one sentence.</summary>
    public static List<string> EpisodeIntros(StoryShape shape, Rng rng, AgeBand band, int count = 12) => band <= AgeBand.Age3To5
        ? Combine(rng, count, shape == StoryShape.Bedtime ? BedtimeArrivals : Arrivals, [". "], ShortMeetings)
        : Combine(rng, count, ["", "Soon ", "Next, ", "After a while, ", "Before long, ", "Later, ", "By and by, "],
            shape == StoryShape.Bedtime ? BedtimeArrivals : Arrivals, Meetings, ["."]);

    /// <summary>A line about the walk-on in the middle of an episode.</summary>
    public static IReadOnlyList<string> EpisodeMiddles(StoryShape shape) => For(shape).WalkOnLines;

    /// <summary>Last page of an episode: a small win or a clue, so each episode ends somewhere.</summary>
    public static IReadOnlyList<string> EpisodeCloses(StoryShape shape) => For(shape).EpisodeEnds;

    private static List<string> Combine(Rng rng, int count, params string[][] slots)
    {
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var s = string.Concat(slots.Select(slot => rng.Pick(slot)));
            list.Add(char.ToUpperInvariant(s[0]) + s[1..]);
        }
        return list;
    }

    private static readonly ComposerParts Quest = new(
        ["{H} ", "{H} ", "{H} and {F} ", "{F} ", "{X} "],
        [
            "looked {SPOT}", "searched {SPOT}", "peeked {SPOT}", "hunted {SPOT}", "tiptoed {SPOT}", "crawled {SPOT}",
            "poked around {SPOT}", "checked {SPOT}", "rummaged {SPOT}", "sniffed around {SPOT}", "felt around {SPOT}",
            "dug a little {SPOT}", "called out {SPOT}", "wandered {SPOT}", "listened hard {SPOT}", "lifted a leaf {SPOT}",
        ],
        ["", "", " with a stick", " on hands and knees", " very carefully", " one more time", " high and low", " without a sound", " for a long time", " with a hopeful hum"],
        [
            [", but there was only {THING}", ", but found {THING} instead", ", but {GP} was not there", " and found nothing but {THING}", ", but all that turned up was {THING}", ", and out popped {THING}"],
            [", but the trail stopped at {THING}", ", but found only {THING} again", " and followed a clue to {THING}", ", but {GP} was still missing", ", and {THING} was the only thing there"],
            [" and saw something glint, but it was {THING}", " and felt sure {GP} was close", ", and there were fresh tracks by {THING}", " and heard a faint jingle nearby", ", where {THING} pointed the way ahead"],
        ],
        ["Let’s look {SPOT}", "Keep going, {H}", "This way, I think", "Over here, quick", "Try {SPOT}", "We will find {GP}", "Look closely now", "Not this way", "Maybe it is {SPOT}", "I can hear something", "What about {SPOT}", "It has to be somewhere"],
        [
            "{H} asked {WN}, “Have you seen {GP}?”", "{WN} shook its head at {H}.", "{WN} helped {H} look {SPOT}.", "{WN} scratched its chin and thought about {GP}.",
            "{WN} told {H}, “I saw something {SPOT}.”", "{WN} wanted to help {H} too.", "{WN} had not seen {GP}, but knew a good place to look.",
        ],
        [
            "{WN} pointed {SPOT}. “Try over there, {H}!”", "{WN} had seen something shiny {SPOT}, so {H} had a clue!", "{H} thanked {WN} and waved goodbye.",
            "{WN} found a tiny track for {H}, and it pointed {SPOT}!", "Thanks to {WN}, {H} knew where to look next.", "With a clue at last, {H} said goodbye to {WN}.",
        ],
        ["sighed", "puffed out {HIS} cheeks", "sat down for a rest", "had a drink of water", "rubbed {HIS} nose", "scratched {HIS} ear", "counted to ten", "took a slow breath", "looked up at the sky", "stretched", "shook off the dust"],
        ["", " and kept going", " and tried again", " and thought hard", " and wondered where to look", " and felt a bit better", " and peered around", " and set off again"],
        ["{H} looks {SPOT}.", "Is it {SPOT}, {H}?", "{H} peeks {SPOT}.", "{H} finds only {THING}.", "{F} looks {SPOT}.", "{H} finds {THING}.", "Not {SPOT}, {H}!", "{H} digs {SPOT}.", "{H} calls {SPOT}.", "{H} and {F} look {SPOT}.", "No {G} {SPOT}.", "Where is the {G}, {H}?", "{H} hops {SPOT}.", "{F} peeks {SPOT}.", "{H} runs {SPOT}."]);

    private static readonly ComposerParts Friend = new(
        ["{H} "],
        [
            "waved {SPOT}", "said hello {SPOT}", "sat and waited {SPOT}", "played alone {SPOT}", "hummed a tune {SPOT}",
            "set out {GP} {SPOT}", "skipped {SPOT}", "built a little tower {SPOT}", "drew a smiley face {SPOT}", "sang a hello song {SPOT}",
            "hopped about {SPOT}", "left a note {SPOT}", "looked for a playmate {SPOT}", "tried a cartwheel {SPOT}", "peeked {SPOT}", "smiled at a bird {SPOT}",
        ],
        ["", "", " all alone", " with a shy smile", " very bravely", " once more", " in a friendly way"],
        [
            [", but nobody came", ", but nobody saw", ", but no one waved back", ", but only {THING} was there", ", and {THING} was the only company"],
            [", but nobody answered", ", but only {THING} listened", ", and waited, but it stayed quiet", ", but a leaf blew by and that was all", ", and found {THING}, but no friend"],
            [" and heard a giggle nearby", ", and someone peeked out from {SPOT}", " and saw a tail swish by {THING}", " and heard footsteps coming closer", " and spotted a little face by {THING}"],
        ],
        ["Hello there, {H}", "Let’s play a game", "You are fun, {H}", "Let’s share {GP}", "What a game", "Come on, {H}", "Can I sit with you", "I like your smile", "Let’s do it again"],
        [
            "{H} said hello to {WN}, but {WN} was too busy.", "{WN} looked up at {H}, then went back to work.", "{H} watched {WN} for a while.",
            "{H} saw that {WN} was busy with its own game.", "{H} offered {GP} to {WN}, but {WN} shook its head.", "{WN} hurried past {H} to get home for lunch.",
        ],
        [
            "{WN} waved goodbye to {H}, and that felt a little nice.", "{WN} gave {H} a small smile, and it was a start.", "{H} and {WN} shared a quiet moment.",
            "{WN} said, “Good luck, {H}!”", "{H} waved to {WN}, and {WN} waved back!", "It was not a friend yet, but {WN} had smiled at {H}.",
        ],
        ["sighed", "looked at {HIS} shoes", "hugged {HIS} knees", "sat down on a step", "watched the others", "kicked a pebble", "twisted {HIS} scarf", "rubbed {HIS} nose"],
        ["", " and felt a little lonely", " and tried again", " and wished for a friend", " and waited a bit", " and thought of a new idea"],
        ["{H} waves {SPOT}.", "{H} says hi to {THING}.", "{H} sits {SPOT}.", "{H} plays {SPOT}.", "{H} hops {SPOT}.", "{H} finds {THING}.", "{H} sings {SPOT}.", "{H} peeks {SPOT}.", "{H} waits {SPOT}.", "{H} smiles {SPOT}.", "{H} sings a song.", "Hi, hi, says {H}.", "{H} skips {SPOT}.", "{H} shows {HIS} {G}."]);

    private static readonly ComposerParts Bedtime = new(
        ["{H} "],
        [
            "counted sheep", "hugged {THING}", "sipped warm milk", "wiggled {HIS} toes", "fluffed the pillow", "turned over",
            "hummed a sleepy tune", "gazed at the ceiling", "closed one eye", "counted the stars", "stretched out long", "curled up small",
            "tucked in {THING}", "dimmed the lamp", "whispered a rhyme", "drew a circle on the blanket",
        ],
        ["", "", " very slowly", " once more", " quietly", " under the blanket", " in the dim light", " with a sigh"],
        [
            [", but {H} was still wide awake", ", and {H}’s eyes stayed wide open", ", but {H} wanted to play with {THING}", ", but {H} did not feel sleepy yet"],
            [", and {H} gave a tiny yawn", ", and {H}’s eyes went blink, blink", ", and {H} felt almost sleepy", ", and {H}’s toes stopped wiggling, nearly"],
            [", and {H} gave a great big yawn", ", and {H}’s eyes grew heavy", ", and {H} felt cozy from nose to toes", ", and {H} began to drift off"],
        ],
        ["Shh, close your eyes, {H}", "Sleepy time, little {H}", "Snuggle down now", "Night, night, {H}", "Rest now, my love", "Dream sweet dreams, {H}", "The stars are sleeping too", "I love you, {H}"],
        [
            "{H} tucked {WN} in.", "{H} whispered goodnight to {WN}.", "{H} saw that {WN} looked very sleepy.", "{H} gave {WN} a hug.", "{WN} seemed to yawn, just like {H}.", "{H} set {WN} down gently.",
        ],
        [
            "{WN} was asleep now, and {H} yawned too.", "{H} felt a little more sleepy.", "That helped {H}, a little.", "{H}’s eyes felt a tiny bit heavy.", "{WN} snored softly beside {H}.",
        ],
        ["wiggled", "sighed", "rolled over", "kicked a little", "blinked", "stared at the ceiling", "tugged the blanket", "yawned a tiny yawn", "listened to the quiet"],
        ["", " again", " and sighed", " under the covers", " in the dark", " and waited"],
        ["{H} hugs {THING}.", "{H} counts stars.", "{F} hums to {H}.", "{H} sips warm milk.", "{H} peeks {SPOT}.", "{H} wiggles {HIS} toes.", "{F} tucks {H} in.", "Shh, {H}, shh.", "{H} yawns a tiny yawn.", "{H} hugs {HIS} bear.", "{F} sings to {H}.", "{H} sees the moon.", "{H} rubs {HIS} eyes."]);

    private static readonly ComposerParts Fear = new(
        ["{H} "],
        [
            "peeked {SPOT}", "tiptoed {SPOT}", "stood still {SPOT}", "counted to five {SPOT}", "hummed a brave song {SPOT}",
            "held {THING} tight", "took a step {SPOT}", "stepped closer {SPOT}", "looked at {FEAR}", "made a brave face {SPOT}",
            "took a slow breath {SPOT}", "squeezed both eyes shut {SPOT}", "stood tall {SPOT}", "waited {SPOT}", "inched forward {SPOT}",
        ],
        ["", "", " for a moment", " on wobbly legs", " with a gulp", " once more", " bravely"],
        [
            [", but it was too scary", ", then ran straight back", ", but {FEAR} still felt huge", ", and hid behind {THING}"],
            [" and felt a little braver", ", wobbly but okay", ", heart thumping, but still there", ", and {FEAR} seemed a bit smaller"],
            [" and did not run away", " and felt almost brave", " and stayed, steady and strong", ", and {FEAR} did not seem so big"],
        ],
        ["You can do it, {H}", "I am right here", "Small steps, {H}", "Breathe slowly with me", "You are braver than you think", "Together, okay", "Look how far you came", "One more step, {H}"],
        [
            "{H} saw that {WN} did not look scared at all.", "{H} asked {WN}, “How are you so brave?”", "{WN} sat close by {H}.", "{WN} waited with {H}.", "{WN} gave {H} a friendly nod.", "{WN} hummed a little song for {H}.",
        ],
        [
            "{WN} showed {H} a trick: hum when it gets scary.", "{WN} told {H}, “Small steps still count.”", "{H} copied {WN} and stood tall, and it helped a little.",
            "{H} felt a tiny bit braver after meeting {WN}.", "{WN} cheered, because {H} had not run away!", "{H} waved goodbye to {WN}, feeling stronger.",
        ],
        ["gulped", "bit {HIS} lip", "hugged {HIS} knees", "shivered", "took a slow breath", "held very still", "counted to ten", "closed {HIS} eyes", "swallowed hard", "peeked out"],
        ["", " and felt wobbly", " and stayed put", " and tried again", " and felt a bit braver", " and thought of home", " just a little"],
        ["{H} peeks {SPOT}.", "{H} takes one step.", "{H} hides {SPOT}.", "{H} holds {THING}.", "{H} wobbles {SPOT}.", "{H} counts to three.", "{H} tiptoes {SPOT}.", "{H} hugs {THING}.", "{H} tries again.", "{H} stands {SPOT}.", "{H} looks {SPOT}.", "{H} steps {SPOT}."]);

    private static readonly string[] MoodOpeners = ["", "", "", "For a moment, ", "Then ", "Now ", "Just then, "];
    private static readonly string[] HopeGestures = ["held {HIS} breath", "looked closer", "stood very still", "listened", "leaned in", "blinked twice", "tilted {HIS} head"];
    private static readonly string[] HopeTails = ["", " and felt a flicker of hope", " and wondered", " and smiled a little", " and waited"];
    private static readonly string[] GladGestures = ["smiled", "laughed", "skipped", "twirled around", "clapped", "grinned", "hummed", "gave a happy hop", "waved"];
    private static readonly string[] MorningTails = ["", " at the morning sun", " in the sunshine", " and ran outside", " and looked around"];
    private static readonly string[] HappyTails = ["", " with joy", " all the way home", " and felt warm inside", " and hugged everyone", " and danced a little"];
    private static readonly string[] SleepyGestures = ["snuggled down", "yawned", "blinked slowly", "breathed slow and soft", "nestled into the pillow", "let out a sleepy sigh", "sank into the pillow", "hugged the blanket", "closed {HIS} eyes", "smiled a sleepy smile", "stopped wiggling", "dreamed of {GP}", "rested"];
    private static readonly string[] SleepyTails = ["", " at last", " all cozy", " and smiled", " and felt calm", " in the warm dark", " without a sound"];

    private static readonly string[] SayVerbs = [" said", " called", " whispered", " laughed"];
    private static readonly string[] SayTails = ["", ", pointing {SPOT}", ", tapping {FHIS} chin", ", with a grin", ", and gave {H} a nudge", ", leaning close to {H}", ", and held up {THING}"];

    private static readonly string[] SightOpeners = ["", "Nearby, ", "All around, ", "Far away, ", "Here and there, ", "Close by, ", "Now and then, ", "Overhead, ", "Softly, ", "Just then, "];
    private static readonly string[] SightTails = ["", " as {H} watched", " while {H} listened", " near {H}", " and {H} looked up", " and {H} smiled"];
    private static readonly Dictionary<string, string[]> MoreSights = new()
    {
        ["forest"] = ["a squirrel chattered", "leaves fluttered down", "the brook gurgled", "a beetle trundled past", "moss glowed green", "a robin sang from a branch", "mushrooms poked up from the moss", "a rabbit thumped its foot", "the wind rustled the leaves", "acorns dropped with a pop", "a butterfly drifted by"],
        ["beach"] = ["the tide hissed", "a shell glinted", "the wind tugged at the dunes", "a crab waved a claw", "foam bubbled", "a sailboat bobbed far out", "the sand was warm and soft", "a kite danced above the dunes", "little waves lapped the shore", "a seal popped up its head", "the lighthouse stood tall and white"],
        ["town"] = ["a bus rumbled by", "a cat stretched in the sun", "a bell jingled", "pigeons cooed", "a door creaked open", "a baker waved from the window", "bikes whizzed past", "a dog wagged its tail", "the fountain splashed and sparkled", "children laughed in the park", "a flag fluttered on a roof"],
        ["farm"] = ["a goat bleated", "the grass rippled", "a tractor chugged", "ducks quacked", "the barn door creaked", "a rooster crowed", "sheep munched the grass", "a pony swished its tail", "bees buzzed in the clover", "the scarecrow flapped its sleeves", "a calf mooed for its mother"],
        ["space"] = ["a satellite blinked", "stardust drifted", "a planet spun slowly", "a meteor zipped by", "the stars hummed", "a moon glowed pale and round", "a rocket puffed silver smoke", "the rings of a planet shimmered", "a tiny star winked", "a space rock tumbled by", "the Earth shone blue and green"],
        ["underwater"] = ["a crab tiptoed by", "a clam snapped shut", "an eel wiggled", "sand swirled", "a jellyfish pulsed", "a whale sang far away", "a ray glided past", "tiny shrimp darted about", "sunlight wobbled on the sand", "a sea star crept along", "kelp waved like ribbons"],
        ["bedroom"] = ["the clock ticked", "a toy bear slumped", "the floor creaked", "shadows stretched", "the lamp glowed", "a moth fluttered", "the stars blinked", "the house sighed", "a car hummed far away", "the wind hushed"],
        ["snowy-mountains"] = ["the wind whistled", "snow slid off a branch", "a hare bounded away", "ice cracked softly", "a pine creaked", "a snowbird chirped", "frost sparkled on the rocks", "a little avalanche whooshed far away", "smoke curled from a cabin", "clouds sat on the peaks", "a fox left tracks in the snow"],
    };

    private static readonly Dictionary<string, (string Intro, string Short)[]> WalkOns = new()
    {
        ["forest"] = [("a busy beaver", "the beaver"), ("an old owl", "the owl"), ("a shy deer", "the deer"), ("a chatty squirrel", "the squirrel"), ("a slow tortoise", "the tortoise"), ("a little hedgehog", "the hedgehog"), ("a woodpecker", "the woodpecker"), ("a sleepy badger", "the badger")],
        ["beach"] = [("a grumpy crab", "the crab"), ("a seagull", "the seagull"), ("a hermit crab", "the hermit crab"), ("a pelican", "the pelican"), ("a sandpiper", "the sandpiper"), ("a starfish", "the starfish"), ("a sea lion", "the sea lion")],
        ["town"] = [("a pigeon", "the pigeon"), ("a tabby cat", "the tabby cat"), ("a puppy", "the puppy"), ("a tiny mouse", "the tiny mouse"), ("a sparrow", "the sparrow"), ("a snail", "the snail"), ("a goldfinch", "the goldfinch")],
        ["farm"] = [("a goat", "the goat"), ("a sheepdog", "the sheepdog"), ("a duck", "the duck"), ("a rooster", "the rooster"), ("a piglet", "the piglet"), ("a pony", "the pony"), ("a goose", "the goose")],
        ["space"] = [("a little robot", "the little robot"), ("a moon mouse", "the moon mouse"), ("a friendly alien", "the alien"), ("a space turtle", "the space turtle"), ("a comet bird", "the comet bird"), ("a star whale", "the star whale")],
        ["underwater"] = [("an octopus", "the octopus"), ("a seahorse", "the seahorse"), ("a pufferfish", "the pufferfish"), ("a sea turtle", "the sea turtle"), ("a clownfish", "the clownfish"), ("a crab", "the crab"), ("a starfish", "the starfish")],
        ["bedroom"] = [("a toy bear", "the toy bear"), ("a floppy bunny", "the floppy bunny"), ("a wooden duck", "the wooden duck"), ("a rag doll", "the rag doll"), ("a knitted mouse", "the knitted mouse"), ("a tin robot", "the tin robot"), ("a felt owl", "the felt owl")],
        ["snowy-mountains"] = [("a mountain goat", "the goat"), ("a snowshoe hare", "the hare"), ("an arctic fox", "the arctic fox"), ("a snowy owl", "the snowy owl"), ("a marmot", "the marmot"), ("a little penguin", "the penguin")],
    };

    private static readonly string[] Arrivals =
    [
        "{H} wandered on, all the way {SPOT}", "{H} followed the path {SPOT}", "{H} came to a new spot {SPOT}", "{H} followed a winding path {SPOT}",
        "{H} hopped along {SPOT}", "{H} found a quiet place {SPOT}", "{H} went exploring {SPOT}", "a little trail led {H} {SPOT}",
    ];
    private static readonly string[] BedtimeArrivals =
    [
        "{H} thought of a spot {SPOT}", "{H} looked over {SPOT}", "in {HIS} mind, {H} drifted {SPOT}", "{H} peeked {SPOT}", "{H} reached {SPOT}", "{H} wondered about {SPOT}",
    ];
    private static readonly string[] ShortMeetings = ["{W} waved at {H}.", "There sat {W}, looking at {H}.", "{H} said hi to {W}.", "{W} peeked at {H}."];
    private static readonly string[] Meetings = [", and there sat {W}", ", where {W} lived", ", and there was {W}", ", and who was there but {W}", ", where {W} looked up"];
}
