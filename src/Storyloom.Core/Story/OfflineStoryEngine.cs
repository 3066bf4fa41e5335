using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

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
        return best.Page;
    }

    private static Manuscript WriteStory(BookSpec spec, Rng? wording = null)
    {
        if (spec.Focus is { } focus) return Concepts.ConceptBook.Write(spec, focus);
        var rng = Rng.For(spec.Seed, "story:" + spec.Theme.Trim().ToLowerInvariant());
        var shape = ShapeFor(spec, rng);
        var text = StoryShapes.For(shape);
        var settings = StorySettings.For(spec.Theme, shape, rng);
        var cast = BuildCast(spec, shape, rng);
        // A new place must be the place the story starts in; other goals fit anywhere.
        var goals = StoryShapes.GoalsFor(shape).Where(g => g.Setting is null || g.Setting == settings[0]).ToList();
        var goal = rng.Pick(goals.Count > 0 ? goals : StoryShapes.GoalsFor(shape));
        var hero = cast[0];
        var (he, him, his, himself) = StoryWords.Forms(hero.Pronoun);
        var friend = StoryWords.Forms(cast.Count > 1 ? cast[1].Pronoun : "they");
        var tokens = new Dictionary<string, string>
        {
            ["H"] = hero.Name,
            ["F"] = cast.Count > 1 ? cast[1].Name : "a little bird",
            ["GP"] = goal.Phrase,
            ["GA"] = goal.Intro ?? goal.Phrase,
            ["G"] = goal.Prop,
            ["TP"] = goal.TitlePhrase,
            ["P"] = StoryWords.PlaceName[settings[0]],
            ["FEAR"] = goal.Phrase,
            ["X"] = cast.Count > 2 ? cast[2].Name : "",
            ["Y"] = cast.Count > 3 ? cast[3].Name : "",
            ["HE"] = he,
            ["HIM"] = him,
            ["HIS"] = his,
            ["HIMSELF"] = himself,
            ["FHE"] = friend.He,
            ["FHIM"] = friend.Him,
            ["FHIS"] = friend.His,
        };
        // Everything above is the plot; from here on the words (the same stream unless one page is being rewritten).
        rng = wording ?? rng;
        var writer = new StoryText(rng, spec.Age, tokens, cast.Select(c => c.Name));
        var title = string.IsNullOrWhiteSpace(spec.Title) ? writer.Fill(rng.Pick(text.Titles), settings[0]) : spec.Title.Trim();
        var matter = FrontMatter.PlanFor(spec, cast);
        var pages = FrontMatter.Front(spec, matter, title, cast, settings[0]);
        pages.AddRange(new StoryPlanner(rng, shape, text, writer, cast, settings, goal).Write(matter.FirstContentPage, matter.ContentPages));
        var moral = string.IsNullOrWhiteSpace(spec.Moral) ? rng.Pick(text.Morals) : Sentence(spec.Moral.Trim());
        var closing = writer.Unique(text.Closings, settings[^1]);
        pages.AddRange(FrontMatter.Back(spec, closing, moral, hero, settings[0]));

        var storyTexts = pages.Where(p => p.Role is PageRole.Story or PageRole.TheEnd).Select(p => p.Text!).ToList();
        var readability = ReadabilityMeter.Measure(storyTexts, cast.Select(c => c.Name), spec.Age);
        var blurb = Blurb(writer, text, hero, settings[0]);
        var style = spec.ArtStyle ?? rng.Pick(StoryArtStyles);
        var listing = ListingWriter.ForStory(title, blurb, spec, shape, hero, settings);
        return new Manuscript(title, null, spec.Author, BookKind.Story, spec.Age, spec.Theme, spec.Seed, style, cast,
            pages.Take(spec.Pages).ToList(), blurb, spec.Dedication, moral, readability, listing);
    }

    private static StoryShape ShapeFor(BookSpec spec, Rng rng)
    {
        if (spec.Shape is { } chosen) return chosen;
        var t = spec.Theme.ToLowerInvariant();
        StoryShape? matched =
            new[] { "sleep", "bed", "night", "dream", "goodnight", "lullaby" }.Any(t.Contains) ? StoryShape.Bedtime
            : new[] { "fear", "brave", "afraid", "scared", "courage", "dark", "worry" }.Any(t.Contains) ? StoryShape.Fear
            : new[] { "share", "sharing", "kind", "give", "gift", "generous", "turns" }.Any(t.Contains) ? StoryShape.Sharing
            : new[] { "friend", "lonely" }.Any(t.Contains) ? StoryShape.Friend
            : new[] { "new", "school", "move", "moving", "first day" }.Any(t.Contains) ? StoryShape.NewPlace
            : new[] { "lost", "find", "treasure", "quest", "adventure", "explore", "search" }.Any(t.Contains) ? StoryShape.Quest
            : null;
        var roll = rng.NextDouble();
        return matched is { } m && roll < 0.8 ? m : (StoryShape)rng.Next(Enum.GetValues<StoryShape>().Length);
    }

    private static List<Character> BuildCast(BookSpec spec, StoryShape shape, Rng rng)
    {
        var count = shape switch
        {
            StoryShape.Quest => rng.Next(2, 5),
            StoryShape.Bedtime => 2,
            _ => rng.Next(2, 4),
        };
        var species = CastBuilder.SpeciesFor(spec.Theme, rng);
        // Picture books for the youngest keep names short: a three-beat name on every page lifts the reading level.
        var names = rng.Shuffled(spec.Age <= AgeBand.Age3To5 ? StoryWords.Names.Where(n => ReadabilityMeter.Syllables(n) <= 2) : StoryWords.Names);
        var used = new HashSet<string>();
        var cast = new List<Character>();
        for (var i = 0; i < count; i++)
        {
            var role = i == 0 ? "hero" : shape == StoryShape.Bedtime ? "grown-up" : i == 1 ? "friend" : "helper";
            var name = role == "grown-up" ? rng.Pick(new[] { "Mama", "Papa", "Grandma", "Grandpa" }) : names[i];
            var kind = role == "grown-up" ? species[0] : species[i % species.Length];
            cast.Add(CastBuilder.Make($"c{i + 1}", name, role, kind, rng, used));
        }
        return cast;
    }

    private static string Blurb(StoryText writer, ShapeText text, Character hero, string setting)
    {
        var kind = hero.Species == Species.Child ? "child" : hero.Species.ToString().ToLowerInvariant();
        var first = Sentence(writer.Fill(text.BlurbProblem, setting));
        var middle = $"Meet {hero.Name}, a {kind} with a big heart, on a gentle adventure full of surprises.";
        var blurb = $"{first} {middle} {writer.Fill(text.BlurbQuestion, setting)}";
        return StoryText.CountWords(blurb) <= 60 ? blurb : $"{first} {writer.Fill(text.BlurbQuestion, setting)}";
    }

    private static string Sentence(string s) => s.Length > 0 && ".!?".Contains(s[^1]) ? s : s + ".";
}
