using Storyloom.Core.Books;
using Storyloom.Core.Layout;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>Front and back matter, the KDP listing and the reading level of story, concept and coloring books.</summary>
public sealed class BookMatterTests
{
    private static readonly OfflineStoryEngine Engine = new();

    private static BookSpec Everything(int pages) => new()
    {
        Seed = 5, Pages = pages, Author = "Jane Doe", Theme = "the sea", Age = AgeBand.Age6To8,
        Dedication = "For Ada.", AboutAuthor = "Jane Doe writes by the sea.", MeetTheCharacters = true,
    };

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(40)]
    public void Every_option_keeps_the_page_count_and_the_matter_in_place(int pages)
    {
        var m = Engine.Write(Everything(pages));

        m.Pages.Count.ShouldBe(pages);
        m.Pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, pages));
        m.Pages.Take(3).Select(p => p.Role).ShouldBe([PageRole.Title, PageRole.Copyright, PageRole.MeetTheCharacters]);
        m.Pages.TakeLast(2).Select(p => p.Role).ShouldBe([PageRole.TheEnd, PageRole.AboutTheAuthor]);
        m.Pages.Skip(3).SkipLast(2).ShouldAllBe(p => p.Role == PageRole.Story || p.Role == PageRole.Notes);
        (m.Pages[^2].Number % 2).ShouldBe(1, "The End is a right-hand page");
        m.Dedication.ShouldBe("For Ada.");
        m.Pages[^1].Text.ShouldBe("Jane Doe writes by the sea.");
    }

    [Fact]
    public void The_story_arc_is_whole_on_the_pages_left_at_24()
    {
        var m = Engine.Write(Everything(24));
        var story = m.Pages.Where(p => p.Role == PageRole.Story).ToList();
        story.Count.ShouldBe(19);
        story.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.Text) && p.Illustration != null);
        story.Select(p => p.Text).Distinct().Count().ShouldBe(story.Count);
    }

    [Fact]
    public void Meet_the_characters_lists_every_cast_member_from_the_bible()
    {
        var m = Engine.Write(Everything(32));
        var meet = m.Pages[2];
        var lines = meet.Text!.Split("\n\n");
        meet.Illustration!.Characters.Select(c => c.CharacterId).ShouldBe(m.Cast.Take(4).Select(c => c.Id));
        lines.Length.ShouldBe(meet.Illustration.Characters.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].ShouldStartWith(m.Cast[i].Name + ": ");
            lines[i].Length.ShouldBeLessThan(120);
        }
    }

    [Fact]
    public void Without_options_there_is_no_dedication_and_a_neutral_author_line()
    {
        var m = Engine.Write(new BookSpec { Seed = 2, Pages = 32, Author = "Sam Lee" });
        m.Dedication.ShouldBeNull();
        m.Pages.ShouldNotContain(p => p.Role == PageRole.MeetTheCharacters);
        m.Pages[^1].Role.ShouldBe(PageRole.AboutTheAuthor);
        m.Pages[^1].Text.ShouldBe(FrontMatter.AboutAuthor(new BookSpec { Author = "Sam Lee" }));
        m.Pages[^1].Text.ShouldStartWith("Sam Lee made this book");
        m.Pages[^2].Text.ShouldBe(m.Moral, "the end page says the moral");
    }

    [Fact]
    public void Software_notice_names_the_engines_and_says_when_ai_was_used()
    {
        var offline = InteriorLayout.SoftwareNotice(Engine.Credit, new Art.OfflineArtEngine().Credit);
        offline.ShouldContain("Storyloom's offline story engine");
        offline.ShouldContain("Storyloom's offline art engine");
        offline.ShouldContain("No AI model was used");
        offline.ShouldNotContain("reviewed", Case.Insensitive);
        var ai = InteriorLayout.SoftwareNotice(Engine.Credit, new ContentCredit("OpenAI gpt-image-1", IsAiModel: true));
        ai.ShouldContain("OpenAI gpt-image-1, an AI model");
        ai.ShouldNotContain("No AI model");
    }

    [Fact]
    public void With_no_author_the_matter_names_no_one_and_claims_nothing()
    {
        var m = Engine.Write(new BookSpec { Seed = 2, Pages = 32 });

        m.Author.ShouldBe("");
        m.Pages[1].Text.ShouldBe($"Text and illustrations copyright © {DateTime.UtcNow.Year}. All rights reserved.");
        m.Pages[^1].Text.ShouldBe(BookWords.English.AboutBook);
        m.Pages.ShouldAllBe(p => p.Text == null || !p.Text.Contains("Storyloom"));
    }

    public static TheoryData<string, BookSpec> Books => new()
    {
        { "story", new BookSpec { Seed = 3, Theme = "friendship in the forest", Age = AgeBand.Age3To5 } },
        { "story 9-12", new BookSpec { Seed = 9, Theme = "dragons and castles", Age = AgeBand.Age9To12 } },
        { "concept", new BookSpec { Seed = 4, Theme = "farm animals", Age = AgeBand.Age0To2, Focus = EducationalFocus.Abc } },
        { "counting", new BookSpec { Seed = 6, Theme = "the sea", Age = AgeBand.Age3To5, Focus = EducationalFocus.CountingTo10 } },
        { "coloring", new BookSpec { Seed = 3, Theme = "animals", Kind = BookKind.Coloring, Pages = 100 } },
        { "coloring detailed", new BookSpec { Seed = 3, Theme = "animals", Kind = BookKind.Coloring, Pages = 60, Age = AgeBand.Age9To12, Level = ColoringLevel.Detailed } },
    };

    [Theory]
    [MemberData(nameof(Books))]
    public void Listing_follows_kdp_rules(string name, BookSpec spec)
    {
        var m = Engine.Write(spec);
        var listing = ListingFile.From(m, spec, Engine.Credit, new Art.OfflineArtEngine().Credit);
        var titleWords = m.Title.ToLowerInvariant().Split(' ', '’', '\'').Where(w => w.Length > 3).ToList();

        listing.Description.Length.ShouldBeInRange(50, ListingWriter.MaxDescription, name);
        listing.Keywords.Count.ShouldBe(7, name);
        listing.Keywords.Distinct().Count().ShouldBe(7, name);
        foreach (var k in listing.Keywords)
        {
            k.Length.ShouldBeLessThanOrEqualTo(50, k);
            k.ShouldNotContain('"');
            titleWords.ShouldAllBe(w => !k.Split(' ').Contains(w), $"{k} repeats a word of '{m.Title}'");
        }
        listing.Categories.Count.ShouldBeInRange(2, 3, name);
        (listing.ReadingAgeMin, listing.ReadingAgeMax).ShouldBe(ListingFile.Ages(spec.Age));
        listing.Print.Pages.ShouldBe(spec.Pages);
        listing.AiContent.Text.AiGenerated.ShouldBeFalse();
        // Drawn by procedural software, not an AI model: KDP's AI question about images is answered No, with no tool named.
        listing.AiContent.Images.ShouldBe(AiAnswer.No);
        listing.AiContent.Translations.AiGenerated.ShouldBeFalse();
    }

    [Fact]
    public void Listing_categories_match_the_kind_of_book()
    {
        Engine.Write(new BookSpec { Seed = 4, Focus = EducationalFocus.Abc }).Listing.Categories[0].ShouldBe("Juvenile Nonfiction / Concepts / Alphabet");
        Engine.Write(new BookSpec { Seed = 4, Kind = BookKind.Coloring, Theme = "animals" }).Listing.Categories[0].ShouldContain("Coloring");
        Engine.Write(new BookSpec { Seed = 4, Theme = "bedtime" }).Listing.Categories[0].ShouldStartWith("Juvenile Fiction");
    }

    [Fact]
    public void Ai_models_are_declared_with_tool_and_extent()
    {
        var m = Engine.Write(new BookSpec { Seed = 1 });
        var listing = ListingFile.From(m, new BookSpec(), new ContentCredit("GPT-5", true), new ContentCredit("gpt-image-1", true));
        listing.AiContent.Text.ShouldBe(new AiAnswer(true, "GPT-5", "Entire work, with minimal or no editing"));
        listing.AiContent.Images.AiGenerated.ShouldBeTrue();
    }

    [Fact]
    public void A_long_blurb_is_cut_at_a_sentence_within_4000_characters()
    {
        var blurb = string.Concat(Enumerable.Repeat("A fox went looking for the moon. ", 300));
        var text = ListingWriter.Description(blurb, "A warm picture book.");
        text.Length.ShouldBeLessThanOrEqualTo(ListingWriter.MaxDescription);
        text.ShouldEndWith("moon.\n\nA warm picture book.");
    }

    [Fact]
    public void Keywords_skip_title_words_quotes_and_long_phrases()
    {
        var keywords = ListingWriter.Keywords("The Fox and the Moon",
            ["fox story for kids", "\"moon\" book", new string('x', 20) + " " + new string('y', 40), "bedtime story", "night sky book"]);
        keywords.Count.ShouldBe(7);
        keywords.Take(2).ShouldBe(["bedtime story", "night sky book"]);
        keywords.ShouldAllBe(k => !k.Contains("fox") && !k.Contains("moon") && k.Length <= 50);
    }

    [Theory]
    [InlineData(AgeBand.Age0To2)]
    [InlineData(AgeBand.Age3To5)]
    [InlineData(AgeBand.Age6To8)]
    public void Story_books_read_in_their_age_band(AgeBand age)
    {
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var level = ReadingLevel.For(Engine.Write(new BookSpec { Seed = seed, Age = age, Pages = 32 }))!;
            level.InBand.ShouldBeTrue(level.Detail);
            level.Target.ShouldBe(ReadabilityTarget.For(age));
        }
    }

    [Fact]
    public void Coloring_books_have_no_reading_level()
    {
        ReadingLevel.For(Engine.Write(new BookSpec { Kind = BookKind.Coloring, Theme = "animals", Pages = 24 })).ShouldBeNull();
    }
}
