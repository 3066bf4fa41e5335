using System.Text.Json.Serialization;
using Storyloom.Print.Kdp;

namespace Storyloom.Print.Preflight;

/// <summary>MUST: KDP rejects or misprints the book. SHOULD: recommended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleLevel>))]
public enum RuleLevel
{
    Must,
    Should,
}

[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    Pass,
    Fail,
    /// <summary>The rule does not apply to these files (e.g. spine text on a book without spine text).</summary>
    NotApplicable,
}

/// <summary>The result of one rule of kdp-print-spec.md §10 on one file.</summary>
/// <param name="Rule">"R5", "R24" …</param>
/// <param name="File">"interior" or "cover".</param>
/// <param name="Detail">What was measured; on failure, what is wrong and where (page numbers) and what to change.</param>
public sealed record PreflightCheck(string Rule, string File, string Title, RuleLevel Level, CheckStatus Status, string Detail);

/// <summary>What preflight was asked to check the files against.</summary>
public sealed record PreflightRequest(string InteriorPath, string? CoverPath, PrintOptions Options);

public sealed record PreflightReport(PreflightRequest Request, IReadOnlyList<PreflightCheck> Checks)
{
    /// <summary>True when no MUST rule failed.</summary>
    public bool Passed => !Checks.Any(c => c.Level == RuleLevel.Must && c.Status == CheckStatus.Fail);

    public IEnumerable<PreflightCheck> Failures => Checks.Where(c => c.Status == CheckStatus.Fail);

    public string Verdict => Passed
        ? Checks.Any(c => c.Status == CheckStatus.Fail) ? "PASS with warnings" : "PASS"
        : "FAIL";
}
