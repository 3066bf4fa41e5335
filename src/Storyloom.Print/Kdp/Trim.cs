using System.Globalization;

namespace Storyloom.Print.Kdp;

/// <summary>Which page-range column of KDP's trim table (kdp-print-spec.md §1.2) a trim uses.</summary>
public enum TrimGroup
{
    /// <summary>5x8 up to 8x10: 24–828 (B&amp;W white, premium), 24–776 (cream).</summary>
    Standard,
    /// <summary>8.25 in wide: 24–800 / 24–750.</summary>
    Wide825,
    /// <summary>8.5 in wide: 24–590 / 24–550.</summary>
    Wide85,
    /// <summary>A4: 24–780 / 24–730, premium colour 24–590, no standard colour.</summary>
    A4,
}

/// <summary>A KDP paperback trim (finished page size) in inches.</summary>
public sealed record Trim(decimal WidthIn, decimal HeightIn, TrimGroup Group)
{
    public string Name => $"{Format(WidthIn)}x{Format(HeightIn)}";

    public double WidthPt => (double)WidthIn * 72.0;
    public double HeightPt => (double)HeightIn * 72.0;

    /// <summary>Large trim: wider than 6.12 in or taller than 9 in (costs more to print).</summary>
    public bool IsLarge => WidthIn > 6.12m || HeightIn > 9m;

    public override string ToString() => Name;

    private static string Format(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Every standard KDP paperback trim (kdp-print-spec.md §1.2). Decimal inches, never fractions.</summary>
public static class Trims
{
    public static readonly IReadOnlyList<Trim> All =
    [
        new(5m, 8m, TrimGroup.Standard),
        new(5.06m, 7.81m, TrimGroup.Standard),
        new(5.25m, 8m, TrimGroup.Standard),
        new(5.5m, 8.5m, TrimGroup.Standard),
        new(6m, 9m, TrimGroup.Standard),
        new(6.14m, 9.21m, TrimGroup.Standard),
        new(6.69m, 9.61m, TrimGroup.Standard),
        new(7m, 10m, TrimGroup.Standard),
        new(7.44m, 9.69m, TrimGroup.Standard),
        new(7.5m, 9.25m, TrimGroup.Standard),
        new(8m, 10m, TrimGroup.Standard),
        new(8.25m, 6m, TrimGroup.Wide825),
        new(8.25m, 8.25m, TrimGroup.Wide825),
        new(8.5m, 8.5m, TrimGroup.Wide85),
        new(8.5m, 11m, TrimGroup.Wide85),
        new(8.27m, 11.69m, TrimGroup.A4),
    ];

    public static Trim Square85 => Find(8.5m, 8.5m)!;
    public static Trim Letter => Find(8.5m, 11m)!;

    public static Trim? Find(decimal widthIn, decimal heightIn) =>
        All.FirstOrDefault(t => t.WidthIn == widthIn && t.HeightIn == heightIn);

    /// <summary>Parses "8.5x8.5" (also "8.5 x 8.5", "8.5X11"); null when the text is not a KDP trim.</summary>
    public static Trim? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Replace(" ", "", StringComparison.Ordinal).Split('x', 'X', '×');
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var w)
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var h))
        {
            return null;
        }
        return Find(w, h);
    }

    public static string ListNames() => string.Join(", ", All.Select(t => t.Name));
}
