using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>Back-cover blurb and KDP listing copy.</summary>
internal static class ListingWriter
{
    public static string ReadingAge(AgeBand band) => band switch
    {
        AgeBand.Age0To2 => "0–2 years",
        AgeBand.Age3To5 => "3–5 years",
        AgeBand.Age6To8 => "6–8 years",
        _ => "9–12 years",
    };

    public static Listing ForStory(string title, string blurb, BookSpec spec, StoryShape shape, Character hero, IReadOnlyList<string> settings)
    {
        var kind = hero.Species == Species.Child ? "kids" : hero.Species.ToString().ToLowerInvariant();
        var shapeWords = shape switch
        {
            StoryShape.Quest => ("adventure story", "Juvenile Fiction / Action & Adventure / General"),
            StoryShape.Friend => ("friendship book", "Juvenile Fiction / Social Themes / Friendship"),
            StoryShape.Bedtime => ("bedtime story", "Juvenile Fiction / Bedtime & Dreams"),
            _ => ("courage story", "Juvenile Fiction / Social Themes / Emotions & Feelings"),
        };
        var keywords = new List<string>
        {
            $"{shapeWords.Item1} for kids",
            $"picture book ages {spec.Age.ToCli()}",
            $"{kind} children's book",
            $"{spec.Theme.Trim().ToLowerInvariant()} book for children",
            $"{settings[0].Replace('-', ' ')} story",
            "read aloud book for kids",
            "illustrated story gift",
        };
        var category2 = hero.Species == Species.Child ? "Juvenile Fiction / Family / General" : "Juvenile Fiction / Animals / General";
        var description = $"{blurb} A warm, illustrated {shapeWords.Item1} for children aged {ReadingAge(spec.Age)}, perfect for reading aloud together.";
        return new Listing(title, null, description, Dedupe(keywords), [shapeWords.Item2, category2], ReadingAge(spec.Age));
    }

    public static Listing ForColoring(string title, string subtitle, BookSpec spec, IReadOnlyList<string> groups, int designs)
    {
        var keywords = new List<string>
        {
            "coloring book for kids",
            $"coloring book ages {spec.Age.ToCli()}",
            $"{groups[0]} coloring book",
            "simple coloring pages for toddlers",
            "big easy designs",
            $"{spec.Theme.Trim().ToLowerInvariant()} activity book",
            "single sided coloring pages",
        };
        var description = $"{designs} big, simple designs with bold outlines, one per page with a blank back so markers never bleed through. Themes: {string.Join(", ", groups)}. Made for children aged {ReadingAge(spec.Age)}.";
        return new Listing(title, subtitle, description, Dedupe(keywords), ["Juvenile Nonfiction / Activity Books / Coloring", "Juvenile Nonfiction / Art / Drawing"], ReadingAge(spec.Age));
    }

    /// <summary>KDP wants seven distinct keyword phrases; a theme may duplicate a fixed one.</summary>
    private static List<string> Dedupe(List<string> keywords)
    {
        var spare = new Queue<string>(["gift for young readers", "early learning book", "kids book collection"]);
        var result = new List<string>();
        foreach (var k in keywords)
            result.Add(result.Contains(k) ? spare.Dequeue() : k);
        return result;
    }
}
