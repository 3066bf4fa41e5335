using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;
using Xunit;

namespace Storyloom.Core.Tests;

public sealed class PremiseTests
{
    private static Premise Read(string theme, AgeBand age = AgeBand.Age3To5) => PremiseReader.Read(new BookSpec { Theme = theme, Age = age });

    /// <summary>Themes as parents type them, the hero they name (or null) and the family the story must come from when it is authored.</summary>
    public static TheoryData<string, string?> Heroes => new()
    {
        { "a dinosaur who is afraid of the dark", "Dinosaur" },
        { "Dinosaurs!", "Dinosaur" },
        { "a little girl's first day of school", "Child" },
        { "a shy penguin", "Penguin" },
        { "a bunny who loses her teddy", "Rabbit" },
        { "the unicorn who could not fly", "Unicorn" },
        { "a brave little mouse", "Mouse" },
        { "our puppy learns to share", "Dog" },
        { "a boy and his grandpa", "Child" },
        { "the kitten who was scared of thunder", "Cat" },
        { "a robot goes to school", "Robot" },
        { "a lion cub who roars too loud", "Lion" },
        { "an elephant who never forgets", "Elephant" },
        { "a frog on a lily pad", "Frog" },
        { "a duckling looking for its mother", "Duck" },
        { "piglet's muddy day", "Pig" },
        { "a turtle who is slow", "Turtle" },
        { "a dragon who sneezes", "Dragon" },
        { "my pony", "Horse" },
        { "friendship", null },
        { "being brave at the dentist", null },
        { "saying goodbye to our old dog", null },
        { "a giraffe who is too tall", "Horse" },
        { "a monkey in the jungle", "Monkey" },
        { "the sheep who counted people", "Sheep" },
        { "a little owl who can't sleep", "Owl" },
        { "a fox in the snow", "Fox" },
        { "a cow who wants to fly", "Cow" },
        { "a princess and her dragon", "Child" },
        { "a bear who hibernates", "Bear" },
    };

    [Theory]
    [MemberData(nameof(Heroes))]
    public void The_hero_the_theme_names_is_the_hero(string theme, string? species)
    {
        var premise = Read(theme);
        Assert.Equal(species, premise.HeroSpecies?.ToString());
    }

    [Theory]
    [InlineData("giraffe")]
    [InlineData("octopus")]
    [InlineData("shark")]
    [InlineData("hedgehog")]
    public void A_creature_the_engine_cannot_draw_is_said_before_the_book_is_made(string creature)
    {
        var premise = Read($"a {creature} who learns to share");
        Assert.Contains(premise.Notes, n => n.Contains(creature, StringComparison.Ordinal) && n.Contains("instead", StringComparison.Ordinal));
    }

    /// <summary>Sixty themes and the family each must be read as (when that family is authored) or at least a known one.</summary>
    public static TheoryData<string, string> Families => new()
    {
        { "first day of school", "school" }, { "starting kindergarten", "school" }, { "a new teacher", "school" },
        { "my first day at preschool", "school" }, { "going to nursery", "school" }, { "a robot goes to school", "school" },
        { "a dinosaur who is afraid of the dark", "dark" }, { "scared of the dark", "dark" }, { "monsters under the bed", "dark" },
        { "night time fears", "dark" }, { "being brave at the dentist", "dentist" }, { "my first dentist visit", "dentist" },
        { "losing a tooth", "dentist" }, { "going to the doctor", "doctor" }, { "getting a shot", "doctor" },
        { "a check-up at the doctor", "doctor" }, { "my first haircut", "haircut" }, { "a trip to the barber", "haircut" },
        { "moving house", "moving" }, { "moving to a new home", "moving" }, { "a new baby sister", "new-baby" },
        { "becoming a big brother", "new-baby" }, { "potty training", "potty" }, { "using the potty", "potty" },
        { "bedtime", "bedtime" }, { "a sleepy goodnight story", "bedtime" }, { "my first sleepover", "sleepover" },
        { "saying goodbye to our old dog", "pet-loss" }, { "when our cat died", "pet-loss" }, { "big angry feelings", "anger" },
        { "a bear who gets mad", "anger" }, { "learning to share", "sharing" }, { "taking turns", "sharing" },
        { "a shy little penguin", "shyness" }, { "being shy at a party", "shyness" }, { "a day with grandma", "grandparents" },
        { "visiting grandpa", "grandparents" }, { "two homes, one family", "two-homes" }, { "when mum and dad live apart", "two-homes" },
        { "making a new friend", "friendship" }, { "friendship", "friendship" }, { "a lonely fox", "friendship" },
        { "a bunny who loses her teddy", "lost-toy" }, { "lost and found", "lost-toy" }, { "a trip to the moon", "space" },
        { "astronauts in space", "space" }, { "a rocket to the stars", "space" }, { "a day at the beach", "seaside" },
        { "under the sea", "seaside" }, { "building sandcastles", "seaside" }, { "autumn leaves", "seasons" },
        { "the first snow of winter", "snow" }, { "a snowy day", "snow" }, { "a day on the farm", "farm" },
        { "farm animals", "farm" }, { "a birthday party", "birthday" }, { "my fifth birthday", "birthday" },
        { "jealous of the new baby", "new-baby" }, { "a new sibling", "new-baby" }, { "first day at a new school", "school" },
        { "a bear who does not want to go to sleep", "bedtime" }, { "a bunny who won't go to bed", "bedtime" },
        { "a little fox who wants to stay up late", "bedtime" },
    };

    [Theory]
    [InlineData("a fox who doesn't want to tidy up")]
    [InlineData("a girl who does not want to take a bath")]
    [InlineData("a boy who never wants to brush his teeth")]
    [InlineData("a cat who refuses to wear a coat")]
    [InlineData("a girl who is nervous about her first swimming lesson")]
    [InlineData("scared of the school play")]
    public void A_goal_said_with_a_not_or_a_fear_of_an_event_is_not_told_as_a_wish_or_a_thing_to_face(string theme)
    {
        var premise = Read(theme);
        Assert.NotEqual("wish", premise.Family.Id);
        Assert.NotEqual("fear", premise.Family.Id);
        Assert.Null(premise.Subject);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_theme_is_read_as_its_plot_family(string theme, string family)
    {
        var premise = Read(theme);
        if (PlotFamilies.All.Any(f => f.Id == family))
        {
            Assert.Equal(family, premise.Family.Id);
        }
        else
        {
            // A family not authored yet: the engine falls back, and says so only when nothing matched.
            Assert.NotNull(premise.Family);
        }
    }

    [Fact]
    public void A_theme_the_engine_does_not_know_is_said_and_falls_back_to_a_friendship_story()
    {
        var premise = Read("quantum chromodynamics");
        Assert.Same(PlotFamilies.Fallback, premise.Family);
        Assert.Contains(premise.Notes, n => n.Contains("quantum", StringComparison.Ordinal));
    }

    [Fact]
    public void The_themes_words_choose_the_story_and_a_chosen_arc_tells_a_theme_the_engine_does_not_know()
    {
        // The web wizard always sends an arc; "first day of school" must still be a school story.
        var school = PremiseReader.Read(new BookSpec { Theme = "first day of school", Shape = StoryShape.Fear, Author = "T" });
        Assert.Equal("school", school.Family.Id);
        Assert.Empty(school.Notes);

        var unknown = PremiseReader.Read(new BookSpec { Theme = "quantum chromodynamics", Shape = StoryShape.Fear, Author = "T" });
        Assert.Equal("dark", unknown.Family.Id);
        Assert.Contains(unknown.Notes, n => n.Contains("the arc you chose", StringComparison.Ordinal));
    }

    [Fact]
    public void Ages_nine_to_twelve_are_told_the_offline_engine_writes_a_picture_book()
    {
        Assert.Contains(Read("first day of school", AgeBand.Age9To12).Notes, n => n.Contains("chapter book", StringComparison.Ordinal));
    }

    [Fact]
    public void The_premise_keys_are_the_briefs_own_nouns()
    {
        var premise = Read("a robot's first day at school with a new teacher");
        Assert.Contains("school", premise.Keys);
        Assert.Contains("teacher", premise.Keys);
    }
}

/// <summary>
/// A brief that names its hero ("a girl named Maya", "my son Leo", "Pip the penguin") gets a book about that hero: the name
/// in the title and on every page, with the pronoun the brief or the name says, and no second character of the same name.
/// </summary>
public sealed class HeroNameTests
{
    private static readonly OfflineStoryEngine Engine = new();

    [Theory]
    [InlineData("a girl named Maya who wants to be an astronaut", "Maya", "she")]
    [InlineData("a story for my son Leo about his first day at school", "Leo", "he")]
    [InlineData("Pip the penguin is afraid of the dark", "Pip", null)]
    [InlineData("Emma's trip to the dentist", "Emma", "she")]
    [InlineData("a dog named biscuit who loves bedtime", "Biscuit", null)]
    [InlineData("a boy called Storm who lost his teddy", "Storm", "he")]
    [InlineData("a bedtime story for Lily", "Lily", "she")]
    [InlineData("a story about Jordan and the new baby", "Jordan", null)]
    [InlineData("a princess named Aurora who is afraid of the dark", "Aurora", "she")]
    [InlineData("my granddaughter Olivia goes to the zoo", "Olivia", "she")]
    [InlineData("a knight called Sir Roland", "Sir Roland", null)]
    public void The_name_the_brief_gives_is_the_heros(string theme, string name, string? pronoun)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.HeroName.ShouldBe(name, theme);
        if (pronoun is not null) premise.HeroPronoun.ShouldBe(pronoun, theme);
    }

    [Theory]
    [InlineData("a game called tag at school")]
    [InlineData("Feed the ducks at the farm")]
    [InlineData("Meet the dragon")]
    [InlineData("visiting Grandma's garden")]
    [InlineData("Grandma's garden")]
    [InlineData("waiting for Santa")]
    [InlineData("the first day of school")]
    [InlineData("a present for Mum")]
    public void Words_that_are_no_name_give_none(string theme) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).HeroName.ShouldBeNull(theme);

    [Fact]
    public void A_name_says_nothing_of_the_story() =>
        PremiseReader.Read(new BookSpec { Theme = "a boy called Storm who lost his teddy" }).Family.Id.ShouldBe("lost-toy");

    [Theory]
    [InlineData("a girl named Maya who wants to be an astronaut", AgeBand.Age3To5, "Maya", "she")]
    [InlineData("Emma's trip to the dentist", AgeBand.Age3To5, "Emma", "she")]
    [InlineData("a story for my son Leo about his first day at school", AgeBand.Age6To8, "Leo", "he")]
    [InlineData("a dragon called Ember who is lonely", AgeBand.Age6To8, "Ember", null)]
    [InlineData("a bedtime story for Lily", AgeBand.Age0To2, "Lily", "she")]
    public void The_book_is_about_the_named_hero(string theme, AgeBand age, string name, string? pronoun)
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            var book = Engine.Write(new BookSpec { Theme = theme, Age = age, Seed = seed });
            var hero = book.Cast[0];
            hero.Name.ShouldBe(name, $"{theme} seed {seed}");
            if (pronoun is not null) hero.Pronoun.ShouldBe(pronoun, $"{theme} seed {seed}");
            book.Cast.Count(c => c.Name == name).ShouldBe(1, $"{theme} seed {seed}: {string.Join(", ", book.Cast.Select(c => c.Name))}");
            book.Pages.Count(p => p.Text?.Contains(name, StringComparison.Ordinal) == true).ShouldBeGreaterThanOrEqualTo(age == AgeBand.Age0To2 ? 3 : book.Pages.Count / 3, $"{theme} seed {seed}");
            if (pronoun == "she") book.Pages.ShouldNotContain(p => p.Text != null && p.Text.Contains($"{name} the little boy", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void With_a_chosen_cast_the_casts_hero_tells_it_and_the_other_name_is_said()
    {
        var spec = new BookSpec { Theme = "a girl named Maya at the dentist", Cast = [new CastMember("Pip", Species.Fox)] };
        var premise = PremiseReader.Read(spec);
        premise.HeroName.ShouldBeNull();
        premise.Notes.ShouldContain(n => n.Contains("the theme names Maya", StringComparison.Ordinal) && n.Contains("Pip as the hero", StringComparison.Ordinal));
        Engine.Write(spec).Cast[0].Name.ShouldBe("Pip");
    }
}
