using System.Globalization;
using System.Text;

namespace Storyloom.Core.Books;

/// <summary>
/// Characters the book's fonts cannot print: emoji and pictographs, which came out of the printer as empty boxes ("🌙" in a
/// page, "🐙" in a title) while preflight passed. Letters of every script are left to the fonts of the book's language.
/// </summary>
public static class PrintableText
{
    /// <summary>The distinct characters of <paramref name="text"/> no book font prints, in the order they appear; empty when all print.</summary>
    public static IReadOnlyList<string> Unprintable(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (element.EnumerateRunes().Any(IsPictograph) && !found.Contains(element)) found.Add(element);
        }
        return found;
    }

    /// <summary>A message naming what to take out, or null when everything prints.</summary>
    public static string? Problem(string? text, string what)
    {
        var bad = Unprintable(text);
        return bad.Count == 0 ? null
            : $"{what} has {string.Join(" ", bad.Take(5))}: emoji and pictographs print as empty boxes in the book's fonts; take {(bad.Count == 1 ? "it" : "them")} out or say it in words";
    }

    private static bool IsPictograph(Rune r) => r.Value switch
    {
        >= 0x1F000 and <= 0x1FAFF => true, // mahjong, cards, emoji, pictographs, transport, supplemental symbols
        >= 0x2600 and <= 0x27BF => true,   // miscellaneous symbols and dingbats (☀ ☂ ✂ ❤)
        >= 0x2B00 and <= 0x2BFF => true,   // arrows and stars drawn as emoji (⭐ ⬆)
        0xFE0F or 0x200D or 0x20E3 => true, // emoji presentation, joiner, keycap
        >= 0xE0020 and <= 0xE007F => true, // tag characters of flag emoji
        _ => false,
    };
}
