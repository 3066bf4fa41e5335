using Storyloom.Print.Kdp;

namespace Storyloom.Server.PrintRules;

/// <summary>A KDP paperback trim: its name as the brief takes it ("8.5x8.5") and its size in inches.</summary>
public sealed record TrimRule(string Name, decimal WidthIn, decimal HeightIn, bool Large);

/// <summary>The pages KDP prints for one trim, ink and paper; combinations KDP does not offer are left out.</summary>
public sealed record PageRangeRule(string Trim, string Ink, string Paper, int Min, int Max);

/// <summary>How thick the spine is per page for one ink on one paper (inches a page).</summary>
public sealed record SpineFactorRule(string Ink, string Paper, double InchesPerPage);

/// <summary>The least inside (gutter) margin for books of up to <see cref="MaxPages"/> pages.</summary>
public sealed record GutterRule(int MaxPages, double MarginIn);

/// <summary>The least margins: outside, top and bottom with and without bleed, and the gutter by page count.</summary>
public sealed record MarginRules(double OutsideNoBleedIn, double OutsideWithBleedIn, IReadOnlyList<GutterRule> Gutter);

/// <summary>The KDP print rules books are made to, from the print library's one model of them (kdp-print-spec.md).</summary>
public sealed record PrintRulesDto(
    IReadOnlyList<TrimRule> Trims,
    IReadOnlyList<string> Inks,
    IReadOnlyList<string> Papers,
    int MinPages,
    int MaxPages,
    IReadOnlyList<PageRangeRule> PageRanges,
    IReadOnlyList<SpineFactorRule> SpineFactors,
    int SpineTextMinPages,
    MarginRules Margins,
    double BleedIn);

/// <summary>GET /api/v1/print-rules: what a brief form needs to offer only printable choices. Public: KDP's own rules, no one's data.</summary>
internal static class PrintRulesApi
{
    public static RouteGroupBuilder MapPrintRulesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/print-rules", () => TypedResults.Ok(Rules)).WithTags("Print").AllowAnonymous()
            .WithName("GetPrintRules")
            .WithSummary("The KDP print rules: trims, inks, papers, page ranges, spine factors, margins and bleed")
            // The global per-client limit is the one way this can be refused.
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    /// <summary>Worked out once: the rules are constants of the print library.</summary>
    public static readonly PrintRulesDto Rules = Build();

    private static PrintRulesDto Build()
    {
        var inks = Enum.GetValues<Ink>();
        var papers = Enum.GetValues<Paper>();
        var offered = inks.SelectMany(ink => papers.Select(paper => (Ink: ink, Paper: paper))).ToList();
        var ranges = Trims.All.SelectMany(trim => offered.Select(c => (trim, c, Range: KdpRules.PageRange(trim, c.Ink, c.Paper))))
            .Where(r => r.Range.Max > 0)
            .Select(r => new PageRangeRule(r.trim.Name, r.c.Ink.ToCli(), r.c.Paper.ToCli(), r.Range.Min, r.Range.Max))
            .ToList();
        var spines = offered.Where(c => ranges.Any(r => r.Ink == c.Ink.ToCli() && r.Paper == c.Paper.ToCli()))
            .Select(c => new SpineFactorRule(c.Ink.ToCli(), c.Paper.ToCli(), KdpRules.SpineFactor(c.Ink, c.Paper)))
            .ToList();
        // The gutter bands, read off the rule itself: each band ends where the next margin starts.
        var gutter = new List<GutterRule>();
        for (var pages = 1; pages <= KdpRules.MaxPages; pages++)
        {
            if (pages == KdpRules.MaxPages || KdpRules.GutterIn(pages + 1) != KdpRules.GutterIn(pages))
            {
                gutter.Add(new GutterRule(pages, KdpRules.GutterIn(pages)));
            }
        }
        return new PrintRulesDto(
            Trims.All.Select(t => new TrimRule(t.Name, t.WidthIn, t.HeightIn, t.IsLarge)).ToList(),
            inks.Select(i => i.ToCli()).ToList(),
            papers.Select(p => p.ToCli()).ToList(),
            KdpRules.MinPages,
            KdpRules.MaxPages,
            ranges,
            spines,
            KdpRules.SpineTextMinPages,
            new MarginRules(KdpRules.OutsideMarginNoBleedIn, KdpRules.OutsideMarginBleedIn, gutter),
            KdpRules.BleedIn);
    }
}
