namespace Storyloom.Core.Story;

/// <summary>
/// The BISAC-style categories Storyloom lists books under, read from the shipped listing-categories.tsv: the AI writer picks
/// from them, and a story's theme finds them by their words when a pick is missing.
/// </summary>
public static class ListingCategories
{
    private static readonly Lazy<IReadOnlyList<(string Category, string[] Words)>> Table = new(Load);

    public static IReadOnlyList<string> All => [.. Table.Value.Select(t => t.Category)];

    public static bool Contains(string category) => Table.Value.Any(t => t.Category == category);

    /// <summary>
    /// 2–3 categories for a story: the chosen ones that are on the list (in order, no repeats), topped up by the theme's words and
    /// the hero's kind; "Juvenile Fiction / Social Themes / Friendship" when nothing else fits.
    /// </summary>
    public static IReadOnlyList<string> For(IEnumerable<string> chosen, string theme, string? heroKind)
    {
        var result = chosen.Select(c => c.Trim()).Where(Contains).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var words = $" {theme.ToLowerInvariant()} {heroKind?.ToLowerInvariant()} ";
        foreach (var (category, keys) in Table.Value.Where(t => t.Category.StartsWith("Juvenile Fiction", StringComparison.Ordinal))
                     .Select(t => (t.Category, t.Words)).OrderByDescending(t => t.Words.Count(w => words.Contains($" {w} ", StringComparison.Ordinal))))
        {
            if (result.Count >= 2) break;
            if (keys.Any(w => words.Contains($" {w} ", StringComparison.Ordinal)) && !result.Contains(category)) result.Add(category);
        }
        if (result.Count < 2 && !result.Contains("Juvenile Fiction / Social Themes / Friendship")) result.Add("Juvenile Fiction / Social Themes / Friendship");
        if (result.Count < 2) result.Add("Juvenile Fiction / Animals / General");
        return result;
    }

    private static IReadOnlyList<(string, string[])> Load()
    {
        using var stream = typeof(ListingCategories).Assembly.GetManifestResourceStream("Storyloom.Core.Story.listing-categories.tsv")
            ?? throw new InvalidOperationException("listing-categories.tsv is not embedded");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.TrimEnd('\r').Split('\t'))
            .Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []))];
    }
}
