namespace Storyloom.Core.Art;

/// <summary>A rectangle in picture coordinates: points, origin at the top-left (as in SVG).</summary>
public readonly record struct FrameRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
}

/// <summary>The canvas an art engine draws one picture on.</summary>
/// <param name="WidthPt">Picture width in points (1/72 in). The SVG's viewBox is 0 0 WidthPt HeightPt.</param>
/// <param name="HeightPt">Picture height in points.</param>
/// <param name="TextZone">Where the layout will put the page's text panel; keep this area calm (sky, ground, plain water), never put a character's face there. Null when the page has no text.</param>
/// <param name="SafeArea">Everything that must not be cut (characters' heads, important props) stays inside; the background runs to the edges.</param>
public sealed record ArtFrame(double WidthPt, double HeightPt, FrameRect? TextZone, FrameRect SafeArea);
