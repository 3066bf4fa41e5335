using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Layout;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>The wrap cover's front: three layouts chosen by the title's length and the seed, the author's name and no one else's.</summary>
public sealed class CoverLayoutTests
{
    private static readonly OfflineStoryEngine Engine = new();

    private static string Front(BookSpec spec, out Manuscript m)
    {
        m = Engine.Write(spec);
        var store = new ArtStore(Path.GetTempPath(), new OfflineArtEngine(), "offline", grayscale: false, plan: []);
        return new CoverLayout(m, spec, store).Build();
    }

    [Theory]
    [InlineData("Pip Moves House", "Headline Panel Band")]
    [InlineData("A Brave Little Fox at the Dentist", "Band Panel Headline")]
    [InlineData("The Very Long Night When Nobody In the Whole House Could Sleep", "Band Panel")]
    public void Titles_get_the_layouts_that_fit_them_and_seeds_choose_among_them(string title, string fitting)
    {
        var chosen = Enumerable.Range(0, 30).Select(seed => CoverLayout.ChooseLayout(title, seed).ToString()).Distinct().Order();
        chosen.ShouldBe(fitting.Split(' ').Order());
    }

    [Fact]
    public void Each_layout_prints_the_title_and_the_authors_name_and_no_vendor()
    {
        var seen = new HashSet<string>();
        foreach (var seed in Enumerable.Range(1, 9))
        {
            var html = Front(new BookSpec { Theme = "moving house", Seed = seed, Author = "Ada Okafor", Pages = 24 }, out var m);
            var layout = CoverLayout.ChooseLayout(m.Title, seed);
            seen.Add(layout.ToString());
            html.ShouldContain(Html.E(m.Title));
            html.ShouldContain("Ada Okafor");
            html.ShouldNotContain("Storyloom", Case.Sensitive);
            switch (layout)
            {
                case FrontLayout.Headline: html.ShouldContain("center headline"); break;
                case FrontLayout.Band: html.ShouldContain("abs band"); break;
                default: html.ShouldContain("abs panel center"); break;
            }
        }
        seen.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Without_an_author_the_front_names_no_one()
    {
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var html = Front(new BookSpec { Theme = "first day of school", Seed = seed, Pages = 24 }, out _);
            html.ShouldNotContain("class=\"ribbon\"");
            html.ShouldNotContain("panel center author");
            html.ShouldNotContain("Storyloom", Case.Sensitive);
        }
    }
}
