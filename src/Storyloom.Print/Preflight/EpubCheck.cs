using System.Text.Json;
using Storyloom.Print.Tools;

namespace Storyloom.Print.Preflight;

/// <summary>One message of epubcheck: severity (FATAL, ERROR, WARNING, USAGE, INFO), its id, what it says and where.</summary>
public sealed record EpubCheckMessage(string Severity, string Id, string Message, string? Location);

/// <summary>What epubcheck said about an EPUB; it passes with no fatal error, no error and no warning.</summary>
public sealed record EpubCheckResult(string Version, int Fatal, int Errors, int Warnings, IReadOnlyList<EpubCheckMessage> Messages)
{
    public bool Passed => Fatal == 0 && Errors == 0 && Warnings == 0;
}

/// <summary>
/// Runs the W3C's epubcheck (Debian package <c>epubcheck</c>). Debian installs it as a bare jar that needs binfmt_misc, which
/// containers often lack, so it is started with <c>java -jar</c>.
/// </summary>
public static class EpubCheck
{
    public static string JarPath => Environment.GetEnvironmentVariable("STORYLOOM_EPUBCHECK_JAR") is { Length: > 0 } p ? p : "/usr/share/java/epubcheck.jar";

    public static bool IsInstalled => File.Exists(JarPath);

    public static async Task<EpubCheckResult> RunAsync(string epubPath, CancellationToken ct = default)
    {
        if (!IsInstalled)
        {
            throw new ExternalToolException($"epubcheck was not found at {JarPath}; install the Debian package 'epubcheck' (./storyloom demo does this) or set STORYLOOM_EPUBCHECK_JAR");
        }
        var json = Path.Combine(Path.GetTempPath(), $"epubcheck-{Guid.NewGuid():N}.json");
        try
        {
            var run = await ExternalTool.RunAsync("java", ["-Xss4m", "-jar", JarPath, Path.GetFullPath(epubPath), "--json", json], ct, TimeSpan.FromMinutes(3));
            if (!File.Exists(json))
            {
                throw new ExternalToolException($"epubcheck wrote no report (exit code {run.ExitCode}): {run.Stderr.Trim().Split('\n').FirstOrDefault()}");
            }
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json, ct));
            var root = doc.RootElement;
            var version = root.TryGetProperty("checker", out var checker) && checker.TryGetProperty("checkerVersion", out var v) ? v.GetString() ?? "" : "";
            var messages = new List<EpubCheckMessage>();
            foreach (var m in root.GetProperty("messages").EnumerateArray())
            {
                var location = m.TryGetProperty("locations", out var locs) && locs.GetArrayLength() > 0
                    ? $"{locs[0].GetProperty("path").GetString()}:{locs[0].GetProperty("line").GetInt32()}"
                    : null;
                messages.Add(new EpubCheckMessage(m.GetProperty("severity").GetString() ?? "", m.GetProperty("ID").GetString() ?? "",
                    m.GetProperty("message").GetString() ?? "", location));
            }
            return new EpubCheckResult(version,
                messages.Count(m => m.Severity == "FATAL"), messages.Count(m => m.Severity == "ERROR"), messages.Count(m => m.Severity == "WARNING"),
                messages);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
