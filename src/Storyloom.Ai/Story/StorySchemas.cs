namespace Storyloom.Ai.Story;

/// <summary>
/// The strict json_schema of each writing step (api-wire.md 1.2): every object lists all its properties in required and
/// forbids others; optional values are unions with null. Enums match Core's Manuscript vocabulary.
/// </summary>
internal static class StorySchemas
{
    private const string Str = """{ "type": "string" }""";

    private static string Enum(params string[] values) => $$"""{ "type": "string", "enum": [{{string.Join(", ", values.Select(v => $"\"{v}\""))}}] }""";

    private static string Obj(params (string Name, string Schema)[] props) =>
        $$"""{ "type": "object", "properties": { {{string.Join(", ", props.Select(p => $"\"{p.Name}\": {p.Schema}"))}} }, "required": [{{string.Join(", ", props.Select(p => $"\"{p.Name}\""))}}], "additionalProperties": false }""";

    private static string Array(string items) => $$"""{ "type": "array", "items": {{items}} }""";

    /// <summary>Every species of the scene model (a grown-up is "adult"), so a penguin hero is a penguin to the story check too.</summary>
    public static readonly string[] Species = [.. System.Enum.GetNames<Core.Books.Species>().Select(n => n.ToLowerInvariant())];
    public static readonly string[] Poses = ["standing", "walking", "running", "waving", "sitting", "sleeping", "holding"];

    public static readonly string Outline = Obj(
        ("title", Str),
        ("blurb", Str),
        ("moral", Str),
        ("closing", Str),
        ("keywords", Array(Str)),
        ("categories", Array(Enum([.. Core.Story.ListingCategories.All.Where(c => c.StartsWith("Juvenile Fiction", StringComparison.Ordinal))]))),
        ("cast", Array(Obj(
            ("name", Str),
            ("role", Enum("hero", "friend", "helper", "grown-up")),
            ("species", Enum(Species)),
            ("pronoun", Enum("she", "he", "they")),
            ("body_color", Str),
            ("accent_color", Str),
            ("clothing", Str),
            ("clothing_color", Str),
            ("accessory", """{ "type": ["string", "null"] }"""),
            ("visual_description", Str)))),
        ("beats", Array(Str)));

    public static readonly string Pages = Obj(("pages", Array(Obj(
        ("text", Str),
        ("setting", Str),
        ("time_of_day", Enum("morning", "day", "evening", "night")),
        ("weather", Enum("clear", "cloudy", "rain", "snow", "windy")),
        ("text_placement", Enum("top", "bottom")),
        ("description", Str),
        ("characters", Array(Obj(("character_name", Str), ("pose", Enum(Poses))))),
        ("props", Array(Str))))));

    public static readonly string Revision = Obj(("pages", Array(Obj(("text", Str)))));

    public static readonly string Rewrite = Obj(("text", Str));

    public static readonly string Words = Obj(
        ("the_end", Str), ("meet_the_characters", Str), ("about_the_author", Str), ("copyright", Str), ("no_copying", Str), ("first_edition", Str), ("about_author", Str),
        ("software_both", Str), ("software_each", Str), ("ai_model", Str), ("no_ai_model", Str), ("reviewed", Str), ("made_with", Str), ("about_book", Str));

    /// <summary>A coloring book's designs, one a page: the thing drawn, what part of the theme it is, its scene, caption and details.</summary>
    public static readonly string ColoringPlan = Obj(
        ("title", Str),
        ("designs", Array(Obj(("subject", Str), ("kind", Str), ("scene", Str), ("caption", Str), ("details", Array(Str))))));

    /// <summary>A concept book's words over the offline structure: a title and one text and picture a page, in order.</summary>
    public static readonly string ConceptPages = Obj(
        ("title", Str),
        ("pages", Array(Obj(("text", Str), ("picture", Str)))));
}
