using System.Globalization;
using System.Net;
using Storyloom.Core.Art;
using Storyloom.Print.Geometry;

namespace Storyloom.Core.Layout;

/// <summary>Small helpers shared by the page templates: escaping and absolute boxes in points.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Paragraphs separated by blank lines become &lt;p&gt; elements, each in the direction of its own first letters
    /// (a name or an English line in an Arabic book stays readable).</summary>
    public static string Paragraphs(string? text) => string.Concat(
        (text ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"""<p dir="auto">{E(p)}</p>"""));

    /// <summary>One CSS pixel in points: Chromium snaps lines of text to this grid.</summary>
    public const double PixelPt = 0.75;

    public static string Pt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture) + "pt";

    /// <summary>CSS for an absolutely positioned box: a rectangle in PDF coordinates on a page of the given MediaBox.</summary>
    public static string Box(PdfRect rect, PdfRect page) =>
        $"left:{Pt(rect.X0 - page.X0)};top:{Pt(page.Y1 - rect.Y1)};width:{Pt(rect.Width)};height:{Pt(rect.Height)}";

    /// <summary>The same rectangle in picture coordinates (top-left origin) relative to <paramref name="frame"/>.</summary>
    public static FrameRect ToFrame(PdfRect rect, PdfRect frame) =>
        new(rect.X0 - frame.X0, frame.Y1 - rect.Y1, rect.Width, rect.Height);

    /// <summary>
    /// Page size for Chromium: a little larger than the real page, because Chromium rounds page sizes down to its
    /// grid; <see cref="Storyloom.Print.Printing.PdfBoxWriter"/> crops back to the exact size.
    /// </summary>
    public static string PageRule(double widthPt, double heightPt) =>
        $"@page {{ size: {Pt(widthPt + PrintSlackPt)} {Pt(heightPt + PrintSlackPt)}; margin: 0; }}";

    public const double PrintSlackPt = 2.0;

    /// <summary>Shrinks text boxes marked data-fit until they fit, down to data-min (px); marks the rest data-overflow.</summary>
    public const string FitScript = """
        <script>
        window.storyloomFit = () => {
          for (const box of document.querySelectorAll('[data-fit]')) {
            const min = parseFloat(box.dataset.min);
            let size = parseFloat(getComputedStyle(box).fontSize);
            const over = () => box.scrollHeight > box.clientHeight + 0.5 || box.scrollWidth > box.clientWidth + 0.5;
            while (over() && size > min) { size = Math.max(min, size - 0.5); box.style.fontSize = size + 'px'; }
            if (over()) box.dataset.overflow = '1';
          }
        };
        </script>
        """;
}
