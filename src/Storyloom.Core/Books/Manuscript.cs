using System.Text.Json.Serialization;

namespace Storyloom.Core.Books;

/// <summary>What a page is for; the layout picks a template by role.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageRole>))]
public enum PageRole
{
    /// <summary>Title page (page 1).</summary>
    Title,
    /// <summary>Copyright and dedication (page 2).</summary>
    Copyright,
    /// <summary>Story books: the cast, one card per character; the text has one "Name: description" paragraph per entry of the brief's characters.</summary>
    MeetTheCharacters,
    /// <summary>A story page: text plus a full-bleed illustration.</summary>
    Story,
    /// <summary>The last page of a story: "The End" and the moral.</summary>
    TheEnd,
    /// <summary>Coloring book: "This book belongs to" page.</summary>
    BelongsTo,
    /// <summary>Coloring book: a swatch page for testing colors.</summary>
    ColorTest,
    /// <summary>Coloring book: one design per sheet, always on a right-hand page.</summary>
    ColoringDesign,
    /// <summary>The blank back of a coloring sheet, marked so KDP and the reader know it is intentional.</summary>
    BlankBack,
    /// <summary>A marked "Notes" page used to pad the end of a book.</summary>
    Notes,
    /// <summary>Story books: the last page, a few lines about the author.</summary>
    AboutTheAuthor,
    /// <summary>Concept book (ABC, counting …): a big headline ("Aa", "3"), the picture and one line.</summary>
    Concept,
}

[JsonConverter(typeof(JsonStringEnumConverter<Species>))]
public enum Species
{
    Child,
    Fox,
    Bear,
    Rabbit,
    Cat,
    Dog,
    Owl,
    Mouse,
    Dragon,
    Robot,
    /// <summary>A grown-up person: parent, teacher, doctor, dentist; drawn taller than a child.</summary>
    Adult,
    /// <summary>An old person: grandma, grandpa; drawn as tall as an adult, grey hair.</summary>
    Grandparent,
    /// <summary>A baby (a new sibling): small, sits or is held.</summary>
    Baby,
    Dinosaur,
    Unicorn,
    Horse,
    Elephant,
    Lion,
    Monkey,
    Penguin,
    Frog,
    Duck,
    Pig,
    Cow,
    Sheep,
    Turtle,
}

[JsonConverter(typeof(JsonStringEnumConverter<Pose>))]
public enum Pose
{
    Standing,
    Walking,
    Running,
    Waving,
    Sitting,
    Sleeping,
    Holding,
    /// <summary>Arms round the character the placement's <c>Target</c> names (or the held thing).</summary>
    Hugging,
    /// <summary>Jumping for joy, feet off the ground.</summary>
    Jumping,
    /// <summary>Pointing at something ahead (the direction it faces).</summary>
    Pointing,
}

/// <summary>One member of the cast: the "character bible" entry every page draws from.</summary>
/// <param name="Id">Stable id used by illustration briefs, e.g. "c1".</param>
/// <param name="BodyColor">CSS hex color of fur/skin/metal.</param>
/// <param name="AccentColor">Hex color of ears, belly, scales.</param>
/// <param name="Clothing">"scarf", "overalls", "dress", "cape", "jacket", "none" …</param>
/// <param name="Accessory">"backpack", "hat", "glasses", "bow", "lantern" … or null.</param>
/// <param name="Pronoun">"she", "he" or "they": how the text speaks of the character.</param>
public sealed record Character(
    string Id,
    string Name,
    string Role,
    Species Species,
    string BodyColor,
    string AccentColor,
    string Clothing,
    string ClothingColor,
    string? Accessory,
    string VisualDescription,
    string Pronoun = "they");

/// <summary>Where and how one character appears in a picture.</summary>
/// <param name="X">Horizontal position of the character's centre, 0 (left) … 1 (right) of the picture.</param>
/// <param name="Mood">The face to draw: "happy", "sad", "angry", "scared", "surprised", "calm", "proud", "shy", "excited", "sleepy"; null is the usual smile.</param>
/// <param name="Holding">A prop of <see cref="SceneVocabulary.Props"/> in the character's hands, or null.</param>
/// <param name="Target">The id of the character this one hugs, looks at or talks to; null for none.</param>
public sealed record CharacterPlacement(string CharacterId, Pose Pose, double X, bool FacingLeft, string? Holding = null, string? Mood = null, string? Target = null);

/// <summary>Things a concept picture must show clearly and countably: Count of Kind, in one Color or one Variant.</summary>
/// <param name="Kind">"apple", "boat", "circle" … (see the art engine's thing painter).</param>
/// <param name="Color">CSS hex color for things that come in any color (balloon, crayon, ball …); null keeps the thing's own.</param>
/// <param name="Variant">Opposites: "big", "small", "up", "down", "full", "empty" …; null for the plain thing.</param>
public sealed record PictureObject(string Kind, int Count, string? Color = null, string? Variant = null);

/// <summary>The art brief of one page: enough for any art engine (offline SVG or an image model).</summary>
/// <param name="Setting">"forest", "beach", "town", "farm", "space", "underwater", "bedroom", "snowy-mountains" …</param>
/// <param name="TimeOfDay">"morning", "day", "evening", "night".</param>
/// <param name="Weather">"clear", "cloudy", "rain", "snow", "windy".</param>
/// <param name="TextPlacement">"top" or "bottom": where the page text panel sits, so the art keeps that area calm.</param>
/// <param name="Description">One or two sentences describing the picture, usable as an image prompt.</param>
/// <param name="Objects">Concept books: groups of things drawn apart from each other so a child can count them; side by side when two groups are opposites.</param>
/// <param name="Props">Things of <see cref="SceneVocabulary.Props"/> standing in the scene (not held); every one is drawn.</param>
/// <param name="Shot">"wide" (the whole place, small figures), "medium" (figures to the knees, the usual), "close" (faces and what they hold); null is medium.</param>
public sealed record IllustrationBrief(
    string Setting,
    string TimeOfDay,
    string Weather,
    IReadOnlyList<CharacterPlacement> Characters,
    IReadOnlyList<string> Props,
    string TextPlacement,
    string Description,
    IReadOnlyList<PictureObject>? Objects = null,
    string? Shot = null);

/// <summary>One interior page. Number is the 1-based PDF page number (odd = right-hand page).</summary>
/// <param name="Headline">Concept pages: the big word above the picture ("Aa", "3", "Red", "Big / Small").</param>
public sealed record ManuscriptPage(int Number, PageRole Role, string? Text, IllustrationBrief? Illustration, string? Headline = null);

/// <summary>Reading-level figures of the whole text, measured by the story engine, beside the age band's targets.</summary>
/// <param name="RareWordShare">Share of words (names excluded) outside the band's common-word list.</param>
/// <param name="InBand">Whether the grade, rare-word share and every story page's length are within the band's targets.</param>
public sealed record Readability(
    double FleschKincaidGrade,
    double RareWordShare,
    double WordsPerPage,
    double WordsPerSentence,
    double TargetMinGrade = 0,
    double TargetMaxGrade = 0,
    double TargetMaxRareShare = 0,
    bool InBand = true);

/// <summary>Listing copy for KDP.</summary>
public sealed record Listing(string Title, string? Subtitle, string Description, IReadOnlyList<string> Keywords, IReadOnlyList<string> Categories, string ReadingAge);

/// <summary>The saved output of the story step: everything the art and layout steps need.</summary>
/// <param name="PictureSeeds">Pictures the user chose among regenerated candidates: page number (0 = the cover) → the seed that drew it; other pictures use <c>Seed</c>.</param>
public sealed record Manuscript(
    string Title,
    string? Subtitle,
    string Author,
    BookKind Kind,
    AgeBand Age,
    string Theme,
    int Seed,
    string ArtStyle,
    IReadOnlyList<Character> Cast,
    IReadOnlyList<ManuscriptPage> Pages,
    string Blurb,
    string? Dedication,
    string? Moral,
    Readability? Readability,
    Listing Listing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<int, int>? PictureSeeds = null)
{
    /// <summary>The language of the text, a BCP-47 tag ("en", "es", "ar", "zh-Hans").</summary>
    public string Language { get; init; } = "en";

    /// <summary>Headings and copyright lines in <see cref="Language"/> when they are not built in (<see cref="BookWords"/>).</summary>
    public BookWords? Words { get; init; }

    /// <summary>What the engine could not do as the brief asked, and what it did instead (said before the book is made).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>Story books: the plot family the brief was read as and the brief's nouns the story must hold.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PremiseSummary? Premise { get; init; }

    /// <summary>Story books: the story check of the words against the brief, the plan and the scenes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoryReport? Check { get; init; }

    /// <summary>Coloring and concept books with the AI writer: who planned the pages, what the plan's check found, and why it fell back.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlanReport? Plan { get; init; }
}

/// <summary>
/// How a coloring or concept book's pages were planned with the AI writer: <paramref name="Planner"/> "model" (its answer passed the
/// checks, perhaps after one revision) or "offline" (the offline planner's pages, with <paramref name="Fallback"/> saying why).
/// </summary>
/// <param name="Findings">What the checks found in the model's answers (the first, and the revision's); pages kept offline are named.</param>
/// <param name="Revised">Whether the model was asked once more with the findings.</param>
public sealed record PlanReport(string Planner, string Model, IReadOnlyList<string> Findings, bool Revised, string? Fallback)
{
    /// <summary>One line for a CLI summary or a task event.</summary>
    public string Summary() => Fallback is { } why
        ? $"planned by the offline engine: {why}"
        : $"planned by {Model}{(Revised ? $" (revised once for {Findings.Count} findings)" : "")}{(Findings.Count > 0 && !Revised ? $"; {string.Join("; ", Findings.Take(3))}" : "")}";
}

/// <summary>The plot family a brief was read as ("school", "dark" …) and the nouns of the brief the story must hold.</summary>
public sealed record PremiseSummary(string Family, IReadOnlyList<string> Keys);

/// <summary>One finding of the story check: the rule, MUST or SHOULD, the page (0 for the whole book) and what is wrong.</summary>
public sealed record StoryFinding(string Rule, string Level, int Page, string Message);

/// <summary>What the story check measured, and what it found.</summary>
/// <param name="ThemeCoverage">Share of the premise's nouns the story's words hold.</param>
/// <param name="RepeatedSentenceShare">Share of sentences that appear more than once in the book.</param>
public sealed record StoryReport(
    bool Passed,
    double ThemeCoverage,
    double RepeatedSentenceShare,
    double WordsPerPage,
    int WordsTotal,
    IReadOnlyList<StoryFinding> Findings)
{
    /// <summary>A model-written story: what the check found in the first draft, sent back to the model once; null when the
    /// draft passed or the offline engine wrote it. A story still failing after it is kept and reported, not stopped.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoryRevision? Revision { get; init; }
}

/// <summary>The one revision of a model-written story: the pages sent back, and the draft's findings they were sent with.</summary>
public sealed record StoryRevision(IReadOnlyList<int> Pages, IReadOnlyList<StoryFinding> DraftFindings);
