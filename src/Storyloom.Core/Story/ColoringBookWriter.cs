using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Writes a coloring book's manuscript: the theme's designs, title, subtitle, blurb and listing.</summary>
public static class ColoringBookWriter
{
    /// <summary>
    /// Null when the theme is one the offline designs understand; otherwise a note saying what the book draws instead
    /// (the CLI or web page can show it before the book is made).
    /// </summary>
    public static string? ThemeNote(string theme, ColoringLevel level = ColoringLevel.Simple) => ColoringPlanner.Understands(theme, level);

    public static Manuscript Write(BookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rng = Rng.For(spec.Seed, "coloring:" + spec.Theme.Trim().ToLowerInvariant());
        var level = spec.Level;
        var groups = ColoringPlanner.GroupsFor(spec.Theme, level);
        var subjects = ColoringPlanner.Subjects(spec.Theme, level);
        var names = rng.Shuffled(StoryWords.Names);
        var used = new HashSet<string>();
        var cast = subjects.Where(s => s.Species is not null).Select(s => s.Species!.Value).Distinct()
            .Select((species, i) => CastBuilder.Make($"c{i + 1}", names[i], i == 0 ? "hero" : "friend", species, rng, used)).ToList();
        var pages = ColoringPlanner.Plan(spec.Pages, subjects, cast, level, rng);
        var designs = pages.Count(p => p.Role == PageRole.ColoringDesign);
        var mandalas = groups.Count == 1 && groups[0] == "mandalas";
        var topic = groups.Count == 1
            ? groups[0] == "characters" ? $"{(cast.Count > 0 ? cast[0].Name : "Friends")} and Friends" : ColoringPlanner.TopicOf(groups[0])
            : rng.Pick(new[] { "Little Things", "Everything", "Happy Days", "Fun Friends" });
        var opener = level switch
        {
            ColoringLevel.Simple => rng.Pick(new[] { "My Big", "My First", "Simple", "Jumbo", "Bold and Easy" }),
            ColoringLevel.Medium => rng.Pick(new[] { "The Big", "Fun", "Happy", "Awesome" }),
            _ => rng.Pick(new[] { "The Detailed", "Amazing", "Mindful", "Intricate" }),
        };
        var title = string.IsNullOrWhiteSpace(spec.Title) ? $"{opener} {topic} Coloring Book" : spec.Title.Trim();
        var ages = spec.Age.ToCli().Replace('-', '–');
        var things = mandalas ? "Mandalas and Patterns" : "Designs";
        var subtitle = level switch
        {
            ColoringLevel.Simple => $"{designs} Simple {things} for Kids Ages {ages}",
            ColoringLevel.Medium => $"{designs} Fun {things} for Kids Ages {ages}",
            _ when spec.Age == AgeBand.Age9To12 => $"{designs} Detailed {things} for Older Kids, Teens and Adults",
            _ => $"{designs} Detailed {things} for Ages {ages} and Up",
        };
        var style = level switch
        {
            ColoringLevel.Simple => "big, simple pictures with thick outlines and large spaces that little hands can fill",
            ColoringLevel.Medium => "fun pictures with clear outlines and friendly backgrounds",
            _ => "detailed designs with fine lines, textures and mandalas of hundreds of shapes",
        };
        var designPages = pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        var first = designPages.FirstOrDefault()?.Text ?? subjects[0].Caption;
        var last = designPages.LastOrDefault()?.Text ?? subjects[^1].Caption;
        var blurb = $"{designs} {style}, from {Lower(first)} to {Lower(last)}. Every design sits on its own page with a blank back, so markers never bleed through.";
        var readability = ReadabilityMeter.Measure(designPages.Select(p => p.Text!).DefaultIfEmpty("").ToList(), [], spec.Age);
        var listing = ListingWriter.ForColoring(title, subtitle, spec, groups, designs);
        var (levelWords, levelKeyword) = level switch
        {
            ColoringLevel.Simple => ("big, simple designs with bold outlines", "simple coloring pages for toddlers"),
            ColoringLevel.Medium => ("fun designs with clear outlines and simple backgrounds", "coloring pages for kids 6-8"),
            _ => ("detailed designs with fine lines and many small spaces", mandalas ? "mandala coloring book for adults" : "detailed coloring book for teens"),
        };
        listing = listing with
        {
            Description = $"{designs} {levelWords}, one per page with a blank back so markers never bleed through. Themes: {string.Join(", ", groups.Select(ColoringPlanner.TopicOf).Select(t => t.ToLowerInvariant()))}. Starts with a \"this book belongs to\" page and a page to test your colors.",
            Keywords = listing.Keywords.Select(k => k == "simple coloring pages for toddlers" ? levelKeyword : k == "big easy designs" && level != ColoringLevel.Simple ? "coloring book gift" : k).ToList(),
        };
        return new Manuscript(title, subtitle, spec.Author, BookKind.Coloring, spec.Age, spec.Theme, spec.Seed, "line-art", cast, pages,
            blurb, "For every young artist.", spec.Moral, readability, listing);
    }

    /// <summary>A caption inside a sentence: lower-case first letter unless it starts with a name.</summary>
    private static string Lower(string caption) =>
        caption.Length > 1 && char.IsUpper(caption[0]) && (caption.StartsWith("A ", StringComparison.Ordinal) || caption.StartsWith("An ", StringComparison.Ordinal) || caption.StartsWith("Two ", StringComparison.Ordinal) || caption.StartsWith("Mandala", StringComparison.Ordinal) || caption.StartsWith("Pattern", StringComparison.Ordinal))
            ? char.ToLowerInvariant(caption[0]) + caption[1..] : caption;
}
