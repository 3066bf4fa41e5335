using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// Christmas and a trip to the zoo, two of the themes users typed most that fell back to a friendship story: the theme words
/// choose them, what cannot be drawn (Santa, reindeer, a giraffe) is said in a note, and the pictures hold the tree, the
/// stocking, the zoo and the animals the words name.
/// </summary>
public sealed class HolidayFamiliesTests
{
    private static readonly OfflineStoryEngine Engine = new();

    [Theory]
    [InlineData("christmas eve with the reindeer", "christmas")]
    [InlineData("a christmas story", "christmas")]
    [InlineData("waiting for Santa", "christmas")]
    [InlineData("the night before christmas", "christmas")]
    [InlineData("a christmas present for grandma", "christmas")]
    [InlineData("decorating the christmas tree", "christmas")]
    [InlineData("a snowy christmas with grandpa", "christmas")]
    [InlineData("Father Christmas is coming", "christmas")]
    [InlineData("a trip to the zoo with grandma", "zoo")]
    [InlineData("going to the zoo", "zoo")]
    [InlineData("a day at the zoo", "zoo")]
    [InlineData("seeing the lions at the zoo", "zoo")]
    [InlineData("a zookeeper for a day", "zoo")]
    // the families that were there keep their themes
    [InlineData("visiting grandma", "grandparents")]
    [InlineData("a day on the farm", "farm")]
    [InlineData("a birthday party", "birthday")]
    public void Themes_choose_their_family(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    [Theory]
    [InlineData("christmas eve with the reindeer", "cannot draw a reindeer")]
    [InlineData("waiting for santa", "cannot draw Santa")]
    [InlineData("waiting for Father Christmas", "cannot draw Santa")]
    public void Who_comes_in_the_night_is_said_in_a_note_and_kept_unseen(string theme, string note)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Notes.ShouldContain(n => n.Contains(note, StringComparison.Ordinal), theme);
        premise.Keys.ShouldContain("christmas");
        premise.HeroSpecies.ShouldBeNull(theme);
    }

    [Fact]
    public void A_plain_christmas_theme_has_no_note() =>
        PremiseReader.Read(new BookSpec { Theme = "a christmas present for grandma" }).Notes.ShouldBeEmpty();

    [Theory]
    [InlineData("seeing the lions at the zoo", Species.Lion, null)]
    [InlineData("a trip to the zoo to see the penguins", Species.Penguin, null)]
    [InlineData("we want to see the elephants at the zoo", Species.Elephant, null)]
    [InlineData("going to the zoo", Species.Lion, null)]
    [InlineData("a trip to the zoo to see the giraffes", Species.Elephant, "cannot draw a giraffe")]
    [InlineData("a zoo visit to see the tigers", Species.Lion, "cannot draw a tiger")]
    public void The_favourite_is_the_animal_the_theme_names(string theme, Species favourite, string? note)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Newcomer.ShouldBe(favourite, theme);
        premise.HeroSpecies.ShouldBeNull(theme);
        if (note is null) premise.Notes.ShouldBeEmpty(theme);
        else premise.Notes.ShouldHaveSingleItem().ShouldContain(note);
    }

    public static TheoryData<string, AgeBand> Briefs => new()
    {
        { "christmas eve with the reindeer", AgeBand.Age0To2 }, { "christmas eve with the reindeer", AgeBand.Age3To5 },
        { "a christmas present for grandma", AgeBand.Age6To8 }, { "waiting for santa", AgeBand.Age3To5 },
        { "decorating the christmas tree", AgeBand.Age9To12 },
        { "a trip to the zoo with grandma", AgeBand.Age0To2 }, { "a trip to the zoo with grandma", AgeBand.Age3To5 },
        { "going to the zoo", AgeBand.Age6To8 }, { "seeing the penguins at the zoo", AgeBand.Age3To5 },
        { "a trip to the zoo to see the giraffes", AgeBand.Age9To12 },
    };

    [Theory]
    [MemberData(nameof(Briefs))]
    public void Every_book_passes_the_story_check(string theme, AgeBand age)
    {
        var problems = new List<string>();
        foreach (var seed in Enumerable.Range(1, 16))
        {
            var m = Engine.Write(new BookSpec { Theme = theme, Seed = seed, Age = age, Pages = seed % 3 == 0 ? 24 : 32, Author = "Test" });
            var report = StoryCheck.Run(m);
            problems.AddRange(report.Findings.Where(f => f.Level == StoryCheck.Must)
                .Select(f => $"seed {seed} p{f.Page}: {f.Rule}: {f.Message} | {m.Pages.FirstOrDefault(p => p.Number == f.Page)?.Text}"));
        }
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void A_grandma_the_theme_names_is_drawn_old()
    {
        foreach (var theme in new[] { "a trip to the zoo with grandma", "a christmas present for grandma" })
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var m = Engine.Write(new BookSpec { Theme = theme, Seed = seed, Age = AgeBand.Age3To5 });
            // A person's grandma is drawn old; an animal hero's grandma is a grown-up of its kind.
            var grandma = m.Cast.Single(c => c.Name == "Grandma");
            grandma.Species.ShouldBe(m.Cast[0].Species == Species.Child ? Species.Grandparent : m.Cast[0].Species, theme);
        }
    }

    private static readonly OfflineArtEngine Art = new();

    private static List<string> Objects(Manuscript m, ManuscriptPage page) =>
        [.. XDocument.Parse(Art.DrawStoryPage(m, page, SceneArtTests.Frame(page.Illustration!.TextPlacement)))
            .Descendants().Select(e => e.Attribute("data-object")?.Value).OfType<string>()];

    [Fact]
    public void Christmas_pictures_hold_the_tree_and_the_stocking_the_words_name()
    {
        var m = Engine.Write(new BookSpec { Theme = "a christmas present for grandma", Seed = 2, Age = AgeBand.Age3To5 });
        var story = m.Pages.Where(p => p.Role == PageRole.Story && p.Illustration is not null).ToList();
        foreach (var page in story.Where(p => p.Text!.Contains("Christmas tree", StringComparison.Ordinal) || p.Text!.Contains("stocking", StringComparison.Ordinal)))
        {
            var drawn = Objects(m, page);
            if (page.Text!.Contains("Christmas tree", StringComparison.Ordinal)) drawn.ShouldContain("christmas-tree", page.Text);
            if (page.Text!.Contains("stocking", StringComparison.Ordinal)) drawn.ShouldContain("stocking", page.Text);
        }
        story.Count(p => p.Illustration!.Props.Contains("christmas-tree")).ShouldBeGreaterThan(6);
        story.ShouldContain(p => p.Illustration!.Setting == "garden" && p.Illustration.Weather == "snow");
    }

    [Fact]
    public void Zoo_pictures_show_the_zoo_and_each_animal_the_words_name()
    {
        var m = Engine.Write(new BookSpec { Theme = "seeing the penguins at the zoo", Seed = 4, Age = AgeBand.Age3To5 });
        var story = m.Pages.Where(p => p.Role == PageRole.Story && p.Illustration is not null).ToList();
        var zoo = story.Where(p => p.Illustration!.Setting == "zoo").ToList();
        zoo.Count.ShouldBeGreaterThan(10);
        foreach (var landmark in SceneVocabulary.Settings["zoo"]) Objects(m, zoo[0]).ShouldContain(landmark);
        var penguin = m.Cast.Single(c => c.Species == Species.Penguin);
        foreach (var page in zoo.Where(p => StoryText.Names(p.Text!, penguin.Name)))
            page.Illustration!.Characters.ShouldContain(c => c.CharacterId == penguin.Id, page.Text);
        // The favourite is drawn asleep from the page it is found asleep until the words wake it.
        var asleep = zoo.SkipWhile(p => !p.Text!.Contains("asleep", StringComparison.Ordinal)).TakeWhile(p => !p.Text!.Contains("woke", StringComparison.Ordinal) && !p.Text!.Contains("yawn", StringComparison.Ordinal) && !p.Text!.Contains("stirred", StringComparison.Ordinal) && !p.Text!.Contains("opened one eye", StringComparison.Ordinal)).ToList();
        asleep.Count.ShouldBeGreaterThan(3);
        foreach (var page in asleep)
            page.Illustration!.Characters.Single(c => c.CharacterId == penguin.Id).Pose.ShouldBe(Pose.Sleeping, page.Text);
    }
}
