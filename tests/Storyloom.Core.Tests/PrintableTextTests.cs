using Storyloom.Core.Books;

namespace Storyloom.Core.Tests;

/// <summary>Emoji print as empty boxes: the brief and the page text say so where they are typed, naming the field.</summary>
public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("Luna and the Moon 🌙", "🌙")]
    [InlineData("Octo 🐙 goes home", "🐙")]
    [InlineData("I ❤️ you", "❤️")]
    [InlineData("Family 👨‍👩‍👧 time", "👨‍👩‍👧")]
    public void Emoji_are_found_whole(string text, string emoji) => PrintableText.Unprintable(text).ShouldBe([emoji]);

    [Theory]
    [InlineData("Zoë and the café — “quite” naïve…")]
    [InlineData("Жили-были кот и пёс")]
    [InlineData("كان يا ما كان")]
    [InlineData("小狐狸找朋友")]
    [InlineData("Ναυσικά")]
    public void Letters_of_every_script_and_typographic_punctuation_pass(string text) => PrintableText.Unprintable(text).ShouldBeEmpty();

    [Fact]
    public void The_brief_names_the_field_and_says_what_to_do()
    {
        new BookSpecInput { Title = "Luna 🌙", Theme = "bedtime" }.TryToSpec(out var problems).ShouldBeNull();
        var p = problems.ShouldHaveSingleItem();
        p.Field.ShouldBe(BriefField.Title);
        p.Message.ShouldContain("🌙");
        p.Message.ShouldContain("empty boxes");
        new BookSpecInput { Theme = "bedtime", Characters = [new CharacterInput("Octo🐙", "turtle")] }.TryToSpec(out problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe(BriefField.Characters);
    }
}
