using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Concepts;

namespace Storyloom.Core.Tests;

public sealed partial class ConceptBookTests
{
    private static readonly OfflineStoryEngine Engine = new();
    private static readonly OfflineArtEngine Art = new();
    private static readonly int[] Sizes = [24, 32, 40];
    private static readonly int[] Seeds = [1, 2, 3];

    private static Manuscript Write(EducationalFocus focus, int seed = 1, int pages = 32, AgeBand age = AgeBand.Age3To5, string? moral = null) =>
        Engine.Write(new BookSpec { Focus = focus, Seed = seed, Pages = pages, Age = age, Moral = moral, Theme = "a sunny day" });

    private static IEnumerable<Manuscript> Books(EducationalFocus focus, AgeBand age = AgeBand.Age3To5) =>
        from pages in Sizes from seed in Seeds select Write(focus, seed, pages, age);

    private static List<ManuscriptPage> Concepts(Manuscript m) => m.Pages.Where(p => p.Role == PageRole.Concept).ToList();

    [Theory]
    [InlineData(EducationalFocus.Abc)]
    [InlineData(EducationalFocus.CountingTo10)]
    [InlineData(EducationalFocus.CountingTo20)]
    [InlineData(EducationalFocus.Colors)]
    [InlineData(EducationalFocus.Shapes)]
    [InlineData(EducationalFocus.Opposites)]
    [InlineData(EducationalFocus.Feelings)]
    public void Every_focus_fills_the_book_between_front_matter_and_the_end(EducationalFocus focus)
    {
        foreach (var m in Books(focus))
        {
            m.Pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, m.Pages.Count));
            m.Pages[0].Role.ShouldBe(PageRole.Title);
            m.Pages[1].Role.ShouldBe(PageRole.Copyright);
            m.Pages[^2].Role.ShouldBe(PageRole.TheEnd);
            m.Pages[^2].Text!.ShouldEndWith(m.Moral!);
            m.Pages[^1].Role.ShouldBe(PageRole.AboutTheAuthor);
            m.Pages.Skip(2).SkipLast(2).ShouldAllBe(p => p.Role == PageRole.Concept || p.Role == PageRole.Story);
            foreach (var p in Concepts(m))
            {
                p.Headline.ShouldNotBeNullOrWhiteSpace();
                p.Illustration.ShouldNotBeNull();
                p.Illustration.Objects.ShouldNotBeNull();
                p.Illustration.Objects.ShouldAllBe(o => o.Count > 0 && ThingPainter.Kinds.Contains(o.Kind) || o.Kind == "hero");
            }
            m.Listing.Keywords.Distinct().Count().ShouldBe(7);
            m.Subtitle.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Abc_teaches_the_26_letters_in_order_two_to_a_page_only_when_the_book_is_short()
    {
        foreach (var m in Books(EducationalFocus.Abc))
        {
            var letterPages = Concepts(m).Where(p => LetterHeadline().IsMatch(p.Headline!)).ToList();
            string.Concat(letterPages.SelectMany(p => p.Headline!.Where(char.IsUpper))).ShouldBe("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            (letterPages.Count == 26 || letterPages.Count == m.Pages.Count - 4).ShouldBeTrue($"{letterPages.Count} letter pages in {m.Pages.Count}");
            foreach (var p in letterPages)
                p.Illustration!.Objects!.Count.ShouldBe(p.Headline!.Count(char.IsUpper));
        }
    }

    [Theory]
    [InlineData(EducationalFocus.CountingTo10, 10)]
    [InlineData(EducationalFocus.CountingTo20, 20)]
    public void Counting_pages_show_each_number_once_with_exactly_that_many_things(EducationalFocus focus, int top)
    {
        foreach (var m in Books(focus))
        {
            var numbers = Concepts(m).Where(p => NumberHeadline().IsMatch(p.Headline!)).ToList();
            numbers.Select(p => int.Parse(p.Headline!.Split(' ')[0])).ShouldBe(Enumerable.Range(1, top));
            foreach (var p in numbers)
            {
                var n = int.Parse(p.Headline!.Split(' ')[0]);
                p.Headline.ShouldBe($"{n} {CountingFormat.Words[n]}");
                p.Illustration!.Objects!.Sum(o => o.Count).ShouldBe(n);
                p.Illustration.Objects!.Select(o => o.Kind).Distinct().Count().ShouldBe(1);
                p.Text!.ShouldStartWith(char.ToUpperInvariant(CountingFormat.Words[n][0]) + CountingFormat.Words[n][1..] + " ");
            }
            numbers.Select(p => p.Illustration!.Objects![0].Kind).Distinct().Count().ShouldBe(top, "a new thing to count on every page");
        }
    }

    [Theory]
    [InlineData(EducationalFocus.Colors, "Red Orange Yellow Green Blue Purple Pink Brown Black White Gray")]
    [InlineData(EducationalFocus.Shapes, "Circle Square Triangle Rectangle Star Heart Oval Diamond Semicircle Crescent")]
    [InlineData(EducationalFocus.Feelings, "Happy Excited Surprised Silly Proud Shy Worried Angry Sad Scared Calm Sleepy")]
    public void Colors_shapes_and_feelings_each_get_one_page_in_order(EducationalFocus focus, string expected)
    {
        var names = expected.Split(' ');
        foreach (var m in Books(focus))
            Concepts(m).Select(p => p.Headline!).Where(names.Contains).ShouldBe(names);
    }

    [Fact]
    public void Color_pages_lead_with_a_crayon_of_their_color_and_shape_pages_with_the_shape()
    {
        var colors = Concepts(Write(EducationalFocus.Colors)).Where(p => p.Headline is "Red" or "Blue" or "White").ToList();
        colors.Select(p => p.Illustration!.Objects![0].Color).ShouldBe([ThingPainter.Red, ThingPainter.Blue, ThingPainter.White]);
        foreach (var p in Concepts(Write(EducationalFocus.Shapes)).Where(p => p.Headline is "Circle" or "Triangle" or "Oval"))
            p.Illustration!.Objects![0].Kind.ShouldBe(p.Headline!.ToLowerInvariant());
    }

    [Fact]
    public void Opposites_are_distinct_pairs_drawn_side_by_side()
    {
        foreach (var m in Books(EducationalFocus.Opposites))
        {
            var pairs = Concepts(m).Where(p => p.Headline!.Contains(" / ", StringComparison.Ordinal)).ToList();
            pairs.Count.ShouldBe(12);
            pairs.Select(p => p.Headline).Distinct().Count().ShouldBe(12);
            pairs.ShouldAllBe(p => p.Illustration!.Objects!.Count == 2 && p.Illustration.Objects.All(o => o.Variant != null));
        }
    }

    [Fact]
    public void Feeling_pages_give_the_hero_that_feeling_and_say_what_helps()
    {
        var m = Write(EducationalFocus.Feelings, pages: 24);
        foreach (var p in Concepts(m).Where(p => p.Headline is "Sad" or "Angry" or "Scared" or "Shy"))
        {
            p.Illustration!.Characters[0].Mood.ShouldBe(p.Headline!.ToLowerInvariant());
            p.Text!.ShouldContain("help");
        }
    }

    [Theory]
    [InlineData(EducationalFocus.Abc)]
    [InlineData(EducationalFocus.CountingTo20)]
    [InlineData(EducationalFocus.Colors)]
    [InlineData(EducationalFocus.Shapes)]
    [InlineData(EducationalFocus.Opposites)]
    [InlineData(EducationalFocus.Feelings)]
    public void Text_follows_the_age_band(EducationalFocus focus)
    {
        foreach (var m in Books(focus, AgeBand.Age0To2))
            foreach (var p in m.Pages.Where(p => p.Role is PageRole.Concept or PageRole.Story))
            {
                ReadabilityMeter.Words(p.Text!).ShouldBeInRange(1, 10, p.Text);
                Sentences(p.Text!).ShouldBe(1, p.Text);
            }
        foreach (var m in Books(focus))
            foreach (var p in m.Pages.Where(p => p.Role is PageRole.Concept or PageRole.Story))
            {
                ReadabilityMeter.Words(p.Text!).ShouldBeInRange(3, 40, p.Text);
                Sentences(p.Text!).ShouldBeInRange(1, 3, p.Text);
                p.Text!.ShouldNotContain("{");
            }
    }

    [Fact]
    public void Titles_vary_by_seed_and_the_moral_asked_for_ends_the_book()
    {
        Enumerable.Range(1, 12).Select(s => Write(EducationalFocus.Abc, s).Title).Distinct().Count().ShouldBeGreaterThan(2);
        Enumerable.Range(1, 12).Select(s => Write(EducationalFocus.CountingTo10, s).Title).Distinct().Count().ShouldBeGreaterThan(2);
        var m = Write(EducationalFocus.Shapes, moral: "Be kind to every shape");
        m.Moral.ShouldBe("Be kind to every shape.");
        m.Pages[^2].Text!.ShouldEndWith("Be kind to every shape.");
    }

    [Fact]
    public void Same_spec_gives_identical_concept_manuscript()
    {
        JsonSerializer.Serialize(Write(EducationalFocus.Opposites, 7)).ShouldBe(JsonSerializer.Serialize(Write(EducationalFocus.Opposites, 7)));
    }

    [Theory]
    [InlineData(EducationalFocus.CountingTo10)]
    [InlineData(EducationalFocus.CountingTo20)]
    public void A_counting_picture_draws_exactly_n_things_that_do_not_overlap(EducationalFocus focus)
    {
        var frame = new ArtFrame(540, 300, null, new FrameRect(4, 4, 532, 292));
        foreach (var seed in Seeds)
        {
            var m = Write(focus, seed);
            foreach (var p in Concepts(m).Where(p => NumberHeadline().IsMatch(p.Headline!)))
            {
                var n = int.Parse(p.Headline!.Split(' ')[0]);
                var svg = Art.DrawStoryPage(m, p, frame);
                var groups = XDocument.Parse(svg).Descendants().Where(e => e.Attribute("data-object") is not null).ToList();
                groups.Count.ShouldBe(n, p.Headline);
                groups.ShouldAllBe(g => g.Attribute("data-object")!.Value == p.Illustration!.Objects![0].Kind);
                var boxes = groups.Select(Bounds).ToList();
                for (var i = 0; i < boxes.Count; i++)
                    for (var j = i + 1; j < boxes.Count; j++)
                        Overlap(boxes[i], boxes[j]).ShouldBeFalse($"{p.Headline} ({p.Illustration!.Objects![0].Kind}): things {i} and {j} overlap: {boxes[i]} {boxes[j]}");
            }
        }
    }

    [Fact]
    public void Every_thing_kind_draws_as_valid_svg_inside_its_cell()
    {
        var spills = new List<string>();
        foreach (var kind in ThingPainter.Kinds)
        {
            var c = new SvgCanvas(300, 300, InkMode.BoldOutline);
            ThingPainter.Draw(c, kind, 150, 150, 100);
            var svg = c.ToString();
            svg.ShouldNotContain("<pattern");
            var (x0, y0, x1, y1) = Bounds(XDocument.Parse(svg).Descendants().Single(e => e.Attribute("data-object") is not null));
            if (x0 < 99 || y0 < 99 || x1 > 201 || y1 > 201) spills.Add($"{kind}: {x0},{y0} – {x1},{y1}");
        }
        spills.ShouldBeEmpty();
    }

    private static (double X0, double Y0, double X1, double Y1) Bounds(XElement group)
    {
        var pts = group.Descendants().SelectMany(SvgPoints.Of).ToList();
        return (pts.Min(p => p.X), pts.Min(p => p.Y), pts.Max(p => p.X), pts.Max(p => p.Y));
    }

    private static bool Overlap((double X0, double Y0, double X1, double Y1) a, (double X0, double Y0, double X1, double Y1) b) =>
        a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1;

    private static int Sentences(string text) => SentenceEnd().Matches(text).Count;

    [GeneratedRegex(@"^[A-Z][a-z]( [A-Z][a-z])?$")]
    private static partial Regex LetterHeadline();

    [GeneratedRegex(@"^\d+ [a-z]+$")]
    private static partial Regex NumberHeadline();

    [GeneratedRegex(@"[.!?]+[”""]?(\s|$)")]
    private static partial Regex SentenceEnd();
}
