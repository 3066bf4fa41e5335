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

/// <summary>The sentence templates of one story shape. Tokens: {H} hero, {F} friend, {G} goal, {GP} goal phrase, {P} place, {SPOT}, {THING}, {FEAR}, {SMELL}, {H2}.</summary>
internal sealed record ShapeText(
    string[] Titles,
    Dictionary<Phase, string[]> Short,
    Dictionary<Phase, string[]> Core,
    Dictionary<Phase, string[]> Extra,
    string[] Closings,
    string[] Morals,
    string BlurbProblem,
    string BlurbQuestion);

/// <summary>What the story is about: the thing searched for, shared, or feared.</summary>
internal sealed record Goal(string Prop, string Phrase, string TitlePhrase);

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
    ];

    public static readonly Goal[] FriendGoals =
    [
        new("kite", "a bright kite", "the Kite"),
        new("ball", "a bouncy ball", "the Ball"),
        new("book", "a favorite picture book", "the Book"),
        new("flower", "a handful of flowers", "the Flowers"),
    ];

    public static readonly Goal[] Fears =
    [
        new("lantern", "the dark", "the Big Dark"),
        new("star", "the big, loud thunder", "the Thunder"),
        new("ball", "the tall, tall hill", "the Tall Hill"),
        new("flower", "the deep, wide water", "the Deep Water"),
    ];

    public static readonly Goal[] BedtimeGoals =
    [
        new("star", "the sleepy stars", "the Sleepy Stars"),
        new("book", "a bedtime story", "the Bedtime Story"),
        new("lantern", "the night-light", "the Night-Light"),
    ];

    public static ShapeText For(StoryShape shape) => shape switch
    {
        StoryShape.Quest => Quest,
        StoryShape.Friend => Friend,
        StoryShape.Bedtime => Bedtime,
        _ => Fear,
    };

    private static readonly ShapeText Quest = new(
        ["{H} and {TP}", "{H} and {TP}", "Where Is {TP}?", "{H}’s Big Search"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} loves {GP}.", "Hello, {P}!", "{H} wakes up happy."],
            [Phase.Problem] = ["Oh no! It is gone!", "Where is {GP}?", "{H} feels sad."],
            [Phase.Attempt] = ["Is it {SPOT}?", "{H} looks {SPOT}.", "{H} finds {THING}.", "Not {SPOT}!", "{F} looks too.", "{H} peeks {SPOT}."],
            [Phase.Turn] = ["Look! A glow!", "{F} has an idea.", "What is that?"],
            [Phase.Resolution] = ["Found it! Hooray!", "{H} hugs {GP}.", "Everyone cheers!", "Home again."],
        },
        new()
        {
            [Phase.Opening] = ["{H} lived in {P}, where mornings smelled of {SMELL}.", "Every day, {H} carried {GP} everywhere.", "{H} had one treasure that mattered most: {GP}.", "In {P}, {H} woke up early and said hello to the sun."],
            [Phase.Problem] = ["One morning, {GP} was gone!", "{H} looked on the shelf and in the basket, but {GP} had vanished.", "“Oh no,” said {H}. “Where could it be?”", "{H} felt a big, heavy lump of worry."],
            [Phase.Attempt] = ["{H} searched {SPOT}, but found only {THING}.", "“Maybe it is {SPOT},” said {F}. But there was only {THING}.", "{H} and {F} tiptoed {SPOT}. No {G}, just {THING}.", "{H} peeked {SPOT} and spotted {THING} instead.", "They followed a trail of tiny footprints {SPOT}, but it ended at {THING}.", "{F} climbed up high to look {SPOT}, but saw only {THING}."],
            [Phase.Turn] = ["Then {F} saw something glowing {SPOT}.", "{H} had an idea. “Let’s ask everyone to help!”", "A gentle breeze whispered, and {H} heard a faint jingle {SPOT}."],
            [Phase.Resolution] = ["There it was: {GP}, safe and sound {SPOT}!", "{H} hugged {GP} tight, and everyone cheered.", "Together they carried {GP} home as the sky turned gold.", "{H} thanked every friend who had helped."],
        },
        new()
        {
            [Phase.Attempt] = ["“Not here either,” sighed {H}.", "{F} pointed to the next path.", "{H} did not give up."],
            [Phase.Resolution] = ["It felt even more special now.", "Searching together had been an adventure."],
        },
        ["And from that day on, {H} always kept {GP} close.", "And {H} never forgot the day of the great search."],
        ["Never give up, and ask your friends for help.", "Patience and teamwork help us find what we need."],
        "{H} loses {GP} and must search all over {P}",
        "Will {H} and friends find it before the day is done?");

    private static readonly ShapeText Friend = new(
        ["{H} Finds a Friend", "A Friend for {H}", "{H} and {F}", "Hello, {F}!"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} is new here.", "Hello, {P}!"],
            [Phase.Problem] = ["{H} wants a friend.", "{H} feels shy.", "{H} is all alone."],
            [Phase.Attempt] = ["{H} waves {SPOT}.", "Hello? Hello?", "{H} tries a game.", "{H} sits {SPOT}.", "{H} finds {THING}.", "{H} says hi."],
            [Phase.Turn] = ["Look! It is {F}!", "{F} is sad too.", "{H} shares."],
            [Phase.Resolution] = ["Friends! Hooray!", "They play all day.", "{H} and {F} laugh.", "{X} plays too!"],
        },
        new()
        {
            [Phase.Opening] = ["{H} had just moved to {P}, and everything felt new and big.", "{H} unpacked a box of toys in {P}.", "In {P}, the air smelled of {SMELL}, and {H} wondered who lived nearby."],
            [Phase.Problem] = ["{H} wanted a friend, but did not know how to say hello.", "Everyone else seemed to have a friend already.", "{H} sat {SPOT} and felt very small."],
            [Phase.Attempt] = ["{H} tried to join a game {SPOT}, but felt too shy to speak.", "{H} waved {SPOT}, but nobody saw.", "{H} practiced saying hello to {THING}.", "{H} made a picture of {THING} to show someone, but no one was there.", "{H} walked {SPOT} and hummed a little tune, hoping someone would hear.", "{H} built a tower {SPOT}, but it toppled over."],
            [Phase.Turn] = ["{H} gathered up all {H2} courage and said, “Hello! I’m {H}.”", "{H} held out {GP}. “Do you want to play?”", "“I’m {F},” said a small voice. “Can I play too?”"],
            [Phase.Resolution] = ["{H} and {F} played with {GP} until the sun went low.", "They laughed so much their tummies hurt.", "Soon {X} came to play too, and the game grew even bigger.", "“See you tomorrow?” asked {F}. “Yes!” said {H}.", "Now {P} did not feel new at all."],
        },
        new()
        {
            [Phase.Attempt] = ["{H} felt a little lonely.", "Maybe tomorrow, thought {H}."],
            [Phase.Turn] = ["{F} smiled a tiny smile."],
        },
        ["And that is how {H} found a friend.", "And {H} and {F} have been best friends ever since."],
        ["Kindness is the best way to make a friend.", "A friend is someone who shares and cares."],
        "{H} is new in {P} and wants a friend more than anything",
        "Can one small hello change everything?");

    private static readonly ShapeText Bedtime = new(
        ["Goodnight, {H}", "{H} Can’t Sleep", "Sleepy Time, {H}", "{H} and {TP}"],
        new()
        {
            [Phase.Opening] = ["The sun goes down.", "It is almost bedtime.", "{H} yawns."],
            [Phase.Problem] = ["But {H} is not sleepy.", "{H} is wide awake!", "Bounce, bounce, bounce!"],
            [Phase.Attempt] = ["{H} counts stars.", "A warm drink.", "A soft blanket.", "{H} hugs {THING}.", "A story {SPOT}.", "Shh, says {F}."],
            [Phase.Turn] = ["Listen. The night sings.", "The moon smiles.", "So quiet."],
            [Phase.Resolution] = ["{H} yawns a big yawn.", "Eyes close.", "Goodnight, {H}."],
        },
        new()
        {
            [Phase.Opening] = ["The sun slipped behind {P}, and the sky turned pink and gold.", "It was almost bedtime for {H}.", "{H} splashed in a warm bath that smelled of {SMELL}."],
            [Phase.Problem] = ["But {H} was not sleepy at all.", "{H} bounced on the bed. “I’m not tired!”", "{H}’s eyes were wide open, bright as buttons."],
            [Phase.Attempt] = ["{H} counted stars {SPOT}: one, two, three… but was still wide awake.", "{F} read a story about {THING}. {H} yawned, but only a little.", "{H} snuggled {THING} and wiggled under the blanket.", "{H} sipped warm milk {SPOT}, slowly, slowly.", "{F} sang a soft song about {THING}.", "{H} imagined floating {SPOT}, light as a feather."],
            [Phase.Turn] = ["Then {H} listened. The night was singing: crickets, wind, and a hooting owl.", "The moon peeked in and seemed to whisper, “Shh.”", "{H} took a slow breath in, and a slow breath out."],
            [Phase.Resolution] = ["{H}’s eyes grew heavy, heavy, heavy.", "Soon {H} was fast asleep, dreaming of {GP}.", "The house was quiet, and {H} slept sweetly."],
        },
        new()
        {
            [Phase.Attempt] = ["The blanket felt soft and warm.", "Outside, the stars blinked."],
            [Phase.Resolution] = ["Everything was calm and still."],
        },
        ["Goodnight, {H}. Goodnight, {P}.", "Sleep tight, {H}. Sweet dreams."],
        ["Quiet moments help us rest and dream.", "Every busy day ends best with a calm goodnight."],
        "It is bedtime, but {H} is not sleepy at all",
        "What will help {H} drift off to dreamland?");

    private static readonly ShapeText Fear = new(
        ["{H} and {TP}", "Brave Little {H}", "{H} Is Brave", "{H} and {TP}"],
        new()
        {
            [Phase.Opening] = ["This is {H}.", "{H} loves {P}.", "{H} plays all day."],
            [Phase.Problem] = ["But {H} is scared.", "Oh no, {FEAR}!", "{H} hides."],
            [Phase.Attempt] = ["{H} tries.", "One small step.", "{H} peeks {SPOT}.", "{H} wobbles.", "{H} holds {THING}.", "Too scary!"],
            [Phase.Turn] = ["{F} holds {H}’s hand.", "Together, okay?", "Deep breath."],
            [Phase.Resolution] = ["{H} did it!", "Not so scary!", "Hooray for {H}!", "{X} cheers!"],
        },
        new()
        {
            [Phase.Opening] = ["{H} loved {P}, where the air smelled of {SMELL}.", "{H} liked to run and jump and explore.", "Every day in {P} was full of games."],
            [Phase.Problem] = ["But there was one thing {H} did not love: {FEAR}.", "Today, {H} would have to face {FEAR}.", "Just thinking about {FEAR} made {H}’s knees wobble."],
            [Phase.Attempt] = ["{H} tried to be brave {SPOT}, but then hid behind {THING}.", "{H} took one step {SPOT}, then ran back.", "{H} squeezed {THING} for courage.", "“Maybe tomorrow,” {H} whispered {SPOT}.", "{H} pretended to be a lion {SPOT}, but the roar came out as a squeak.", "{H} peeked {SPOT} with one eye open."],
            [Phase.Turn] = ["{F} took {H}’s hand. “We can do it together, one small step at a time.”", "{F} said, “I feel scared sometimes too.”", "{H} breathed in slow and out slow, and felt a little stronger."],
            [Phase.Resolution] = ["{H} faced {FEAR}, and it was not so scary after all!", "{H} laughed. “I did it!”", "{F} cheered, and {H} felt ten feet tall.", "{X} clapped and cheered {SPOT}."],
        },
        new()
        {
            [Phase.Attempt] = ["Being brave was hard.", "{H}’s heart beat fast."],
            [Phase.Resolution] = ["{H} stood tall and proud."],
        },
        ["Now {H} knows that brave means trying, even when you feel small.", "And {H} was never quite so scared again."],
        ["Being brave means trying, even when you feel scared.", "Fears grow smaller when we face them together."],
        "{H} loves {P}, but is afraid of {FEAR}",
        "Can a good friend help {H} find the courage inside?");
}
