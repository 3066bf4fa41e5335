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
    /// <summary>Null for coloring books and manuscripts without figures: there is no text to read.</summary>
    public static ReadingLevel? For(Manuscript m)
    {
        if (m.Kind == BookKind.Coloring || m.Readability is not { } r) return null;
        var t = ReadingTarget.For(m.Age);
        var misses = new List<string>();
        if (r.FleschKincaidGrade > t.MaxGrade) misses.Add($"grade {r.FleschKincaidGrade:0.0} is above {t.MaxGrade:0.0}");
        if (r.RareWordShare > t.MaxRareWordShare) misses.Add($"{r.RareWordShare:P0} rare words is above {t.MaxRareWordShare:P0}");
        if (r.WordsPerPage < t.MinWordsPerPage || r.WordsPerPage > t.MaxWordsPerPage)
            misses.Add($"{r.WordsPerPage:0} words a page is outside {t.MinWordsPerPage}–{t.MaxWordsPerPage}");
        var summary = $"grade {r.FleschKincaidGrade:0.0}, {r.WordsPerPage:0} words a page, {r.RareWordShare:P0} rare words";
        var detail = misses.Count == 0
            ? $"{summary}: in band for ages {m.Age.ToCli()}"
            : $"{summary}: out of band for ages {m.Age.ToCli()} ({string.Join("; ", misses)})";
        return new ReadingLevel(m.Age.ToCli(), r.FleschKincaidGrade, r.RareWordShare, r.WordsPerPage, t, misses.Count == 0, detail);
    }
}

/// <summary>What a book for an age band should read like: Flesch–Kincaid grade, rare words and words per page at most/at least.</summary>
public sealed record ReadingTarget(double MaxGrade, double MaxRareWordShare, int MinWordsPerPage, int MaxWordsPerPage)
{
    public static ReadingTarget For(AgeBand age) => age switch
    {
        AgeBand.Age0To2 => new(1.5, 0.10, 1, 12),
        AgeBand.Age3To5 => new(3.0, 0.15, 3, 45),
        AgeBand.Age6To8 => new(4.5, 0.20, 30, 80),
        _ => new(7.0, 0.25, 60, 160),
    };
}
