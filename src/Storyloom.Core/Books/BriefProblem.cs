namespace Storyloom.Core.Books;

/// <summary>
/// One thing wrong with a brief: the field it is about (its spec-file name, see <see cref="BriefField"/>) and a sentence
/// that says what to change without naming a flag or a JSON field, so the CLI can name its flag and the API its field.
/// </summary>
public sealed record BriefProblem(string Field, string Message)
{
    /// <summary>How the CLI prints it: "--character: unknown species 'wolf'; use …".</summary>
    public string ForCli => Field == BriefField.Spec ? Message : $"{BriefField.Flag(Field)}: {Message}";
}

/// <summary>The fields of a brief as the spec file names them; the CLI's flags and the API's JSON fields are derived here.</summary>
public static class BriefField
{
    public const string Title = "title", Author = "author", Kind = "kind", Age = "age", Theme = "theme", Moral = "moral",
        Trim = "trim", Pages = "pages", Ink = "ink", Paper = "paper", Bleed = "bleed", Seed = "seed", Shape = "shape",
        Focus = "focus", Level = "level", Style = "style", Dedication = "dedication", AboutAuthor = "aboutAuthor",
        MeetTheCharacters = "meetTheCharacters", Characters = "characters", Imprint = "imprint",
        ReviewedByAuthor = "reviewedByAuthor", Credit = "credit", Formats = "formats", Narrate = "narrate";

    /// <summary>Not a field: the spec file as a whole (bad JSON, an unknown field).</summary>
    public const string Spec = "spec";

    public static readonly IReadOnlyList<string> All =
        [Title, Author, Kind, Age, Theme, Moral, Trim, Pages, Ink, Paper, Bleed, Seed, Shape, Focus, Level, Style,
         Dedication, AboutAuthor, MeetTheCharacters, Characters, Imprint, ReviewedByAuthor, Credit, Formats, Narrate];

    /// <summary>The CLI flag of a field: "--about-author", and "--character" (repeatable) for the cast.</summary>
    public static string Flag(string field) => field switch
    {
        Characters => "--character",
        Spec => "--spec",
        _ => "--" + System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(field),
    };

    /// <summary>The API's JSON field of a brief field; the API kept its older names for four of them.</summary>
    public static string Json(string field) => field switch
    {
        Age => "ageGroup",
        Pages => "pageCount",
        Focus => "educationalFocus",
        Style => "artStyle",
        Spec => "body",
        _ => field,
    };
}

/// <summary>The longest text each field of a brief may hold, the same in the CLI, the spec file, the API and the web wizard.</summary>
public static class BriefLimits
{
    public const int Title = 120;
    public const int Author = 120;
    public const int Theme = 500;
    public const int Moral = 300;
    /// <summary>Printed on the copyright page above the legal lines.</summary>
    public const int Dedication = 300;
    /// <summary>One page, at a readable size.</summary>
    public const int AboutAuthor = 1200;
    public const int Imprint = 80;
    public const int Characters = 8;
    public const int CharacterName = 60;
    public const int CharacterLook = 1000;
    public const int CharacterRole = 30;
    public const int CharacterPronoun = 20;
    public const int CharacterTraits = 12;
    public const int CharacterTrait = 30;
    public const int CharacterClothing = 40;
}

/// <summary>A brief that cannot be built; <see cref="Exception.Message"/> is the first problem as the CLI prints it, one line.</summary>
public sealed class SpecException : Exception
{
    public SpecException(string message) : this([new BriefProblem(BriefField.Spec, message)])
    {
    }

    public SpecException(IReadOnlyList<BriefProblem> problems) : base(problems[0].ForCli) => Problems = problems;

    public IReadOnlyList<BriefProblem> Problems { get; }
}
