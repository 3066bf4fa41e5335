using System.Globalization;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>The coloring rules, read back from the SVG each design is drawn as: black lines, white regions, closed shapes, big enough to color.</summary>
public sealed class ColoringArtTests
{
    private static readonly OfflineArtEngine Art = new();
    private static readonly FrameRect Safe = new(3, 3, 534, 696);
    private static readonly ArtFrame Frame = new(540, 702, null, Safe);
    private static readonly string[] Themes = ["animals", "vehicles", "dinosaurs", "underwater", "mandalas", "my characters"];

    /// <summary>Stroke widths (outline, detail) and the smallest region across, in points at print size.</summary>
    private static readonly Dictionary<ColoringLevel, (double Contour, double Detail, double MinRegion)> Rules = new()
    {
        [ColoringLevel.Simple] = (3, 2.5, 36),
        [ColoringLevel.Medium] = (2, 1.5, 18),
        [ColoringLevel.Detailed] = (1, 1, 7.2),
    };

    public static TheoryData<string, ColoringLevel> ThemesAndLevels()
    {
        var data = new TheoryData<string, ColoringLevel>();
        foreach (var theme in Themes)
            foreach (var level in Enum.GetValues<ColoringLevel>())
                data.Add(theme, level);
        return data;
    }

    public static TheoryData<string> Settings => new(ColoringScenery.Settings);

    [Theory]
    [MemberData(nameof(ThemesAndLevels))]
    public void Every_design_keeps_the_coloring_rules_of_its_level(string theme, ColoringLevel level)
    {
        var book = Book(theme, level, 60);
        foreach (var page in Designs(book))
            AssertColoringRules(Art.DrawColoringPage(book, page, Frame), level, Safe, page.Text!);
    }

    [Theory]
    [InlineData(621, 630)]
    [InlineData(400, 520)]
    public void Designs_fit_frames_of_other_shapes(double width, double height)
    {
        var safe = new FrameRect(4, 4, width - 8, height - 8);
        foreach (var level in Enum.GetValues<ColoringLevel>())
        {
            var book = Book("anything", level, 40);
            foreach (var page in Designs(book).Take(8))
                foreach (var setting in ColoringScenery.Settings)
                    AssertColoringRules(Art.DrawColoringPage(book, page with { Illustration = page.Illustration! with { Setting = setting } }, new ArtFrame(width, height, null, safe)), level, safe, setting);
        }
    }

    [Theory]
    [InlineData("animals")]
    [InlineData("vehicles")]
    [InlineData("dinosaurs")]
    [InlineData("underwater")]
    [InlineData("mandalas")]
    [InlineData("my characters")]
    public void A_hundred_page_book_of_one_theme_has_fifty_distinct_designs(string theme)
    {
        var book = Book(theme, ColoringLevel.Medium, 104);
        var designs = Designs(book);
        designs.Count.ShouldBe(50);
        designs.Select(p => p.Text).Distinct().Count().ShouldBe(50, "every caption is different");
        designs.Select(p => Art.DrawColoringPage(book, p, Frame)).Distinct().Count().ShouldBe(50);
        ColoringPlanner.Subjects(theme, ColoringLevel.Medium).Take(50).Select(s => s.Signature).Distinct().Count().ShouldBe(50, "no two designs are the same picture");
    }

    [Theory]
    [InlineData("dinosaurs", "dinosaurs")]
    [InlineData("trucks and diggers", "trucks")]
    [InlineData("mandalas", "mandalas")]
    [InlineData("ocean", "sea creatures")]
    [InlineData("Under the sea", "sea creatures")]
    [InlineData("cute farm animals", "farm animals")]
    [InlineData("ocean animals", "sea creatures")]
    [InlineData("things that go", "vehicles")]
    public void A_free_text_theme_picks_its_designs(string theme, string group)
    {
        ColoringPlanner.GroupsFor(theme).ShouldBe([group]);
        ColoringPlanner.GroupsFor("anything at all").Count.ShouldBeGreaterThanOrEqualTo(4, "an unknown theme gives a mixed book");
        ColoringPlanner.GroupsFor("anything at all", ColoringLevel.Detailed).ShouldContain("mandalas");
    }

    [Theory]
    [InlineData(ColoringLevel.Simple, AgeBand.Age3To5, "Simple Designs for Kids Ages 3–5")]
    [InlineData(ColoringLevel.Medium, AgeBand.Age6To8, "Fun Designs for Kids Ages 6–8")]
    [InlineData(ColoringLevel.Detailed, AgeBand.Age9To12, "Detailed Designs for Older Kids, Teens and Adults")]
    public void The_subtitle_and_listing_say_the_level(ColoringLevel level, AgeBand age, string subtitle)
    {
        var m = new OfflineStoryEngine().Write(new BookSpec { Seed = 4, Pages = 40, Kind = BookKind.Coloring, Theme = "dinosaurs", Level = level, Age = age });
        m.Subtitle.ShouldEndWith(subtitle);
        m.Listing.Description.ShouldContain(level == ColoringLevel.Detailed ? "detailed" : level == ColoringLevel.Simple ? "simple" : "fun");
        var mandalas = new OfflineStoryEngine().Write(new BookSpec { Seed = 4, Pages = 40, Kind = BookKind.Coloring, Theme = "mandalas", Level = ColoringLevel.Detailed, Age = AgeBand.Age9To12 });
        mandalas.Subtitle.ShouldBe("18 Detailed Mandalas and Patterns for Older Kids, Teens and Adults");
    }

    [Fact]
    public void A_detailed_mandala_has_hundreds_of_regions_and_a_simple_one_a_few_dozen()
    {
        foreach (var (level, min, max) in new[] { (ColoringLevel.Detailed, 200, 900), (ColoringLevel.Medium, 60, 260), (ColoringLevel.Simple, 12, 70) })
        {
            var book = Book("mandalas", level, 60);
            foreach (var page in Designs(book).Where(p => p.Illustration!.Props[0] == "mandala"))
                Regions(XDocument.Parse(Art.DrawColoringPage(book, page, Frame))).ShouldBeInRange(min, max, $"{level} {page.Text}");
        }
    }

    [Fact]
    public void Detail_grows_with_the_level()
    {
        foreach (var theme in new[] { "vehicles", "dinosaurs", "underwater", "animals" })
        {
            double Average(ColoringLevel level)
            {
                var book = Book(theme, level, 40);
                return Designs(book).Average(p => Regions(XDocument.Parse(Art.DrawColoringPage(book, p, Frame))));
            }
            var (simple, medium, detailed) = (Average(ColoringLevel.Simple), Average(ColoringLevel.Medium), Average(ColoringLevel.Detailed));
            simple.ShouldBeInRange(5, 30, theme);
            medium.ShouldBeGreaterThan(simple * 1.5, theme);
            detailed.ShouldBeGreaterThan(medium, theme);
        }
    }

    [Fact]
    public void The_same_seed_and_page_give_identical_bytes()
    {
        var a = Book("anything", ColoringLevel.Detailed, 60);
        var b = Book("anything", ColoringLevel.Detailed, 60);
        foreach (var n in new[] { 0, 7, 20 })
            Art.DrawColoringPage(a, Designs(a)[n], Frame).ShouldBe(Art.DrawColoringPage(b, Designs(b)[n], Frame));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_setting_draws_its_own_background_behind_the_subject(string setting)
    {
        var page = Designs(Book("vehicles", ColoringLevel.Medium, 40))[3];
        foreach (var level in new[] { ColoringLevel.Medium, ColoringLevel.Detailed })
            for (var n = 0; n < 6; n++)
            {
                var c = new SvgCanvas(540, 702, InkMode.LineArt);
                ColoringScenery.Draw(c, setting, n % 3 == 0, new ColoringBox(25, 25, 490, 652, 560, n % 2 == 0), ColoringStyle.For(level), Rng.For(3, "scenery", n));
                XDocument.Parse(c.ToString()).Root!.Elements().Count().ShouldBeGreaterThanOrEqualTo(level == ColoringLevel.Detailed ? 14 : 8, $"{setting}: a background worth coloring");
            }
        var book = Book("vehicles", ColoringLevel.Medium, 40);
        string Draw(string s) => Art.DrawColoringPage(book, page with { Illustration = page.Illustration! with { Setting = s } }, Frame);
        ColoringScenery.Settings.Where(s => s != setting).Select(Draw).ShouldNotContain(Draw(setting));
    }

    [Fact]
    public void Simple_pages_keep_the_background_to_a_ground_and_a_sky_shape_or_two()
    {
        var book = Book("animals", ColoringLevel.Simple, 40);
        foreach (var page in Designs(book))
            foreach (var setting in ColoringScenery.Settings)
            {
                var c = new SvgCanvas(540, 702, InkMode.LineArt);
                ColoringScenery.Draw(c, setting, false, new ColoringBox(25, 25, 490, 652, 560, false), ColoringStyle.For(ColoringLevel.Simple), Rng.For(3, "scenery", page.Number));
                XDocument.Parse(c.ToString()).Root!.Elements().Count().ShouldBeLessThanOrEqualTo(5, setting);
            }
    }

    private static Manuscript Book(string theme, ColoringLevel level, int pages) =>
        new OfflineStoryEngine().Write(new BookSpec { Seed = 17, Pages = pages, Kind = BookKind.Coloring, Theme = theme, Level = level });

    private static List<ManuscriptPage> Designs(Manuscript m) => m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();

    /// <summary>Closed white shapes a child colors in (the page frame excluded).</summary>
    private static int Regions(XDocument doc) => doc.Root!.Elements().Skip(1).Count(e => e.Attribute("fill")?.Value == "white");

    private static double A(XElement el, string name) => double.Parse(el.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static void AssertColoringRules(string svg, ColoringLevel level, FrameRect safe, string what)
    {
        svg.Length.ShouldBeLessThan(200_000, what);
        foreach (var banned in new[] { "Gradient", "<text", "opacity", "<pattern", "transform", "<image" }) svg.ShouldNotContain(banned, customMessage: what);
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        // The viewBox is drawn at the width the svg names in points: that ratio turns user units into printed points.
        var scale = double.Parse(root.Attribute("width")!.Value.Replace("pt", ""), CultureInfo.InvariantCulture) / double.Parse(root.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
        var rules = Rules[level];
        var shapes = root.Elements().ToList();
        var closed = shapes.Where(e => e.Attribute("class")?.Value != "deco").Select(e => (El: e, Box: Box(e))).ToList();
        foreach (var el in shapes)
        {
            el.Name.LocalName.ShouldBeOneOf("path", "circle", "ellipse", "rect", "polygon");
            el.Attribute("stroke")!.Value.ShouldBeOneOf("#000", "#111");
            var fill = el.Attribute("fill")!.Value;
            fill.ShouldBeOneOf("white", "none", "#000");
            (A(el, "stroke-width") * scale).ShouldBeGreaterThanOrEqualTo(rules.Detail, what);
            var box = Box(el);
            var across = Math.Min(box.X1 - box.X0, box.Y1 - box.Y0) * scale;
            if (el.Attribute("class")?.Value == "deco")
            {
                // An open line is only decoration inside a closed shape that is not the page frame (whiskers, spokes, window bars).
                fill.ShouldBe("none");
                closed.Skip(1).ShouldContain(c => c.El.Attribute("fill")!.Value == "white" && Inside(box, c.Box), $"{what}: a loose line {el}");
            }
            else if (el.Name.LocalName == "path")
            {
                el.Attribute("d")!.Value.ShouldEndWith("Z", customMessage: what);
            }
            // Every region a child colors is at least the level's smallest size across; solid ink (pupils, parts too small to color) stays small.
            if (fill == "white") across.ShouldBeGreaterThanOrEqualTo(rules.MinRegion - 0.02, $"{what}: {el}");
            if (fill == "#000") across.ShouldBeLessThan(Math.Max(rules.MinRegion, 48), $"{what}: {el}");
            foreach (var (x, y) in SvgPoints.Of(el))
            {
                x.ShouldBeInRange(safe.X, safe.Right, $"{what}: {el}");
                y.ShouldBeInRange(safe.Y, safe.Bottom, $"{what}: {el}");
            }
        }
        shapes[0].Name.LocalName.ShouldBe("rect", "the page frame comes first");
        (A(shapes[0], "stroke-width") * scale).ShouldBeGreaterThanOrEqualTo(rules.Contour);
    }

    private static (double X0, double Y0, double X1, double Y1) Box(XElement el)
    {
        var pts = SvgPoints.Of(el).ToList();
        return (pts.Min(p => p.X), pts.Min(p => p.Y), pts.Max(p => p.X), pts.Max(p => p.Y));
    }

    private static bool Inside((double X0, double Y0, double X1, double Y1) inner, (double X0, double Y0, double X1, double Y1) outer) =>
        inner.X0 >= outer.X0 - 1 && inner.Y0 >= outer.Y0 - 1 && inner.X1 <= outer.X1 + 1 && inner.Y1 <= outer.Y1 + 1;
}
