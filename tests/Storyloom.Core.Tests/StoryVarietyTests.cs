using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>Names, places, events and wording vary with the seed, for every shape and age band.</summary>
public sealed class StoryVarietyTests
{
    private static readonly OfflineStoryEngine Engine = new();

    public static TheoryData<StoryShape, AgeBand> Every => new(
        from shape in Enum.GetValues<StoryShape>()
        from band in Enum.GetValues<AgeBand>()
        select (shape, band));

    /// <summary>The shape's own word, so the theme alone would pick it too.</summary>
    public static string ThemeOf(StoryShape shape) => shape switch
    {
        StoryShape.Quest => "quest",
        StoryShape.Friend => "friendship",
        StoryShape.Bedtime => "bedtime",
        StoryShape.Fear => "being brave",
        StoryShape.Sharing => "sharing",
        _ => "first day somewhere new",
    };

    [Theory]
    [MemberData(nameof(Every))]
    public void Two_hundred_seeds_give_190_titles_and_no_sentence_in_more_than_a_tenth_of_the_books(StoryShape shape, AgeBand band)
    {
        const int seeds = 200;
        var books = new Manuscript[seeds];
        Parallel.For(0, seeds, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken },
            i => books[i] = Engine.Write(new BookSpec { Seed = i + 1, Shape = shape, Age = band, Theme = ThemeOf(shape), Pages = 32 }));

        books.Select(b => b.Title).Distinct().Count().ShouldBeGreaterThanOrEqualTo(190);
        // Each distinct sentence counts once per book; the names substituted in are part of the sentence.
        var share = books
            .SelectMany(b => b.Pages.Where(p => p.Role is PageRole.Story or PageRole.TheEnd).SelectMany(p => ReadabilityMeter.Sentences(p.Text!)).Distinct())
            .CountBy(s => s).OrderByDescending(c => c.Value).First();
        share.Value.ShouldBeLessThanOrEqualTo(seeds / 10, $"“{share.Key}” is in {share.Value} of {seeds} books");
    }
}
