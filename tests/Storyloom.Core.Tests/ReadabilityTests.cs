using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed class ReadabilityTests
{
    private static readonly OfflineStoryEngine Engine = new();

    public static TheoryData<string, AgeBand> Every
    {
        get
        {
            var data = new TheoryData<string, AgeBand>();
            foreach (var family in Story.Plot.PlotFamilies.All)
                foreach (var band in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
                    data.Add(family.Triggers[0], band);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Text_stays_inside_its_age_band(string theme, AgeBand band)
    {
        var target = ReadabilityTarget.For(band);
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var m = Engine.Write(new BookSpec { Seed = seed, Age = band, Theme = theme, Pages = 32 });
            var r = m.Readability.ShouldNotBeNull();
            var where = $"{theme} {band} seed {seed}";
            r.FleschKincaidGrade.ShouldBeInRange(target.MinGrade, target.MaxGrade, where);
            r.RareWordShare.ShouldBeLessThanOrEqualTo(target.MaxRareShare, where);
            (r.TargetMaxGrade, r.TargetMaxRareShare, r.InBand).ShouldBe((target.MaxGrade, target.MaxRareShare, true), where);
            foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
            {
                var sentences = ReadabilityMeter.Sentences(page.Text!);
                var here = $"{where} page {page.Number}: {page.Text}";
                sentences.Count.ShouldBeInRange(target.MinSentencesPerPage, target.MaxSentencesPerPage, here);
                ReadabilityMeter.Words(page.Text!).ShouldBeInRange(target.MinWordsPerPage, target.MaxWordsPerPage, here);
                sentences.ShouldAllBe(s => ReadabilityMeter.Words(s) <= target.MaxWordsPerSentence, here);
            }
        }
    }

    [Fact]
    public void Ages_nine_to_twelve_get_the_early_reader_story_over_the_whole_book_and_are_told_so()
    {
        var m = Engine.Write(new BookSpec { Seed = 2, Age = AgeBand.Age9To12, Theme = "first day of school" });
        m.Notes.ShouldNotBeNull();
        m.Notes.ShouldContain(n => n.Contains("chapter book", StringComparison.Ordinal));
        // Laid out at 9-12's 80 words a page, the same words filled 11 pages and left 17 lined notes pages.
        m.Pages.Count(p => p.Role == PageRole.Notes).ShouldBeLessThanOrEqualTo(2);
        var early = Engine.Write(new BookSpec { Seed = 2, Age = AgeBand.Age6To8, Theme = "first day of school" });
        m.Pages.Count(p => p.Role == PageRole.Story).ShouldBe(early.Pages.Count(p => p.Role == PageRole.Story));
    }

    [Fact]
    public void A_board_book_with_no_page_count_is_24_pages_and_ends_on_no_notes_page()
    {
        var spec = new BookSpecInput { Age = "0-2", Theme = "bedtime" }.TryToSpec(out var problems);
        problems.ShouldBeEmpty();
        spec!.Pages.ShouldBe(24);
        Engine.Write(spec).Pages.Count(p => p.Role == PageRole.Notes).ShouldBe(0);
        new BookSpecInput { Age = "3-5", Theme = "bedtime" }.ToSpec().Pages.ShouldBe(32);
        new BookSpecInput { Age = "0-2", Focus = "abc" }.ToSpec().Pages.ShouldBe(32);
    }

    [Fact]
    public void Board_books_say_one_or_two_short_lines_a_page()
    {
        var m = Engine.Write(new BookSpec { Seed = 5, Age = AgeBand.Age0To2, Theme = "first day of school" });
        foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
        {
            ReadabilityMeter.Sentences(page.Text!).Count.ShouldBeInRange(1, 3, page.Text);
            ReadabilityMeter.Words(page.Text!).ShouldBeLessThanOrEqualTo(8, page.Text);
        }
    }

    [Fact]
    public void A_line_of_speech_with_its_tag_is_one_sentence()
    {
        ReadabilityMeter.Sentences("“Oh no!” cried Pip. “Where is it?” Pip looked around.").ShouldBe(["“Oh no!” cried Pip.", "“Where is it?”", "Pip looked around."]);
    }

    [Fact]
    public void Characters_speak_of_each_other_with_their_own_pronouns()
    {
        var checkedBooks = 0;
        foreach (var family in Story.Plot.PlotFamilies.All)
            foreach (var seed in Enumerable.Range(1, 30))
            {
                var m = Engine.Write(new BookSpec { Seed = seed, Age = AgeBand.Age6To8, Theme = family.Triggers[0] });
                m.Cast.ShouldAllBe(c => c.Pronoun == "she" || c.Pronoun == "he" || c.Pronoun == "they");
                var text = string.Join(" ", m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
                var pronouns = m.Cast.Select(c => c.Pronoun).ToHashSet();
                text.ShouldNotMatch(@"\b[Tt]hey (was|is|has|does|looks)\b");
                if (!pronouns.Contains("he")) text.ShouldNotMatch(@"\b(his|him|himself)\b", $"{m.Title}: {string.Join(", ", m.Cast.Select(c => c.Name + " " + c.Pronoun))}");
                if (!pronouns.Contains("she")) text.ShouldNotMatch(@"\b(herself)\b");
                checkedBooks++;
            }
        checkedBooks.ShouldBe(30 * Story.Plot.PlotFamilies.All.Count);
    }

    [Fact]
    public void A_name_that_suits_anyone_is_a_she_or_a_he_by_seed_never_an_unasked_they()
    {
        var pronouns = Enumerable.Range(1, 200)
            .Select(seed => Engine.Write(new BookSpec { Seed = seed, Theme = "sharing", Pages = 24 }).Cast[0].Pronoun)
            .ToHashSet();
        pronouns.ShouldBe(["she", "he"], ignoreOrder: true);
    }
}
