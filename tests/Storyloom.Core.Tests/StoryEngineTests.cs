using System.Text.Json;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed class StoryEngineTests
{
    private static readonly OfflineStoryEngine Engine = new();

    [Fact]
    public void Same_spec_gives_identical_manuscript_json()
    {
        var spec = new BookSpec { Seed = 42, Theme = "adventure", Pages = 32 };
        JsonSerializer.Serialize(Engine.Write(spec)).ShouldBe(JsonSerializer.Serialize(Engine.Write(spec)));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(120)]
    public void Story_page_plan_has_title_copyright_story_pages_and_the_end(int pages)
    {
        var m = Engine.Write(new BookSpec { Seed = pages, Pages = pages });
        m.Pages.Count.ShouldBe(pages);
        m.Pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, pages));
        m.Pages[0].Role.ShouldBe(PageRole.Title);
        m.Pages[1].Role.ShouldBe(PageRole.Copyright);
        m.Pages[^2].Role.ShouldBe(PageRole.TheEnd);
        m.Pages[^1].Role.ShouldBe(PageRole.AboutTheAuthor);
        // The story, then (in a book longer than its plot) lined notes pages: a picture book is not padded.
        var content = m.Pages.Skip(2).Take(pages - 4).ToList();
        content.ShouldAllBe(p => p.Role == PageRole.Story || p.Role == PageRole.Notes);
        content.SkipWhile(p => p.Role == PageRole.Story).ShouldAllBe(p => p.Role == PageRole.Notes);
        content.Count(p => p.Role == PageRole.Story).ShouldBeGreaterThanOrEqualTo(Math.Min(pages - 4, 20));
        var ids = m.Cast.Select(c => c.Id).ToHashSet();
        foreach (var p in m.Pages.Where(p => p.Role == PageRole.Story))
        {
            p.Text.ShouldNotBeNullOrWhiteSpace();
            p.Illustration.ShouldNotBeNull();
            p.Illustration.Characters.ShouldAllBe(c => ids.Contains(c.CharacterId));
            p.Illustration.Characters.ShouldAllBe(c => c.X >= 0.15 && c.X <= 0.85);
        }
        m.Cast.Count.ShouldBeInRange(1, 5);
        m.Readability.ShouldNotBeNull();
        m.Listing.Keywords.Count.ShouldBe(7);
        m.Listing.Categories.Count.ShouldBeInRange(2, 3);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(120)]
    public void Coloring_page_plan_puts_designs_on_odd_pages_with_blank_backs(int pages)
    {
        var m = Engine.Write(new BookSpec { Seed = 3, Pages = pages, Kind = BookKind.Coloring, Theme = "animals" });
        m.Pages.Count.ShouldBe(pages);
        m.Pages.Select(p => p.Role).Take(4).ShouldBe([PageRole.Title, PageRole.BelongsTo, PageRole.ColorTest, PageRole.BlankBack]);
        foreach (var p in m.Pages.Skip(4))
            p.Role.ShouldBe(p.Number % 2 == 1 ? PageRole.ColoringDesign : PageRole.BlankBack);
        var designs = m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        designs.ShouldAllBe(p => p.Illustration != null && !string.IsNullOrEmpty(p.Text));
        for (var i = 1; i < designs.Count; i++)
            designs[i].Text.ShouldNotBe(designs[i - 1].Text);
        m.ArtStyle.ShouldBe("line-art");
    }

    [Theory]
    [InlineData(AgeBand.Age0To2, 2, 8)]
    [InlineData(AgeBand.Age3To5, 4, 40)]
    [InlineData(AgeBand.Age6To8, 20, 70)]
    public void Words_per_page_follow_the_age_band(AgeBand band, int min, int max)
    {
        (ReadabilityTarget.For(band).MinWordsPerPage, ReadabilityTarget.For(band).MaxWordsPerPage).ShouldBe((min, max));
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var m = Engine.Write(new BookSpec { Seed = seed, Age = band, Pages = 32 });
            foreach (var p in m.Pages.Where(p => p.Role == PageRole.Story))
                ReadabilityMeter.Words(p.Text!).ShouldBeInRange(min, max, p.Text);
        }
    }

    [Fact]
    public void A_chosen_shape_tells_a_theme_that_names_no_situation_the_engine_knows()
    {
        var written = Story.Plot.PlotFamilies.All.Select(f => f.Id).ToHashSet();
        foreach (var (shape, family) in new[] { (StoryShape.NewPlace, "school"), (StoryShape.Fear, "dark"), (StoryShape.Bedtime, "bedtime"), (StoryShape.Sharing, "sharing") })
        {
            if (!written.Contains(family)) continue;
            Engine.Write(new BookSpec { Seed = 3, Shape = shape, Theme = "a purple afternoon", Pages = 24 }).Premise!.Family.ShouldBe(family);
        }
    }

    [Fact]
    public void The_moral_asked_for_ends_the_book()
    {
        var m = Engine.Write(new BookSpec { Theme = "first day of school", Moral = "Kindness is catching", Pages = 24, Seed = 3 });
        m.Moral.ShouldBe("Kindness is catching.");
        m.Pages[^2].Text.ShouldEndWith("Kindness is catching.");
    }

    [Fact]
    public void Long_books_never_repeat_a_sentence()
    {
        var m = Engine.Write(new BookSpec { Seed = 8, Age = AgeBand.Age6To8, Pages = 120 });
        // Short lines of dialogue ("Hi," said Pip.) may come back; sentences of five words or more may not.
        var texts = m.Pages.Where(p => p.Role == PageRole.Story).SelectMany(p => ReadabilityMeter.Sentences(p.Text!)).Where(s => ReadabilityMeter.Words(s) >= 5).ToList();
        texts.Distinct().Count().ShouldBe(texts.Count);
    }

    [Fact]
    public void Different_seeds_give_different_titles()
    {
        var titles = Enumerable.Range(1, 50).Select(s => Engine.Write(new BookSpec { Seed = s, Pages = 24 }).Title).ToHashSet();
        titles.Count.ShouldBeGreaterThanOrEqualTo(45);
    }

    [Fact]
    public void Given_title_and_moral_are_used()
    {
        var m = Engine.Write(new BookSpec { Title = "My Book", Moral = "Be kind", Pages = 24 });
        m.Title.ShouldBe("My Book");
        m.Pages[^2].Text.ShouldEndWith("Be kind.");
    }
}
