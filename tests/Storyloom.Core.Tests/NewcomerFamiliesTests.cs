using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// Jealousy of a newcomer, adoption and pirates: the themes parents type choose them, the older families keep theirs, the
/// newcomer is the creature the theme names after "new" while the hero stays the first creature named, and whole books pass
/// the story check over many seeds and every picture-book age band.
/// </summary>
public sealed class NewcomerFamiliesTests
{
    [Theory]
    // jealousy
    [InlineData("a kitten who is jealous of the new puppy", "jealousy")]
    [InlineData("jealous of my friend's new friend", "jealousy")]
    [InlineData("feeling left out", "jealousy")]
    [InlineData("jealous", "jealousy")]
    [InlineData("the new puppy", "jealousy")]
    [InlineData("a new kitten", "jealousy")]
    [InlineData("a bunny who feels jealous", "jealousy")]
    [InlineData("when we got a new dog", "jealousy")]
    // adoption
    [InlineData("how we became a family through adoption", "adoption")]
    [InlineData("adopted", "adoption")]
    [InlineData("the day you came home", "adoption")]
    [InlineData("forever family", "adoption")]
    [InlineData("a story for my adopted daughter", "adoption")]
    [InlineData("our gotcha day", "adoption")]
    // pirates
    [InlineData("a pirate adventure", "pirates")]
    [InlineData("pirates", "pirates")]
    [InlineData("treasure hunt", "pirates")]
    [InlineData("treasure map", "pirates")]
    [InlineData("a treasure hunt at the beach", "pirates")]
    [InlineData("a pirate adventure at the seaside", "pirates")]
    [InlineData("x marks the spot", "pirates")]
    // the older families keep their themes
    [InlineData("a new baby sister", "new-baby")]
    [InlineData("jealous of the new baby", "new-baby")]
    [InlineData("saying goodbye to our old dog", "pet-loss")]
    [InlineData("a day at the beach", "seaside")]
    [InlineData("making a new friend", "friendship")]
    [InlineData("moving to a new house", "moving")]
    [InlineData("a puppy who won't share with friends", "sharing")]
    [InlineData("potty training for a puppy", "potty")]
    public void Themes_choose_their_family(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    /// <summary>The hero is the first creature the theme names; the newcomer the one after "new" (or after "jealous").</summary>
    [Theory]
    [InlineData("a kitten who is jealous of the new puppy", Species.Cat, Species.Dog)]
    [InlineData("a puppy who is jealous of the new kitten", Species.Dog, Species.Cat)]
    [InlineData("a bear who is jealous of the new bunny", Species.Bear, Species.Rabbit)]
    [InlineData("a little girl and the new puppy", Species.Child, Species.Dog)]
    [InlineData("a fox jealous of our cat", Species.Fox, Species.Cat)]
    [InlineData("the new puppy", null, Species.Dog)]
    [InlineData("a new kitten", null, Species.Cat)]
    [InlineData("feeling left out", null, Species.Dog)]
    [InlineData("a puppy who feels left out", Species.Dog, Species.Cat)]
    public void The_hero_is_the_first_creature_and_the_newcomer_the_new_one(string theme, Species? hero, Species newcomer)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldBe("jealousy", theme);
        premise.HeroSpecies.ShouldBe(hero, theme);
        premise.Newcomer.ShouldBe(newcomer, theme);
    }

    [Theory]
    [InlineData("a kitten who is jealous of the new puppy", Species.Cat, Species.Dog)]
    [InlineData("a new kitten", Species.Child, Species.Cat)]
    [InlineData("jealous of the new bunny", Species.Child, Species.Rabbit)]
    public void The_book_casts_the_hero_and_the_newcomer_the_theme_names(string theme, Species hero, Species newcomer)
    {
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var m = new OfflineStoryEngine().Write(new BookSpec { Theme = theme, Seed = seed, Pages = 24, Author = "Test" });
            m.Cast[0].Species.ShouldBe(hero, $"{theme} seed {seed}");
            m.Cast.ShouldContain(c => c.Species == newcomer && c.Role == "pet", $"{theme} seed {seed}");
        }
    }

    [Fact]
    public void A_theme_naming_no_newcomer_says_which_one_is_told()
    {
        PremiseReader.Read(new BookSpec { Theme = "feeling left out" }).Notes.ShouldContain(n => n.Contains("new dog", StringComparison.Ordinal));
        PremiseReader.Read(new BookSpec { Theme = "a kitten who is jealous of the new puppy" }).Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Pirates_cannot_be_drawn_so_the_hero_is_a_child_who_plays_pirates()
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = "a pirate adventure" });
        premise.HeroSpecies.ShouldBe(Species.Child);
        premise.Notes.ShouldContain(n => n.Contains("pirate", StringComparison.Ordinal));
    }

    public static TheoryData<string> Themes =>
    [
        "a kitten who is jealous of the new puppy", "feeling left out", "a new kitten", "jealous of the new bunny",
        "how we became a family through adoption", "the day you came home", "forever family", "adopted",
        "a pirate adventure", "treasure hunt", "treasure map", "pirates",
    ];

    [Theory]
    [MemberData(nameof(Themes))]
    public void Books_pass_the_story_check_over_seeds_and_ages(string theme)
    {
        var engine = new OfflineStoryEngine();
        var problems = new List<string>();
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var m = engine.Write(new BookSpec { Theme = theme, Seed = seed, Age = age, Pages = seed % 2 == 0 ? 24 : 32, Author = "Test" });
            foreach (var f in StoryCheck.Run(m).Findings.Where(f => f.Level == StoryCheck.Must))
                problems.Add($"{theme} seed {seed} {age} p{f.Page}: {f.Rule}: {f.Message} | {m.Pages.FirstOrDefault(p => p.Number == f.Page)?.Text}");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(40)));
    }

    /// <summary>A 3-5 book is 300-700 words, as published picture books are.</summary>
    [Theory]
    [InlineData("a kitten who is jealous of the new puppy")]
    [InlineData("how we became a family through adoption")]
    [InlineData("a pirate adventure")]
    public void Ages_three_to_five_read_a_picture_books_length(string theme)
    {
        foreach (var seed in Enumerable.Range(1, 5))
        {
            var m = new OfflineStoryEngine().Write(new BookSpec { Theme = theme, Seed = seed, Age = AgeBand.Age3To5, Pages = 32, Author = "Test" });
            var words = m.Pages.Where(p => p.Role == PageRole.Story && p.Text is not null).Sum(p => StoryText.CountWords(p.Text!));
            words.ShouldBeInRange(300, 700, $"{theme} seed {seed}");
        }
    }
}
