using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>Themes no situation family names, told around their own words: a goal ("wants to fly") or a fear ("afraid of thunder").</summary>
public sealed class GeneralFamiliesTests
{
    private static readonly OfflineStoryEngine Engine = new();

    [Theory]
    [InlineData("a penguin who wants to fly", "wish", "fly")]
    [InlineData("learning to ride a bike", "wish", "ride a bike")]
    [InlineData("a bear who can't whistle", "wish", "whistle")]
    [InlineData("my son learning to tie his shoes", "wish", "tie {his} shoes")]
    [InlineData("a robot who wants to be a chef, and cooks for everyone", "wish", "be a chef")]
    [InlineData("a girl who wants to learn how to swim", "wish", "learn how to swim")]
    [InlineData("a puppy who is afraid of thunder", "storm", "thunder")]
    [InlineData("a kitten who is scared of the rain", "fear", "the rain")]
    [InlineData("scared of the big slide", "fear", "the big slide")]
    [InlineData("a little girl who is afraid of the water", "fear", "the water")]
    [InlineData("a boy who is nervous about the deep water", "fear", "the deep water")]
    public void Goals_and_fears_are_told_in_the_themes_own_words(string theme, string family, string subject)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldBe(family, theme);
        premise.Subject.ShouldBe(subject, theme);
        premise.Notes.ShouldNotContain(n => n.Contains("names no situation", StringComparison.Ordinal), theme);
    }

    [Theory]
    [InlineData("a dinosaur who is afraid of the dark", "dark")]
    [InlineData("afraid of the dentist", "dentist")]
    [InlineData("a bunny who is scared of her first day of school", "school")]
    [InlineData("scared of dogs", "friendship")]
    public void A_situation_the_engine_knows_or_a_creature_it_would_have_to_draw_is_not_told_generally(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    [Theory]
    [InlineData("scared of the big slide", "playground")]
    [InlineData("a little girl who is afraid of the waves", "beach")]
    [InlineData("a puppy who is afraid of thunder", "living-room")]
    [InlineData("afraid of the wind", "park")]
    public void The_fear_is_faced_where_it_lives(string theme, string place)
    {
        var m = Engine.Write(new BookSpec { Theme = theme, Seed = 3 });
        m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Illustration!.Setting).ShouldContain(place);
        m.Check!.Passed.ShouldBeTrue(string.Join("; ", m.Check.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void A_fear_of_rain_is_faced_in_the_rain_and_a_bike_is_drawn_in_the_pictures_that_name_it()
    {
        var storm = Engine.Write(new BookSpec { Theme = "a puppy who is afraid of the rain", Seed = 2 });
        storm.Pages.Where(p => p.Illustration?.Setting == "park").ShouldAllBe(p => p.Illustration!.Weather == "rain");
        var bike = Engine.Write(new BookSpec { Theme = "learning to ride a bike", Seed = 2 });
        var named = bike.Pages.Where(p => p.Role == PageRole.Story && p.Text!.Contains("bike", StringComparison.OrdinalIgnoreCase)).ToList();
        named.ShouldNotBeEmpty();
        named.ShouldAllBe(p => p.Illustration!.Props.Contains("bike") || p.Illustration.Characters.Any(c => c.Holding == "bike"));
    }

    [Theory]
    [InlineData("my son learning to tie his shoes", "he")]
    [InlineData("a bunny who loses her teddy", "she")]
    [InlineData("a little boy's first haircut", "he")]
    [InlineData("a new baby sister", null)]
    public void The_brief_says_whether_the_hero_is_a_he_or_a_she(string theme, string? pronoun)
    {
        PremiseReader.Read(new BookSpec { Theme = theme }).HeroPronoun.ShouldBe(pronoun);
        if (pronoun is null) return;
        foreach (var seed in Enumerable.Range(1, 8))
            Engine.Write(new BookSpec { Theme = theme, Seed = seed }).Cast[0].Pronoun.ShouldBe(pronoun, $"seed {seed}");
    }

    [Theory]
    [InlineData("learning to tie my shoelaces")]
    [InlineData("a bear who can't whistle")]
    [InlineData("a girl who wants to write her name")]
    public void A_skill_of_the_hands_goes_wrong_in_a_muddle_not_a_tumble_and_nobody_jumps_for_it(string theme)
    {
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.ShouldBeSameAs(PlotFamilies.WishWithHands);
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
            foreach (var seed in Enumerable.Range(1, 6))
            {
                var m = Engine.Write(new BookSpec { Seed = seed, Age = age, Theme = theme, Pages = age == AgeBand.Age0To2 ? 24 : 32 });
                var text = string.Join(" ", m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
                text.ShouldNotMatch(@"tumbled|in a heap|grassy|brushed (?:off )?(?:his|her|their) knees|sat down hard|Bump!", $"{theme} {age} seed {seed}");
                m.Check!.Passed.ShouldBeTrue($"{theme} {age} seed {seed}: " + string.Join("; ", m.Check.Findings.Select(f => f.Message)));
                // The tries before the last are drawn standing or sitting, not running and jumping.
                m.Pages.Where(p => p.Role == PageRole.Story).Take(10).SelectMany(p => p.Illustration!.Characters).Where(c => c.CharacterId == "c1")
                    .ShouldAllBe(c => c.Pose != Pose.Jumping && c.Pose != Pose.Running, $"{theme} {age} seed {seed}");
            }
        PremiseReader.Read(new BookSpec { Theme = "learning to ride a bike" }).Family.ShouldBeSameAs(PlotFamilies.Wish);
    }

    [Theory]
    [InlineData("an owl who is scared of flying", "fly")]
    [InlineData("a little girl who is scared of riding her bike", "ride {his} bike")]
    [InlineData("a penguin who is too scared to swim", "swim")]
    [InlineData("afraid of diving into the pool", "dive into the pool")]
    [InlineData("nervous about climbing the big tree", "climb the big tree")]
    public void A_fear_of_doing_is_a_wish_told_scared_and_ends_in_doing_it(string theme, string goal)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldBe("wish", theme);
        premise.Subject.ShouldBe(goal, theme);
        premise.Family.Beats[0].Mood.ShouldBe("worried", theme);
        foreach (var seed in Enumerable.Range(1, 4))
        {
            var m = Engine.Write(new BookSpec { Theme = theme, Seed = seed });
            var story = m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text!).ToList();
            string.Join(" ", story.Take(4)).ShouldMatch(@"scared|frightened|wobbl|worr|tummy|shaky|what if I can.t", $"{theme} seed {seed}: the fear opens the story");
            string.Join(" ", story).ShouldNotContain("What if there was", Case.Insensitive, $"{theme} seed {seed}");
            m.Check!.Passed.ShouldBeTrue($"{theme} seed {seed}: " + string.Join("; ", m.Check.Findings.Select(f => f.Message)));
        }
    }

    [Theory]
    [InlineData("flying", "fly")]
    [InlineData("swimming", "swim")]
    [InlineData("riding", "ride")]
    [InlineData("skating", "skate")]
    [InlineData("sleeping", "sleep")]
    [InlineData("climbing", "climb")]
    [InlineData("falling", "fall")]
    [InlineData("visiting", "visit")]
    [InlineData("going", "go")]
    [InlineData("hiking", "hike")]
    public void A_verb_in_ing_gives_back_its_plain_form(string ing, string verb) => PremiseReader.VerbOf(ing).ShouldBe(verb);

    [Theory]
    [InlineData("a boy who is afraid of falling")]
    [InlineData("scared of getting hurt")]
    [InlineData("afraid of being alone")]
    public void A_fear_of_what_nobody_wants_to_do_is_no_wish(string theme)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldNotBe("wish", theme);
        premise.Notes.ShouldContain(n => n.Contains("names no situation", StringComparison.Ordinal), theme);
    }

    [Theory]
    [InlineData("afraid of lightning", "storm")]
    [InlineData("scared of the swings", "fear")]
    public void A_noun_in_ing_is_still_a_thing_to_face(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    [Theory]
    [InlineData("sharing toys with my little brother", "my little brother")]
    [InlineData("a camping trip with my cousin", "my cousin")]
    public void Someone_the_theme_brings_along_who_has_no_part_is_said_not_dropped(string theme, string who) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Notes.ShouldContain(n => n.Contains($"brings along {who}", StringComparison.Ordinal), theme);

    [Theory]
    [InlineData("a day with grandma")]
    [InlineData("a new baby sister and me")]
    [InlineData("first day of school with my teacher")]
    public void Someone_the_story_has_a_part_for_needs_no_note(string theme) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Notes.ShouldNotContain(n => n.Contains("brings along", StringComparison.Ordinal), theme);

    [Theory]
    [InlineData("a dragon who wants to fly", "wish", Species.Dragon)]
    [InlineData("a unicorn who is scared of swimming", "wish", Species.Unicorn)]
    [InlineData("a dinosaur who can't whistle", "wish", Species.Dinosaur)]
    public void A_creature_whose_theme_says_what_the_story_is_about_gets_that_story(string theme, string family, Species hero)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldBe(family, theme);
        premise.HeroSpecies.ShouldBe(hero, theme);
    }

    [Fact]
    public void A_creature_whose_theme_says_what_the_engine_has_no_story_for_is_told_so()
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = "a dragon who loves to bake cakes" });
        premise.Family.Id.ShouldBe("fairy-tale");
        premise.Notes.ShouldContain(n => n.Contains("no story for \"loves to bake cakes\"", StringComparison.Ordinal));
        PremiseReader.Read(new BookSpec { Theme = "a unicorn who lives in a castle" }).Notes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("being a good sport when you lose")]
    [InlineData("a boy who lost his temper")]
    [InlineData("a puppy who got lost in the woods")]
    public void Losing_a_game_a_temper_or_the_way_is_no_lost_toy(string theme) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldNotBe("lost-toy", theme);

    [Fact]
    public void The_hero_says_my_where_the_narrator_says_his()
    {
        var m = Engine.Write(new BookSpec { Theme = "my son learning to tie his shoes", Seed = 7 });
        var text = string.Join(" ", m.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
        text.ShouldContain("wanted to tie his shoes");
        text.ShouldContain("tie my shoes");
        text.ShouldNotContain("tie her shoes");
    }

    [Fact]
    public void A_teddy_is_a_toy_not_the_heros_kind()
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = "she lost her teddy" });
        premise.Family.Id.ShouldBe("lost-toy");
        premise.HeroSpecies.ShouldBeNull();
        premise.HeroPronoun.ShouldBe("she");
        PremiseReader.Read(new BookSpec { Theme = "a teddy bear who comes to life" }).HeroSpecies.ShouldBe(Species.Bear);
    }
}
