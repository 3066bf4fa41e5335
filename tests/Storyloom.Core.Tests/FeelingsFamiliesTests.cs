using Storyloom.Core.Books;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// Themes a parent would type for the feelings-and-family stories choose their authored family, and the themes that chose the
/// older families still do (a sleepover theme that mentions the dark is a sleepover, a dark theme without one is still the dark).
/// </summary>
public sealed class FeelingsFamiliesTests
{
    [Theory]
    // sleepover
    [InlineData("my first sleepover", "sleepover")]
    [InlineData("sleeping over at a friend's house", "sleepover")]
    [InlineData("a sleepover where she is scared of the dark", "sleepover")]
    [InlineData("a slumber party with pyjamas", "sleepover")]
    [InlineData("a bear who can't sleep at a sleepover", "sleepover")]
    [InlineData("feeling homesick on a night away", "sleepover")]
    // anger
    [InlineData("big angry feelings", "anger")]
    [InlineData("a bear who gets mad", "anger")]
    [InlineData("toddler tantrums", "anger")]
    [InlineData("learning to calm down when you're cross", "anger")]
    [InlineData("a dinosaur with a bad temper", "anger")]
    [InlineData("angry at my friend", "anger")]
    // sharing
    [InlineData("learning to share", "sharing")]
    [InlineData("taking turns", "sharing")]
    [InlineData("my friend wants the same toy", "sharing")]
    [InlineData("a puppy who won't share with friends", "sharing")]
    [InlineData("sharing toys with friends", "sharing")]
    // shyness
    [InlineData("a shy little penguin", "shyness")]
    [InlineData("being shy at a party", "shyness")]
    [InlineData("learning to speak up", "shyness")]
    [InlineData("too shy to join in", "shyness")]
    [InlineData("a timid bunny who wants a friend", "shyness")]
    // grandparents
    [InlineData("a day with grandma", "grandparents")]
    [InlineData("visiting grandpa", "grandparents")]
    [InlineData("a weekend at granny's house", "grandparents")]
    [InlineData("a boy and his grandparents", "grandparents")]
    [InlineData("baking with nana", "grandparents")]
    // two-homes
    [InlineData("two homes, one family", "two-homes")]
    [InlineData("when mum and dad live apart", "two-homes")]
    [InlineData("explaining divorce to a 4 year old", "two-homes")]
    [InlineData("my parents are separating", "two-homes")]
    [InlineData("moving between two homes", "two-homes")]
    // lost-toy
    [InlineData("a bunny who loses her teddy", "lost-toy")]
    [InlineData("lost and found", "lost-toy")]
    [InlineData("my son lost his favourite toy", "lost-toy")]
    [InlineData("we can't find teddy at bedtime", "lost-toy")]
    [InlineData("losing a toy at the park", "lost-toy")]
    // the older families keep their themes, and words the new ones share go where they belong
    [InlineData("losing a tooth", "dentist")]
    [InlineData("lost his temper", "anger")]
    [InlineData("a dinosaur who is afraid of the dark", "dark")]
    [InlineData("scared of monsters under the bed", "dark")]
    [InlineData("a calm bedtime story", "bedtime")]
    [InlineData("first day of school", "school")]
    [InlineData("moving to a new house", "moving")]
    [InlineData("our old dog died", "pet-loss")]
    [InlineData("becoming a big brother", "new-baby")]
    [InlineData("making a new friend", "friendship")]
    [InlineData("potty training", "potty")]
    [InlineData("my first haircut", "haircut")]
    public void Themes_choose_their_family(string theme, string family) =>
        PremiseReader.Read(new BookSpec { Theme = theme }).Family.Id.ShouldBe(family, theme);

    [Theory]
    [InlineData("visiting grandma", "Grandma")]
    [InlineData("a day with grandpa", "Grandpa")]
    [InlineData("baking with nana", "Nana")]
    public void The_grandparent_the_theme_names_is_the_one_in_the_story(string theme, string name)
    {
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var m = new Storyloom.Core.Story.OfflineStoryEngine().Write(new BookSpec { Theme = theme, Seed = seed, Pages = 24, Author = "Test" });
            m.Cast.ShouldContain(c => c.Name == name, $"{theme} seed {seed}");
        }
    }
}
