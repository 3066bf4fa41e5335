using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;
using Xunit;

namespace Storyloom.Core.Tests;

/// <summary>Properties of every plotted book over many themes, seeds, ages and casts: the plan's invariants hold by construction.</summary>
public sealed class StoryPlanTests
{
    private static readonly AgeBand[] Ages = [AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8, AgeBand.Age9To12];

    public static TheoryData<string> FamilyIds => [.. PlotFamilies.All.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Every_family_passes_its_story_check_on_every_age_and_many_seeds(string id)
    {
        var family = PlotFamilies.All.Single(f => f.Id == id);
        var theme = family.Triggers[0];
        foreach (var age in Ages)
        {
            for (var seed = 1; seed <= 12; seed++)
            {
                var book = new OfflineStoryEngine().Write(new BookSpec { Theme = theme, Age = age, Seed = seed });
                Assert.Equal(id, book.Premise!.Family);
                Assert.Equal(32, book.Pages.Count);
                Assert.True(book.Check!.Passed, $"{id} {age.ToCli()} seed {seed}: " + string.Join("; ", book.Check.Findings.Where(f => f.Level == StoryCheck.Must).Select(f => $"p{f.Page} {f.Message}")));
                Assert.Equal(1.0, book.Check.ThemeCoverage);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Every_scene_holds_only_what_the_art_can_draw(string id)
    {
        var family = PlotFamilies.All.Single(f => f.Id == id);
        foreach (var beat in family.Beats)
        {
            Assert.True(SceneVocabulary.Settings.ContainsKey(beat.Where), $"{id}/{beat.Step}: {beat.Where} is not a setting");
            Assert.True(beat.Holds is null || beat.Holds == "{toy}" || SceneVocabulary.Props.Contains(beat.Holds), $"{id}/{beat.Step}: holds {beat.Holds}");
            foreach (var prop in beat.Props.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(prop == "{toy}" || SceneVocabulary.Props.Contains(prop), $"{id}/{beat.Step}: prop {prop}");
            foreach (var line in beat.Tiny.Concat(beat.Core).Concat(beat.More).Append(beat.Hook ?? ""))
            {
                foreach (var role in "PGFX")
                    Assert.False(line.Contains("{" + role + "}", StringComparison.Ordinal) && !beat.Who.Contains(role), $"{id}/{beat.Step}: \"{line}\" names {role}, who is not in the scene");
            }
        }
    }

    [Fact]
    public void A_character_is_named_only_on_pages_whose_picture_holds_them()
    {
        foreach (var family in PlotFamilies.All)
        {
            for (var seed = 1; seed <= 6; seed++)
            {
                var book = new OfflineStoryEngine().Write(new BookSpec { Theme = family.Triggers[0], Seed = seed, Age = AgeBand.Age6To8 });
                foreach (var page in book.Pages.Where(p => p.Role == PageRole.Story))
                {
                    var present = page.Illustration!.Characters.Select(c => c.CharacterId).ToHashSet();
                    foreach (var ch in book.Cast.Where(c => page.Text!.Contains(c.Name, StringComparison.Ordinal)))
                        Assert.True(present.Contains(ch.Id), $"{family.Id} seed {seed} page {page.Number}: {ch.Name} named but not drawn");
                }
            }
        }
    }

    [Fact]
    public void The_chosen_cast_is_the_cast_and_the_title_names_only_them()
    {
        var cast = new List<CastMember>
        {
            new("Pip", Species.Fox, Look: "purple scarf"),
            new("Grandpa Joe", Species.Grandparent, Role: "grown-up", Pronoun: "he"),
            new("Tam", Species.Rabbit),
        };
        foreach (var theme in new[] { "first day of school", "friendship", "a dinosaur who is afraid of the dark" })
        {
            var book = new OfflineStoryEngine().Write(new BookSpec { Theme = theme, Seed = 5, Cast = cast });
            Assert.Equal("Pip", book.Cast[0].Name);
            Assert.Equal(Species.Fox, book.Cast[0].Species);
            Assert.Equal("scarf", book.Cast[0].Clothing);
            Assert.Equal("#9B6BC7", book.Cast[0].ClothingColor);
            Assert.Contains(book.Cast, c => c.Name == "Grandpa Joe" && c.Species == Species.Grandparent);
            Assert.Contains(book.Cast, c => c.Name == "Tam");
            var text = string.Join("\n", book.Pages.Where(p => p.Role == PageRole.Story).Select(p => p.Text));
            foreach (var given in cast) Assert.Contains(given.Name, text);
            Assert.Contains("Pip", book.Title);
            Assert.True(book.Check!.Passed, string.Join("; ", book.Check.Findings.Where(f => f.Level == StoryCheck.Must).Select(f => f.Message)));
        }
    }

    [Fact]
    public void A_long_book_is_not_padded_the_spare_pages_are_notes_and_said()
    {
        var book = new OfflineStoryEngine().Write(new BookSpec { Theme = "first day of school", Pages = 60, Seed = 2 });
        Assert.Equal(60, book.Pages.Count);
        Assert.Contains(book.Pages, p => p.Role == PageRole.Notes);
        Assert.Contains(book.Notes!, n => n.Contains("notes pages", StringComparison.Ordinal));
        var sentences = book.Pages.Where(p => p.Role == PageRole.Story).SelectMany(p => ReadabilityMeter.Sentences(p.Text!)).ToList();
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
    }

    [Fact]
    public void The_check_fails_a_page_that_names_what_its_scene_does_not_hold()
    {
        var book = new OfflineStoryEngine().Write(new BookSpec { Theme = "first day of school", Seed = 3 });
        var page = book.Pages.First(p => p.Role == PageRole.Story);
        var broken = book with { Pages = [.. book.Pages.Select(p => p.Number == page.Number ? p with { Text = p.Text + " A goat hugged a puddle." } : p)] };
        var report = StoryCheck.Run(broken);
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Rule == "named-not-drawn" && f.Page == page.Number);
    }

    [Fact]
    public void The_check_fails_a_change_of_place_the_words_do_not_travel()
    {
        var book = new OfflineStoryEngine().Write(new BookSpec { Theme = "first day of school", Seed = 3, Age = AgeBand.Age3To5 });
        var story = book.Pages.Where(p => p.Role == PageRole.Story).ToList();
        var moved = story.Zip(story.Skip(1)).First(x => x.First.Illustration!.Setting != x.Second.Illustration!.Setting).Second;
        var broken = book with { Pages = [.. book.Pages.Select(p => p.Number == moved.Number ? p with { Text = "It was a lovely day." } : p)] };
        Assert.Contains(StoryCheck.Run(broken).Findings, f => f.Rule == "travel" && f.Level == StoryCheck.Must);
    }

    [Fact]
    public void The_check_fails_a_story_without_its_theme()
    {
        var book = new OfflineStoryEngine().Write(new BookSpec { Theme = "first day of school", Seed = 3 });
        var broken = book with { Pages = [.. book.Pages.Select(p => p.Role == PageRole.Story ? p with { Text = p.Text!.Replace("school", "park", StringComparison.Ordinal) } : p)] };
        var report = StoryCheck.Run(broken);
        Assert.False(report.Passed);
        Assert.Equal(0, report.ThemeCoverage);
    }
}
