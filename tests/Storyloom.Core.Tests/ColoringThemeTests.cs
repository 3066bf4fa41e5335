using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>A coloring book is its theme: the subjects a parent asked for, many different pictures, captions that say what is drawn.</summary>
public sealed class ColoringThemeTests
{
    private static readonly OfflineArtEngine Art = new();
    private static readonly ArtFrame Frame = new(540, 702, null, new FrameRect(3, 3, 534, 696));

    private static Manuscript Book(string theme, int seed = 17, ColoringLevel level = ColoringLevel.Medium, int pages = 100) =>
        new OfflineStoryEngine().Write(new BookSpec { Seed = seed, Pages = pages, Kind = BookKind.Coloring, Theme = theme, Level = level });

    private static List<ManuscriptPage> Designs(Manuscript m) => m.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();

    /// <summary>What a design shows: its subject key (or the character's species) and the friend beside it.</summary>
    private static (string Subject, string? Friend) What(Manuscript m, ManuscriptPage page)
    {
        var brief = page.Illustration!;
        var subject = brief.Characters.Count > 0
            ? m.Cast.First(c => c.Id == brief.Characters[0].CharacterId).Species.ToString().ToLowerInvariant()
            : brief.Props[0] is "mandala" or "pattern" ? brief.Props[0] + "#" + ColoringTags.VariantOf(brief) : brief.Props[0];
        var friend = ColoringTags.Tag(brief, ColoringTags.With);
        return (subject, friend);
    }

    [Theory]
    [InlineData("unicorns", "unicorn unicorn-trot pegasus baby-unicorn", "unicorn")]
    [InlineData("ocean animals", "fish whale turtle octopus crab seahorse jellyfish dolphin starfish shark shell", "")]
    [InlineData("Under the sea", "fish whale turtle octopus crab seahorse jellyfish dolphin starfish shark shell", "")]
    [InlineData("dinosaurs", "trex triceratops stego longneck ptero ankylo hatchling nest raptor parasaur", "trex triceratops stego longneck ptero ankylo raptor parasaur")]
    [InlineData("farm animals", "cow pig horse sheep chicken duck", "cow pig horse sheep chicken")]
    [InlineData("trucks", "firetruck dumptruck digger tractor mixer garbage tow pickup monster", "firetruck dumptruck digger mixer garbage tow")]
    [InlineData("monster trucks and diggers", "firetruck dumptruck digger tractor mixer garbage tow pickup monster", "")]
    [InlineData("outer space", "rocket ufo astronaut alien satellite planet", "rocket astronaut")]
    [InlineData("princesses and castles", "princess castle carriage unicorn frogprince", "princess castle")]
    [InlineData("cute pets", "dog cat rabbit mouse fish turtle parrot", "dog cat")]
    [InlineData("safari animals", "elephant lion monkey giraffe zebra parrot", "elephant lion giraffe zebra")]
    [InlineData("jungle", "elephant lion monkey giraffe zebra parrot", "")]
    [InlineData("bugs and insects", "butterfly ladybug bee snail caterpillar dragonfly", "ladybug bee")]
    [InlineData("flowers", "flower tulip sunflower potplant wateringcan mushroom", "tulip sunflower")]
    [InlineData("yummy food", "cupcake icecream donut pizza apple cake strawberry", "cupcake pizza")]
    [InlineData("Christmas", "xmastree snowman present gingerbread penguin reindeer candycane", "xmastree snowman reindeer")]
    [InlineData("winter fun", "xmastree snowman present gingerbread penguin reindeer candycane", "")]
    [InlineData("Halloween", "pumpkin ghost bat witchhat haunted cauldron", "pumpkin ghost")]
    [InlineData("mandalas for adults", "mandala pattern", "mandala pattern")]
    public void The_theme_decides_every_subject(string theme, string allowed, string required)
    {
        var ok = allowed.Split(' ').ToHashSet();
        ColoringBookWriter.ThemeNote(theme).ShouldBeNull(theme);
        foreach (var seed in new[] { 1, 17 })
        {
            var book = Book(theme, seed, theme.Contains("mandala", StringComparison.Ordinal) ? ColoringLevel.Detailed : ColoringLevel.Medium);
            var subjects = Designs(book).Select(p => What(book, p).Subject).ToList();
            subjects.Select(s => s.Split('#')[0]).ShouldAllBe(s => ok.Contains(s), $"{theme}: {string.Join(", ", subjects.Where(s => !ok.Contains(s.Split('#')[0])).Distinct())}");
            foreach (var must in required.Split(' ', StringSplitOptions.RemoveEmptyEntries)) subjects.Select(s => s.Split('#')[0]).ShouldContain(must, theme);
        }
    }

    [Fact]
    public void Sea_creature_books_have_no_land_animals_and_unicorn_books_draw_unicorns_on_every_page()
    {
        var sea = Book("ocean animals");
        Designs(sea).Select(p => What(sea, p).Friend).Where(f => f is not null)
            .ShouldAllBe(f => new[] { "fish", "whale", "turtle", "octopus", "crab", "seahorse", "jellyfish", "dolphin", "starfish", "shark", "shell" }.Contains(f));
        sea.Cast.ShouldBeEmpty("no land-animal characters in a sea book");
        var unicorns = Book("unicorns");
        Designs(unicorns).ShouldAllBe(p => p.Text!.Contains("unicorn", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("unicorns")]
    [InlineData("ocean animals")]
    [InlineData("dinosaurs")]
    [InlineData("farm animals")]
    [InlineData("trucks")]
    [InlineData("space")]
    [InlineData("princesses")]
    [InlineData("pets")]
    [InlineData("safari animals")]
    [InlineData("bugs")]
    [InlineData("flowers and gardens")]
    [InlineData("food")]
    [InlineData("christmas")]
    [InlineData("halloween")]
    [InlineData("mandalas")]
    [InlineData("something nobody planned for")]
    public void A_hundred_page_book_has_forty_eight_designs_none_used_twice_and_forty_different_compositions(string theme)
    {
        foreach (var seed in new[] { 3, 17, 2024 })
        {
            var book = Book(theme, seed);
            var designs = Designs(book);
            designs.Count.ShouldBe(48, theme);
            // A composition is the subject and the friend beside it; the same pair in another setting is a repeat a buyer notices.
            var compositions = designs.GroupBy(p => What(book, p)).ToList();
            compositions.Count.ShouldBeGreaterThanOrEqualTo(40, $"{theme} seed {seed}");
            compositions.Max(g => g.Count()).ShouldBeLessThanOrEqualTo(2, theme);
            designs.Select(p => p.Text).Distinct().Count().ShouldBe(48, $"{theme}: every caption differs");
            if (seed == 17) designs.Select(p => Art.DrawColoringPage(book, p, Frame)).Distinct().Count().ShouldBe(48, theme);
        }
    }

    [Theory]
    [InlineData("unicorns")]
    [InlineData("farm animals")]
    [InlineData("christmas")]
    [InlineData("trucks")]
    [InlineData("animals")]
    [InlineData("halloween")]
    public void Captions_say_what_is_drawn(string theme)
    {
        foreach (var level in Enum.GetValues<ColoringLevel>())
        {
            var book = Book(theme, 5, level);
            foreach (var page in Designs(book))
            {
                var brief = page.Illustration!;
                var text = page.Text!.ToLowerInvariant();
                // The place named is the place drawn.
                var place = ColoringPlanner.PlaceOf(brief.Setting);
                if (place.Length > 0 && theme != "halloween" && !(theme == "christmas" && brief.Setting == "bedroom")) text.ShouldContain(place, customMessage: page.Text);
                if (text.Contains("in the snow", StringComparison.Ordinal)) brief.Setting.ShouldBe("snowy-mountains", page.Text);
                if (brief.Setting == "snowy-mountains") Snowflakes(Art.DrawColoringPage(book, page, Frame)).ShouldBeGreaterThan(0, $"{level} {page.Text}: snow is drawn");
                // The friend named is the friend drawn, and nothing is drawn beside the subject that the caption leaves out.
                var friend = ColoringTags.Tag(brief, ColoringTags.With);
                if (friend is not null) text.ShouldContain(ColoringPlanner.Friendly(friend).ToLowerInvariant(), customMessage: page.Text);
                else text.ShouldNotContain(" and ", customMessage: page.Text);
                brief.Characters.ShouldAllBe(c => c.Holding == null, page.Text);
                if (brief.Characters.Count == 0) ColoringSubjects.Knows(brief.Props[0]).ShouldBeTrue(page.Text);
            }
        }
    }

    [Theory]
    [InlineData(ColoringLevel.Simple)]
    [InlineData(ColoringLevel.Medium)]
    public void Young_levels_have_no_solid_black_areas(ColoringLevel level)
    {
        foreach (var theme in new[] { "unicorns", "farm animals", "dinosaurs", "trucks", "ocean animals", "halloween", "space", "bugs", "pets", "food", "christmas", "animals" })
        {
            var book = Book(theme, 9, level, 40);
            foreach (var page in Designs(book))
            {
                var doc = XDocument.Parse(Art.DrawColoringPage(book, page, Frame));
                var black = 0.0;
                foreach (var el in doc.Root!.Elements().Where(e => e.Attribute("fill")?.Value == "#000"))
                {
                    var pts = SvgPoints.Of(el).ToList();
                    var (w, h) = (pts.Max(p => p.X) - pts.Min(p => p.X), pts.Max(p => p.Y) - pts.Min(p => p.Y));
                    Math.Min(w, h).ShouldBeLessThan(45, $"{theme} {page.Text}: only a pupil or a nose is solid black, {el}");
                    black += w * h;
                }
                // Boxes overstate a round pupil's ink by a quarter; a character's eyes and nose reach about 1.5 % of the page.
                black.ShouldBeLessThan(540 * 702 * 0.02, $"{theme} {page.Text}: black is for eyes, not areas");
            }
        }
    }

    [Fact]
    public void An_unknown_theme_says_so_and_gets_a_general_book()
    {
        ColoringBookWriter.ThemeNote("quantum chromodynamics").ShouldNotBeNull().ShouldContain("quantum chromodynamics");
        ColoringPlanner.GroupsFor("quantum chromodynamics").Count.ShouldBeGreaterThanOrEqualTo(4);
        ColoringBookWriter.ThemeNote("sea turtles").ShouldBeNull();
        ColoringBookWriter.ThemeNote("seasons").ShouldNotBeNull("a short keyword is a whole word: \"sea\" is not in \"seasons\"");
        ColoringPlanner.GroupsFor("caterpillars").ShouldBe(["bugs"]);
    }

    [Fact]
    public void The_cover_shows_three_designs_from_inside_in_color()
    {
        foreach (var theme in new[] { "dinosaurs", "unicorns", "mandalas" })
        {
            var book = Book(theme);
            var picks = ColoringCover.Picks(book);
            picks.Count.ShouldBe(3, theme);
            picks.Select(p => p.Illustration!.Props[0] + ColoringTags.VariantOf(p.Illustration)).Distinct().Count().ShouldBe(3, theme);
            if (theme != "mandalas") picks.Select(p => p.Illustration!.Props[0]).Distinct().Count().ShouldBe(3, theme);
            var svg = Art.DrawCover(book, new ArtFrame(1300, 900, new FrameRect(700, 40, 560, 240), new FrameRect(700, 300, 560, 520)));
            var doc = XDocument.Parse(svg);
            doc.Root!.Descendants().Count(e => e.Name.LocalName == "svg").ShouldBe(3, theme);
            var fills = doc.Root.Descendants().Select(e => e.Attribute("fill")?.Value).Where(f => f is not null && f.StartsWith('#')).Distinct().Count();
            fills.ShouldBeGreaterThan(8, $"{theme}: colored in");
        }
    }

    /// <summary>Snowflakes: twelve-point closed stars.</summary>
    private static int Snowflakes(string svg) =>
        XDocument.Parse(svg).Root!.Elements().Count(e => e.Name.LocalName == "polygon" && e.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 12 or 24);
}
