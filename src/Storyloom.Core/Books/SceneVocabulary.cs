namespace Storyloom.Core.Books;

/// <summary>
/// The one list of what an offline scene can hold. The story engine names only these places and things in its scenes and
/// words; the offline art engine draws every one of them (tests hold both to it), so what the words name is what the picture shows.
/// </summary>
public static class SceneVocabulary
{
    /// <summary>Places a page can happen in, with the landmarks the art shows in each (so the words may name them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Settings = new Dictionary<string, string[]>
    {
        ["bedroom"] = ["bed", "window", "rug", "shelf"],
        ["kitchen"] = ["table", "chair", "window", "cupboard"],
        ["living-room"] = ["sofa", "window", "rug", "lamp"],
        ["bathroom"] = ["bath", "sink", "mirror"],
        ["classroom"] = ["desk", "chalkboard", "cubby", "window"],
        ["playground"] = ["slide", "swing", "sandpit"],
        ["dentist"] = ["dentist's chair", "lamp", "mirror"],
        ["doctor"] = ["bed", "chart", "window"],
        ["hair-salon"] = ["big chair", "mirror", "cape"],
        ["shop"] = ["shelf", "counter"],
        ["park"] = ["tree", "bench", "path", "pond"],
        ["garden"] = ["flower", "fence", "vegetable patch"],
        ["forest"] = ["tree", "bush", "mushroom"],
        ["beach"] = ["sand", "sea", "wave"],
        ["underwater"] = ["seaweed", "coral", "rock"],
        ["farm"] = ["barn", "fence", "field"],
        ["town"] = ["house", "street", "shop"],
        ["space"] = ["planet", "star", "moon"],
        ["snowy-mountains"] = ["mountain", "snow", "pine tree"],
        ["cave"] = ["rock", "cave wall"],
        ["castle"] = ["tower", "wall", "gate"],
        ["zoo"] = ["fence", "path", "tree", "pond"],
    };

    /// <summary>Things a scene can hold, held by a character or standing in the place.</summary>
    public static readonly IReadOnlySet<string> Props = new HashSet<string>
    {
        "lantern", "kite", "balloon", "ball", "book", "flower", "star", "shell", "snowflake", "bubbles",
        "teddy", "night-light", "blanket", "toothbrush", "backpack", "lunchbox", "crayons", "blocks", "drawing",
        "cake", "present", "box", "van", "suitcase", "umbrella", "bucket", "sandcastle", "map", "key", "boat",
        "rocket", "bike", "sled", "snowman", "leaf", "apple", "cookie", "cup", "sticker", "photo", "comb",
        "scissors", "potty", "crib", "egg", "nest", "telescope", "watering-can", "drum", "toy-car", "christmas-tree", "stocking", "medal", "finish-line",
    };

    public static readonly IReadOnlyList<string> TimesOfDay = ["morning", "day", "evening", "night"];

    public static readonly IReadOnlyList<string> Weathers = ["clear", "cloudy", "rain", "snow", "windy"];

    /// <summary>Settings that are indoors: no weather, no sun; a window may show the time of day.</summary>
    public static readonly IReadOnlySet<string> Indoors = new HashSet<string>
    {
        "bedroom", "kitchen", "living-room", "bathroom", "classroom", "dentist", "doctor", "hair-salon", "shop", "cave",
    };
}
