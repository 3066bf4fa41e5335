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
        m.Pages.Skip(2).Take(pages - 4).ShouldAllBe(p => p.Role == PageRole.Story);
        var ids = m.Cast.Select(c => c.Id).ToHashSet();
        foreach (var p in m.Pages.Where(p => p.Role == PageRole.Story))
        {
            p.Text.ShouldNotBeNullOrWhiteSpace();
            p.Illustration.ShouldNotBeNull();
            p.Illustration.Characters.ShouldAllBe(c => ids.Contains(c.CharacterId));
            p.Illustration.Characters.ShouldAllBe(c => c.X >= 0.15 && c.X <= 0.85);
        }
        m.Cast.Count.ShouldBeInRange(1, 4);
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
    [InlineData(AgeBand.Age6To8, 30, 70)]
    [InlineData(AgeBand.Age9To12, 80, 160)]
    public void Words_per_page_follow_the_age_band(AgeBand band, int min, int max)
    {
        (ReadabilityTarget.For(band).MinWordsPerPage, ReadabilityTarget.For(band).MaxWordsPerPage).ShouldBe((min, max));
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var m = Engine.Write(new BookSpec { Seed = seed, Age = band, Pages = 32 });
            foreach (var p in m.Pages.Where(p => p.Role == PageRole.Story))
                StoryText.CountWords(p.Text!).ShouldBeInRange(min, max, p.Text);
        }
    }

    [Theory]
    [InlineData(StoryShape.Sharing, "share")]
    [InlineData(StoryShape.NewPlace, "first day at")]
    [InlineData(StoryShape.Bedtime, "bedtime")]
    public void A_chosen_shape_wins_over_the_theme(StoryShape shape, string blurbWords)
    {
        foreach (var seed in Enumerable.Range(1, 10))
            Engine.Write(new BookSpec { Seed = seed, Shape = shape, Theme = "lost treasure", Pages = 24 }).Blurb.ShouldContain(blurbWords);
    }

    [Theory]
    [InlineData("sharing is caring", "share")]
    [InlineData("a kind gift", "share")]
    [InlineData("first day at a new school", "first day at")]
    [InlineData("moving house", "first day at")]
    public void Theme_words_pick_the_new_shapes(string theme, string blurbWords)
    {
        var hits = Enumerable.Range(1, 20).Count(seed => Engine.Write(new BookSpec { Seed = seed, Theme = theme, Pages = 24 }).Blurb.Contains(blurbWords));
        hits.ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public void Unmatched_themes_can_become_any_of_the_six_shapes()
    {
        var blurbs = Enumerable.Range(1, 120).Select(seed => Engine.Write(new BookSpec { Seed = seed, Theme = "dinosaurs", Pages = 24 }).Blurb).ToList();
        blurbs.ShouldContain(b => b.Contains("will not share"));
        blurbs.ShouldContain(b => b.Contains("first day at"));
    }

    [Theory]
    [InlineData(StoryShape.Sharing)]
    [InlineData(StoryShape.NewPlace)]
    public void New_shapes_end_with_the_moral_asked_for(StoryShape shape)
    {
        var m = Engine.Write(new BookSpec { Shape = shape, Moral = "Kindness is catching", Pages = 24, Seed = 3 });
        m.Moral.ShouldBe("Kindness is catching.");
        m.Pages[^2].Text.ShouldEndWith("Kindness is catching.");
    }

    [Fact]
    public void A_new_place_is_the_place_the_story_starts_in()
    {
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var m = Engine.Write(new BookSpec { Seed = seed, Shape = StoryShape.NewPlace, Theme = "a new house at the beach", Pages = 24 });
            m.Pages.First(p => p.Role == PageRole.Story).Illustration!.Setting.ShouldBe("beach");
            m.Blurb.ShouldMatch("first day at (a new house by the sea|a new seaside school)");
        }
    }

    [Fact]
    public void Long_books_never_repeat_a_sentence()
    {
        var m = Engine.Write(new BookSpec { Seed = 8, Age = AgeBand.Age6To8, Pages = 120 });
        var texts = m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text!).ToList();
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
