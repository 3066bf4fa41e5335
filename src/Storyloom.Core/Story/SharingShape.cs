namespace Storyloom.Core.Story;

/// <summary>Sharing and kindness: the hero has something special, will not share it, finds playing alone no fun, and shares.</summary>
internal static class SharingShape
{
    public static readonly Goal[] Goals =
    [
        new("ball", "the shiny new ball", "the Shiny New Ball", Intro: "a shiny new ball"),
        new("kite", "the big red kite", "the Big Red Kite", Intro: "a big red kite"),
        new("book", "the brand-new picture book", "the Picture Book", Intro: "a brand-new picture book"),
        new("flower", "the bunch of bright flowers", "the Bright Flowers", Intro: "a bunch of bright flowers"),
        new("shell", "the bucket of pretty shells", "the Pretty Shells", Intro: "a bucket of pretty shells"),
        new("lantern", "the glowing paper lantern", "the Paper Lantern", Intro: "a glowing paper lantern"),
                new("ball", "the bright beach ball", "the Beach Ball", Intro: "a bright beach ball"),
        new("kite", "the rainbow kite", "the Rainbow Kite", Intro: "a rainbow kite"),
    ];

    public static readonly ShapeText Text = new(
        ["{H} and {TP}", "{H} Shares {TP}", "A Turn for {F}, {H}!", "{H}, {F} and {TP}", "{H} Learns to Share in {P}", "Share {TP}, {H}!", "{H}’s Kind Heart and {TP}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} has a {G}.", "{H} loves {HIS} {G}.", "Hello, {H}!", "{H} plays {SPOT}."],
            [Phase.Problem] = ["{F} wants a turn.", "“Mine!” says {H}.", "{H} hugs the {G} tight.", "{F} looks sad."],
            [Phase.Attempt] = ["{H} plays alone {SPOT}.", "{H} hides the {G} {SPOT}.", "{H} sits {SPOT}.", "No fun for {H}."],
            [Phase.Turn] = ["{H} sees {F} {SPOT}.", "{H} has an idea.", "“Here, {F}!” says {H}."],
            [Phase.Resolution] = ["{H} and {F} share.", "Sharing is fun, {H}!", "{H} and {F} laugh.", "{H} gives {X} a turn.", "{H} and {F} play {SPOT}."],
        },
        new()
        {
            [Phase.Opening] =
            [
                "{H} had {GA}, and {HE} loved it more than anything.", "Every morning in {P}, {H} played with {GP} {SPOT}.",
                "{H} kept {GP} in a special spot {SPOT}.", "In {P}, where the air smelled of {SMELL}, {H} had the best thing of all: {GA}.",
            ],
            [Phase.Problem] =
            [
                "One day, {F} came by and asked, “Can I have a turn, {H}?”", "“No, it’s mine,” said {H}, hugging {GP} tight.",
                "{F}’s face fell, and {FHE} walked slowly away.", "{H} did not want to share {GP}, not even a little bit.",
            ],
            [Phase.Attempt] = [],
            [Phase.Turn] =
            [
                "{H} took a deep breath, held out {GP} and said, “Your turn, {F}!”", "“Let’s play together,” said {H}, and {F}’s face lit up like the sun.",
                "{F} smiled, and {H} felt warm all the way down to {HIS} toes.",
            ],
            [Phase.Resolution] =
            [
                "{H} and {F} took turns with {GP} until the sun went down.", "Playing together was twice the fun, and {H} laughed and laughed.",
                "Soon {X} came to play too, and {H} shared with everyone.", "{H} had shared {GP}, and somehow {HIS} heart felt bigger.",
                "“Thank you for sharing, {H},” said {F}.",
            ],
        },
        new()
        {
            [Phase.Resolution] = ["{H} had never had such a happy day in {P}."],
        },
        [
            "And from that day on, {H} always shared {GP}.", "And {H} found out that sharing makes the fun grow.",
            "Now {H} and {F} share everything, even the last cookie.", "And {H} always saves a turn for a friend.",
        ],
        [
            "Sharing makes the fun grow bigger.", "Kindness is a gift that comes back to you.", "When we share, everyone wins.",
            "A happy heart is a sharing heart.", "Taking turns makes every game better.", "The best things are better when shared.",
            "Small kindnesses make big smiles.", "Giving can feel even better than getting.", "Share what you love with the ones you love.",
            "Fun is better with a friend.", "A shared toy can make a new friend.", "Kindness costs nothing and means everything.",
            "Good friends take turns.", "There is always enough to share.", "Being kind makes the whole world brighter.",
            "Sharing is caring.", "A little kindness goes a long way.", "Kind hearts are happy hearts.",
            "Two can play, and play is twice the fun.", "When you give a little, you get a smile back.",
            "Sharing turns one smile into two.", "A kind hand is a strong hand.", "Giving makes the heart grow.",
            "Fair play is fun play.", "Caring means sharing.", "Share your toys and share your joy.",
            "A generous heart is never alone.", "Your turn, my turn, our fun.",
        ],
        "{H} loves {GP} and will not share it with anyone",
        "Can {H} find out that sharing makes the fun grow?");

    public static readonly ShapeBeats Beats = new(
        [
            [
                "{H} played with {GP} {SPOT}, all alone, but it was not much fun.", "{H} hid {GP} {SPOT} so nobody could ask for it.",
                "{H} tried a game for two with {GP}, but there was only one {H}.", "{H} bounced around {SPOT}, but the game felt too quiet.",
                "{H} looked over at {F} {SPOT}, then looked away quickly.", "{H} lined up {GP} and {THING} {SPOT}, all for {HIMSELF}.",
                "{H} played catch with {HIMSELF} {SPOT}, and it was boring.", "{H} showed {GP} to {THING}, which was not much of a friend.",
            ],
            [
                "{H} let {F} look at {GP}, but only from far away.", "{H} told {F} {FHE} could have a turn in a minute, but the minute grew very long.",
                "{H} tried sharing a tiny bit, but then grabbed {GP} back.", "{H} and {F} both reached for {GP} at once, and nobody had fun.",
                "{H} made a rule that {F} could hold {GP}, but only with one finger.", "{H} gave {F} {THING} instead, and {F} smiled only a little.",
                "{H} made up a game where {H} always won, and {F} soon wandered off.",
            ],
            [
                "{H} watched {F} sitting all alone {SPOT} and felt a pinch inside.", "{H} remembered how it felt when nobody shared with {HIM}.",
                "{H} held out {GP}, then pulled it back, then held it out again.", "{H} noticed that {GP} was more fun when someone laughed along.",
                "{H} thought of a game that needed two players, and looked around for {F}.", "{H} saw {F} smile at {THING} and wondered what would make {FHIM} smile more.",
            ],
        ],
        [
            "{H} hugged {GP} a little tighter.", "{H} felt a small pinch of guilt.", "{H} pretended not to see {F}.",
            "The game was not much fun for {H} alone.", "{H}’s tummy felt funny and tight.", "{H} glanced at {F}, then away.",
            "{H} sighed, because playing alone was too quiet.",
        ],
        [
            "{X} sat beside {H}. “Sharing can feel hard, but it makes the fun grow,” said {X}.",
            "“What would make {F} smile?” {X} asked {H} gently.",
            "{X} told {H} about the day {X} shared a snack and made a new friend.",
        ],
        ["{C} the {K} came over and sat down next to {H}.", "{C} the {K} was still there, watching {H} quietly.", "{H} found {C} the {K} sitting all alone."],
        ["Here is {C}.", "{C} comes back.", "{C} sits by {H}."]);

    public static readonly ComposerParts Parts = new(
        ["{H} "],
        [
            "played with {GP} {SPOT}", "bounced around {SPOT}", "hid {GP} {SPOT}", "built a fort {SPOT}", "sat {SPOT} with {GP}",
            "counted {HIS} treasures {SPOT}", "tried a game for one {SPOT}", "kept {GP} close {SPOT}", "looked at {GP} {SPOT}",
            "carried {GP} {SPOT}", "made up a new game {SPOT}", "played pretend {SPOT}",
        ],
        ["", "", " all alone", " by {HIMSELF}", " for a long while", " very quietly", " once more"],
        [
            [", but it was not much fun", ", but the game felt too quiet", ", and only {THING} was there to watch", ", but something did not feel right", ", but {H} kept thinking about {F}"],
            [", but it felt lonely", ", and {H} wondered if {F} was sad", ", but even {THING} looked bored", ", but {H}’s smile kept slipping", ", and the fun just would not come"],
            [" and thought about what {F} would like", ", and {H} began to wonder about sharing", " and noticed how quiet it was without a friend", ", and {H} had a new idea", " and looked around for someone to play with"],
        ],
        ["Can I have a turn, {H}", "It looks like fun", "Maybe later, then", "I could help you", "We could play together", "Just one turn, please", "I have {THING} to share", "Let’s take turns"],
        [
            "{WN} watched {H} play all alone.", "{H} hid {GP} when {WN} came by.", "{WN} asked {H}, “What are you playing?”",
            "{H} saw {WN} share a snack with a friend.", "{WN} gave {H} a friendly wave.", "{WN} shared {THING} with {H}, just like that.",
        ],
        [
            "{H} wondered why {WN} looked so happy after sharing.", "{WN} said sharing made things more fun, and {H} thought about that.",
            "{H} waved goodbye to {WN}, still thinking.", "{H} remembered how kind {WN} had been.", "{WN}’s kindness gave {H} a warm feeling.",
        ],
        ["hugged {GP} closer", "looked away", "frowned a little", "kicked at the ground", "hid {HIS} face", "sighed", "glanced over {HIS} shoulder", "held {GP} tight"],
        ["", " and felt a little grumpy", ", but it did not feel right", " and felt a pinch inside", " and thought hard", " and wished the game were more fun"],
        ["{H} plays alone {SPOT}.", "{H} hides the {G}.", "{H} hugs the {G}.", "{F} asks {H} again.", "{H} sits {SPOT}.", "{H} peeks at {F}.", "{H} finds {THING}.", "{H} frowns {SPOT}.", "{H} thinks {SPOT}.", "{H} looks at {F}.", "{H} holds the {G} tight.", "{H} sits all alone.", "{H} hops {SPOT}."]);
}
