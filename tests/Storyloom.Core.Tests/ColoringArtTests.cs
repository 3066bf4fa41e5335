using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

public sealed class ColoringArtTests
{
    private static readonly OfflineArtEngine Art = new();
    private static readonly FrameRect Safe = new(3, 3, 534, 696);
    private static readonly ArtFrame Frame = new(540, 702, null, Safe);
    private static readonly Manuscript Book = new OfflineStoryEngine().Write(new BookSpec { Seed = 17, Pages = 200, Kind = BookKind.Coloring, Theme = "anything" });
    private static readonly List<ManuscriptPage> Designs = Book.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();

    public static TheoryData<string> Settings => new(ColoringScenery.Settings);

    [Fact]
    public void Every_design_of_a_long_book_keeps_the_coloring_rules()
    {
        Designs.Count.ShouldBeGreaterThanOrEqualTo(95);
        foreach (var page in Designs) AssertColoringRules(Art.DrawColoringPage(Book, page, Frame));
    }

    [Theory]
    [InlineData(621, 630)]
    [InlineData(400, 220)]
    [InlineData(180, 260)]
    public void Designs_fit_frames_of_other_shapes(double width, double height)
    {
        var safe = new FrameRect(4, 4, width - 8, height - 8);
        foreach (var page in Designs.Take(30))
            foreach (var setting in ColoringScenery.Settings)
                AssertColoringRules(Art.DrawColoringPage(Book, page with { Illustration = page.Illustration! with { Setting = setting } }, new ArtFrame(width, height, null, safe)), safe);
    }

    [Fact]
    public void The_same_seed_and_page_give_identical_bytes()
    {
        var again = new OfflineStoryEngine().Write(new BookSpec { Seed = 17, Pages = 200, Kind = BookKind.Coloring, Theme = "anything" });
        foreach (var n in new[] { 0, 7, 33 })
            Art.DrawColoringPage(Book, Designs[n], Frame).ShouldBe(Art.DrawColoringPage(again, again.Pages.First(p => p.Number == Designs[n].Number), Frame));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_setting_draws_its_own_background_behind_the_subject(string setting)
    {
        foreach (var night in new[] { false, true })
        {
            AssertColoringRules(Draw(Designs[3], setting, night ? "night" : "day"));
            for (var page = 0; page < 10; page++)
            {
                var c = new SvgCanvas(540, 702, InkMode.LineArt);
                ColoringScenery.Draw(c, setting, night, new ColoringBox(25, 25, 490, 652, 560, page % 2 == 0), Rng.For(3, "scenery", page));
                XDocument.Parse(c.ToString()).Root!.Elements().Count().ShouldBeGreaterThanOrEqualTo(14, $"{setting}: a background worth coloring");
            }
        }
        var others = ColoringScenery.Settings.Where(s => s != setting).Select(s => Draw(Designs[3], s, "day"));
        others.ShouldNotContain(Draw(Designs[3], setting, "day"));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Night_pages_show_moon_and_stars_instead_of_the_sun(string setting)
    {
        foreach (var page in Designs.Take(6))
        {
            var night = XDocument.Parse(Draw(page, setting, "night"));
            Suns(night).ShouldBe(0, $"{setting} page {page.Number}");
            if (setting is not ("space" or "underwater"))
            {
                Suns(XDocument.Parse(Draw(page, setting, "day"))).ShouldBe(setting == "bedroom" ? 0 : 1, $"{setting} page {page.Number} by day");
                night.Root!.Elements().Count(IsStar).ShouldBeGreaterThanOrEqualTo(setting == "bedroom" ? 1 : 3);
            }
        }
    }

    [Fact]
    public void Layouts_vary_from_page_to_page()
    {
        var page = Designs[0];
        var variants = Enumerable.Range(0, 8).Select(i => Draw(page with { Number = page.Number + 2 * i }, "forest", "day")).Distinct().Count();
        variants.ShouldBeGreaterThanOrEqualTo(6);
    }

    private static string Draw(ManuscriptPage page, string setting, string time) =>
        Art.DrawColoringPage(Book, page with { Illustration = page.Illustration! with { Setting = setting, TimeOfDay = time } }, Frame);

    private static void AssertColoringRules(string svg) => AssertColoringRules(svg, Safe);

    private static void AssertColoringRules(string svg, FrameRect safe)
    {
        svg.Length.ShouldBeLessThan(60_000);
        foreach (var banned in new[] { "Gradient", "<text", "opacity", "pattern", "transform" }) svg.ShouldNotContain(banned);
        var doc = XDocument.Parse(svg);
        foreach (var el in doc.Root!.Elements())
        {
            el.Name.LocalName.ShouldBeOneOf("path", "circle", "ellipse", "rect", "polygon");
            el.Attribute("stroke")?.Value.ShouldBe("#000");
            el.Attribute("fill")!.Value.ShouldBeOneOf("white", "none", "#000");
            double.Parse(el.Attribute("stroke-width")!.Value, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1.5);
            if (el.Name.LocalName == "path") el.Attribute("d")!.Value.ShouldEndWith("Z");
            // Solid black is only for pupils, noses and smiles: small or thin shapes.
            if (el.Attribute("fill")!.Value == "#000") Thickness(el).ShouldBeLessThan(48);
            foreach (var (x, y) in SvgPoints.Of(el))
            {
                x.ShouldBeInRange(safe.X, safe.Right);
                y.ShouldBeInRange(safe.Y, safe.Bottom);
            }
        }
    }

    /// <summary>A sun is a circle ringed by at least six triangular rays.</summary>
    private static int Suns(XDocument doc)
    {
        var els = doc.Root!.Elements().ToList();
        var rays = els.Where(e => e.Name.LocalName == "polygon" && SvgPoints.Of(e).Count() == 3)
            .Select(e => (X: SvgPoints.Of(e).Average(p => p.X), Y: SvgPoints.Of(e).Average(p => p.Y), Size: Thickness(e) + Length(e))).ToList();
        return els.Where(e => e.Name.LocalName == "circle").Count(circle =>
        {
            double A(string n) => double.Parse(circle.Attribute(n)!.Value, CultureInfo.InvariantCulture);
            var (cx, cy, r) = (A("cx"), A("cy"), A("r"));
            return rays.Count(p => p.Size < r && Math.Sqrt((p.X - cx) * (p.X - cx) + (p.Y - cy) * (p.Y - cy)) is var d && d > r * 1.2 && d < r * 1.8) >= 6;
        });
    }

    private static bool IsStar(XElement el) => el.Name.LocalName == "polygon" && SvgPoints.Of(el).Count() == 10;

    private static double Length(XElement el)
    {
        var pts = SvgPoints.Of(el).ToList();
        return Math.Max(pts.Max(p => p.X) - pts.Min(p => p.X), pts.Max(p => p.Y) - pts.Min(p => p.Y));
    }

    private static double Thickness(XElement el)
    {
        var pts = SvgPoints.Of(el).ToList();
        return Math.Min(pts.Max(p => p.X) - pts.Min(p => p.X), pts.Max(p => p.Y) - pts.Min(p => p.Y));
    }
}
