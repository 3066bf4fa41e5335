namespace Storyloom.Print.Kdp;

public enum Ink
{
    Bw,
    StandardColor,
    PremiumColor,
}

public enum Paper
{
    White,
    Cream,
}

public static class InkPaperNames
{
    public static string ToCli(this Ink ink) => ink switch
    {
        Ink.Bw => "bw",
        Ink.StandardColor => "standard-color",
        Ink.PremiumColor => "premium-color",
        _ => throw new ArgumentOutOfRangeException(nameof(ink)),
    };

    public static string ToCli(this Paper paper) => paper == Paper.Cream ? "cream" : "white";

    public static Ink? ParseInk(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "bw" or "b&w" or "black" or "black-white" => Ink.Bw,
        "standard-color" or "standard-colour" or "standard" => Ink.StandardColor,
        "premium-color" or "premium-colour" or "premium" => Ink.PremiumColor,
        _ => null,
    };

    public static Paper? ParsePaper(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "white" => Paper.White,
        "cream" or "creme" => Paper.Cream,
        _ => null,
    };
}

/// <summary>The print choices of one paperback: what KDP's rules R1–R4 are checked against.</summary>
public sealed record PrintOptions(Trim Trim, Ink Ink, Paper Paper, int Pages, bool Bleed)
{
    public double SpineWidthIn => KdpRules.SpineWidthIn(Pages, Ink, Paper);
    public double SpineWidthPt => SpineWidthIn * 72.0;
    public bool SpineTextAllowed => KdpRules.SpineTextAllowed(Pages);

    /// <summary>Checks R2–R4. Each problem is one sentence that says what to change.</summary>
    public IReadOnlyList<string> Validate() => Problems().Select(p => p.Message).ToList();

    /// <summary>Checks R2–R4: each problem names the option it is about ("ink", "paper" or "pages") and says what to change.</summary>
    public IReadOnlyList<PrintProblem> Problems()
    {
        var problems = new List<PrintProblem>();
        if (Paper == Paper.Cream && Ink != Ink.Bw)
        {
            problems.Add(new("paper", $"cream paper is only printed with black ink; use white paper with {Ink.ToCli()}, or bw ink with cream"));
        }
        if (Ink == Ink.StandardColor && Trim.Group == TrimGroup.A4)
        {
            problems.Add(new("ink", "standard color is not offered at 8.27x11.69 (A4); choose premium-color or another trim"));
        }
        if (Pages < 0)
        {
            problems.Add(new("pages", $"page count {Pages} is negative; give between 24 and 828 pages, for example 32"));
            return problems;
        }
        if (Pages % 2 != 0)
        {
            problems.Add(new("pages", $"page count {Pages} is odd and KDP would pad it with a blank page; use {Pages + 1} or {Math.Max(24, Pages - 1)}"));
        }
        if (problems.Count > 0 && Paper == Paper.Cream && Ink != Ink.Bw)
        {
            return problems;
        }
        var (min, max) = KdpRules.PageRange(Trim, Ink, Paper);
        if (max == 0)
        {
            return problems;
        }
        if (Ink == Ink.StandardColor && Pages < min)
        {
            problems.Add(new("pages", $"standard color needs at least {min} pages; choose premium-color or add pages (you asked for {Pages})"));
        }
        else if (Pages < min || Pages > max)
        {
            problems.Add(new("pages", $"{Trim.Name} in with {Ink.ToCli()} ink on {Paper.ToCli()} paper allows {min}–{max} pages; you asked for {Pages}, so choose a page count in that range{(Pages > max ? " or a smaller trim" : "")}"));
        }
        return problems;
    }
}

/// <summary>One print problem: the option it is about ("ink", "paper", "pages") and what to change.</summary>
public sealed record PrintProblem(string Option, string Message);
