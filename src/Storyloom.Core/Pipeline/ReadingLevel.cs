using System.Globalization;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Pipeline;

/// <summary>The reading-level section of preflight.json: the manuscript's figures against its age band's target.</summary>
public sealed record ReadingLevel(
    string Ages,
    double FleschKincaidGrade,
    double RareWordShare,
    double WordsPerPage,
    ReadabilityTarget Target,
    bool InBand,
    string Detail)
{
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for coloring books and manuscripts without figures: there is no text to read.</summary>
    public static ReadingLevel? For(Manuscript m)
    {
        if (m.Kind == BookKind.Coloring || m.Readability is not { } r) return null;
        var t = ReadabilityTarget.For(m.Age);
        var misses = new List<string>();
        if (r.FleschKincaidGrade > t.MaxGrade) misses.Add(Inv($"grade {r.FleschKincaidGrade:0.0} is above {t.MaxGrade:0.0}"));
        if (r.FleschKincaidGrade < t.MinGrade) misses.Add(Inv($"grade {r.FleschKincaidGrade:0.0} is below {t.MinGrade:0.0}"));
        if (r.RareWordShare > t.MaxRareShare) misses.Add(Inv($"{r.RareWordShare * 100:0}% rare words is above {t.MaxRareShare * 100:0}%"));
        if (!r.InBand && misses.Count == 0) misses.Add("a page is longer or shorter than the band allows");
        if (r.WordsPerPage < t.MinWordsPerPage || r.WordsPerPage > t.MaxWordsPerPage)
            misses.Add(Inv($"{r.WordsPerPage:0} words a page is outside {t.MinWordsPerPage}–{t.MaxWordsPerPage}"));
        var target = Inv($"ages {m.Age.ToCli()}: grade ≤ {t.MaxGrade:0.0}, ≤ {t.MaxRareShare * 100:0}% rare words, {t.MinWordsPerPage}–{t.MaxWordsPerPage} words a page");
        var detail = Inv($"grade {r.FleschKincaidGrade:0.0}, {r.WordsPerPage:0} words a page, {r.RareWordShare * 100:0}% rare words ({target})")
            + (misses.Count == 0 ? "" : $": {string.Join("; ", misses)}");
        return new ReadingLevel(m.Age.ToCli(), r.FleschKincaidGrade, r.RareWordShare, r.WordsPerPage, t, misses.Count == 0, detail);
    }
}
