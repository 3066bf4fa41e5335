using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>
/// Builds sentences from parts (opener × who × action × place × outcome) so long books never run dry;
/// StoryText keeps any four-word run off more than three pages. Extra tokens: {W} a walk-on ("a busy beaver"), {WN} its short name ("the beaver").
/// </summary>
internal static class StoryComposer
{
    private static readonly string[] Openers =
    [
        "", "", "", "Next, ", "Then ", "Soon ", "After that, ", "This time, ", "A bit later, ", "Carefully, ",
        "Very slowly, ", "With a hop, ", "Now ", "Quick as a wink, ", "On tiptoe, ",
    ];

    /// <summary>Attempt lines: a try in the setting, then a short outcome sentence that fits the tier.</summary>
    public static List<string> Tries(StoryShape shape, int tier, Rng rng, int count = 24)
    {
        var (who, actions, tails, outcomes) = shape switch
        {
            StoryShape.Quest => (QuestWho, QuestActions, QuestTails, QuestOutcomes[tier]),
            StoryShape.Friend => (FriendWho, FriendActions, FriendTails, FriendOutcomes[tier]),
            StoryShape.Bedtime => (BedtimeWho, BedtimeActions, BedtimeTails, BedtimeOutcomes[tier]),
            _ => (FearWho, FearActions, FearTails, FearOutcomes[tier]),
        };
        return Combine(rng, count, Openers, who, actions, tails, [". "], outcomes);
    }

    /// <summary>Feeling lines that suit the phase: worried in the middle, glad or sleepy at the end.</summary>
    public static List<string> Moods(StoryShape shape, Phase phase, Rng rng, int count = 40)
    {
        var (gestures, tails) = (shape, phase) switch
        {
            (StoryShape.Bedtime, Phase.Resolution or Phase.Turn) => (SleepyGestures, SleepyTails),
            (StoryShape.Bedtime, _) => (RestlessGestures, RestlessTails),
            (_, Phase.Opening) => (GladGestures, MorningTails),
            (_, Phase.Resolution) => (GladGestures, HappyTails),
            (_, Phase.Turn) => (HopeGestures, HopeTails),
            (StoryShape.Fear, _) => (WobblyGestures, WobblyTails),
            _ => (TiredGestures, TiredTails),
        };
        return Combine(rng, count, MoodOpeners, ["{H} "], gestures, tails, ["."]);
    }

    /// <summary>What a companion says in the middle of the story; only used on pages where they are there.</summary>
    public static List<string> Sayings(StoryShape shape, Rng rng, int count = 12)
    {
        var lines = shape switch
        {
            StoryShape.Bedtime => BedtimeSays,
            StoryShape.Fear => FearSays,
            StoryShape.Friend => FriendSays,
            _ => QuestSays,
        };
        return Combine(rng, count, ["“"], lines, ["”"], SayVerbs, [" {F}", " {F} softly", " {F} with a smile", " {F} kindly"], ["."]);
    }

    /// <summary>A look around the setting: where, then something there doing something.</summary>
    public static List<string> Sights(string setting, Rng rng, int count = 40) =>
        Combine(rng, count, SightOpeners, [.. StoryWords.Sights[setting].Select(s => char.ToLowerInvariant(s[0]) + s[1..]), .. MoreSights[setting]], ["", "", " as {H} watched", " while {H} listened", " nearby"], ["."]);

    public static (string Intro, string Short) WalkOn(string setting, Rng rng, ISet<string> used)
    {
        var open = WalkOns[setting].Where(w => !used.Contains(w.Short)).ToList();
        var pick = open.Count > 0 ? rng.Pick(open) : rng.Pick(WalkOns[setting]);
        used.Add(pick.Short);
        return pick;
    }

    /// <summary>First page of an episode: a new spot and whoever lives there.</summary>
    public static List<string> EpisodeIntros(StoryShape shape, Rng rng, int count = 12) =>
        Combine(rng, count, ["", "Soon ", "Next, ", "After a while, ", "Before long, ", "Later, ", "By and by, "],
            shape == StoryShape.Bedtime ? BedtimeArrivals : Arrivals, [". "], Meetings);

    /// <summary>A line about the walk-on in the middle of an episode.</summary>
    public static List<string> EpisodeMiddles(StoryShape shape, Rng rng, int count = 12) =>
        Combine(rng, count, [""], shape switch
        {
            StoryShape.Quest => QuestWalkOn,
            StoryShape.Friend => FriendWalkOn,
            StoryShape.Bedtime => BedtimeWalkOn,
            _ => FearWalkOn,
        }, [""]);

    /// <summary>Last page of an episode: a small win or a clue, so each episode ends somewhere.</summary>
    public static List<string> EpisodeCloses(StoryShape shape, Rng rng, int count = 12) =>
        Combine(rng, count, [""], shape switch
        {
            StoryShape.Quest => QuestClues,
            StoryShape.Friend => FriendWins,
            StoryShape.Bedtime => BedtimeWins,
            _ => FearWins,
        }, [""]);

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

    private static readonly string[] QuestWho = ["{H} ", "{H} ", "{H} and {F} ", "{F} ", "{X} "];
    private static readonly string[] QuestActions =
    [
        "looked {SPOT}", "searched {SPOT}", "peeked {SPOT}", "hunted {SPOT}", "tiptoed {SPOT}", "crawled {SPOT}",
        "poked around {SPOT}", "checked {SPOT}", "rummaged {SPOT}", "sniffed around {SPOT}", "felt around {SPOT}",
        "dug a little {SPOT}", "called out {SPOT}", "wandered {SPOT}", "listened hard {SPOT}", "lifted a leaf {SPOT}",
    ];
    private static readonly string[] QuestTails = ["", "", " with a stick", " on hands and knees", " very carefully", " one more time", " high and low", " without a sound", " for a long time", " with a hopeful hum"];
    private static readonly string[][] QuestOutcomes =
    [
        ["Just {THING}.", "Only {THING}!", "No {G} there.", "Nothing there.", "Not there!", "Still no {G}.", "Hmm. Empty.", "Oh! {THING}!", "No luck.", "Nope!"],
        ["Not there, but {THING}.", "A dead end.", "Hmm. Not yet.", "Still no {G}.", "Only {THING} again!", "Nothing but {THING}.", "Not this way.", "Oh! {THING}!", "No luck yet."],
        ["Was that a glint?", "So close!", "Warmer, warmer!", "Almost!", "A clue, maybe?", "Something shiny!", "Nearly!", "Just {THING}, but so close!", "Footprints!"],
    ];

    private static readonly string[] FriendWho = ["{H} "];
    private static readonly string[] FriendActions =
    [
        "waved {SPOT}", "said hello {SPOT}", "sat and waited {SPOT}", "played alone {SPOT}", "hummed a tune {SPOT}",
        "set out {GP} {SPOT}", "skipped {SPOT}", "built a little tower {SPOT}", "drew a smiley face {SPOT}", "sang a hello song {SPOT}",
        "hopped about {SPOT}", "left a note {SPOT}", "looked for a playmate {SPOT}", "tried a cartwheel {SPOT}", "peeked {SPOT}", "smiled at a bird {SPOT}",
    ];
    private static readonly string[] FriendTails = ["", "", " all alone", " with a shy smile", " very bravely", " once more", " and waited", " in a friendly way"];
    private static readonly string[][] FriendOutcomes =
    [
        ["Nobody came.", "Nobody saw.", "No one waved back.", "It was very quiet.", "Still alone.", "Just {THING} for company.", "Hmm.", "Not yet.", "Only {THING} was there."],
        ["Nobody answered.", "Not yet.", "It stayed quiet.", "Only {THING} listened.", "Maybe next time.", "No reply.", "Still nobody.", "A leaf blew by."],
        ["Was that a giggle?", "Someone peeked out!", "A tail swished!", "Footsteps!", "Almost a friend!", "A little face!", "Who was that?", "So close!"],
    ];

    private static readonly string[] BedtimeWho = ["{H} ", "{H} ", "{H} ", "{F} "];
    private static readonly string[] BedtimeActions =
    [
        "counted sheep", "hugged {THING}", "sipped warm milk", "wiggled {H2} toes", "fluffed the pillow", "turned over",
        "hummed a sleepy tune", "gazed at the ceiling", "closed one eye", "counted the stars", "stretched out long", "curled up small",
        "tucked in {THING}", "dimmed the lamp", "whispered a rhyme", "drew a circle on the blanket",
    ];
    private static readonly string[] BedtimeTails = ["", "", " very slowly", " once more", " quietly", " under the blanket", " in the dim light", " with a sigh"];
    private static readonly string[][] BedtimeOutcomes =
    [
        ["Still awake.", "Not sleepy yet.", "Eyes wide open!", "Hmm.", "Wide awake!", "Not quite.", "Bright eyes.", "Wiggle, wiggle."],
        ["A tiny yawn.", "Not quite.", "Almost.", "Still awake.", "Blink, blink.", "A small yawn.", "Hmm. Nearly."],
        ["A big yawn!", "Heavy eyes.", "So cozy.", "Almost asleep…", "Slow and soft.", "Sleepy now.", "Drifting…"],
    ];

    private static readonly string[] FearWho = ["{H} "];
    private static readonly string[] FearActions =
    [
        "peeked {SPOT}", "tiptoed {SPOT}", "stood still {SPOT}", "counted to five {SPOT}", "hummed a brave song {SPOT}",
        "held {THING} tight", "took a step {SPOT}", "stepped closer {SPOT}", "looked at {FEAR}", "made a brave face {SPOT}",
        "took a slow breath {SPOT}", "squeezed both eyes shut {SPOT}", "stood tall {SPOT}", "waited {SPOT}", "inched forward {SPOT}",
    ];
    private static readonly string[] FearTails = ["", "", " for a moment", " on wobbly legs", " with a gulp", " once more", " bravely"];
    private static readonly string[][] FearOutcomes =
    [
        ["Too scary!", "Then back again.", "Eek!", "Not yet.", "Wobble, wobble.", "Back home, quick!", "Hmm.", "Not today."],
        ["A little braver.", "Wobbly, but okay.", "Not yet.", "Heart thumping.", "Almost.", "One step more?", "Gulp."],
        ["Almost!", "So close!", "Still there!", "Braver now!", "Steady, steady.", "Nearly!", "Not running!"],
    ];

    private static readonly string[] MoodOpeners = ["", "", "", "For a moment, ", "Then ", "Now ", "Just then, ", "Again, "];
    private static readonly string[] TiredGestures = ["sighed", "puffed out {H2} cheeks", "sat down for a rest", "had a drink of water", "rubbed {H2} nose", "scratched {H2} ear", "counted to ten", "took a slow breath", "looked up at the sky", "stretched", "shook off the dust"];
    private static readonly string[] TiredTails = ["", " and kept going", " and tried again", " and thought hard", " and wondered", " and felt a bit better", " and peered around", " and set off again"];
    private static readonly string[] WobblyGestures = ["gulped", "bit {H2} lip", "hugged {H2} knees", "shivered", "took a slow breath", "held very still", "counted to ten", "closed {H2} eyes", "swallowed hard", "peeked out"];
    private static readonly string[] WobblyTails = ["", " and felt wobbly", " and stayed put", " and tried again", " and felt a bit braver", " and thought of home", " just a little"];
    private static readonly string[] HopeGestures = ["held {H2} breath", "looked closer", "stood very still", "listened", "leaned in", "blinked twice", "tilted {H2} head"];
    private static readonly string[] HopeTails = ["", " and felt a flicker of hope", " and wondered", " and smiled a little", " and waited"];
    private static readonly string[] GladGestures = ["smiled", "laughed", "skipped", "twirled around", "clapped", "grinned", "hummed", "gave a happy hop", "waved"];
    private static readonly string[] MorningTails = ["", " at the morning sun", " in the sunshine", " and ran outside", " and looked around"];
    private static readonly string[] HappyTails = ["", " with joy", " all the way home", " and felt warm inside", " and hugged everyone", " and danced a little"];
    private static readonly string[] RestlessGestures = ["wiggled", "sighed", "rolled over", "kicked a little", "blinked", "stared at the ceiling", "tugged the blanket", "yawned a tiny yawn", "listened to the quiet"];
    private static readonly string[] RestlessTails = ["", " again", " and sighed", " under the covers", " in the dark", " and waited"];
    private static readonly string[] SleepyGestures = ["snuggled down", "yawned", "blinked slowly", "breathed slow and soft", "nestled into the pillow", "let out a sleepy sigh", "sank into the pillow", "hugged the blanket", "closed {H2} eyes", "smiled a sleepy smile", "stopped wiggling", "dreamed of {GP}", "rested"];
    private static readonly string[] SleepyTails = ["", " at last", " all cozy", " and smiled", " and felt calm", " softly", " in the warm dark", " without a sound"];

    private static readonly string[] SayVerbs = [" said", " called", " whispered", " laughed"];
    private static readonly string[] QuestSays = ["Let’s look {SPOT}", "Keep going", "This way", "Over here", "Try {SPOT}", "We will find it", "Look closely", "Not this way", "Maybe {SPOT}"];
    private static readonly string[] FriendSays = ["Hello there", "Let’s play", "You are fun", "Let’s share", "What a game", "Come on"];
    private static readonly string[] BedtimeSays = ["Shh, close your eyes", "Sleepy time", "Snuggle down", "Night, night", "Rest now", "Dream sweet dreams"];
    private static readonly string[] FearSays = ["You can do it", "I am right here", "Small steps", "Breathe slowly", "You are brave", "Together, okay"];

    private static readonly string[] SightOpeners = ["", "Nearby, ", "All around, ", "Far away, ", "Here and there, ", "Close by, ", "Now and then, ", "Overhead, ", "Softly, ", "Just then, "];
    private static readonly Dictionary<string, string[]> MoreSights = new()
    {
        ["forest"] = ["a squirrel chattered", "leaves fluttered down", "the brook gurgled", "a beetle trundled past", "moss glowed green"],
        ["beach"] = ["the tide hissed", "a shell glinted", "the wind tugged at the dunes", "a crab waved a claw", "foam bubbled"],
        ["town"] = ["a bus rumbled by", "a cat stretched in the sun", "a bell jingled", "pigeons cooed", "a door creaked open"],
        ["farm"] = ["a goat bleated", "the grass rippled", "a tractor chugged", "ducks quacked", "the barn door creaked"],
        ["space"] = ["a satellite blinked", "stardust drifted", "a planet spun slowly", "a meteor zipped by", "the stars hummed"],
        ["underwater"] = ["a crab tiptoed by", "a clam snapped shut", "an eel wiggled", "sand swirled", "a jellyfish pulsed"],
        ["bedroom"] = ["the clock ticked", "a toy bear slumped", "the floor creaked", "shadows stretched", "the lamp glowed", "a moth fluttered", "the stars blinked", "the house sighed", "a car hummed far away", "the wind hushed"],
        ["snowy-mountains"] = ["the wind whistled", "snow slid off a branch", "a hare bounded away", "ice cracked softly", "a pine creaked"],
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
        "{H} wandered on, all the way {SPOT}", "the path went on {SPOT}", "{H} came to a new spot {SPOT}", "{H} followed a winding path {SPOT}",
        "{H} hopped along {SPOT}", "{H} found a quiet place {SPOT}", "{H} went exploring {SPOT}", "a little trail led {SPOT}",
    ];
    private static readonly string[] BedtimeArrivals =
    [
        "{H} thought of a spot {SPOT}", "{H} looked over {SPOT}", "in {H2} mind, {H} drifted {SPOT}", "{H} peeked {SPOT}", "{H} reached {SPOT}", "{H} wondered about {SPOT}",
    ];
    private static readonly string[] Meetings = ["There sat {W}.", "There was {W}!", "{W} lived there.", "Who was there? {W}!", "And there, {W} looked up."];

    private static readonly string[] QuestWalkOn =
    [
        "“Have you seen {GP}?” {H} asked {WN}.", "{WN} shook its head.", "{WN} helped look {SPOT}.", "{WN} scratched its chin and thought.",
        "{WN} said, “I saw something {SPOT}.”", "{WN} wanted to help too.", "{WN} had not seen it, but knew a good place to look.",
    ];
    private static readonly string[] FriendWalkOn =
    [
        "{H} said hello to {WN}, but {WN} was too busy.", "{WN} looked up, then went back to work.", "{H} watched {WN} for a while.",
        "{WN} was busy with its own game.", "{H} offered {GP} to {WN}. {WN} shook its head.", "{WN} hurried home for lunch.",
    ];
    private static readonly string[] BedtimeWalkOn =
    [
        "{H} tucked {WN} in.", "{H} whispered goodnight to {WN}.", "{WN} looked very sleepy.", "{H} gave {WN} a hug.", "{WN} seemed to yawn too.", "{H} set {WN} down gently.",
    ];
    private static readonly string[] FearWalkOn =
    [
        "{WN} did not look scared at all.", "“How are you so brave?” {H} asked {WN}.", "{WN} sat close by.", "{WN} waited with {H}.", "{WN} gave a friendly nod.", "{WN} hummed a little song.",
    ];
    private static readonly string[] QuestClues =
    [
        "{WN} pointed {SPOT}. “Try over there!”", "{WN} had seen something shiny {SPOT}. A clue!", "{H} thanked {WN} and waved goodbye.",
        "{WN} found a tiny track. It pointed {SPOT}!", "Thanks to {WN}, {H} knew where to look next.", "A clue at last! {H} said goodbye to {WN}.",
    ];
    private static readonly string[] FriendWins =
    [
        "{WN} waved goodbye. That felt a little nice.", "{WN} gave {H} a small smile. It was a start.", "{H} and {WN} shared a quiet moment.",
        "{WN} said, “Good luck!” {H} felt a bit braver.", "{H} waved to {WN}, and {WN} waved back!", "It was not a friend yet, but it was a smile.",
    ];
    private static readonly string[] BedtimeWins =
    [
        "{WN} was asleep now. {H} yawned too.", "{H} felt a little more sleepy.", "That helped, a little.", "{H}’s eyes felt a tiny bit heavy.", "{WN} snored softly. How nice!",
    ];
    private static readonly string[] FearWins =
    [
        "{WN} showed {H} a trick: hum when it gets scary.", "{WN} said, “Small steps still count.”", "{H} copied {WN} and stood tall. It helped, a little.",
        "{H} felt a tiny bit braver.", "{WN} cheered. {H} had not run away!", "{H} waved goodbye to {WN}, feeling stronger.",
    ];
}
