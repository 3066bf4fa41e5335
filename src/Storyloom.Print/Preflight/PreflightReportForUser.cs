using Storyloom.Print.Tools;

namespace Storyloom.Print.Preflight;

/// <summary>A report as its reader sees it: the files by the names the reader knows, no folder of the machine that checked them.</summary>
public static class PreflightReportForUser
{
    /// <summary>
    /// The report with <see cref="PreflightRequest.InteriorPath"/> and <see cref="PreflightRequest.CoverPath"/> replaced by
    /// <paramref name="interiorName"/> and <paramref name="coverName"/>, and every check's detail without an absolute path
    /// (a tool's message may name the file where it was read).
    /// </summary>
    public static PreflightReport ForUser(this PreflightReport report, string interiorName, string? coverName)
    {
        var known = new List<(string, string)> { (report.Request.InteriorPath, interiorName) };
        if (report.Request.CoverPath is { } cover)
        {
            known.Add((cover, coverName ?? Path.GetFileName(cover)));
        }
        foreach (var folder in new[] { Path.GetDirectoryName(report.Request.InteriorPath), Path.GetDirectoryName(report.Request.CoverPath ?? "") })
        {
            if (!string.IsNullOrEmpty(folder))
            {
                known.Add((folder, ""));
            }
        }
        return report with
        {
            Request = report.Request with { InteriorPath = interiorName, CoverPath = report.Request.CoverPath is null ? null : coverName ?? Path.GetFileName(report.Request.CoverPath) },
            Checks = report.Checks.Select(c => c with { Detail = UserPaths.Scrub(c.Detail, known) }).ToList(),
        };
    }
}
