using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>
/// Keeps one book from repeating itself and inside its band's reading level: a four-word run (names as N, word-bank
/// fillers as S) on at most three pages and once a page, no line of speech said twice, sentences no longer than the band
/// reads, and the book's grade and rare-word share under the band's ceiling.
/// </summary>
internal sealed partial class StoryGuard(AgeBand band, IEnumerable<string> castNames)
{
    /// <summary>No four-word run fills more than this many pages of one book, so stock phrases never pile up.</summary>
    public const int MaxPages = 3;

    private readonly Dictionary<string, int> _gramPages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pageGrams = new(StringComparer.Ordinal);
    private readonly HashSet<string> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _grams = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _common = CommonWords.For(band);
    private readonly HashSet<string> _castNames = new(castNames.Where(n => n.Length > 0).Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
    private TextCounts _book;

    public ReadabilityTarget Target { get; } = ReadabilityTarget.For(band);

    public void BeginPage() => _pageGrams.Clear();

    /// <summary>
    /// Whether the sentence may go in. Its four-word runs come from its skeleton (the template with word-bank slots as S and
    /// names as N, as the coherence tests count them), which many fills share, so they are worked out once. Outside pages (titles, closings) the band's limits do not apply.
    /// </summary>
    public bool Allows(string sentence, string skeleton, int maxSentences, bool keepLevel = true)
    {
        if (maxSentences != int.MaxValue && !Readable(sentence, maxSentences, keepLevel)) return false;
        return Quotes(sentence).All(q => !_quotes.Contains(q)) && GramsOf(skeleton).All(g => !_pageGrams.Contains(g) && _gramPages.GetValueOrDefault(g) < MaxPages);
    }

    public void Accept(string sentence, string skeleton)
    {
        foreach (var g in GramsOf(skeleton))
            if (_pageGrams.Add(g)) _gramPages[g] = _gramPages.GetValueOrDefault(g) + 1;
        _quotes.UnionWith(Quotes(sentence));
        _book = _book.Plus(ReadabilityMeter.Count(sentence, _castNames, _common));
    }

    /// <summary>How far outside the band's level the book would be with this line in; 0 when it stays inside.</summary>
    public double Strain(string sentence)
    {
        var after = _book.Plus(ReadabilityMeter.Count(sentence, _castNames, _common));
        return Math.Max(0, after.Grade - (Target.MaxGrade - Margin)) + Math.Max(0, Target.MinGrade + Margin - after.Grade)
            + 10 * Math.Max(0, after.RareShare - (Target.MaxRareShare - 0.03));
    }

    private const double Margin = 0.3;

    public double Strain(double margin) =>
        Math.Max(0, _book.Grade - (Target.MaxGrade - margin)) + Math.Max(0, Target.MinGrade + margin - _book.Grade)
        + 10 * Math.Max(0, _book.RareShare - (Target.MaxRareShare - 0.01));

    /// <summary>Once the book nears its ceiling (or floor), only lines that bring the grade or rare-word share back pass.</summary>
    private bool Readable(string sentence, int maxSentences, bool keepLevel)
    {
        var (count, longest) = ReadabilityMeter.SentenceShape(sentence);
        if (count > maxSentences || longest > Target.MaxWordsPerSentence) return false;
        if (!keepLevel) return true;
        var before = _book;
        var after = _book.Plus(ReadabilityMeter.Count(sentence, _castNames, _common));
        if (before.Words < 30) return after.Grade <= Target.MaxGrade + 1.5;
        // Older readers should not drift into baby talk either.
        var gradeOk = (after.Grade <= Target.MaxGrade - Margin || after.Grade <= before.Grade)
            && (after.Grade >= Target.MinGrade + Margin || after.Grade >= before.Grade);
        var rareOk = after.RareShare <= Target.MaxRareShare - 0.03 || after.RareShare <= before.RareShare;
        return gradeOk && rareOk;
    }

    private static IEnumerable<string> Quotes(string sentence)
    {
        for (var open = sentence.IndexOf('“'); open >= 0; open = sentence.IndexOf('“', open + 1))
        {
            var close = sentence.IndexOf('”', open + 1);
            if (close < 0) yield break;
            yield return string.Join(' ', WordRegex().Matches(sentence[(open + 1)..close].ToLowerInvariant()).Select(w => w.Value));
        }
    }

    private List<string> GramsOf(string skeleton)
    {
        if (_grams.TryGetValue(skeleton, out var known)) return known;
        var grams = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < skeleton.Length;)
        {
            var (start, end) = ReadabilityMeter.NextWord(skeleton, i, digits: false);
            if (start < 0) break;
            // A run of words never crosses a sentence stop: two lines side by side are not a phrase.
            if (skeleton.AsSpan(i, start - i).IndexOfAny(".!?…") >= 0) run.Clear();
            i = end;
            var word = WordInfo.Of(skeleton.AsSpan(start, end - start));
            run.Add(_castNames.Contains(word.Bare) ? "n" + word.Lower[word.Bare.Length..] : word.Lower);
            if (run.Count >= 4) grams.Add(string.Join(' ', run.GetRange(run.Count - 4, 4)));
        }
        _grams[skeleton] = grams;
        return grams;
    }

    [GeneratedRegex(@"[\p{L}]+(['’][\p{L}]+)?")]
    private static partial Regex WordRegex();
}
