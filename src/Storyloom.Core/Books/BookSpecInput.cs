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
    /// <summary>The cast in order, the first the hero; null keeps the other source's cast (an empty list clears it).</summary>
    public IReadOnlyList<CharacterInput>? Characters { get; init; }
    public string? Imprint { get; init; }
    public bool? ReviewedByAuthor { get; init; }
    /// <summary>Print "Made with Storyloom" and the software notice in the book (default: no Storyloom name anywhere in it).</summary>
    public bool? Credit { get; init; }
    /// <summary>What to make: "print" and "ebook" (the eBook is made from the print book, so print is always made); null keeps the other source's.</summary>
    public IReadOnlyList<string>? Formats { get; init; }
    /// <summary>Read the eBook aloud (media overlays); implies the ebook format.</summary>
    public bool? Narrate { get; init; }

    public static IReadOnlyList<string> Fields => BriefField.All;

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
        Characters = over.Characters ?? Characters,
        Imprint = over.Imprint ?? Imprint,
        ReviewedByAuthor = over.ReviewedByAuthor ?? ReviewedByAuthor,
        Credit = over.Credit ?? Credit,
        Formats = over.Formats ?? Formats,
        Narrate = over.Narrate ?? Narrate,
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
                    "characters" => input with { Characters = Cast(p) },
                    "imprint" => input with { Imprint = Str(p) },
                    "reviewedbyauthor" => input with { ReviewedByAuthor = Bool(p) },
                    "credit" => input with { Credit = Bool(p) },
                    "formats" => input with { Formats = List(p) },
                    "narrate" => input with { Narrate = Bool(p) },
                    _ => throw new SpecException($"unknown field \"{p.Name}\" in {source}; known fields: {string.Join(", ", Fields)}"),
                };
            }
            return input;
        }

        IReadOnlyList<CharacterInput>? Cast(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.Array => p.Value.EnumerateArray().Select(e => CharacterInput.FromJson(e, source)).ToList(),
            JsonValueKind.Null => null,
            _ => throw new SpecException([new BriefProblem(BriefField.Characters,
                $"\"characters\" in {source} must be an array such as [{{\"name\": \"Pip\", \"species\": \"fox\", \"look\": \"purple scarf\"}}]")]),
        };

        // "print,ebook" as the CLI flag spells it, or ["print", "ebook"].
        IReadOnlyList<string>? List(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.Array when p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => p.Value.EnumerateArray().Select(e => e.GetString()!).ToList(),
            JsonValueKind.String => p.Value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Null => null,
            _ => throw new SpecException([new BriefProblem(BriefField.Formats, $"\"{p.Name}\" in {source} must be a list such as [\"print\", \"ebook\"]")]),
        };

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

    /// <summary>Applies defaults by kind and checks everything; throws <see cref="SpecException"/> with every problem, each filed under its field.</summary>
    public BookSpec ToSpec() => TryToSpec(out var problems) ?? throw new SpecException(problems);

    /// <summary>The spec, or null and every problem, each filed under its field and saying what to change.</summary>
    public BookSpec? TryToSpec(out IReadOnlyList<BriefProblem> problems)
    {
        var found = new List<BriefProblem>();
        problems = found;
        var kind = Kind?.Trim().ToLowerInvariant() switch
        {
            null or "story" or "picture" => BookKind.Story,
            "coloring" or "colouring" => BookKind.Coloring,
            _ => Fail(BriefField.Kind, $"unknown kind '{Kind}'; use story or coloring", BookKind.Story),
        };
        var coloring = kind == BookKind.Coloring;
        var age = Age is null ? AgeBand.Age3To5 : AgeBandNames.Parse(Age) ?? Fail(BriefField.Age, $"unknown age band '{Age}'; use 0-2, 3-5, 6-8 or 9-12", AgeBand.Age3To5);
        var trim = Trim is null
            ? (coloring ? Trims.Letter : Trims.Square85)
            : Trims.TryParse(Trim) ?? Fail<Trim>(BriefField.Trim, $"'{Trim}' is not a KDP paperback trim; use one of {Trims.ListNames()}", Trims.Square85);
        var ink = Ink is null
            ? (coloring ? Print.Kdp.Ink.Bw : Print.Kdp.Ink.PremiumColor)
            : InkPaperNames.ParseInk(Ink) ?? Fail(BriefField.Ink, $"unknown ink '{Ink}'; use bw, standard-color or premium-color", Print.Kdp.Ink.PremiumColor);
        var paper = Paper is null ? Print.Kdp.Paper.White
            : InkPaperNames.ParsePaper(Paper) ?? Fail(BriefField.Paper, $"unknown paper '{Paper}'; use white or cream", Print.Kdp.Paper.White);
        // A board book's story is 20 one-line spreads: at 32 pages it would end on six lined notes pages, which no toddler's book has.
        var pages = Pages ?? (coloring ? 100 : age == AgeBand.Age0To2 && string.IsNullOrWhiteSpace(Focus) ? 24 : 32);
        var title = Text(BriefField.Title, Title, BriefLimits.Title, "the title", " (KDP counts title and subtitle together up to 200)");
        var author = Text(BriefField.Author, Author, BriefLimits.Author, "the author name") ?? "";
        var theme = Text(BriefField.Theme, Theme, BriefLimits.Theme, "the theme", "; describe it in a few words") ?? (coloring ? "animals" : "friendship");
        var moral = Text(BriefField.Moral, Moral, BriefLimits.Moral, "the moral");
        var shape = Shape is null ? (StoryShape?)null
            : BookFormatNames.Shapes.TryGetValue(Shape.Trim().ToLowerInvariant(), out var sh) ? sh
            : Fail<StoryShape?>(BriefField.Shape, $"unknown story shape '{Shape}'; use {string.Join(", ", BookFormatNames.Shapes.Keys)}", null);
        var focus = Focus is null ? (EducationalFocus?)null
            : BookFormatNames.Focuses.TryGetValue(Focus.Trim().ToLowerInvariant(), out var fo) ? fo
            : Fail<EducationalFocus?>(BriefField.Focus, $"unknown educational focus '{Focus}'; use {string.Join(", ", BookFormatNames.Focuses.Keys)}", null);
        var level = Level is null ? BookFormatNames.DefaultLevel(age)
            : BookFormatNames.Levels.TryGetValue(Level.Trim().ToLowerInvariant(), out var lv) ? lv
            : Fail(BriefField.Level, $"unknown coloring level '{Level}'; use {string.Join(", ", BookFormatNames.Levels.Keys)}", ColoringLevel.Simple);
        var style = Style?.Trim().ToLowerInvariant();
        if (style is not null && !BookFormatNames.ArtStyles.Contains(style))
        {
            found.Add(new(BriefField.Style, $"unknown art style '{Style}'; use {string.Join(", ", BookFormatNames.ArtStyles)}"));
        }
        if (coloring && (shape is not null || focus is not null))
        {
            found.Add(new(shape is not null ? BriefField.Shape : BriefField.Focus, "a story shape and an educational focus are for story books; a coloring book takes a theme and a level"));
        }
        if (!coloring && Level is not null)
        {
            found.Add(new(BriefField.Level, "the coloring level is for coloring books; a story book takes a reading age"));
        }
        var dedication = Text(BriefField.Dedication, Dedication, BriefLimits.Dedication, "the dedication", " so it fits the copyright page");
        var about = Text(BriefField.AboutAuthor, AboutAuthor, BriefLimits.AboutAuthor, "the about-the-author text", " so it fits one page");
        var imprint = Text(BriefField.Imprint, Imprint, BriefLimits.Imprint, "the imprint");
        var cast = new List<CastMember>();
        if (Characters is { Count: > BriefLimits.Characters })
        {
            found.Add(new(BriefField.Characters, $"{Characters.Count} characters; a picture book can follow up to {BriefLimits.Characters}, so keep the ones that matter"));
        }
        foreach (var (c, i) in (Characters ?? []).Select((c, i) => (c, i)))
        {
            if (c.ToMember(i, found) is { } member)
            {
                cast.Add(member);
            }
        }
        if (coloring && cast.Count > 0)
        {
            found.Add(new(BriefField.Characters, "a cast is for story books; a coloring book draws its theme"));
        }
        var formats = (Formats ?? []).Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var unknown in formats.Where(f => f is not ("print" or "ebook")).Distinct())
        {
            found.Add(new(BriefField.Formats, $"unknown format '{unknown}'; use print, or print and ebook (the eBook is made from the print book)"));
        }
        var narrate = Narrate ?? false;
        var ebook = formats.Contains("ebook") || narrate;
        if (coloring && ebook)
        {
            found.Add(new(formats.Contains("ebook") ? BriefField.Formats : BriefField.Narrate,
                "a coloring book has no eBook (a Kindle cannot be colored in); make it as print only, or make a story book"));
        }
        var options = new PrintOptions(trim, ink, paper, pages, Bleed ?? !coloring);
        found.AddRange(options.Problems().Select(p => new BriefProblem(p.Option, p.Message)));
        if (found.Count > 0)
        {
            return null;
        }
        return new BookSpec
        {
            Title = title, Author = author, Kind = kind, Age = age, Theme = theme, Moral = moral,
            Trim = trim, Pages = pages, Ink = ink, Paper = paper, Bleed = options.Bleed, Seed = Seed ?? 1,
            Shape = shape, Focus = focus, Level = level, ArtStyle = style, Dedication = dedication, AboutAuthor = about,
            MeetTheCharacters = MeetTheCharacters ?? false, Cast = cast, Imprint = imprint,
            ReviewedByAuthor = ReviewedByAuthor ?? false, Credit = Credit ?? false, Ebook = ebook, Narrate = narrate,
        };

        T Fail<T>(string field, string message, T fallback)
        {
            found.Add(new(field, message));
            return fallback;
        }

        // Trimmed, null when blank, and no longer than the field allows.
        string? Text(string field, string? value, int max, string what, string why = "")
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (text is not null && text.Length > max)
            {
                found.Add(new(field, $"{what} is {text.Length} characters long; keep it to {max}{why}"));
            }
            else if (PrintableText.Problem(text, what) is { } unprintable)
            {
                found.Add(new(field, unprintable));
            }
            return text;
        }
    }
}
