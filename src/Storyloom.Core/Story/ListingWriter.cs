using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>
/// KDP listing copy: a description within KDP's 4,000 characters, exactly seven keyword phrases (each at most 50
/// characters, no quotes, none repeating a word of the title, since KDP already indexes the title) and 2–3
/// categories that match the kind of book and the reading age.
/// </summary>
internal static partial class ListingWriter
{
    public const int MaxDescription = 4000;
    public const int KeywordCount = 7;
    public const int MaxKeyword = 50;

    public static string ReadingAge(AgeBand band) => band switch
    {
        AgeBand.Age0To2 => "0–2 years",
        AgeBand.Age3To5 => "3–5 years",
        AgeBand.Age6To8 => "6–8 years",
        _ => "9–12 years",
    };

    public static Listing ForStory(string title, string blurb, BookSpec spec, StoryShape shape, Character hero, IReadOnlyList<string> settings)
    {
        if (spec.Focus is { } focus)
        {
            return ForConcept(title, null, blurb, spec, focus, hero);
        }
        var (what, category) = shape switch
        {
            StoryShape.Quest => ("adventure story", "Juvenile Fiction / Action & Adventure / General"),
            StoryShape.Friend => ("friendship story", "Juvenile Fiction / Social Themes / Friendship"),
            StoryShape.Bedtime => ("bedtime story", "Juvenile Fiction / Bedtime & Dreams"),
            StoryShape.Sharing => ("story about sharing", "Juvenile Fiction / Social Themes / Manners & Etiquette"),
            StoryShape.NewPlace => ("first day story", "Juvenile Fiction / Social Themes / New Experience"),
            _ => ("courage story", "Juvenile Fiction / Social Themes / Emotions & Feelings"),
        };
        var animal = hero.Species == Species.Child ? null : hero.Species.ToString().ToLowerInvariant();
        var keywords = Keywords(title,
        [
            $"{what} for kids",
            $"picture book for ages {spec.Age.ToCli()}",
            animal is null ? "children's book about family" : $"{animal} children's book",
            $"{spec.Theme.Trim().ToLowerInvariant()} book for children",
            $"{settings[0].Replace('-', ' ')} story for kids",
            spec.Age <= AgeBand.Age3To5 ? "read aloud book for toddlers" : "early reader book for kids",
            "illustrated gift book for children",
            "kindness and courage picture book",
            "story time book",
        ]);
        var categories = new List<string>
        {
            category,
            animal is null ? "Juvenile Fiction / Family / General" : "Juvenile Fiction / Animals / General",
        };
        if (ReadersCategory(spec.Age) is { } readers) categories.Add(readers);
        var description = Description(blurb,
            $"A warm, fully illustrated {what} of {spec.Pages} pages for children aged {ReadingAge(spec.Age)}, " +
            $"{(spec.Age <= AgeBand.Age3To5 ? "made for reading aloud together" : "for young readers to enjoy on their own or together")}.");
        return new Listing(title, null, description, keywords, categories, ReadingAge(spec.Age));
    }

    /// <summary>An ABC, counting, colors … book: concept categories and keywords instead of story ones.</summary>
    public static Listing ForConcept(string title, string? subtitle, string blurb, BookSpec spec, EducationalFocus focus, Character? guide)
    {
        var (what, category, words) = focus switch
        {
            EducationalFocus.Abc => ("ABC book", "Juvenile Nonfiction / Concepts / Alphabet", new[] { "alphabet book for toddlers", "learn letters A to Z", "abc picture book" }),
            EducationalFocus.CountingTo10 => ("counting book", "Juvenile Nonfiction / Concepts / Counting & Numbers", ["counting book 1 to 10", "learn numbers for toddlers", "first numbers picture book"]),
            EducationalFocus.CountingTo20 => ("counting book", "Juvenile Nonfiction / Concepts / Counting & Numbers", ["counting book 1 to 20", "learn numbers for preschool", "first numbers picture book"]),
            EducationalFocus.Colors => ("colors book", "Juvenile Nonfiction / Concepts / Colors", ["learn colors for toddlers", "first colors picture book", "rainbow colors book"]),
            EducationalFocus.Shapes => ("shapes book", "Juvenile Nonfiction / Concepts / Size & Shape", ["learn shapes for toddlers", "circle square triangle book", "first shapes picture book"]),
            EducationalFocus.Opposites => ("opposites book", "Juvenile Nonfiction / Concepts / Opposites", ["big and small opposites", "learn opposites for toddlers", "first words picture book"]),
            _ => ("feelings book", "Juvenile Nonfiction / Social Topics / Emotions & Feelings", ["emotions book for kids", "social emotional learning", "naming feelings for toddlers"]),
        };
        var animal = guide is null || guide.Species == Species.Child ? null : guide.Species.ToString().ToLowerInvariant();
        var keywords = Keywords(title,
        [
            .. words,
            $"preschool learning book ages {spec.Age.ToCli()}",
            animal is null ? "early learning gift for kids" : $"{animal} early learning book",
            $"{spec.Theme.Trim().ToLowerInvariant()} concept book",
            "kindergarten readiness",
            "board book alternative for toddlers",
            "educational picture book",
        ]);
        List<string> categories = [category, "Juvenile Nonfiction / Concepts / General"];
        if (animal is not null) categories.Add("Juvenile Nonfiction / Animals / General");
        var description = Description(blurb,
            $"A bright, fully illustrated {what} of {spec.Pages} pages for children aged {ReadingAge(spec.Age)}: " +
            "one simple idea a page, big pictures, and words to say out loud together.");
        return new Listing(title, subtitle, description, keywords, categories, ReadingAge(spec.Age));
    }

    public static Listing ForColoring(string title, string subtitle, BookSpec spec, IReadOnlyList<string> groups, int designs)
    {
        var (detail, lines) = spec.Level switch
        {
            ColoringLevel.Simple => ("big, simple designs with thick outlines", new[] { "easy coloring pages for toddlers", "big simple pictures to color" }),
            ColoringLevel.Medium => ("fun designs with more parts to color", ["coloring pages for kids 6 to 8", "fun activity book for school kids"]),
            _ => ("detailed designs with many small areas", ["detailed coloring pages for tweens", "relaxing patterns to color"]),
        };
        var keywords = Keywords(title,
        [
            $"coloring book for ages {spec.Age.ToCli()}",
            $"{groups[0]} coloring pages",
            .. lines,
            $"{spec.Theme.Trim().ToLowerInvariant()} activity book",
            "single sided pages to color",
            "easy pictures to color",
            "creative gift for kids",
            "crayon and marker art",
            "screen free activity for kids",
        ]);
        List<string> categories = ["Juvenile Nonfiction / Activity Books / Coloring", "Juvenile Nonfiction / Art / Drawing"];
        if (groups.Any(g => g.Contains("animal", StringComparison.OrdinalIgnoreCase))) categories.Add("Juvenile Nonfiction / Animals / General");
        var description = Description(
            $"{designs} {detail}, one per page with a blank back so markers never bleed through.",
            $"Themes: {string.Join(", ", groups)}. Made for children aged {ReadingAge(spec.Age)}.");
        return new Listing(title, subtitle, description, keywords, categories, ReadingAge(spec.Age));
    }

    /// <summary>The blurb and a closing line, cut at a sentence end so it never passes KDP's limit.</summary>
    internal static string Description(string blurb, string about)
    {
        var text = $"{blurb.Trim()}\n\n{about}";
        if (text.Length <= MaxDescription) return text;
        var room = blurb[..Math.Min(blurb.Length, MaxDescription - about.Length - 2)];
        var end = room.LastIndexOfAny(['.', '!', '?']);
        return $"{(end > 0 ? room[..(end + 1)] : room).Trim()}\n\n{about}";
    }

    /// <summary>The first seven candidates that share no word with the title, have no quotes, fit 50 characters and are new.</summary>
    internal static List<string> Keywords(string title, IEnumerable<string> candidates)
    {
        var titleWords = Words(title).Where(w => !Filler.Contains(w)).Select(Stem).ToHashSet();
        var result = new List<string>();
        foreach (var candidate in candidates.Concat(Spares))
        {
            var words = Words(candidate).ToList();
            var phrase = string.Join(' ', words);
            if (words.Count >= 2 && !words.Any(w => titleWords.Contains(Stem(w))) && phrase.Length <= MaxKeyword && !result.Contains(phrase)) result.Add(phrase);
            if (result.Count == KeywordCount) break;
        }
        return result;
    }

    /// <summary>"books" and "book", "colors" and "color" count as the same word.</summary>
    private static string Stem(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static IEnumerable<string> Words(string text) =>
        WordRegex().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value);

    private static string? ReadersCategory(AgeBand age) => age switch
    {
        AgeBand.Age6To8 => "Juvenile Fiction / Readers / Beginner",
        AgeBand.Age9To12 => "Juvenile Fiction / Readers / Chapter Books",
        _ => null,
    };

    private static readonly HashSet<string> Filler = ["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "about", "at", "by", "my", "is", "it", "1", "10", "20"];

    private static readonly string[] Spares =
    [
        "gift for young readers", "early learning for kids", "preschool reading time", "family reading time",
        "toddler gift idea", "stories for children", "kindergarten gift", "screen free fun for kids",
    ];

    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?(?:-[a-z0-9]+)*")]
    private static partial Regex WordRegex();
}
