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

    public static readonly IReadOnlyList<string> Fields =
        ["title", "author", "kind", "age", "theme", "moral", "trim", "pages", "ink", "paper", "bleed", "seed"];

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
                var name = p.Name.ToLowerInvariant();
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
                    "bleed" => input with { Bleed = p.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new SpecException($"\"bleed\" in {source} must be true or false"),
                    } },
                    "seed" => input with { Seed = Int(p) },
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
