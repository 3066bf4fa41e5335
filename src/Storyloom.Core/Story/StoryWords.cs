namespace Storyloom.Core.Story;

/// <summary>Word banks the offline story engine fills its templates from.</summary>
internal static class StoryWords
{
    public static readonly string[] Names =
    [
        "Pip", "Juniper", "Milo", "Hazel", "Otis", "Luna", "Basil", "Poppy", "Finn", "Willow",
        "Toby", "Clover", "Arlo", "Maple", "Benny", "Ivy", "Rosie", "Theo", "Fern", "Ziggy",
        "Mabel", "Oscar", "Nell", "Rufus", "Daisy", "Jasper", "Tilly", "Ollie", "Bea", "Sami",
        "Kiko", "Nico", "Lola", "Remy", "Wren", "Dot", "Bruno", "Iris", "Coco", "Felix",
        "Ada", "Juno", "Moss", "Pepper", "Hugo", "Ruby", "Leo", "Mina", "Bo", "Nova",
        "Tam", "Elsie", "Kit", "Marlo", "Penny", "Rowan", "Suki", "Tova", "Gus", "Lark",
    ];

    public static readonly Dictionary<string, string> PlaceName = new()
    {
        ["forest"] = "the Whispering Woods",
        ["beach"] = "Seashell Bay",
        ["town"] = "Little Lane",
        ["farm"] = "Sunny Hill Farm",
        ["space"] = "the Starry Sky",
        ["underwater"] = "the Coral Reef",
        ["bedroom"] = "the cozy bedroom",
        ["snowy-mountains"] = "the Snowy Peaks",
    };

    public static readonly Dictionary<string, string[]> Spots = new()
    {
        ["forest"] = ["under the old oak", "behind a mossy log", "by the babbling brook", "inside a hollow tree", "beneath the ferns", "near the mushroom ring", "up on a twisty branch", "past the berry bushes"],
        ["beach"] = ["behind a sandcastle", "near the rock pools", "under a striped umbrella", "by the tall dunes", "along the foamy shore", "beside the old pier", "under a pile of seaweed", "near the lighthouse"],
        ["town"] = ["behind the bakery", "under the park bench", "by the red mailbox", "near the fountain", "along the flower shop window", "beside the bus stop", "under the big clock", "past the toy shop"],
        ["farm"] = ["inside the red barn", "behind the haystack", "by the duck pond", "under the apple tree", "near the chicken coop", "along the wooden fence", "in the vegetable patch", "beside the old tractor"],
        ["space"] = ["behind a round moon rock", "near a ringed planet", "by a sleepy comet", "inside a crater", "along the Milky Way", "past a twinkly star cluster", "beside the rocket", "under a purple nebula"],
        ["underwater"] = ["behind the coral castle", "under a swaying kelp leaf", "inside a giant clam", "near a sunken boat", "by the sea anemones", "beneath a sandy ledge", "past a school of fish", "beside a smooth rock"],
        ["bedroom"] = ["under the bed", "behind the curtains", "inside the toy box", "on the bookshelf", "beneath the pillow", "by the window seat", "under the fluffy rug", "behind the wardrobe door"],
        ["snowy-mountains"] = ["behind a snowdrift", "near the frozen lake", "under a snowy pine", "by the icy cave", "along the sled path", "beside a snowman", "past the tall boulders", "under the mountain ledge"],
    };

    public static readonly Dictionary<string, string[]> Sights = new()
    {
        ["forest"] = ["Tall trees whispered overhead", "Sunbeams danced between the leaves", "A woodpecker tapped far away", "Ferns waved like green feathers", "Pinecones crunched underfoot"],
        ["beach"] = ["Waves rolled in and out, swish, swash", "Gulls called above the water", "Warm sand squished between toes", "Little crabs scuttled sideways", "The sea sparkled like glitter"],
        ["town"] = ["The bakery smelled of warm bread", "Bicycles rang their bells", "Flower boxes bloomed in every window", "The town clock gave a cheerful bong", "Neighbors waved from their doorsteps"],
        ["farm"] = ["The cows mooed a sleepy hello", "Hens clucked in the yard", "The windmill turned slowly", "Golden hay shone in the sun", "Piglets splashed in the mud"],
        ["space"] = ["Stars twinkled in every direction", "A comet swooshed past with a sparkly tail", "The planets glowed like lanterns", "Everything floated softly", "The moon dust was silver and soft"],
        ["underwater"] = ["Bubbles wobbled up to the surface", "Bright fish darted through the coral", "Seaweed swayed back and forth", "A turtle glided by slowly", "The water glowed green and blue"],
        ["bedroom"] = ["The night-light glowed softly", "The curtains rustled in the breeze", "Toys sat waiting on the shelf", "The blanket was warm and soft", "The moon peeked through the window"],
        ["snowy-mountains"] = ["Snowflakes drifted down like feathers", "The mountains wore white hats", "Icicles sparkled on the branches", "Boots crunched in the fresh snow", "The cold air made noses pink"],
    };

    public static readonly string[] Things =
    [
        "a sleepy snail", "three shiny pebbles", "a red leaf", "a lost button", "a curly feather", "a tiny beetle",
        "an old acorn cap", "a blue ribbon", "a round stone", "a ladybug", "a paper boat", "a striped sock",
        "a dandelion puff", "a silver spoon", "a wooden whistle", "a bouncy pinecone", "a puddle of rainwater", "a humming bee",
        "a crooked stick", "a soft moss patch", "a yellow marble", "a friendly frog", "two bright berries", "a little bell",
    ];

    public static readonly string[] Smells = ["fresh rain", "warm cookies", "pine needles", "salty wind", "sweet flowers", "toasty bread", "clean laundry", "ripe apples"];

    public static readonly string[] Feelings =
    [
        "{H}'s heart went thump, thump, thump.",
        "{H} felt a tiny flutter of hope.",
        "{H} wiggled {H2} toes and thought hard.",
        "{H} took a deep breath and counted to three.",
        "{H}'s tummy felt fluttery and tight.",
        "{H} smiled a small, brave smile.",
        "{H} scratched {H2} head and wondered.",
    ];

    public static readonly string[] Sayings =
    [
        "“Let’s keep going,” said {F}.",
        "“We can do this,” said {F}.",
        "“What a day!” laughed {F}.",
        "“Wait for me!” called {F}.",
        "“Look at that!” whispered {F}.",
        "“Don’t give up,” said {F} kindly.",
        "“One more try,” said {H}.",
        "“I have a feeling about this,” said {H}.",
    ];

    /// <summary>Openers that make a repeated idea read as a new moment in a long book.</summary>
    public static readonly string[] Openers =
    [
        "Just then, ", "After a while, ", "A little later, ", "Soon, ", "Meanwhile, ", "Before long, ",
        "Once again, ", "All of a sudden, ", "Quietly, ", "Step by step, ", "Later that day, ", "Right away, ",
    ];

    public static readonly string[] CommonWords =
    [
        "a", "about", "after", "again", "all", "along", "always", "an", "and", "any", "are", "around", "as", "at", "away",
        "back", "be", "bed", "before", "big", "bird", "blue", "book", "brave", "but", "by", "call", "called", "came", "can",
        "cat", "come", "could", "day", "did", "do", "dog", "don't", "down", "each", "eyes", "far", "felt", "find", "first",
        "for", "found", "friend", "friends", "from", "fun", "get", "give", "go", "going", "good", "got", "green", "had", "hand",
        "happy", "has", "have", "he", "head", "help", "her", "here", "him", "his", "home", "how", "i", "if", "in", "into", "is",
        "it", "it's", "just", "keep", "kind", "know", "last", "laughed", "let's", "like", "little", "long", "look", "looked",
        "made", "make", "many", "may", "me", "more", "morning", "my", "new", "next", "night", "no", "not", "now", "of", "off",
        "oh", "old", "on", "once", "one", "only", "or", "our", "out", "over", "play", "played", "put", "ran", "red", "run",
        "said", "saw", "say", "see", "she", "sky", "sleep", "small", "so", "some", "soon", "sun", "take", "than", "that",
        "the", "their", "them", "then", "there", "they", "thing", "this", "three", "time", "to", "too", "took", "tree",
        "trees", "try", "two", "under", "up", "us", "very", "walk", "want", "wanted", "was", "water", "way", "we", "went",
        "were", "what", "when", "where", "which", "while", "white", "who", "will", "with", "would", "yes", "you", "your",
        "hello", "hug", "today", "warm", "soft", "tiny", "smile", "smiled", "said", "stars", "star", "moon", "hooray",
        "again", "still", "even", "every", "everyone", "went", "just", "let", "set", "sat", "sit", "wave", "waved",
    ];
}
