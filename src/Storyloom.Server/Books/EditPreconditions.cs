using Microsoft.AspNetCore.Http.HttpResults;

namespace Storyloom.Server.Books;

/// <summary>
/// Edits carry the version they were made from: a client sends back the ETag it read (If-Match), and a write made since
/// (another tab, another device) turns the edit into a 412 that says so, instead of the last save silently winning.
/// No If-Match: the edit goes through as before (scripts and the CLI).
/// </summary>
internal static class EditPreconditions
{
    /// <summary>A page's version: the row (a restore or a new story makes new rows) and its last change, to the microsecond both databases keep.</summary>
    public static string PageTag(Page page) => $"\"p-{page.Id:N}-{page.UpdatedAt.Ticks / 10:x}\"";

    /// <summary>True when the request names versions and <paramref name="etag"/> is none of them (W/ compared weakly; * matches).</summary>
    public static bool Stale(HttpRequest request, string etag)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return false;
        }
        foreach (var value in header)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || part == etag || (part.StartsWith("W/", StringComparison.Ordinal) && part[2..] == etag))
                {
                    return false;
                }
            }
        }
        return true;
    }

    public static ProblemHttpResult Conflict(string what, bool plural = false) => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Saved elsewhere first",
        detail: $"{what} {(plural ? "were" : "was")} changed after you opened {(plural ? "them" : "it")} (saved in another tab or window, or by the book being made); reload to see that change, then make yours again");
}
