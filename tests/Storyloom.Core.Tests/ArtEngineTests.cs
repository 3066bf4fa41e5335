using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed class ArtEngineTests
{
    private static readonly OfflineStoryEngine Story = new();
    private static readonly OfflineArtEngine Art = new();
    private static readonly FrameRect Safe = new(36, 36, 549, 558);

    private static ArtFrame Frame(string placement) =>
        new(621, 630, placement == "top" ? new FrameRect(36, 36, 549, 120) : new FrameRect(36, 474, 549, 120), Safe);

    [Fact]
    public void No_art_style_uses_svg_patterns_because_chromium_writes_one_huge_tiling_pattern_per_use()
    {
        var seen = new HashSet<string>();
        for (var seed = 1; seed <= 40 && seen.Count < OfflineStoryEngine.StoryArtStyles.Count; seed++)
        {
            var m = Story.Write(new BookSpec { Seed = seed, Theme = "adventure", Pages = 24 });
            if (!seen.Add(m.ArtStyle))
            {
                continue;
            }
            foreach (var p in m.Pages.Where(p => p.Illustration is not null).Take(4))
            {
                Art.DrawStoryPage(m, p, Frame(p.Illustration!.TextPlacement)).ShouldNotContain("<pattern", customMessage: m.ArtStyle);
            }
            Art.DrawCover(m, Frame("top")).ShouldNotContain("<pattern", customMessage: m.ArtStyle);
        }
        seen.ShouldBe(OfflineStoryEngine.StoryArtStyles, ignoreOrder: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Story_pages_are_valid_svg_without_text_or_transparency(int seed)
    {
        var m = Story.Write(new BookSpec { Seed = seed, Theme = "adventure", Pages = 32 });
        foreach (var p in m.Pages.Where(p => p.Illustration is not null))
        {
            var svg = Art.DrawStoryPage(m, p, Frame(p.Illustration!.TextPlacement));
            XDocument.Parse(svg);
            svg.ShouldNotContain("<text");
            svg.ShouldNotContain("opacity");
            svg.ShouldNotContain("rgba");
            svg.ShouldNotContain("mask");
            svg.ShouldNotContain("filter");
            svg.Length.ShouldBeLessThan(200_000);
        }
        XDocument.Parse(Art.DrawCover(m, Frame("top")));
    }

    [Fact]
    public void Same_page_gives_identical_svg_bytes()
    {
        var spec = new BookSpec { Seed = 5, Pages = 24 };
        var a = Story.Write(spec);
        var b = Story.Write(spec);
        Art.DrawStoryPage(a, a.Pages[4], Frame("top")).ShouldBe(Art.DrawStoryPage(b, b.Pages[4], Frame("top")));
        Art.DrawCover(a, Frame("top")).ShouldBe(Art.DrawCover(b, Frame("top")));
    }

    [Fact]
    public void Coloring_pages_are_black_and_white_closed_shapes_inside_the_safe_area()
    {
        var m = Story.Write(new BookSpec { Seed = 11, Pages = 60, Kind = BookKind.Coloring, Theme = "anything" });
        var frame = new ArtFrame(621, 630, null, Safe);
        foreach (var p in m.Pages.Where(p => p.Role == PageRole.ColoringDesign))
        {
            var svg = Art.DrawColoringPage(m, p, frame);
            var doc = XDocument.Parse(svg);
            svg.ShouldNotContain("Gradient");
            svg.ShouldNotContain("<text");
            foreach (var el in doc.Descendants().Skip(1))
            {
                foreach (var attr in new[] { "fill", "stroke" })
                    if (el.Attribute(attr)?.Value is { } color) color.ShouldBeOneOf("white", "none", "#000");
                if (el.Attribute("stroke-width")?.Value is { } sw) double.Parse(sw, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1.5);
                if (el.Name.LocalName == "path" && el.Attribute("class")?.Value != "deco") el.Attribute("d")!.Value.ShouldEndWith("Z");
                el.Name.LocalName.ShouldBeOneOf("path", "circle", "ellipse", "rect", "polygon");
                foreach (var (x, y) in SvgPoints.Of(el))
                {
                    x.ShouldBeInRange(Safe.X - 2, Safe.Right + 2);
                    y.ShouldBeInRange(Safe.Y - 2, Safe.Bottom + 2);
                }
            }
        }
    }

    [Fact]
    public void A_character_is_drawn_with_the_same_colors_on_every_page()
    {
        var m = Story.Write(new BookSpec { Seed = 21, Pages = 32 });
        var hero = m.Cast[0];
        foreach (var p in m.Pages.Where(p => p.Illustration is { } b && b.Characters.Any(c => c.CharacterId == hero.Id)))
        {
            var svg = Art.DrawStoryPage(m, p, Frame("top"));
            var expected = m.ArtStyle == "flat-pastel" ? null : hero.BodyColor;
            if (expected is not null) svg.ShouldContain(expected.TrimStart('#'));
        }
    }
}
