using System.Text.RegularExpressions;

namespace Storyloom.Print.Tools;

/// <summary>
/// Text a server shows to its users (preflight reports, task messages) names files, never the server's folders: a known
/// path becomes the name the user knows it by, and any other absolute path its last part (a tool's stderr names the
/// temp or data folder it read from; that says where the server keeps its data and who runs it).
/// </summary>
public static partial class UserPaths
{
    /// <summary>
    /// Replaces each of <paramref name="known"/> (a file or folder, longest first) with its name for the user ("" drops a
    /// folder and its separator), then any other absolute path with its file name.
    /// </summary>
    public static string Scrub(string text, IEnumerable<(string Path, string Name)>? known = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var (path, name) in (known ?? []).Where(k => !string.IsNullOrEmpty(k.Path)).OrderByDescending(k => k.Path.Length))
        {
            var full = path.TrimEnd('/', '\\');
            if (full.Length == 0)
            {
                continue;
            }
            // A folder with what follows it ("/data/work/ab12/out/x.pdf" → "out/x.pdf"), then the path alone.
            text = name.Length == 0
                ? text.Replace(full + "/", "", StringComparison.Ordinal).Replace(full + "\\", "", StringComparison.Ordinal).Replace(full, ".", StringComparison.Ordinal)
                : text.Replace(full, name, StringComparison.Ordinal);
        }
        return AbsolutePath().Replace(text, m => LastPart(m.Value));
    }

    /// <summary>True when the text still holds something that reads as an absolute path of two parts or more.</summary>
    public static bool HasAbsolutePath(string text) => AbsolutePath().IsMatch(text);

    private static string LastPart(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        return cut >= 0 && cut < trimmed.Length - 1 ? trimmed[(cut + 1)..] : trimmed;
    }

    // Unix: two or more "/part"s not preceded by a word character, dot, colon or slash (so "1/8", "and/or", URLs and PDF
    // names such as "/MediaBox" stay), nor the server's own routes ("PUT /api/v1/canva/books/{id}" is advice, not a folder).
    // Windows: a drive letter and a backslash.
    [GeneratedRegex(@"(?<![\w.:/\\~-])(?!/(?:api|health|openapi|docs|metrics)/)(?:/[^\s/\\'""`:;,()\[\]{}<>|]+){2,}/?|(?<![\w])[A-Za-z]:\\[^\s'""`;,()<>|]+")]
    private static partial Regex AbsolutePath();
}
