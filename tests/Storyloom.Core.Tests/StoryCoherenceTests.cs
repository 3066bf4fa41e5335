using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed partial class StoryCoherenceTests
{
    private static readonly OfflineStoryEngine Engine = new();

    // One theme per story shape; the engine still picks another shape now and then, which only widens the sample.
    private static readonly string[] Themes = ["friendship in the forest", "lost treasure hunt", "bedtime dreams", "brave in the dark", "sharing is caring", "first day at a new school"];

    private static IEnumerable<Manuscript> Books(int seeds, AgeBand[] bands, int[] sizes) =>
        from theme in Themes
        from band in bands
        from pages in sizes
        from seed in Enumerable.Range(1, seeds)
        select Engine.Write(new BookSpec { Theme = theme, Seed = seed, Pages = pages, Age = band, Author = "Test" });

    [Fact]
    public void Pictures_show_who_the_text_has_there_and_nobody_else()
    {
        var books = Books(25, Enum.GetValues<AgeBand>(), [24, 32]).Concat(Books(10, [AgeBand.Age0To2, AgeBand.Age3To5], [100]));
        foreach (var m in books)
        {
            var hero = m.Cast[0];
            var met = new HashSet<string>();
            foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
            {
                var named = m.Cast.Skip(1).Where(c => StoryText.Names(page.Text!, c.Name)).Select(c => c.Id).ToHashSet();
                var shown = page.Illustration!.Characters.Select(c => c.CharacterId).ToList();
                var where = $"{m.Theme} seed {m.Seed} {m.Age} {m.Pages.Count}p, page {page.Number}: {page.Text} [{string.Join(",", shown)}]";
                shown.ShouldContain(hero.Id, where);
                shown.Distinct().Count().ShouldBe(shown.Count, where);
                foreach (var id in named) shown.ShouldContain(id, where);
                foreach (var id in shown.Where(id => id != hero.Id))
                    (named.Contains(id) || met.Contains(id)).ShouldBeTrue(where);
                met.UnionWith(named);
            }
        }
    }

    [Fact]
    public void Every_cast_member_has_a_part_in_the_text()
    {
        foreach (var m in Books(50, [AgeBand.Age3To5, AgeBand.Age0To2], [24, 32]))
        {
            var text = string.Join(" ", m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
            foreach (var c in m.Cast)
                StoryText.Names(text, c.Name).ShouldBeTrue($"{m.Theme} seed {m.Seed} {m.Age}: {c.Name} the {c.Role} never appears");
        }
    }

    [Fact]
    public void Friend_stays_out_of_the_lonely_pages_of_the_demo_book()
    {
        var m = Engine.Write(new BookSpec { Theme = "friendship in the forest", Seed = 7, Pages = 32, Age = AgeBand.Age3To5, Author = "Storyloom Demo" });
        foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story && Regex.IsMatch(p.Text!, "lonely|nobody|no one|alone|shy")))
            if (!m.Cast.Skip(1).Any(c => StoryText.Names(page.Text!, c.Name)))
                page.Illustration!.Characters.Count.ShouldBe(1, page.Text);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(48)]
    public void No_four_word_phrase_fills_more_than_three_pages_of_a_book(int pages) => NoPhraseOnMoreThanThreePages(AgeBand.Age3To5, pages);

    [Fact]
    public void No_four_word_phrase_fills_more_than_three_pages_of_a_long_book() => NoPhraseOnMoreThanThreePages(AgeBand.Age3To5, 100);

    [Fact]
    public void No_four_word_phrase_fills_more_than_three_pages_of_a_wordy_book() => NoPhraseOnMoreThanThreePages(AgeBand.Age6To8, 32);

    private static void NoPhraseOnMoreThanThreePages(AgeBand band, int pages)
    {
        // Collect every offender, so a failure shows how widespread the repetition is rather than the first case.
        var offenders = new List<string>();
        foreach (var m in Books(50, [band], [pages]))
        {
            var pagesWith = new Dictionary<string, List<int>>();
            foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
                foreach (var gram in FourGrams(page.Text!, m.Cast.Select(c => c.Name)).Distinct())
                    (pagesWith.TryGetValue(gram, out var list) ? list : pagesWith[gram] = []).Add(page.Number);
            offenders.AddRange(pagesWith.Where(g => g.Value.Count > 3)
                .Select(g => $"{m.Theme} seed {m.Seed} {m.Pages.Count}p: “{g.Key}” on {g.Value.Count} pages ({string.Join(", ", g.Value)})"));
        }
        offenders.ShouldBeEmpty(string.Join("\n", offenders.Take(30)));
    }

    /// <summary>Word 4-grams of each sentence of a page, with names as N and word-bank fillers (spots, things, goals) as S, so only template wording counts.</summary>
    private static IEnumerable<string> FourGrams(string text, IEnumerable<string> names)
    {
        foreach (var filler in Fillers) text = text.Replace(filler, " S ", StringComparison.Ordinal);
        foreach (var name in names) text = Regex.Replace(text, $@"\b{Regex.Escape(name)}\b", "N");
        // Within sentences: two lines that merely sit side by side are not a repeated phrase.
        foreach (var sentence in Regex.Split(text.ToLowerInvariant(), "[.!?…]+"))
        {
            var words = WordRegex().Matches(sentence).Select(w => w.Value).ToList();
            for (var i = 0; i + 4 <= words.Count; i++) yield return string.Join(" ", words.Skip(i).Take(4));
        }
    }

    private static readonly string[] Fillers = StoryWords.Spots.Values.SelectMany(s => s)
        .Concat(StoryWords.Things).Concat(StoryWords.Smells).Concat(StoryWords.PlaceName.Values)
        .Concat(StoryShapes.AllGoals.SelectMany(g => new[] { g.Phrase, g.Intro ?? g.Phrase }))
        .Distinct().OrderByDescending(f => f.Length).ToArray();

    [GeneratedRegex(@"[\p{L}]+(['’][\p{L}]+)?")]
    private static partial Regex WordRegex();
}
