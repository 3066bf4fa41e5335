using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

internal enum Phase
{
    Opening,
    Problem,
    Attempt,
    Turn,
    Resolution,
}

/// <summary>
/// The sentence templates of one story shape. Tokens: {H} hero, {F} friend, {X} helper, {G} goal prop, {GP} goal phrase,
/// {TP} goal as a title, {P} place, {SPOT}, {THING}, {FEAR}, {SMELL}; pronouns {HE} {HIM} {HIS} {HIMSELF} (hero) and
/// {FHE} {FHIM} {FHIS} (friend). Every line names someone or has a slot, so no two books share much wording.
/// </summary>
internal sealed record ShapeText(
    string[] Titles,
    Dictionary<Phase, string[]> Short,
    Dictionary<Phase, string[]> Core,
    Dictionary<Phase, string[]> Extra,
    string[] Closings,
    string[] Morals,
    string BlurbProblem,
    string BlurbQuestion);

/// <summary>What the story is about: the thing searched for, shared, feared, or the new place; Setting ties a goal to its place.</summary>
/// <param name="Intro">How the story first mentions it ("a shiny new ball") when later lines say "the shiny new ball".</param>
internal sealed record Goal(string Prop, string Phrase, string TitlePhrase, string? Setting = null, string? Intro = null);

internal static class StoryShapes
{
    public static readonly Goal[] QuestGoals =
    [
        new("lantern", "the little lantern", "the Lost Lantern"),
        new("kite", "the runaway kite", "the Runaway Kite"),
        new("star", "the fallen star", "the Fallen Star"),
        new("ball", "the bouncy red ball", "the Red Ball"),
        new("book", "the secret book", "the Secret Book"),
        new("flower", "the moon flower", "the Moon Flower"),
        new("shell", "the singing shell", "the Singing Shell"),
        new("lantern", "the golden lamp", "the Golden Lamp"),
        new("star", "the wishing star", "the Wishing Star"),
        new("book", "the treasure map", "the Treasure Map"),
        new("shell", "the rainbow shell", "the Rainbow Shell"),
    ];

    public static readonly Goal[] FriendGoals =
    [
        new("kite", "a bright kite", "the Kite"),
        new("ball", "a bouncy ball", "the Ball"),
        new("book", "a favorite picture book", "the Book"),
        new("flower", "a handful of flowers", "the Flowers"),
        new("shell", "a shiny shell", "the Shiny Shell"),
        new("lantern", "a paper lantern", "the Paper Lantern"),
        new("star", "a star-shaped cookie", "the Star Cookie"),
    ];

    public static readonly Goal[] Fears =
    [
        new("lantern", "the dark", "the Big Dark"),
        new("star", "the big, loud thunder", "the Thunder"),
        new("ball", "the tall, tall hill", "the Tall Hill"),
        new("flower", "the deep, wide water", "the Deep Water"),
        new("lantern", "the shadowy cave", "the Shadowy Cave"),
        new("book", "the creaky old bridge", "the Creaky Bridge"),
        new("kite", "the big, windy storm", "the Windy Storm"),
        new("ball", "the high diving rock", "the Diving Rock"),
    ];

    public static readonly Goal[] BedtimeGoals =
    [
        new("star", "the sleepy stars", "the Sleepy Stars"),
        new("book", "a bedtime story", "the Bedtime Story"),
        new("lantern", "the night-light", "the Night-Light"),
        new("star", "the silver moon", "the Silver Moon"),
        new("book", "a soft lullaby", "the Lullaby"),
        new("lantern", "the firefly lamp", "the Firefly Lamp"),
        new("star", "the dream boat", "the Dream Boat"),
        new("star", "the shooting star", "the Shooting Star"),
        new("book", "the sleepy song", "the Sleepy Song"),
        new("lantern", "the little moon lamp", "the Moon Lamp"),
    ];

    public static IReadOnlyList<Goal> GoalsFor(StoryShape shape) => shape switch
    {
        StoryShape.Quest => QuestGoals,
        StoryShape.Friend => FriendGoals,
        StoryShape.Bedtime => BedtimeGoals,
        StoryShape.Fear => Fears,
        StoryShape.Sharing => SharingShape.Goals,
        _ => NewPlaceShape.Goals,
    };

    /// <summary>Every goal phrase of every shape: the four-word repetition guard treats them as fillers.</summary>
    public static IEnumerable<Goal> AllGoals =>
        Enum.GetValues<StoryShape>().SelectMany(GoalsFor);

    public static ShapeText For(StoryShape shape) => shape switch
    {
        StoryShape.Quest => Quest,
        StoryShape.Friend => Friend,
        StoryShape.Bedtime => Bedtime,
        StoryShape.Fear => Fear,
        StoryShape.Sharing => SharingShape.Text,
        _ => NewPlaceShape.Text,
    };

    private static readonly ShapeText Quest = new(
        ["{H} and {TP}", "{H} and {F} Find {TP}", "Where Is {TP}, {H}?", "{H}’s Big Search for {TP}", "{H} of {P} and {TP}", "{H} Looks for {TP}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} loves {HIS} {G}.", "{H} says hello to {P}.", "{H} wakes up happy.", "{H} plays with {HIS} {G}."],
            [Phase.Problem] = ["Oh no, {H}!", "Where is the {G}, {H}?", "{H} feels sad.", "The {G} is gone, {H}!"],
            [Phase.Attempt] = ["Is it {SPOT}, {H}?", "{H} looks {SPOT}.", "{H} finds {THING}.", "{F} looks too.", "{H} peeks {SPOT}."],
            [Phase.Turn] = ["Look, {H}, a glow!", "{F} has an idea.", "What is that, {H}?"],
            [Phase.Resolution] = ["Found it, {H}!", "{H} hugs the {G}.", "Everyone cheers for {H}!", "Home again, {H}."],
        },
        new()
        {
            [Phase.Opening] = ["{H} lived in {P}, where mornings smelled of {SMELL}.", "Every day, {H} carried {GP} everywhere.", "{H} had one treasure that mattered most: {GP}.", "In {P}, {H} woke up early and said hello to the sun."],
            [Phase.Problem] = ["One morning, {H} woke up and {GP} was gone!", "{H} looked on the shelf and in the basket, but {GP} had vanished.", "“Oh no,” said {H}, “where could it be?”", "{H} felt a big, heavy lump of worry."],
            [Phase.Attempt] = [],
            [Phase.Turn] = ["Then {F} saw something glowing {SPOT}.", "“Let’s ask everyone to help!” said {H}.", "A gentle breeze whispered, and {H} heard a faint jingle {SPOT}."],
            [Phase.Resolution] = ["There it was: {GP}, safe and sound {SPOT}!", "{H} hugged {GP} tight, and everyone cheered.", "Together they carried {GP} home as the sky over {P} turned gold.", "{H} thanked every friend who had helped."],
        },
        new()
        {
            [Phase.Resolution] = ["{GP} felt even more special to {H} now.", "Searching together had been an adventure for {H}."],
        },
        ["And from that day on, {H} always kept {GP} close.", "And {H} never forgot the day of the great search.", "And {H} and {F} still talk about the great search."],
        [
            "Never give up, and ask your friends for help.", "Patience and teamwork help us find what we need.", "Keep looking, and you will find your way.",
            "Friends make every search shorter.", "What we love is worth looking for.", "Good things come to those who keep trying.",
            "Many eyes see more than two.", "Every search is an adventure.", "Look carefully, and look together.",
            "Treasures are best when shared with friends.", "A helping hand makes a hard job easy.", "Do not give up on the things you love.",
            "Asking for help is a brave thing to do.", "The journey can be as good as the treasure.", "Slow and steady finds the way.",
            "Together, we can find anything.", "Keep your treasures close and your friends closer.", "A little patience goes a long way.",
            "Hope helps us keep going.", "Friends are the greatest treasure of all.",
            "Follow the clues, and follow your heart.", "Lost things are found by those who look.", "Every helper makes the load lighter.",
            "Keep calm and keep looking.", "Big hunts start with small steps.", "A good friend never stops helping.",
            "The best finds are found together.", "Curious minds find wonderful things.",
        ],
        "{H} loses {GP} and must search all over {P}",
        "Will {H} and friends find it before the day is done?");

    private static readonly ShapeText Friend = new(
        ["{H} Finds a Friend in {P}", "A Friend for {H} in {P}", "{H} and {F}", "Hello, {F}! Love, {H}", "{H}, {F} and {TP}", "{H} Makes a Friend in {P}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} is new here.", "{H} says hello to {P}.", "{H} plays with a {G}."],
            [Phase.Problem] = ["{H} wants a friend.", "{H} feels shy.", "{H} is all alone.", "Who will play with {H}?"],
            [Phase.Attempt] = ["{H} waves {SPOT}.", "Hello, hello, says {H}.", "{H} tries a game.", "{H} sits {SPOT}.", "{H} finds {THING}.", "{H} says hi."],
            [Phase.Turn] = ["Look, it is {F}!", "{F} is sad too.", "{H} shares with {F}."],
            [Phase.Resolution] = ["{H} and {F} are friends!", "{H} and {F} play all day.", "{H} and {F} laugh.", "{X} plays too!"],
        },
        new()
        {
            [Phase.Opening] = ["{H} had just moved to {P}, and everything felt new and big.", "{H} unpacked a box of toys in {P}.", "In {P}, the air smelled of {SMELL}, and {H} wondered who lived nearby."],
            [Phase.Problem] = ["{H} wanted a friend, but did not know how to say hello.", "{H} saw that everyone else seemed to have a friend already.", "{H} sat {SPOT} and felt very small."],
            [Phase.Attempt] = [],
            [Phase.Turn] = ["{H} gathered up all {HIS} courage and said, “Hello, I’m {H}!”", "{H} held out {GP} and asked, “Do you want to play?”", "“I’m {F},” said a small voice, “and can I play too?”"],
            [Phase.Resolution] = ["{H} and {F} played with {GP} until the sun went low.", "{H} and {F} laughed so much their tummies hurt.", "Soon {X} came to play too, and the game grew even bigger.", "“See you tomorrow?” asked {F}, and {H} said, “Yes!”", "Now {P} did not feel new to {H} at all."],
        },
        new()
        {
            [Phase.Turn] = ["{F} smiled a tiny smile at {H}."],
        },
        ["And that is how {H} found a friend.", "And {H} and {F} have been best friends ever since.", "And {H} and {F} played together every day after that."],
        [
            "Kindness is the best way to make a friend.", "A friend is someone who shares and cares.", "One small hello can start a friendship.",
            "Be the friend you want to have.", "Friends come in all shapes and sizes.", "A smile is the start of a friendship.",
            "Everyone needs a friend sometimes.", "Be brave and say hello.", "Good friends make every day brighter.",
            "Look for someone who needs a friend.", "A true friend listens and cares.", "Friendship grows when we play together.",
            "There is always room for one more friend.", "Kind words make friends.", "Shy is okay; a friend will wait for you.",
            "Friends help us feel at home.", "The best games are played with friends.", "Reach out, and a friend may reach back.",
            "Making a friend takes a little courage.", "A friend makes the whole world feel smaller and kinder.",
            "Hello is a magic word.", "Play is better with two.", "Every friend was once someone new.",
            "A kind heart is the best invitation.", "Share a smile, and you may find a friend.", "Waving is the first step to playing.",
            "Kindness opens doors to friendship.", "Nobody has to be lonely for long.",
        ],
        "{H} is new in {P} and wants a friend more than anything",
        "Can one small hello change everything?");

    private static readonly ShapeText Bedtime = new(
        ["Goodnight, {H}, Goodnight, {P}", "{H} Can’t Sleep in {P}", "Sleepy Time, {H} and {F}", "{H} and {TP}", "{H} Dreams of {TP}", "Hush Now, {H}: {TP}", "{H}’s Sleepy Night in {P}", "Night, Night, {H}: {TP}"],
        new()
        {
            [Phase.Opening] = ["{H} waves at the sunset.", "It is almost bedtime, {H}.", "{H} yawns.", "{H} has a warm bath."],
            [Phase.Problem] = ["But {H} is not sleepy.", "{H} is wide awake!", "Bounce, bounce, goes {H}!"],
            [Phase.Attempt] = ["{H} counts stars.", "A warm drink for {H}.", "A soft blanket for {H}.", "{H} hugs {THING}.", "{F} reads to {H}.", "Shh, {H}, says {F}."],
            [Phase.Turn] = ["Listen, {H}, the night sings.", "The moon smiles at {H}.", "So quiet, {H}."],
            [Phase.Resolution] = ["{H} yawns a big yawn.", "{H}’s eyes close.", "Goodnight, {H}.", "Sweet dreams, {H}."],
        },
        new()
        {
            [Phase.Opening] = ["{H} watched the sun slip down behind {P} as the sky turned pink and gold.", "It was almost bedtime for {H}.", "{H} splashed in a warm bath that smelled of {SMELL}."],
            [Phase.Problem] = ["But {H} was not sleepy at all.", "{H} bounced on the bed and said, “I’m not tired!”", "{H}’s eyes were wide open, bright as buttons."],
            [Phase.Attempt] = [],
            [Phase.Turn] = ["Then {H} listened to the night singing: crickets, wind, and a hooting owl.", "The moon peeked in and seemed to whisper, “Shh, {H}.”", "{H} took a slow breath in, and a slow breath out."],
            [Phase.Resolution] = ["{H}’s eyes grew heavy, heavy, heavy.", "Soon {H} was fast asleep, dreaming of {GP}.", "The house was quiet, and {H} slept sweetly."],
        },
        new()
        {
            [Phase.Resolution] = ["Everything was calm and still around {H}."],
        },
        ["Goodnight, {H}, and goodnight to everyone in {P}.", "Sleep tight, {H}, and sweet dreams.", "Shh, {H} is sleeping now."],
        [
            "Quiet moments help us rest and dream.", "Every busy day ends best with a calm goodnight.", "Rest well, and tomorrow will be bright.",
            "Slow breaths bring sweet dreams.", "Bedtime is a cozy time.", "A calm mind makes sleepy eyes.",
            "Even the stars need rest.", "Sleep helps us grow strong.", "Goodnight is not goodbye.",
            "Snuggles make bedtime sweet.", "The night is gentle and kind.", "Dreams are waiting when you close your eyes.",
            "Every day deserves a peaceful end.", "Stillness can be lovely.", "Love keeps us warm all night.",
            "A gentle song can soothe a busy mind.", "Tomorrow is a new day.", "Sleepy time is dreamy time.",
            "Tired bodies and happy hearts sleep best.", "The moon watches over us all.",
            "A cozy bed is a happy place.", "Rest is a gift we give ourselves.", "Breathe in calm, breathe out sleepy.",
            "Soft lights and soft songs make sweet dreams.", "Even busy bees need to rest.", "Hugs and kisses make bedtime better.",
            "The night keeps us safe and snug.", "Good dreams come to quiet hearts.",
        ],
        "It is bedtime, but {H} is not sleepy at all",
        "What will help {H} drift off to dreamland?");

    private static readonly ShapeText Fear = new(
        ["{H} and {TP}", "Brave Little {H} and {TP}", "{H} Is Brave in {P}", "{H}, {F} and {TP}", "{H} Faces {TP}", "Be Brave, {H}: {TP}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} loves {P}.", "{H} plays all day.", "{H} runs and jumps."],
            [Phase.Problem] = ["But {H} is scared.", "Oh no, {H}, {FEAR}!", "{H} hides {SPOT}."],
            [Phase.Attempt] = ["{H} tries.", "{H} takes one small step.", "{H} peeks {SPOT}.", "{H} wobbles.", "{H} holds {THING}.", "Too scary for {H}!"],
            [Phase.Turn] = ["{F} holds {H}’s hand.", "Together, {H}?", "{H} takes a deep breath."],
            [Phase.Resolution] = ["{H} did it!", "Not so scary, {H}!", "Hooray for {H}!", "{X} cheers for {H}!"],
        },
        new()
        {
            [Phase.Opening] = ["{H} loved {P}, where the air smelled of {SMELL}.", "{H} liked to run and jump and explore.", "Every day in {P} was full of games for {H}."],
            [Phase.Problem] = ["But there was one thing {H} did not love: {FEAR}.", "Today, {H} would have to face {FEAR}.", "Just thinking about {FEAR} made {H}’s knees wobble."],
            [Phase.Attempt] = [],
            [Phase.Turn] = ["{F} took {H}’s hand and said, “We can do it together, one small step at a time.”", "{F} told {H}, “I feel scared sometimes too.”", "{H} breathed in slow and out slow, and felt a little stronger."],
            [Phase.Resolution] = ["{H} faced {FEAR}, and it was not so scary after all!", "{H} laughed and shouted, “I did it!”", "{F} cheered, and {H} felt ten feet tall.", "{X} clapped and cheered {SPOT}."],
        },
        new()
        {
            [Phase.Resolution] = ["{H} stood tall and proud."],
        },
        ["Now {H} knows that brave means trying, even when you feel small.", "And {H} was never quite so scared of {FEAR} again.", "And {H} and {F} went back the very next day, just for fun."],
        [
            "Being brave means trying, even when you feel scared.", "Fears grow smaller when we face them together.", "Small steps make big courage.",
            "It is okay to feel scared.", "Courage is a muscle that grows.", "A friend’s hand makes any fear smaller.",
            "Brave is feeling scared and trying anyway.", "Breathe slowly, and try again.", "You are braver than you think.",
            "Every big fear starts to shrink when you face it.", "Scary things often turn out fine.", "One brave step leads to another.",
            "Being scared is part of being brave.", "Courage grows one step at a time.", "With a friend, you can do hard things.",
            "Try, try, and try again.", "Your heart is stronger than your fear.", "Even the bravest heroes feel scared sometimes.",
            "Believe in yourself.", "Today’s fear can be tomorrow’s fun.",
            "Face your fears, and they get smaller.", "A deep breath helps a brave heart.", "Brave hearts come in all sizes.",
            "It is brave to ask for a hand.", "Take it slow, and you will get there.", "Fears are smaller than they look.",
            "Courage is trying one more time.", "You can feel scared and still be strong.",
        ],
        "{H} loves {P}, but is afraid of {FEAR}",
        "Can a good friend help {H} find the courage inside?");
}
