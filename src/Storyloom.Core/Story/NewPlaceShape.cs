namespace Storyloom.Core.Story;

/// <summary>A first day somewhere new: everything is strange, the hero gets lost and finds small footholds, a local shows the way.</summary>
internal static class NewPlaceShape
{
    /// <summary>The new place; each fits the story's first setting, so a new reef never sits in a town.</summary>
    public static readonly Goal[] Goals =
    [
        new("book", "the brand-new school", "the New School", "town", "a brand-new school"),
        new("ball", "the new house in town", "the New House", "town", "a new house in town"),
        new("book", "the new classroom", "the New Classroom", "town", "a new classroom"),
        new("kite", "the new home up high", "the Tall New Home", "town", "a new home up high"),
        new("flower", "the new farm", "the New Farm", "farm", "a new farm"),
        new("ball", "the new pond", "the New Pond", "farm", "a new pond"),
        new("book", "the little farm school", "the Farm School", "farm", "a little farm school"),
        new("lantern", "the new burrow", "the New Burrow", "forest", "a new burrow"),
        new("flower", "the new treehouse", "the Treehouse", "forest", "a new treehouse"),
        new("book", "the forest school", "the Forest School", "forest", "the forest school"),
        new("shell", "the new house by the sea", "the House by the Sea", "beach", "a new house by the sea"),
        new("kite", "the new seaside school", "the Seaside School", "beach", "a new seaside school"),
        new("lantern", "the new cabin in the snow", "the Snowy Cabin", "snowy-mountains", "a new cabin in the snow"),
        new("star", "the new mountain school", "the Mountain School", "snowy-mountains", "a new mountain school"),
        new("shell", "the new home on the reef", "the New Reef", "underwater", "a new home on the reef"),
        new("star", "the new home on the moon", "the Moon Base", "space", "a new home on the moon"),
    ];

    public static readonly ShapeText Text = new(
        ["{H}’s First Day at {TP}", "{H} and {TP}", "{H} Is New in {P}", "{H}, {F} and {TP}", "Hello, {P}! Love, {H}", "{H}’s Big Day at {TP}", "A New Friend for {H} in {P}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} is new here.", "{H} says hello to {P}.", "It is {H}’s first day!", "{H} holds {HIS} bag."],
            [Phase.Problem] = ["Everything is new for {H}.", "{H} feels shy.", "{H} misses home.", "{H} feels very small."],
            [Phase.Attempt] = ["{H} gets lost {SPOT}.", "{H} learns a name.", "Where now, {H}?", "{H} waves {SPOT}."],
            [Phase.Turn] = ["{F} says hi to {H}.", "“I’m {F}!” says {F}.", "{F} shows {H} around."],
            [Phase.Resolution] = ["{H} has a friend!", "{H} and {F} play.", "{H} likes {P} now.", "See you tomorrow, {H}!", "{X} waves to {H}."],
        },
        new()
        {
            [Phase.Opening] =
            [
                "Today was {H}’s very first day at {GA}.", "{H} stood at the gate {SPOT}, holding {HIS} bag tight.",
                "{H} had just moved to {P}, and boxes were stacked everywhere.", "{H} woke up early, too excited and too nervous to eat.",
                "Everything in {P} smelled new to {H}, like {SMELL} and fresh paint.",
            ],
            [Phase.Problem] =
            [
                "Everything at {GP} looked big and strange to {H}.", "{H} did not know where anything was, or anyone’s name.",
                "{H} missed {HIS} old home and {HIS} old friends.", "{H}’s tummy did a flip as {HE} wondered if anyone would like {HIM}.",
            ],
            [Phase.Attempt] = [],
            [Phase.Turn] =
            [
                "“I’m {F}, and I can show you around,” said a friendly voice.", "{F} took {H} to the best spot in {P}, right {SPOT}.",
                "{H} and {F} found out they both loved {THING}.",
            ],
            [Phase.Resolution] =
            [
                "By the end of the day, {H} knew the way {SPOT} by heart.", "{H} and {F} walked home together, side by side.",
                "{P} did not feel strange to {H} anymore.", "“See you tomorrow, {H}?” asked {F}.",
                "{H} told everyone at home all about {GP}.", "Soon {X} waved too, and {H} felt right at home.",
            ],
        },
        new()
        {
            [Phase.Resolution] = ["{H} smiled the whole way home."],
        },
        [
            "And the next morning, {H} could not wait to go back.", "Now {P} is {H}’s favorite place in the whole world.",
            "And {H} knew that tomorrow would be even better.", "And that night, {H} fell asleep dreaming of {GP}.",
        ],
        [
            "New places become home, one small step at a time.", "Every friend was once a stranger.", "It is okay to feel nervous on a first day.",
            "Be brave, be curious, and say hello.", "A kind smile helps a new place feel like home.", "Home is where your friends are.",
            "Everyone is new somewhere once.", "Brave starts with one small step.", "Give new things a chance.",
            "A friendly hello can change a whole day.", "Feeling shy is okay, and trying is brave.", "New can be scary and wonderful at once.",
            "Little by little, strange turns into home.", "Help the new kid feel at home.", "Every first day leads to a second day.",
            "There is room for everyone.", "Courage means trying something new.", "Kindness makes any place feel like home.",
            "New friends are waiting everywhere.", "The best adventures start with a first day.",
            "Strange places become friendly places.", "Home can be in more than one place.", "Ask for help, and you will find your way.",
            "Every new start is a chance to grow.", "A new place is a new adventure.", "Smile, and the world smiles back.",
            "The first step is the hardest.", "You belong here too.",
        ],
        "It is {H}’s first day at {GA}, and everything feels big and new",
        "Will {P} ever feel like home?");

    public static readonly ShapeBeats Beats = new(
        [
            [
                "{H} went the wrong way {SPOT} and ended up next to {THING}.", "{H} tried to find the right door {SPOT}, but every door looked the same.",
                "Everyone {SPOT} knew the song except {H}.", "{H} sat down {SPOT}, but it was somebody else’s seat.",
                "{H} did not know the rules of the game {SPOT}, so {HE} just watched.", "{H} looked for the lunch line and found {THING} instead.",
                "{H} held {HIS} bag tight and followed the others {SPOT}.",
            ],
            [
                "{H} drew a little map of {P} and marked the spot {SPOT}.", "{H} counted the steps from the gate to {SPOT}.",
                "{H} learned one new name, then two, then three.", "{H} asked a busy grown-up for help and found the way {SPOT}.",
                "{H} copied the others and hung {HIS} coat {SPOT}.", "{H} hummed along to the new song, just a little.",
                "{H} found one thing that was just like home: {THING}.",
            ],
            [
                "{H} found the way {SPOT} all alone!", "Someone {SPOT} waved at {H}, and {H} waved back.",
                "{H} knew almost all the words of the {P} song now.", "{H} remembered three names and one new rule.",
                "{H} laughed at a joke {SPOT}, and it felt good.", "{H} saw a friendly face {SPOT}, smiling right at {HIM}.",
            ],
        ],
        [
            "{H} missed {HIS} old room.", "{H} held {HIS} bag a little tighter.", "{H} felt very small in {P}.", "{H}’s tummy did a little flip.",
            "{H} wished {HE} knew just one name.", "{H} took a deep breath and tried again.",
        ],
        [
            "{X} knelt down beside {H}. “Everyone is new sometimes,” said {X}.", "“Try learning one name today,” {X} told {H} kindly.",
            "{X} showed {H} the way {SPOT} and said, “You will know it all soon, {H}.”",
        ],
        ["{C} the {K} came skipping over to {H}.", "{H} met {C} the {K} {SPOT}.", "{C} the {K} sat down right next to {H}."],
        ["Hi, {C}!", "Here comes {C}.", "{C} waves at {H}."]);

    public static readonly ComposerParts Parts = new(
        ["{H} "],
        [
            "looked around {SPOT}", "found a seat {SPOT}", "tried to find the way {SPOT}", "peeked {SPOT}", "wandered {SPOT}",
            "hung up {HIS} coat {SPOT}", "listened to the others {SPOT}", "walked slowly {SPOT}", "looked for the door {SPOT}",
            "stood in line {SPOT}", "practiced saying hello {SPOT}", "unpacked {HIS} bag {SPOT}",
        ],
        ["", "", " a little shyly", " with a wobbly smile", " holding {HIS} bag tight", " one more time", " all by {HIMSELF}"],
        [
            [", but everything looked strange", ", but nothing looked like home", ", and found only {THING}", ", but {H} still felt lost", ", but nobody knew {H}’s name yet"],
            [", and found the way a little faster", ", and learned where {THING} was kept", ", and it felt a bit less strange", ", and someone smiled at {H}", ", and {H} remembered one new name"],
            [" and knew the way without asking", ", and it almost felt like home", " and waved to someone new", ", and {H} felt a little taller", " and found a friendly face by {THING}"],
        ],
        ["Follow me, {H}", "This is the best spot", "You can sit with me", "I was new once too", "Want to see {THING}", "Lunch is this way", "You’re doing great, {H}", "Let’s go together"],
        [
            "{WN} looked at {H} curiously.", "{H} said a shy hello to {WN}.", "{WN} showed {H} where the path went.",
            "{H} followed {WN} for a little while.", "{WN} told {H} it had lived in {P} a long time and knew every corner.", "{H} asked {WN} the way {SPOT}.",
        ],
        [
            "{WN} told {H}, “Welcome to {P}!”", "{H} learned the way {SPOT}, thanks to {WN}.", "{H} waved goodbye to {WN}, feeling a little less new.",
            "{WN} gave {H} a welcome smile.", "{H} would know {WN} again tomorrow, and that was a start.",
        ],
        ["tugged {HIS} bag straps", "looked around", "held {HIS} breath", "bit {HIS} lip", "stood very still", "twisted {HIS} sleeve", "sighed", "looked at {HIS} feet"],
        ["", " and missed home a little", " and tried to be brave", " and wondered what to do", " and felt very new", " and took a deep breath"],
        ["{H} looks {SPOT}.", "{H} gets lost {SPOT}.", "{H} sits {SPOT}.", "{H} finds {THING}.", "{H} peeks {SPOT}.", "{H} walks {SPOT}.", "{H} hangs {HIS} coat.", "{H} waits {SPOT}."]);
}
