using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Story;

/// <summary>Procedural story writer: no network, same spec and seed give the same manuscript.</summary>
public sealed class OfflineStoryEngine : IStoryEngine, IPageRewriter
{
    public ContentCredit Credit { get; } = new("Storyloom's offline story engine", IsAiModel: false);

    public static readonly IReadOnlyList<string> StoryArtStyles = BookFormatNames.ArtStyles;

    public Manuscript Write(BookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind == BookKind.Coloring ? ColoringBookWriter.Write(spec) : WriteStory(spec);
    }

    ManuscriptPage? IPageRewriter.RewritePage(BookSpec spec, Manuscript book, int number, int seed) => RewritePage(spec, book, number, seed);

    /// <summary>
    /// New words for one story page: the same cast, places, goal and page plan as the book (its seed's first draws), other
    /// wording (from <paramref name="seed"/>), still steered to the age band's reading level. Null for pages it cannot rewrite
    /// (front and back matter, concept and coloring books).
    /// </summary>
    public static ManuscriptPage? RewritePage(BookSpec spec, Manuscript book, int number, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(book);
        var current = book.Pages.FirstOrDefault(p => p.Number == number);
        if (spec.Kind != BookKind.Story || spec.Focus is not null || current is not { Role: PageRole.Story }) return null;
        var target = ReadabilityTarget.For(spec.Age);
        bool Fits(string text) => ReadabilityMeter.Words(text) is var words && words >= target.MinWordsPerPage && words <= target.MaxWordsPerPage
            && ReadabilityMeter.LongestSentence(text) <= target.MaxWordsPerSentence;
        // A line the book already says on another page would read as a slip.
        var elsewhere = string.Join("\n", book.Pages.Where(p => p.Number != number).Select(p => p.Text));
        bool Repeats(string text) => ReadabilityMeter.Sentences(text).Any(line => line.Length > 12 && elsewhere.Contains(line.Trim(), StringComparison.Ordinal));
        // The wording stream also picks the weather: a few tries find new lines for the picture the page already has, at the
        // band's level, that the book does not say elsewhere; the best try wins.
        (ManuscriptPage? Page, int Score) best = (null, -1);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var page = WriteStory(spec, Rng.For(seed, "rewrite", attempt)).Pages.FirstOrDefault(p => p.Number == number);
            if (page is not { Role: PageRole.Story, Text: not null } || page.Text == current.Text) continue;
            if (page.Illustration?.Setting != current.Illustration?.Setting) continue;
            var sameSky = page.Illustration?.Weather == current.Illustration?.Weather && page.Illustration?.TimeOfDay == current.Illustration?.TimeOfDay;
            var score = (Repeats(page.Text) ? 0 : 4) + (sameSky ? 2 : 0) + (Fits(page.Text) ? 1 : 0);
            if (score == 7) return page;
            if (score > best.Score) best = (page, score);
        }
        if (best.Page is not null) return best.Page;
        // Every wording of this page's lines is the one it has: tell the same part of the scene with the beat's other lines.
        var theme = spec.Theme.Trim().ToLowerInvariant();
        var plot = new PlotWriter(spec, PremiseReader.Read(spec), Rng.For(spec.Seed, "plot:" + theme), Rng.For(seed, "rewrite", 99));
        var matter = FrontMatter.PlanFor(spec, plot.Cast);
        plot.Pages(matter.FirstContentPage, matter.ContentPages, out _);
        return plot.Alternative(current) is { } words ? current with { Text = words } : null;
    }

    private static Manuscript WriteStory(BookSpec spec, Rng? wording = null)
    {
        if (spec.Focus is { } focus) return Concepts.ConceptBook.Write(spec, focus);
        var theme = spec.Theme.Trim().ToLowerInvariant();
        var premise = PremiseReader.Read(spec);
        var plot = new PlotWriter(spec, premise, Rng.For(spec.Seed, "plot:" + theme), wording ?? Rng.For(spec.Seed, "words:" + theme));
        var cast = plot.Cast;
        var hero = plot.Hero;
        var title = string.IsNullOrWhiteSpace(spec.Title) ? plot.Title() : spec.Title.Trim();
        var home = premise.Family.Home;
        var matter = FrontMatter.PlanFor(spec, cast);
        var pages = FrontMatter.Front(spec, matter, title, cast, home);
        var story = plot.Pages(matter.FirstContentPage, matter.ContentPages, out var spare);
        pages.AddRange(story);
        // A picture book is not padded: pages the plot cannot fill are honest notes pages before the end.
        for (var i = 0; i < spare; i++) pages.Add(new ManuscriptPage(matter.FirstContentPage + story.Count + i, PageRole.Notes, null, null));
        var moral = plot.Moral();
        pages.AddRange(FrontMatter.Back(spec, moral, null, hero, home));

        var storyTexts = pages.Where(p => p.Role is PageRole.Story or PageRole.TheEnd).Select(p => p.Text!).ToList();
        // The things a page shows (the dentist's chair, the potty, the premise's own nouns) are read with the picture: not rare words.
        var shown = premise.Family.Places.SelectMany(p => SceneVocabulary.Settings[p]).Concat(SceneVocabulary.Props).Concat(premise.Family.Keys)
            .SelectMany(w => w.Split(' ', '-', '\'')).Where(w => w.Length > 2);
        var readability = ReadabilityMeter.Measure(storyTexts, cast.Select(c => c.Name).Concat(shown), spec.Age);
        var blurb = plot.Blurb();
        var style = spec.ArtStyle ?? Rng.For(spec.Seed, "style:" + theme).Pick(StoryArtStyles);
        var listing = ListingWriter.ForStory(title, blurb, spec, StoryShape.Friend, hero, premise.Family.Places);
        listing = listing with
        {
            Categories = [premise.Family.Category, .. listing.Categories.Skip(1).Where(c => c != premise.Family.Category)],
            Keywords = [$"{premise.Family.What} for kids", .. listing.Keywords.Where(k => !k.StartsWith("friendship story", StringComparison.Ordinal)).Take(6)],
            Description = listing.Description.Replace("friendship story", premise.Family.What, StringComparison.Ordinal),
        };
        var notes = premise.Notes.ToList();
        if (spare > 0)
        {
            var fits = Math.Max(24, spec.Pages - spare + (spec.Pages - spare) % 2);
            var padding = spare == 1 ? "1 page is a lined notes page" : $"{spare} pages are lined notes pages";
            notes.Add($"the story fills {story.Count} pages, and {padding} before the end" + (fits < spec.Pages ? $" (choose {fits} pages for a book without them)" : ""));
        }
        var manuscript = new Manuscript(title, null, spec.Author, BookKind.Story, spec.Age, spec.Theme, spec.Seed, style, cast,
            pages.Take(spec.Pages).ToList(), blurb, spec.Dedication, moral, readability, listing)
        {
            Notes = notes,
            Premise = new PremiseSummary(premise.Family.Id, premise.Keys),
        };
        return manuscript with { Check = StoryCheck.Run(manuscript) };
    }
}
