using System.Globalization;
using System.Text;
using Storyloom.Print.Geometry;
using Storyloom.Print.Kdp;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>The 8.5 x 8.5 in, 32-page premium-colour picture book of kdp-print-spec.md §11.1, good or deliberately broken.</summary>
internal static class Books
{
    public static readonly PrintOptions Options = new(Trims.Square85, Ink.PremiumColor, Paper.White, 32, Bleed: true);

    /// <summary>One page: full-bleed background plus a 14 pt line at (72 pt, 72 pt) from the top-left, unless <paramref name="extra"/> replaces it.</summary>
    public static string Page(int number, string? extra = null, bool blank = false) => blank
        ? "<div class=\"page\"></div>"
        : $"<div class=\"page\" style=\"background:#dde8ff\">{extra ?? $"<div class=\"abs\" style=\"left:72pt;top:72pt;font-size:14pt\">Page {number} of the story</div>"}</div>";

    public static Task<string> InteriorAsync(string name, Func<int, string>? page = null, PrintOptions? options = null, bool setTrimBoxes = true)
    {
        var o = options ?? Options;
        var g = new InteriorGeometry(o);
        var body = new StringBuilder();
        for (var n = 1; n <= o.Pages; n++)
        {
            body.Append(page?.Invoke(n) ?? Page(n));
        }
        return TestPdfs.FromHtmlAsync(name, g.PageWidthPt, g.PageHeightPt, body.ToString(), setTrimBoxes && o.Bleed ? n => g.TrimBox(n) : null);
    }

    /// <summary>Wrap cover with full background, back and front text in the safe areas and optional spine text.</summary>
    public static Task<string> CoverAsync(string name, PrintOptions? options = null, string? spineText = null, string extra = "")
    {
        var g = new CoverGeometry(options ?? Options);
        var spine = spineText is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"abs\" style=\"left:{g.SpineLeftPt + 0.5}pt;top:200pt;font-size:9pt;writing-mode:vertical-rl\">{spineText}</div>");
        var body = string.Create(CultureInfo.InvariantCulture, $"""
            <div class="page" style="background:#ffe8cc">
              <div class="abs" style="left:60pt;top:80pt;font-size:12pt">A story about a brave little fox.</div>
              <div class="abs" style="left:{g.FrontLive.X0 + 60}pt;top:100pt;font-size:36pt">The Brave Fox</div>
              {spine}
              {extra}
            </div>
            """);
        return TestPdfs.FromHtmlAsync(name, g.WidthPt, g.HeightPt, body);
    }
}
