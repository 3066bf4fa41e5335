using Storyloom.Core.Layout;

namespace Storyloom.Core.Tests;

/// <summary>Which fonts and which direction a book's language gets.</summary>
public sealed class ScriptsTests
{
    [Theory]
    [InlineData("en", "Andika")]
    [InlineData("ar", "Noto Naskh Arabic")]
    [InlineData("fa-IR", "Noto Naskh Arabic")]
    [InlineData("he", "Noto Sans Hebrew")]
    [InlineData("hi", "Noto Sans Devanagari")]
    [InlineData("ja", "Droid Sans Fallback")]
    [InlineData("zh-Hans", "WenQuanYi Micro Hei")]
    [InlineData("ko", "NanumGothic")]
    public void A_language_puts_its_own_script_font_first_after_andika_and_keeps_every_other_script_covered(string language, string first)
    {
        var stack = Scripts.FontStack(language).Split(", ").Select(f => f.Trim('\'')).ToList();

        stack[0].ShouldBe("Andika");
        (language == "en" ? stack[0] : stack[1]).ShouldBe(first);
        stack.ShouldBe(stack.Distinct());
        stack.ShouldContain("NanumGothic");
        stack.ShouldContain("Noto Naskh Arabic");
        stack[^1].ShouldBe("DejaVu Sans");
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("he-IL", "rtl")]
    [InlineData("ur", "rtl")]
    [InlineData("en", "ltr")]
    [InlineData("zh", "ltr")]
    [InlineData("AR", "rtl")]
    public void Right_to_left_languages_are_known_by_their_primary_tag(string language, string direction) =>
        Scripts.Direction(language).ShouldBe(direction);

    [Fact]
    public void The_book_words_of_a_regional_tag_fall_back_to_its_language_and_unknown_languages_to_none()
    {
        Storyloom.Core.Books.BookWords.For("es-MX")!.TheEnd.ShouldBe("Fin");
        Storyloom.Core.Books.BookWords.For("sw").ShouldBeNull();
    }
}
