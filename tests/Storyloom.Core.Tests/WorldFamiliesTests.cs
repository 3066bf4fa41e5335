using Storyloom.Core.Books;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// The world families (space, the seaside, dinosaurs …) are chosen by the themes parents type, and a creature named only as
/// the hero's kind ("a dinosaur at the dentist") leaves the situation's own family in charge.
/// </summary>
public sealed class WorldFamiliesTests
{
    [Theory]
    // space
    [InlineData("a trip to space", "space")]
    [InlineData("a little astronaut goes to the moon", "space")]
    [InlineData("rocket ship adventure", "space")]
    [InlineData("a bear who wants to touch the stars", "space")]
    [InlineData("blast off to outer space", "space")]
    // seaside
    [InlineData("a day at the beach", "seaside")]
    [InlineData("building sandcastles at the seaside", "seaside")]
    [InlineData("a penguin's trip to the sea", "seaside")]
    [InlineData("collecting shells and rock pools", "seaside")]
    [InlineData("our summer holiday by the ocean", "seaside")]
    // dinosaurs: the topic, not just the hero's kind
    [InlineData("dinosaurs", "dinosaurs")]
    [InlineData("a dinosaur adventure", "dinosaurs")]
    [InlineData("dinosaur land", "dinosaurs")]
    [InlineData("the lost dinosaur egg", "dinosaurs")]
    [InlineData("my son loves dinosaurs, especially the t-rex", "dinosaurs")]
    [InlineData("a dinosaur who is afraid of the dark", "dark")]
    [InlineData("a dinosaur at the dentist", "dentist")]
    [InlineData("dinosaurs go to the dentist", "dentist")]
    [InlineData("a t-rex who is scared of the dark", "dark")]
    [InlineData("a dinosaur's first day of school", "school")]
    [InlineData("a dinosaur at the beach", "seaside")]
    // farm
    [InlineData("a day on the farm", "farm")]
    [InlineData("helping on a farm", "farm")]
    [InlineData("farm animals", "farm")]
    [InlineData("visiting grandpa's farm and the tractor", "farm")]
    [InlineData("a little lamb", "farm")]
    // seasons
    [InlineData("autumn leaves", "seasons")]
    [InlineData("the first snow", "snow")]
    [InlineData("the first day of spring", "seasons")]
    [InlineData("learning about the four seasons", "seasons")]
    [InlineData("a bunny waits for spring", "seasons")]
    // birthday: the event wins over the place or the hero's kind
    [InlineData("a birthday party", "birthday")]
    [InlineData("the perfect birthday present for my best friend", "birthday")]
    [InlineData("a birthday party at the beach", "birthday")]
    [InlineData("a dinosaur's birthday", "birthday")]
    [InlineData("turning five", "birthday")]
    // fairy tale
    [InlineData("a fairy tale about a castle", "fairy-tale")]
    [InlineData("a princess and her dragon", "fairy-tale")]
    [InlineData("a brave knight", "fairy-tale")]
    [InlineData("the unicorn who could not fly", "fairy-tale")]
    [InlineData("a dragon who is scared of the dark", "dark")]
    [InlineData("a princess's first haircut", "haircut")]
    [InlineData("a turtle who hides in his shell", "friendship")]
    // the old families keep their themes
    [InlineData("first visit to the dentist", "dentist")]
    [InlineData("moving to a new house", "moving")]
    [InlineData("first day of school", "school")]
    [InlineData("a calm bedtime story", "bedtime")]
    [InlineData("our old dog died", "pet-loss")]
    public void Themes_choose_their_family(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    /// <summary>The dinosaur a theme names is the hero, in a dark or dentist story and in the dinosaurs' own.</summary>
    [Theory]
    [InlineData("a dinosaur who is afraid of the dark")]
    [InlineData("a dinosaur at the dentist")]
    [InlineData("a dinosaur adventure")]
    public void A_dinosaur_hero_stays_the_hero(string theme) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).HeroSpecies.ShouldBe(Species.Dinosaur);
}
