using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>Flesch–Kincaid grade and rare-word share of a book's story text.</summary>
internal static partial class ReadabilityMeter
{
    private static readonly HashSet<string> Common = new(StoryWords.CommonWords, StringComparer.OrdinalIgnoreCase);

    public static Readability Measure(IReadOnlyList<string> pageTexts, IEnumerable<string> names)
    {
        var skip = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var words = 0;
        var sentences = 0;
        var syllables = 0;
        var rare = 0;
        foreach (var text in pageTexts)
        {
            sentences += Math.Max(1, SentenceRegex().Matches(text).Count);
            foreach (Match m in WordRegex().Matches(text))
            {
                var w = m.Value.Replace('’', '\'').ToLowerInvariant();
                words++;
                syllables += Syllables(w);
                if (!Common.Contains(w) && !skip.Contains(w) && !skip.Contains(w.Replace("'s", ""))) rare++;
            }
        }
        if (words == 0) return new Readability(0, 0, 0, 0);
        var wps = words / (double)sentences;
        var grade = 0.39 * wps + 11.8 * (syllables / (double)words) - 15.59;
        return new Readability(Math.Round(grade, 2), Math.Round(rare / (double)words, 3), Math.Round(words / (double)pageTexts.Count, 1), Math.Round(wps, 2));
    }

    /// <summary>Vowel groups, minus a silent final e; good enough for reading-level estimates.</summary>
    public static int Syllables(string word)
    {
        var w = word.Trim('\'').ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
        if (w.Length <= 3) return 1;
        var count = 0;
        var prevVowel = false;
        foreach (var ch in w)
        {
            var vowel = "aeiouy".Contains(ch);
            if (vowel && !prevVowel) count++;
            prevVowel = vowel;
        }
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && count > 1) count--;
        if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal) && count > 1) count--;
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[.!?]+[”""]?(\s|$)")]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"[\p{L}]+(['’][\p{L}]+)?")]
    private static partial Regex WordRegex();
}
