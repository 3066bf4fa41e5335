using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Server.Coloring;

/// <summary>
/// A sample page of each coloring level, drawn by the offline engine once per process, for the new-coloring-book wizard.
/// Public: the wizard shows them as plain images (an img cannot send the access token), and they hold nobody's data.
/// </summary>
internal static class ColoringSamplesApi
{
    private static readonly ConcurrentDictionary<string, string> Drawn = new(StringComparer.Ordinal);

    public static RouteGroupBuilder MapColoringSamplesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/coloring/samples/{level}", Sample).WithTags("Coloring").AllowAnonymous().WithName("ColoringSample")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .WithSummary("An SVG sample page of a coloring level (simple, medium or detailed), drawn by the offline engine");
        return api;
    }

    private static Results<ContentHttpResult, NotFound> Sample(string level, HttpContext http)
    {
        var key = level.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? level[..^4].ToLowerInvariant() : level.ToLowerInvariant();
        if (!BookFormatNames.Levels.ContainsKey(key))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Content(Drawn.GetOrAdd(key, Draw), "image/svg+xml");
    }

    private static string Draw(string level)
    {
        var spec = new BookSpecInput { Kind = "coloring", Theme = "animals", Level = level, Trim = "8.5x11", Pages = 24, Ink = "bw", Bleed = false, Seed = 11 }.ToSpec();
        var manuscript = ColoringBookWriter.Write(spec);
        var page = manuscript.Pages.First(p => p.Role == PageRole.ColoringDesign);
        var (w, h) = (spec.Trim.WidthPt, spec.Trim.HeightPt);
        return new OfflineArtEngine().DrawColoringPage(manuscript, page, new ArtFrame(w, h, null, new FrameRect(27, 27, w - 54, h - 54)));
    }
}
