using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyloom.Print.Preflight;

/// <summary>Plain-text and JSON renderings of a <see cref="PreflightReport"/> (the CLI draws its own table from the same data).</summary>
public static class PreflightFormatter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Column headers of <see cref="Rows"/>.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["Rule", "File", "Level", "Status", "Detail"];

    /// <summary>One row of strings per check, in report order.</summary>
    public static IEnumerable<string[]> Rows(PreflightReport report) =>
        report.Checks.Select(c => new[] { c.Rule, c.File, c.Level.ToString(), c.Status.ToString(), $"{c.Title}: {c.Detail}" });

    /// <summary>A fixed-width table followed by the verdict line.</summary>
    public static string ToText(PreflightReport report)
    {
        var rows = Rows(report).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(Headers[i].Length).Max()).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            for (var i = 0; i < 4; i++)
            {
                sb.Append(cells[i].PadRight(widths[i])).Append(" | ");
            }
            sb.Append(cells[4]).Append('\n');
        }
        Line(Headers);
        sb.Append(string.Join("-+-", widths.Select(w => new string('-', w)))).Append("-+-").Append(new string('-', 6)).Append('\n');
        rows.ForEach(Line);
        var failures = report.Checks.Count(c => c.Status == CheckStatus.Fail);
        sb.Append('\n').Append($"{report.Verdict}: {report.Checks.Count} checks, {failures} failed").Append('\n');
        return sb.ToString();
    }

    /// <summary>Indented camelCase JSON with enums as strings: verdict, passed, request and checks.</summary>
    public static string ToJson(PreflightReport report) =>
        JsonSerializer.Serialize(new
        {
            verdict = report.Verdict,
            passed = report.Passed,
            request = new
            {
                report.Request.InteriorPath,
                report.Request.CoverPath,
                trim = report.Request.Options.Trim.Name,
                report.Request.Options.Ink,
                report.Request.Options.Paper,
                report.Request.Options.Pages,
                report.Request.Options.Bleed,
            },
            checks = report.Checks,
        }, JsonOptions);
}
