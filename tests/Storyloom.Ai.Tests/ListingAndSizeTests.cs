using System.Buffers.Binary;
using Storyloom.Ai.Art;
using Storyloom.Ai.Story;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Tests;

public sealed class ListingAndSizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int W, int H) Size(byte[] png) => (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    [Fact]
    public async Task A_portrait_page_gets_portrait_pictures_and_square_sheets()
    {
        await using var fake = await FakeProvider.StartAsync(tune: o => o with { ImageSize = null });
        var meter = fake.Meter();
        var spec = new BookSpec { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 12, Seed = 3 };
        var m = (await new OpenAiStoryWriter(fake.Provider, fake.Cache, meter).WriteAsync(spec, "en", Ct)).Manuscript;
        var book = await new OpenAiPainter(fake.Provider, fake.Cache, meter).PaintAsync(m, Ct, aspect: 8.75 / 11.25);

        book.Pages.Values.Append(book.Cover!).Select(Size).Distinct().ShouldBe([(1024, 1536)]);
        book.References.Values.Select(Size).Distinct().ShouldBe([(1024, 1024)]);
        var pagePicture = meter.Records.First(r => r.Step.StartsWith("picture of page", StringComparison.Ordinal) && !r.FromCache);
        pagePicture.Cost.ShouldBe(0.063m);
    }

    [Theory]
    [InlineData(1.0, "1024x1024")]
    [InlineData(0.77, "1024x1536")]
    [InlineData(1.4, "1536x1024")]
    public void Size_is_the_closest_to_the_page_shape(double aspect, string size) => new AiOptions().SizeFor(aspect).ShouldBe(size);

    [Fact]
    public void A_1024_picture_over_a_full_bleed_page_is_a_should_finding()
    {
        var soft = PictureResolution.Of("page 3", 1024, 1536, 8.75, 11.25);
        soft.Ppi.ShouldBe(117);
        soft.Finding.ShouldNotBeNull().ShouldStartWith("SHOULD: page 3 is 117 ppi");
        PictureResolution.Of("page 3", 2048, 2048, 8.0, 8.0).Finding.ShouldBeNull();
    }

    [Fact]
    public async Task The_ai_listing_takes_its_categories_from_the_shipped_list()
    {
        await using var fake = await FakeProvider.StartAsync();
        var spec = new BookSpec { Theme = "a brave bear at bedtime", Age = AgeBand.Age3To5, Pages = 12, Seed = 3 };
        var m = (await new OpenAiStoryWriter(fake.Provider, fake.Cache, fake.Meter()).WriteAsync(spec, "en", Ct)).Manuscript;

        m.Listing.Categories.Count.ShouldBeInRange(2, 3);
        m.Listing.Categories.ShouldAllBe(c => ListingCategories.Contains(c));
        m.Listing.Keywords.Count.ShouldBe(7);
        ListingCategories.For([], spec.Theme, "Bear").ShouldContain("Juvenile Fiction / Bedtime & Dreams");
        ListingCategories.For(["Juvenile Fiction / Made Up", "Juvenile Fiction / Animals / Bears"], "", null)[0].ShouldBe("Juvenile Fiction / Animals / Bears");
    }

    [Fact]
    public void Offline_families_list_under_categories_from_the_same_list() =>
        Core.Story.Plot.PlotFamilies.All.Select(f => f.Category).ShouldAllBe(c => ListingCategories.Contains(c));

    [Fact]
    public void Kdp_answers_follow_what_was_made_and_edited()
    {
        var m = new OfflineStoryEngine().Write(new BookSpec { Theme = "friendship", Age = AgeBand.Age3To5, Pages = 24, Seed = 5 });
        var ai = new ContentCredit("OpenAI gpt-4o-mini (with Storyloom)", IsAiModel: true);
        var offline = new ContentCredit("Storyloom's offline art engine", IsAiModel: false);
        var storyPages = m.Pages.Count(p => p.Role == PageRole.Story);

        var untouched = AiDisclosure.For(ai, ai, m, HumanEdits.None);
        untouched.Text.Extent.ShouldBe("Entire work, with minimal or no editing");
        untouched.Images.Extent.ShouldBe("Many AI-generated images, with minimal or no editing");
        untouched.Translations.AiGenerated.ShouldBeFalse();

        var edited = AiDisclosure.For(ai, offline, m, new HumanEdits((storyPages + 1) / 2));
        edited.Text.Extent.ShouldBe("Entire work, with extensive editing");
        edited.Images.AiGenerated.ShouldBeFalse();
    }
}
