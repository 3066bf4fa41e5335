using Storyloom.Core.Books;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>What the words say someone other than the hero does is the pose they are drawn in.</summary>
public sealed class PoseInWordsTests
{
    [Theory]
    [InlineData("Dad sat down with them. \"Night night,\" Theo said.", "Dad", Pose.Sitting)]
    [InlineData("Some days Theo felt sad. Dad came and sat beside him.", "Dad", Pose.Sitting)]
    [InlineData("Mama knelt on the rug and peeked under the bed.", "Mama", Pose.Sitting)]
    [InlineData("Nutmeg curled up on her blanket.", "Nutmeg", Pose.Sitting)]
    [InlineData("Mama hugged her tight.", "Mama", Pose.Hugging)]
    [InlineData("Greta waved back until they were out of sight.", "Greta", Pose.Waving)]
    [InlineData("In came Mama, who knelt on the rug and peeked under the bed.", "Mama", Pose.Sitting)]
    [InlineData("By the pond sat a robot named Esme, all alone too.", "Esme", Pose.Sitting)]
    [InlineData("Then Finn saw a fox named Greta, sitting by the pond.", "Greta", Pose.Sitting)]
    [InlineData("There sat Greta, all by herself.", "Greta", Pose.Sitting)]
    [InlineData("Sami waved to Greta.", "Greta", null)]
    [InlineData("Greta stood up and walked off along the path.", "Greta", Pose.Walking)]
    [InlineData("Dad's eyes were wet, too.", "Dad", null)]
    [InlineData("Dadsat is not a name here, and Daddy ran.", "Dad", null)]
    public void The_words_pose_someone_in_a_clause_of_their_own(string text, string name, Pose? expected) =>
        PlotWriter.PoseInWords(text, name).ShouldBe(expected);

    [Theory]
    [InlineData("At bedtime, Mama tucked the blanket around Marlo and his teddy.", "Marlo", "bedroom", true)]
    [InlineData("Papa tucked Ada in and switched off the light.", "Ada", "bedroom", true)]
    [InlineData("Then Marlo curled up under the blanket and yawned.", "Marlo", "bedroom", true)]
    [InlineData("Ada fell asleep before the story ended.", "Ada", "bedroom", true)]
    [InlineData("Marlo pulled the blanket right over his head.", "Marlo", "bedroom", false)]
    [InlineData("Dad tucked her in with her teddy and a soft blanket.", "her", "bedroom", true)]
    [InlineData("Ada couldn't sleep at all.", "Ada", "bedroom", false)]
    [InlineData("Ada fell asleep on the sofa.", "Ada", "living-room", false)]
    public void Words_that_put_the_hero_to_bed_draw_the_hero_in_it(string text, string name, string place, bool inBed) =>
        PlotWriter.InBedInWords(text, name, place).ShouldBe(inBed);
    [Theory]
    [InlineData("\"FOUND YOU!\" cried Ravi, squeezing Flop tight, tight.", "Ravi", "he", "teddy")]
    [InlineData("Ravi hugged his teddy.", "Ravi", "he", "teddy")]
    [InlineData("\"Teddy can have my shot!\" said Ada, holding Teddy up.", "Ada", "she", "teddy")]
    [InlineData("She picked up the ball and smiled.", "Ada", "she", "ball")]
    [InlineData("Papa picked up a book. \"Which story tonight?\"", "Ned", "he", null)]
    [InlineData("At the foot of the slide was one little teddy.", "Ravi", "he", null)]
    [InlineData("Ravi looked at the ball.", "Ravi", "he", null)]
    [InlineData("\"FOUND YOU!\" shouted Ravi, and hugged it so tight its ear squeaked.", "Ravi", "he", "teddy")]
    [InlineData("Ravi scooped Flop up and cuddled and cuddled.", "Ravi", "he", "teddy")]
    public void Words_that_put_a_thing_in_the_heros_arms_draw_it_there(string text, string hero, string pronoun, string? held) =>
        PlotWriter.HeldInWords(text, hero, pronoun, ["teddy", "ball", "book"], it: "teddy").ShouldBe(held);

    [Fact]
    public void A_lost_teddy_lies_where_it_is_found_and_is_then_in_the_heros_arms_and_on_the_pillow()
    {
        var m = new OfflineStoryEngine().Write(new BookSpec { Theme = "a bunny who lost his favorite teddy", Seed = 3 });
        var pages = m.Pages.Where(p => p.Role == PageRole.Story).ToList();
        var found = pages.First(p => p.Text!.Contains("FOUND YOU", StringComparison.OrdinalIgnoreCase));
        found.Illustration!.Characters.Single(c => c.CharacterId == "c1").Holding.ShouldBe("teddy");
        found.Illustration.Characters.Single(c => c.CharacterId == "c1").Pose.ShouldBe(Pose.Holding);
        var before = pages[pages.IndexOf(found) - 1];
        before.Illustration!.Props.ShouldContain("teddy", before.Text);
        before.Illustration.Characters.ShouldAllBe(c => c.Holding != "teddy", before.Text);
    }
}
