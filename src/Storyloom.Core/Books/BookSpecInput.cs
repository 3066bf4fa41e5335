using System.Globalization;
using System.Text.Json;
using Storyloom.Print.Kdp;

namespace Storyloom.Core.Books;

/// <summary>A brief as the user typed it (flags or a spec file): strings and nullable numbers, validated into a <see cref="BookSpec"/>.</summary>
public sealed record BookSpecInput
{
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Kind { get; init; }
    public string? Age { get; init; }
    public string? Theme { get; init; }
    public string? Moral { get; init; }
    public string? Trim { get; init; }
    public int? Pages { get; init; }
    public string? Ink { get; init; }
    public string? Paper { get; init; }
    public bool? Bleed { get; init; }
    public int? Seed { get; init; }
    public string? Shape { get; init; }
    public string? Focus { get; init; }
    public string? Level { get; init; }
    public string? Style { get; init; }
    public string? Dedication { get; init; }
    public string? AboutAuthor { get; init; }
    public bool? MeetTheCharacters { get; init; }

    public static readonly IReadOnlyList<string> Fields =
        ["title", "author", "kind", "age", "theme", "moral", "trim", "pages", "ink", "paper", "bleed", "seed",
         "shape", "focus", "level", "style", "dedication", "aboutAuthor", "meetTheCharacters"];

    /// <summary>Values set in <paramref name="over"/> win (flags override the spec file).</summary>
    public BookSpecInput OverriddenBy(BookSpecInput over) => new()
    {
        Title = over.Title ?? Title,
        Author = over.Author ?? Author,
        Kind = over.Kind ?? Kind,
        Age = over.Age ?? Age,
        Theme = over.Theme ?? Theme,
        Moral = over.Moral ?? Moral,
        Trim = over.Trim ?? Trim,
        Pages = over.Pages ?? Pages,
        Ink = over.Ink ?? Ink,
        Paper = over.Paper ?? Paper,
        Bleed = over.Bleed ?? Bleed,
        Seed = over.Seed ?? Seed,
        Shape = over.Shape ?? Shape,
        Focus = over.Focus ?? Focus,
        Level = over.Level ?? Level,
        Style = over.Style ?? Style,
        Dedication = over.Dedication ?? Dedication,
        AboutAuthor = over.AboutAuthor ?? AboutAuthor,
        MeetTheCharacters = over.MeetTheCharacters ?? MeetTheCharacters,
    };

    /// <summary>Reads a spec file; throws <see cref="SpecException"/> with a one-line message on any problem.</summary>
    public static BookSpecInput FromJsonFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException($"cannot read spec file {path}: {e.Message}");
        }
        return FromJson(text, path);
    }

    public static BookSpecInput FromJson(string json, string source = "spec")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SpecException($"{source} is not valid JSON (line {(e.LineNumber ?? 0) + 1}): fix the syntax, e.g. quotes and commas");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SpecException($"{source} must be a JSON object such as {{\"title\": \"…\", \"pages\": 32}}");
            }
            var input = new BookSpecInput();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var name = p.Name.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
                input = name switch
                {
                    "title" => input with { Title = Str(p) },
                    "author" => input with { Author = Str(p) },
                    "kind" => input with { Kind = Str(p) },
                    "age" => input with { Age = Str(p) },
                    "theme" => input with { Theme = Str(p) },
                    "moral" => input with { Moral = Str(p) },
                    "trim" => input with { Trim = Str(p) },
                    "pages" => input with { Pages = Int(p) },
                    "ink" => input with { Ink = Str(p) },
                    "paper" => input with { Paper = Str(p) },
                    "bleed" => input with { Bleed = Bool(p) },
                    "seed" => input with { Seed = Int(p) },
                    "shape" => input with { Shape = Str(p) },
                    "focus" => input with { Focus = Str(p) },
                    "level" => input with { Level = Str(p) },
                    "style" => input with { Style = Str(p) },
                    "dedication" => input with { Dedication = Str(p) },
                    "aboutauthor" => input with { AboutAuthor = Str(p) },
                    "meetthecharacters" => input with { MeetTheCharacters = Bool(p) },
                    _ => throw new SpecException($"unknown field \"{p.Name}\" in {source}; known fields: {string.Join(", ", Fields)}"),
                };
            }
            return input;
        }

        string? Str(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number => p.Value.GetRawText(),
            _ => throw new SpecException($"\"{p.Name}\" in {source} must be a string"),
        };

        bool? Bool(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new SpecException($"\"{p.Name}\" in {source} must be true or false"),
        };

        int? Int(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.Number when p.Value.TryGetInt32(out var i) => i,
            JsonValueKind.String when int.TryParse(p.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
            JsonValueKind.Null => null,
            _ => throw new SpecException($"\"{p.Name}\" in {source} must be a whole number"),
        };
    }

    /// <summary>Applies defaults by kind and checks everything; every problem is a sentence that says what to change.</summary>
    public BookSpec ToSpec()
    {
        var problems = new List<string>();
        var kind = Kind?.Trim().ToLowerInvariant() switch
        {
            null or "story" or "picture" => BookKind.Story,
            "coloring" or "colouring" => BookKind.Coloring,
            _ => Fail<BookKind>($"unknown kind '{Kind}'; use --kind story or --kind coloring", BookKind.Story),
        };
        var coloring = kind == BookKind.Coloring;
        var age = Age is null ? AgeBand.Age3To5 : AgeBandNames.Parse(Age) ?? Fail($"unknown age band '{Age}'; use 0-2, 3-5, 6-8 or 9-12", AgeBand.Age3To5);
        var trim = Trim is null
            ? (coloring ? Trims.Letter : Trims.Square85)
            : Trims.TryParse(Trim) ?? Fail<Trim>($"'{Trim}' is not a KDP paperback trim; use one of {Trims.ListNames()}", Trims.Square85);
        var ink = Ink is null
            ? (coloring ? Print.Kdp.Ink.Bw : Print.Kdp.Ink.PremiumColor)
            : InkPaperNames.ParseInk(Ink) ?? Fail($"unknown ink '{Ink}'; use bw, standard-color or premium-color", Print.Kdp.Ink.PremiumColor);
        var paper = Paper is null ? Print.Kdp.Paper.White
            : InkPaperNames.ParsePaper(Paper) ?? Fail($"unknown paper '{Paper}'; use white or cream", Print.Kdp.Paper.White);
        var pages = Pages ?? (coloring ? 100 : 32);
        var title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim();
        if (title is { Length: > 120 })
        {
            problems.Add($"the title is {title.Length} characters long; keep it under 120 (KDP counts title and subtitle together up to 200)");
        }
        var author = string.IsNullOrWhiteSpace(Author) ? "Storyloom" : Author.Trim();
        if (author.Length > 80)
        {
            problems.Add("the author name is longer than 80 characters; shorten --author");
        }
        var theme = string.IsNullOrWhiteSpace(Theme) ? (coloring ? "animals" : "friendship") : Theme.Trim();
        if (theme.Length > 200)
        {
            problems.Add("the theme is longer than 200 characters; describe it in a few words");
        }
        var shape = Shape is null ? (StoryShape?)null
            : BookFormatNames.Shapes.TryGetValue(Shape.Trim().ToLowerInvariant(), out var sh) ? sh
            : Fail<StoryShape?>($"unknown story shape '{Shape}'; use {string.Join(", ", BookFormatNames.Shapes.Keys)}", null);
        var focus = Focus is null ? (EducationalFocus?)null
            : BookFormatNames.Focuses.TryGetValue(Focus.Trim().ToLowerInvariant(), out var fo) ? fo
            : Fail<EducationalFocus?>($"unknown educational focus '{Focus}'; use {string.Join(", ", BookFormatNames.Focuses.Keys)}", null);
        var level = Level is null ? BookFormatNames.DefaultLevel(age)
            : BookFormatNames.Levels.TryGetValue(Level.Trim().ToLowerInvariant(), out var lv) ? lv
            : Fail($"unknown coloring level '{Level}'; use {string.Join(", ", BookFormatNames.Levels.Keys)}", ColoringLevel.Simple);
        var style = Style?.Trim().ToLowerInvariant();
        if (style is not null && !BookFormatNames.ArtStyles.Contains(style))
        {
            problems.Add($"unknown art style '{Style}'; use {string.Join(", ", BookFormatNames.ArtStyles)}");
        }
        if (coloring && (shape is not null || focus is not null))
        {
            problems.Add("--shape and --focus are for story books; a coloring book takes --theme and --level");
        }
        if (!coloring && Level is not null)
        {
            problems.Add("--level is for coloring books; a story book takes --age");
        }
        if (Moral is { Length: > 300 } moral)
        {
            problems.Add($"the moral is {moral.Length} characters long; keep it under 300 (one sentence the story shows)");
        }
        var dedication = string.IsNullOrWhiteSpace(Dedication) ? null : Dedication.Trim();
        if (dedication is { Length: > 300 })
        {
            problems.Add($"the dedication is {dedication.Length} characters long; keep it under 300");
        }
        var about = string.IsNullOrWhiteSpace(AboutAuthor) ? null : AboutAuthor.Trim();
        if (about is { Length: > 1200 })
        {
            problems.Add($"the about-the-author text is {about.Length} characters long; keep it under 1200 so it fits one page");
        }
        var options = new PrintOptions(trim, ink, paper, pages, Bleed ?? !coloring);
        problems.AddRange(options.Validate());
        if (problems.Count > 0)
        {
            throw new SpecException(problems[0], problems);
        }
        return new BookSpec
        {
            Title = title, Author = author, Kind = kind, Age = age, Theme = theme,
            Moral = string.IsNullOrWhiteSpace(Moral) ? null : Moral.Trim(),
            Trim = trim, Pages = pages, Ink = ink, Paper = paper, Bleed = options.Bleed, Seed = Seed ?? 1,
            Shape = shape, Focus = focus, Level = level, ArtStyle = style, Dedication = dedication, AboutAuthor = about,
            MeetTheCharacters = MeetTheCharacters ?? false,
        };

        T Fail<T>(string message, T fallback)
        {
            problems.Add(message);
            return fallback;
        }
    }
}

/// <summary>A brief that cannot be built; <see cref="Exception.Message"/> is the first problem, one line, saying what to change.</summary>
public sealed class SpecException(string message, IReadOnlyList<string>? problems = null) : Exception(message)
{
    public IReadOnlyList<string> Problems { get; } = problems ?? [message];
}
