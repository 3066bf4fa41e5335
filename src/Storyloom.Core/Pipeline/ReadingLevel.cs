using System.Globalization;
using Storyloom.Core.Books;

namespace Storyloom.Core.Pipeline;

/// <summary>The reading-level section of preflight.json: the manuscript's figures against its age band's target.</summary>
public sealed record ReadingLevel(
    string Ages,
    double FleschKincaidGrade,
    double RareWordShare,
    double WordsPerPage,
    ReadingTarget Target,
    bool InBand,
    string Detail)
{
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for coloring books and manuscripts without figures: there is no text to read.</summary>
    public static ReadingLevel? For(Manuscript m)
    {
        if (m.Kind == BookKind.Coloring || m.Readability is not { } r) return null;
        var t = ReadingTarget.For(m.Age);
        var misses = new List<string>();
        if (r.FleschKincaidGrade > t.MaxGrade) misses.Add(Inv($"grade {r.FleschKincaidGrade:0.0} is above {t.MaxGrade:0.0}"));
        if (r.WordsPerPage < t.MinWordsPerPage || r.WordsPerPage > t.MaxWordsPerPage)
            misses.Add(Inv($"{r.WordsPerPage:0} words a page is outside {t.MinWordsPerPage}–{t.MaxWordsPerPage}"));
        var target = Inv($"ages {m.Age.ToCli()}: grade ≤ {t.MaxGrade:0.0}, {t.MinWordsPerPage}–{t.MaxWordsPerPage} words a page");
        var detail = Inv($"grade {r.FleschKincaidGrade:0.0}, {r.WordsPerPage:0} words a page, {r.RareWordShare * 100:0}% rare words ({target})")
            + (misses.Count == 0 ? "" : $": {string.Join("; ", misses)}");
        return new ReadingLevel(m.Age.ToCli(), r.FleschKincaidGrade, r.RareWordShare, r.WordsPerPage, t, misses.Count == 0, detail);
    }
}

/// <summary>
/// What a book for an age band should read like: Flesch–Kincaid grade at most, words per page within a range. The
/// rare-word share is reported, not judged: names, places and story words make it high in every band.
/// </summary>
public sealed record ReadingTarget(double MaxGrade, int MinWordsPerPage, int MaxWordsPerPage)
{
    public static ReadingTarget For(AgeBand age) => age switch
    {
        AgeBand.Age0To2 => new(3.0, 1, 12),
        AgeBand.Age3To5 => new(3.5, 3, 45),
        AgeBand.Age6To8 => new(5.0, 30, 80),
        _ => new(7.5, 60, 160),
    };
}
