using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed class ReadabilityTests
{
    private static readonly OfflineStoryEngine Engine = new();

    public static TheoryData<StoryShape, AgeBand> Every => StoryVarietyTests.Every;

    [Theory]
    [MemberData(nameof(Every))]
    public void Text_stays_inside_its_age_band(StoryShape shape, AgeBand band)
    {
        var target = ReadabilityTarget.For(band);
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var m = Engine.Write(new BookSpec { Seed = seed, Shape = shape, Age = band, Theme = StoryVarietyTests.ThemeOf(shape), Pages = 32 });
            var r = m.Readability.ShouldNotBeNull();
            var where = $"{shape} {band} seed {seed}";
            r.FleschKincaidGrade.ShouldBeInRange(target.MinGrade, target.MaxGrade, where);
            r.RareWordShare.ShouldBeLessThanOrEqualTo(target.MaxRareShare, where);
            (r.TargetMaxGrade, r.TargetMaxRareShare, r.InBand).ShouldBe((target.MaxGrade, target.MaxRareShare, true), where);
            foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
            {
                var sentences = ReadabilityMeter.Sentences(page.Text!);
                var here = $"{where} page {page.Number}: {page.Text}";
                sentences.Count.ShouldBeInRange(target.MinSentencesPerPage, target.MaxSentencesPerPage, here);
                StoryText.CountWords(page.Text!).ShouldBeInRange(target.MinWordsPerPage, target.MaxWordsPerPage, here);
                sentences.ShouldAllBe(s => StoryText.CountWords(s) <= target.MaxWordsPerSentence, here);
            }
        }
    }

    [Fact]
    public void Board_books_say_one_short_sentence_a_page()
    {
        var m = Engine.Write(new BookSpec { Seed = 5, Shape = StoryShape.Sharing, Age = AgeBand.Age0To2, Theme = "sharing" });
        foreach (var page in m.Pages.Where(p => p.Role == PageRole.Story))
        {
            ReadabilityMeter.Sentences(page.Text!).Count.ShouldBe(1, page.Text);
            StoryText.CountWords(page.Text!).ShouldBeLessThanOrEqualTo(8, page.Text);
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
        foreach (var shape in Enum.GetValues<StoryShape>())
            foreach (var seed in Enumerable.Range(1, 30))
            {
                var m = Engine.Write(new BookSpec { Seed = seed, Shape = shape, Age = AgeBand.Age6To8, Theme = StoryVarietyTests.ThemeOf(shape) });
                m.Cast.ShouldAllBe(c => c.Pronoun == "she" || c.Pronoun == "he" || c.Pronoun == "they");
                var text = string.Join(" ", m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
                var pronouns = m.Cast.Take(2).Select(c => c.Pronoun).ToHashSet();
                text.ShouldNotMatch(@"\b[Tt]hey (was|is|has|does|looks)\b");
                if (!pronouns.Contains("he")) text.ShouldNotMatch(@"\b(his|him|himself)\b", $"{m.Title}: {string.Join(", ", m.Cast.Select(c => c.Name + " " + c.Pronoun))}");
                if (!pronouns.Contains("she")) text.ShouldNotMatch(@"\b(herself)\b");
                checkedBooks++;
            }
        checkedBooks.ShouldBe(180);
    }

    [Fact]
    public void Every_pronoun_is_chosen_by_seed_for_a_name_that_suits_anyone()
    {
        var pronouns = Enumerable.Range(1, 200)
            .Select(seed => Engine.Write(new BookSpec { Seed = seed, Theme = "sharing", Pages = 24 }).Cast[0].Pronoun)
            .ToHashSet();
        pronouns.ShouldBe(["she", "he", "they"], ignoreOrder: true);
    }
}
