using Storyloom.Core.Books;
using Storyloom.Core.Ebook;
using Storyloom.Core.Story;
using Storyloom.Print.Kdp;

namespace Storyloom.Core.Tests;

/// <summary>The EPUB's package document: reading direction by the book's script, orientation by the trim's shape.</summary>
public sealed class EbookPackageTests
{
    private static string Package(string language, Trim trim)
    {
        var m = new OfflineStoryEngine().Write(new BookSpec { Theme = "friendship", Pages = 24, Seed = 1 }) with { Language = language };
        var pages = new[] { new EbookPage(1, PageRole.Title, "p001.jpg", [], "The title page.") };
        return EpubWriter.Package(new EbookContent(m, EbookGeometry.For(trim), "cover.jpg", pages, [], null, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("he")]
    public void A_right_to_left_book_turns_its_pages_right_to_left(string language)
    {
        var opf = Package(language, Trims.Square85);
        opf.ShouldContain("""<spine page-progression-direction="rtl">""");
        opf.ShouldContain("""<meta name="primary-writing-mode" content="horizontal-rl"/>""");
        opf.ShouldContain("""dir="rtl">""");
        Package("en", Trims.Square85).ShouldContain("""<spine page-progression-direction="ltr">""");
    }

    [Fact]
    public void A_landscape_trim_makes_a_landscape_ebook_that_fills_the_long_side_with_4_mm_capitals()
    {
        var wide = Trims.Find(8.25m, 6m)!;
        var screen = EbookGeometry.For(wide);
        screen.Landscape.ShouldBeTrue();
        (screen.Width, screen.Height).ShouldBe((2200, 1600));
        screen.CapMm(screen.MinFontPx).ShouldBeGreaterThanOrEqualTo(4.0);
        screen.CapMm(screen.MinFontPx - 2).ShouldBeLessThan(4.0);
        var opf = Package("en", wide);
        opf.ShouldContain("""<meta property="rendition:orientation">landscape</meta>""");
        opf.ShouldContain("""<meta name="orientation-lock" content="landscape"/>""");
        opf.ShouldContain("""content="2200x1600""");

        // Portrait and square trims stay portrait, as before.
        EbookGeometry.For(Trims.Letter).Landscape.ShouldBeFalse();
        Package("en", Trims.Letter).ShouldContain("""<meta property="rendition:orientation">portrait</meta>""");
    }
}
