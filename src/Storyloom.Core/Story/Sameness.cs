using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>
/// How alike the books of one brief are: the sentences of four words or more (the cast's names removed) that books share.
/// <c>storyloom bench stories</c> reports it; a Core test lists the most shared sentences.
/// </summary>
/// <param name="InBooks">Each sentence and the number of books it is in.</param>
/// <param name="Overlap">For each book, the largest share of its sentences found in one other book.</param>
public sealed record Sameness(IReadOnlyDictionary<string, int> InBooks, IReadOnlyList<double> Overlap)
{
    public int InMoreThanThree => InBooks.Count(x => x.Value > 3);

    public int MostShared => InBooks.Values.DefaultIfEmpty(0).Max();

    public static Sameness Of(IReadOnlyList<Manuscript> books)
    {
        var sentences = books.Select(Sentences).ToList();
        var inBooks = sentences.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var overlap = sentences.Select((s, i) => sentences.Where((_, j) => j != i)
            .Select(o => s.Count == 0 ? 0 : (double)s.Count(o.Contains) / s.Count).DefaultIfEmpty(0).Max()).ToList();
        return new Sameness(inBooks, overlap);
    }

    /// <summary>A book's story sentences of four words or more, each name of its cast written &lt;name&gt;.</summary>
    public static HashSet<string> Sentences(Manuscript m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var names = m.Cast.Select(c => c.Name).OrderByDescending(x => x.Length).ToList();
        return m.Pages.Where(p => p.Role == PageRole.Story).SelectMany(p => SentenceRx.Split(p.Text!))
            .Select(s => names.Aggregate(s, (t, name) => Regex.Replace(t, $@"\b{Regex.Escape(name)}\b", "<name>")))
            .Where(s => s.Split(' ').Length >= 4).ToHashSet();
    }

    private static readonly Regex SentenceRx = new(@"(?<=[.!?][\u201D""]?)\s+(?=[A-Z\u201C""])", RegexOptions.Compiled);
}
