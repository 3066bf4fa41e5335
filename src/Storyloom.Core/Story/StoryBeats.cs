using Storyloom.Core.Books;
namespace Storyloom.Core.Story;

/// <summary>
/// The middle of each story shape: attempts in three tiers (alone, with a plan, nearly there) so tries escalate,
/// lonely or worried beat lines, the helper's advice, and the lines that bring a companion on stage.
/// Extra tokens: {X} helper, {C} the joining character, {K} its kind.
/// </summary>
internal sealed record ShapeBeats(
    string[][] Tries,
    string[] Moods,
    string[] Advice,
    string[] Joins,
    string[] ShortJoins);

internal static class StoryBeats
{
    public static ShapeBeats For(StoryShape shape) => shape switch
    {
        StoryShape.Quest => Quest,
        StoryShape.Friend => Friend,
        StoryShape.Bedtime => Bedtime,
        StoryShape.Fear => Fear,
        StoryShape.Sharing => SharingShape.Beats,
        _ => NewPlaceShape.Beats,
    };

    private static readonly ShapeBeats Quest = new(
        [
            [
                "{H} searched {SPOT}, but found only {THING}.", "{H} peeked {SPOT} and spotted {THING} instead.",
                "{H} called, “Where are you?” and only an echo called back.", "{H} lifted every leaf {SPOT}, but there was no {G} anywhere.",
                "“Maybe it rolled away,” said {H}, and looked {SPOT}.", "{H} dug a little hole {SPOT} and found {THING}.",
                "{F} and {H} tiptoed {SPOT}. No {G}, just {THING}.", "“Maybe it is {SPOT},” said {F}. But there was only {THING}.",
                "{H} turned over a flat stone {SPOT} and found just a sleepy worm.",
            ],
            [
                "{H} drew a map with a stick and marked every hiding place.", "“Let’s look high and low,” said {F}. They checked {SPOT}.",
                "They followed a trail of tiny footprints {SPOT}, but it ended at {THING}.", "{F} climbed up high to look {SPOT}, but saw only {THING}.",
                "{X} sniffed the ground {SPOT}. “Not this way,” said {X}.", "{H} stood very still and listened {SPOT} for a jingle.",
                "{F} went left and {H} went right, and they met again {SPOT}.", "{X} asked the birds for news. They pointed {SPOT}.",
                "{H} and {F} made up a searching song and sang it as they walked.",
            ],
            [
                "Something glinted {SPOT}, but it was only {THING}.", "{H} was sure it was {SPOT}, and it almost was, but not quite.",
                "{X} found a clue: a shiny mark leading {SPOT}.", "“Warmer, warmer!” laughed {F}, as they crept {SPOT}.",
                "{H} reached {SPOT} and touched something smooth. It was {THING}.", "{H} could feel that they were getting close now.",
                "A little bird chirped and hopped {SPOT}, as if to say, “This way!”", "{F} spotted a glimmer {SPOT}, but a cloud hid it again.",
                "“Over here!” called {F}, but it was only nearly the right shape.",
            ],
        ],
        ["“Not here either,” sighed {H}.", "{H} did not give up.", "{H} rubbed tired eyes and kept going.", "“Where could it be?” wondered {H}.", "The search went on for {H}.", "{H} took a snack break, then set off again."],
        [],
        ["{C} the {K} came along and said, “I will help you look, {H}!”", "{C} the {K} heard the news and hurried over to help.", "“Can I help?” asked {C} the {K}. “Yes, please!” said {H}."],
        ["{C} comes too!", "Here comes {C}!", "{C} helps look."]);

    private static readonly ShapeBeats Friend = new(
        [
            [
                "{H} waved {SPOT}, but nobody saw.", "{H} tried to join a game {SPOT}, but felt too shy to speak.",
                "{H} practiced saying hello to {THING}.", "{H} walked {SPOT} and hummed a little tune, hoping someone would hear.",
                "{H} built a tower {SPOT}, but it toppled over.", "Two squirrels were playing {SPOT}, but they ran off before {H} could say a word.",
                "{H} sat {SPOT} with {GP}, waiting for someone to come by.", "{H} whispered “hi” so softly that only {THING} could hear.",
                "{H} rolled a ball {SPOT}, but it came rolling back all alone.",
            ],
            [
                "{H} made a picture of {THING} to show someone, but no one was there.", "{H} had a plan: smile big, wave high, and say hello.",
                "{H} left a little note {SPOT}: “Do you want to play?”", "{H} set out {GP} {SPOT}, so anyone could come and share.",
                "{H} tried a very loud hello. It made a bird jump, and {H} giggled.", "{H} knocked on a little door {SPOT}, but nobody was home.",
                "{H} practiced a funny dance to share with a new friend one day.", "{H} picked a flower for a friend, then wondered who it could be for.",
                "{H} made a sign that said “FRIENDS WELCOME” and put it {SPOT}.",
            ],
            [
                "Someone giggled {SPOT}! But when {H} looked, there was only {THING}.", "{H} saw a tail swish {SPOT}, and followed it, step by step.",
                "{H} heard someone humming the very same tune {SPOT}.", "{H} found small footprints next to {HIS} own, going {SPOT}.",
                "A ball came rolling past {H}, and {H} wondered who had kicked it.", "{H} almost said hello to a shadow {SPOT}, but it was only {THING}.",
                "{H} was tired, but decided to try one more hello.", "{H} heard a soft sniffle {SPOT} and knew someone else was sad too.",
                "A pair of bright eyes peeked out {SPOT}, then hid again.",
            ],
        ],
        ["{H} felt a little lonely.", "Maybe tomorrow, thought {H}.", "{H} sighed a small sigh.", "It is hard to be new, thought {H}.", "{H} wished for just one friend.", "But {H} did not give up.", "{H}’s ears drooped, just a little.", "{H} hugged {GP} for comfort."],
        [
            "{H} asked {X}, “How do you make a friend?” “Start with a smile,” said {X}.",
            "{X} patted {H} kindly. “Look for someone who is alone too,” said {X}.",
            "“Friends like to share, so try sharing {GP},” {X} told {H}.",
        ],
        ["Then {H} noticed {C} the {K} sitting alone {SPOT}, looking sad.", "{H} met {C} the {K} {SPOT}. {C} looked lonely too.", "There, {SPOT}, sat {C} the {K}, all alone."],
        ["Look, it is {C}!", "Here is {C}!", "{C} is sad too."]);

    private static readonly ShapeBeats Bedtime = new(
        [
            [
                "{H} counted stars {SPOT}: one, two, three… but was still wide awake.", "{F} read a story about {THING}. {H} yawned, but only a little.",
                "{H} snuggled {THING} and wiggled under the blanket.", "{H} sipped warm milk {SPOT}, slowly, slowly.",
                "{F} sang a soft song about {THING}.", "{H} imagined floating {SPOT}, light as a feather.",
                "{H} fluffed the pillow once, twice, and lay back down.", "{H} said goodnight to every toy, one by one.",
                "{H} kicked off the covers, then pulled them back up.",
            ],
            [
                "{F} tucked {H}’s blanket in tight, like a warm cocoon.", "{H} tried counting sheep, and sheep number seven did a silly dance.",
                "{F} dimmed the lamp and whispered, “Close your eyes, {H}.”", "{H} listened to the clock go tick, tock, tick.",
                "{H} breathed slowly, like waves on a quiet shore.", "{F} rubbed {H}’s back in small, slow circles.",
                "{H} thought about the best part of the day.", "{H} made shadow shapes on the wall: a bunny, a bird, a boat.",
                "{H} whispered a secret to the moon.",
            ],
            [
                "{H}’s eyelids fluttered, then popped open again.", "{H} yawned so wide that even {THING} seemed sleepy.",
                "The room felt soft and dim, and {H} began to drift.", "{F} hummed, and {H} almost, almost fell asleep.",
                "{H} curled up small, warm as toast.", "One more yawn, and {H}’s toes stopped wiggling.",
                "{H} snuggled deeper, and the bed felt like a cloud.", "Far away, an owl hooted a gentle goodnight to {H}.",
                "{H} breathed slow and soft, slow and soft.",
            ],
        ],
        ["{H}’s blanket felt soft and warm.", "Outside {H}’s window, the stars blinked.", "Everything around {H} was getting quiet.", "“Shh, {H},” whispered the wind.", "The house creaked a sleepy creak, and {H} listened."],
        [],
        [],
        []);

    private static readonly ShapeBeats Fear = new(
        [
            [
                "{H} tried to be brave {SPOT}, but then hid behind {THING}.", "{H} took one step {SPOT}, then ran back.",
                "{H} squeezed {THING} for courage.", "“Maybe tomorrow,” {H} whispered {SPOT}.",
                "{H} peeked {SPOT} with one eye open.", "{H} covered both eyes and counted, but it did not help.",
                "{H} hid {SPOT} and curled up very small.", "{H} said, “I am not scared,” but the words came out wobbly.",
                "{H} tiptoed forward {SPOT}, then tiptoed right back.",
            ],
            [
                "{H} pretended to be a lion {SPOT}, but the roar came out as a squeak.", "{H} made a brave plan: one step today, two steps tomorrow.",
                "{H} sang a loud, silly song to feel bigger.", "{H} drew a picture of {FEAR} and gave it a funny face.",
                "{H} practiced brave breathing {SPOT}: in like a flower, out like a candle.", "{H} wore a blanket cape and called it the brave cape.",
                "{H} held {THING} tight and took three small steps.", "{H} asked a little bird how it stays brave, and the bird just sang.",
                "{H} made a brave face in a puddle, then an even braver one.",
            ],
            [
                "{H} got halfway {SPOT} before the wobbles came back.", "This time {H} did not run. {H} just stood there, shaking.",
                "{H} looked at {FEAR} for one whole second, then two!", "{H} almost made it, but a sudden noise {SPOT} made {H} jump.",
                "{H} was closer than ever before, and only a little bit shaky.", "{H} stood still {SPOT} and counted all the way to five.",
                "{H} whispered, “I can do hard things,” and took a big step.", "{H}’s legs felt like jelly, but {H} stayed put.",
                "{H} felt the fear and stayed anyway, for one long moment.",
            ],
        ],
        ["Being brave was hard for {H}.", "{H}’s heart beat fast.", "{H} bit {HIS} lip.", "{H} felt small and wobbly.", "But {H} kept trying.", "{FEAR} still felt very big to {H}."],
        [
            "{X} sat down next to {H}. “When I am scared, I hum a song,” said {X}.",
            "“Brave does not mean not scared,” {X} told {H} gently.",
            "{X} said, “Take small steps, {H}, because small steps still count.”",
        ],
        ["{C} the {K} came and sat beside {H}.", "Just then, {C} the {K} came by and saw {H} trembling.", "{C} the {K} hopped over. “Are you okay, {H}?”"],
        ["Here is {C}!", "{C} comes too.", "{C} sits close."]);
}
