namespace Storyloom.Core.Story;

/// <summary>Word banks the offline story engine fills its templates from.</summary>
internal static class StoryWords
{
    /// <summary>Names that usually go with "she".</summary>
    public static readonly string[] SheNames =
    [
        "Juniper", "Hazel", "Luna", "Poppy", "Willow", "Clover", "Maple", "Ivy", "Rosie", "Mabel", "Nell", "Daisy", "Tilly",
        "Bea", "Lola", "Iris", "Coco", "Ada", "Juno", "Ruby", "Mina", "Nova", "Elsie", "Penny", "Suki", "Tova", "Lark", "Wren",
        "Pearl", "Olive", "Greta", "Lucy", "Mimi", "Zara", "Freya", "Lulu", "Nina", "Sadie", "Thea", "Violet", "Winnie", "Amara",
        "Priya", "Aiko", "Lila", "Esme", "Hattie", "Fern",
    ];

    /// <summary>Names that usually go with "he".</summary>
    public static readonly string[] HeNames =
    [
        "Milo", "Otis", "Basil", "Finn", "Toby", "Arlo", "Benny", "Theo", "Oscar", "Rufus", "Jasper", "Ollie", "Nico", "Bruno",
        "Felix", "Hugo", "Leo", "Gus", "Teddy", "Alfie", "Barney", "Cosmo", "Dexter", "Eli", "Henry", "Iggy", "Jack", "Kai",
        "Louie", "Max", "Ned", "Percy", "Ravi", "Sid", "Tomas", "Wally", "Zeke", "Ezra", "Omar", "Rocco", "Archie", "Marlo",
    ];

    /// <summary>Names for anyone: their character gets "she", "he" or "they" by seed.</summary>
    public static readonly string[] AnyNames =
    [
        "Pip", "Sami", "Kiko", "Kit", "Rowan", "Moss", "Pepper", "Bo", "Tam", "Ziggy", "Robin", "Sunny", "Jo", "Charlie",
        "Alex", "Remy", "Quinn", "Rory", "Jules", "Indy", "Lou", "Noor", "Ari", "Ellis", "Marley", "Sasha", "Dot", "Sky",
    ];

    public static readonly string[] Names = [.. SheNames, .. HeNames, .. AnyNames];

    /// <summary>
    /// The pronoun a brief's own name for its hero usually goes with ("a story for Emma" is about a girl), from the story's
    /// names and the most given children's names in English-speaking countries, then from the ending most girls' names share
    /// (-a, -ie, -elle, -ette, -ine, -lyn); null when the name says neither (Sam, Alex, Jordan), and the story chooses by seed.
    /// </summary>
    public static string? PronounOfGiven(string name)
    {
        if (SheNames.Contains(name) || GivenShe.Contains(name)) return "she";
        if (HeNames.Contains(name) || GivenHe.Contains(name)) return "he";
        if (AnyNames.Contains(name) || GivenAny.Contains(name)) return null;
        var n = name.ToLowerInvariant();
        return n.EndsWith('a') || n.EndsWith("ie", StringComparison.Ordinal) || n.EndsWith("elle", StringComparison.Ordinal)
            || n.EndsWith("ette", StringComparison.Ordinal) || n.EndsWith("ine", StringComparison.Ordinal) || n.EndsWith("lyn", StringComparison.Ordinal)
            || n.EndsWith("lynn", StringComparison.Ordinal) ? "she" : null;
    }

    private static readonly HashSet<string> GivenShe = new(StringComparer.OrdinalIgnoreCase)
    {
        "Olivia", "Emma", "Charlotte", "Amelia", "Sophia", "Isabella", "Mia", "Evelyn", "Harper", "Ella", "Grace", "Chloe", "Lily",
        "Emily", "Abigail", "Scarlett", "Aria", "Ellie", "Layla", "Zoe", "Zoey", "Nora", "Hannah", "Leah", "Stella", "Aurora", "Alice",
        "Ava", "Isla", "Sophie", "Florence", "Matilda", "Rose", "Evie", "Maya", "Maia", "Sarah", "Anna", "Eva", "Elizabeth", "Madison",
        "Kate", "Katie", "Jessica", "Jess", "Amy", "Megan", "Holly", "Molly", "Millie", "Maisie", "Phoebe", "Imogen", "Eleanor", "Harriet",
        "Beth", "Lucy", "Ruth", "Jane", "Mary", "Margaret", "Ellen", "Helen", "Claire", "Clara", "Heidi", "Naomi", "Esther", "Abby",
        "Gracie", "Lottie", "Darcy", "Orla", "Aoife", "Niamh", "Siobhan", "Fatima", "Aisha", "Ayesha", "Zainab", "Maryam", "Mariam",
        "Sofia", "Valentina", "Camila", "Lucia", "Elena", "Chiara", "Giulia", "Lea", "Léa", "Chloé", "Manon", "Ines", "Inès", "Mila",
        "Hazel", "Violet", "Audrey", "Brooklyn", "Savannah", "Paisley", "Skylar", "Madelyn", "Kinsley", "Ivy", "Piper", "Ruby", "Daisy",
        "Eliza", "Josephine", "Rachel", "Rebecca", "Lauren", "Bella", "Ariana", "Elise", "Eloise", "Faith", "Hope", "Joy", "June", "Meg",
        "Nancy", "Joan", "Iris", "Lydia", "Annie", "Jenny", "Polly", "Betty", "Dolly", "Edith", "Agnes", "Mabel", "Marie", "Julia",
    };

    private static readonly HashSet<string> GivenHe = new(StringComparer.OrdinalIgnoreCase)
    {
        "Liam", "Noah", "Oliver", "James", "Elijah", "William", "Lucas", "Benjamin", "Mason", "Ethan", "Logan", "Jacob", "Michael",
        "Daniel", "Sebastian", "Jackson", "Aiden", "Owen", "Samuel", "Matthew", "Joseph", "David", "Wyatt", "John", "Luke", "Isaac",
        "Gabriel", "Anthony", "Dylan", "Lincoln", "Thomas", "Tom", "Tommy", "George", "Harry", "Charles", "Freddie", "Frederick", "Arthur",
        "Jake", "Joshua", "Joe", "Samuel", "Adam", "Ben", "Ryan", "Lewis", "Louis", "Alexander", "Edward", "Ed", "Eddie", "Harrison",
        "Reggie", "Ronnie", "Stanley", "Albert", "Frank", "Peter", "Paul", "Mark", "Simon", "Andrew", "Andy", "Chris", "Christopher",
        "Nathan", "Nathaniel", "Patrick", "Sean", "Connor", "Callum", "Cameron", "Oisin", "Cian", "Conor", "Mohammed", "Muhammad",
        "Ahmed", "Ali", "Yusuf", "Ibrahim", "Omar", "Hamza", "Zain", "Mateo", "Matteo", "Santiago", "Diego", "Carlos", "Luca", "Lorenzo",
        "Leonardo", "Marco", "Gabriele", "Jonas", "Raphael",
        "Jayden", "Carter", "Grayson", "Hudson", "Caleb", "Levi", "Asher", "Jonah", "Micah", "Elias", "Miles", "Jesse", "Rory", "Seth",
        "Bobby", "Billy", "Danny", "Jimmy", "Johnny", "Timmy", "Tim", "Jim", "Bob", "Bill", "Dan", "Will", "Willy", "Fred", "Alfred", "Reuben",
    };

    private static readonly HashSet<string> GivenAny = new(StringComparer.OrdinalIgnoreCase)
    {
        "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Avery", "Jamie", "Charlie", "Sam", "Frankie", "Max", "Robin", "Ashley",
    };

    /// <summary>The pronoun a name goes with; names for anyone get "she" or "he" by seed ("Sami the child … by themselves" read oddly
    /// in a picture book). A character given with "they" keeps it.</summary>
    public static string PronounFor(string name, Randomness.Rng rng) =>
        SheNames.Contains(name) || name is "Mama" or "Grandma" ? "she"
        : HeNames.Contains(name) || name is "Papa" or "Grandpa" ? "he"
        : rng.Pick(new[] { "she", "he" });

    /// <summary>Subject, object, possessive and reflexive forms.</summary>
    public static (string He, string Him, string His, string Himself) Forms(string pronoun) => pronoun switch
    {
        "she" => ("she", "her", "her", "herself"),
        "he" => ("he", "him", "his", "himself"),
        _ => ("they", "them", "their", "themselves"),
    };

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
        "{H} wiggled {HIS} toes and thought hard.",
        "{H} took a deep breath and counted to three.",
        "{H}'s tummy felt fluttery and tight.",
        "{H} smiled a small, brave smile.",
        "{H} scratched {HIS} head and wondered.",
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
}
