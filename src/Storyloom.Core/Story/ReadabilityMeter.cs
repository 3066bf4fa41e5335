using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>What the text of one age band should look like, after common picture-book and early-reader practice.</summary>
/// <param name="MinGrade">Lowest Flesch–Kincaid grade of the whole text (older readers should not get baby talk).</param>
/// <param name="MaxRareShare">Most of the words (names excluded) that may fall outside the band's common-word list.</param>
/// <param name="MaxWordsPerSentence">Longest sentence the band reads comfortably.</param>
public sealed record ReadabilityTarget(
    double MinGrade,
    double MaxGrade,
    double MaxRareShare,
    int MinWordsPerPage,
    int MaxWordsPerPage,
    int MinSentencesPerPage,
    int MaxSentencesPerPage,
    int MaxWordsPerSentence)
{
    public static ReadabilityTarget For(AgeBand band) => band switch
    {
        // Board books: one or two short lines a page ("Off to school! Hello, Ms. Park!"), about grade 1.
        AgeBand.Age0To2 => new(-3, 1.5, 0.35, 2, 8, 1, 3, 8),
        // Read-aloud picture books: one to five simple sentences (dialogue and "Boing! Boing!" split a line).
        AgeBand.Age3To5 => new(-3, 2.5, 0.30, 4, 40, 1, 6, 15),
        // Early readers: a short paragraph.
        // Early readers: a short paragraph (published early readers run 20 to 100 words a page).
        AgeBand.Age6To8 => new(0, 4, 0.30, 20, 70, 2, 10, 18),
        // Chapter-book style: a longer paragraph, fewer pictures.
        _ => new(3, 6, 0.25, 80, 160, 4, 16, 26),
    };
}

/// <summary>Running totals of a text; Plus adds another text's.</summary>
internal readonly record struct TextCounts(int Words, int Sentences, int Syllables, int Rare)
{
    public TextCounts Plus(TextCounts o) => new(Words + o.Words, Sentences + o.Sentences, Syllables + o.Syllables, Rare + o.Rare);

    public double Grade => Words == 0 ? 0 : 0.39 * Words / Math.Max(1, Sentences) + 11.8 * Syllables / Words - 15.59;

    public double RareShare => Words == 0 ? 0 : Rare / (double)Words;
}

/// <summary>Flesch–Kincaid grade and rare-word share of a book's story text; hand-written scanners, as the story engine weighs thousands of lines a book.</summary>
internal static class ReadabilityMeter
{
    public static Readability Measure(IReadOnlyList<string> pageTexts, IEnumerable<string> names, AgeBand band)
    {
        var target = ReadabilityTarget.For(band);
        var common = CommonWords.For(band);
        var skip = new HashSet<string>(names.Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
        var total = pageTexts.Aggregate(default(TextCounts), (sum, text) => sum.Plus(Count(text, skip, common)));
        if (total.Words == 0) return new Readability(0, 0, 0, 0, target.MinGrade, target.MaxGrade, target.MaxRareShare, false);
        var grade = Math.Round(total.Grade, 2);
        var share = Math.Round(total.RareShare, 3);
        var perPage = Math.Round(total.Words / (double)pageTexts.Count, 1);
        var inBand = grade >= target.MinGrade && grade <= target.MaxGrade && share <= target.MaxRareShare
            && perPage >= target.MinWordsPerPage && perPage <= target.MaxWordsPerPage;
        return new Readability(grade, share, perPage, Math.Round(total.Words / (double)total.Sentences, 2),
            target.MinGrade, target.MaxGrade, target.MaxRareShare, inBand);
    }

    /// <summary>Words, sentences, syllables and rare words (outside the common list) of one text; cast names count as one syllable, never rare.</summary>
    public static TextCounts Count(string text, IReadOnlySet<string> names, IReadOnlySet<string> common)
    {
        var words = 0;
        var syllables = 0;
        var rare = 0;
        for (var i = 0; i < text.Length;)
        {
            var (start, end) = NextWord(text, i, digits: false);
            if (start < 0) break;
            i = end;
            var info = WordInfo.Of(text.AsSpan(start, end - start));
            var name = names.Contains(info.Bare);
            words++;
            // A name is learned once, on page one, and read as a whole after that: it counts as one beat and never as rare.
            syllables += name ? 1 : info.Syllables;
            if (!name && !info.IsCommon(common)) rare++;
        }
        return new TextCounts(words, words == 0 ? 0 : SentenceSpans(text.Trim()).Count, syllables, rare);
    }

    /// <summary>How many sentences the text has and how many words its longest one has.</summary>
    public static (int Count, int Longest) SentenceShape(string text)
    {
        var t = text.Trim();
        var spans = SentenceSpans(t);
        var longest = 0;
        foreach (var r in spans)
        {
            var (offset, length) = r.GetOffsetAndLength(t.Length);
            longest = Math.Max(longest, Words(t.AsSpan(offset, length)));
        }
        return (spans.Count, longest);
    }

    /// <summary>
    /// Sentences as a reader hears them: a stop, then a capital or an opening quote. “Oh no!” cried Pip. is one sentence;
    /// “Oh no!” Pip cried. is two.
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var t = text.Trim();
        return SentenceSpans(t).Select(r => t[r]).ToList();
    }

    /// <summary>How many words the longest sentence has.</summary>
    public static int LongestSentence(string text)
    {
        var t = text.Trim();
        return SentenceSpans(t).Select(r => Words(t[r])).DefaultIfEmpty(0).Max();
    }

    /// <summary>Words as the layout counts them: letters or digits, with one inner apostrophe ("Pip’s").</summary>
    public static int Words(string text) => Words(text.AsSpan());

    private static int Words(ReadOnlySpan<char> text)
    {
        var n = 0;
        for (var i = 0; i < text.Length;)
        {
            var (start, end) = NextWord(text, i, digits: true);
            if (start < 0) break;
            n++;
            i = end;
        }
        return n;
    }

    /// <summary>The next word at or after <paramref name="from"/>: letters (and digits), with one inner apostrophe.</summary>
    public static (int Start, int End) NextWord(ReadOnlySpan<char> text, int from, bool digits)
    {
        bool Part(char c) => char.IsLetter(c) || digits && char.IsDigit(c);
        var i = from;
        while (i < text.Length && !Part(text[i])) i++;
        if (i >= text.Length) return (-1, -1);
        var start = i;
        while (i < text.Length && Part(text[i])) i++;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsLetter(text[i])) i++;
        }
        return (start, i);
    }

    private static List<Range> SentenceSpans(string t)
    {
        var spans = new List<Range>();
        var start = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (!IsStop(t[i])) continue;
            var j = i + 1;
            while (j < t.Length && IsStop(t[j])) j++;
            if (j < t.Length && t[j] is '”' or '"') j++;
            var k = j;
            while (k < t.Length && char.IsWhiteSpace(t[k])) k++;
            i = j - 1;
            if (k == j || k >= t.Length || !(t[k] is '“' or '"' || char.IsUpper(t[k]))) continue;
            spans.Add(start..j);
            start = k;
            i = k - 1;
        }
        if (start < t.Length) spans.Add(start..t.Length);
        return spans;
    }

    private static bool IsStop(char c) => c is '.' or '!' or '?' or '…';

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
}
