using Storyloom.Core.Books;

namespace Storyloom.Core.Layout;

/// <summary>Type size and the share of the live area the text panel may take, by reading age.</summary>
internal sealed record TextStyle(double SizePt, double MinPt, double LineHeight, double ZoneShare)
{
    public static TextStyle For(AgeBand age) => age switch
    {
        AgeBand.Age0To2 => new(30, 20, 1.25, 0.26),
        AgeBand.Age3To5 => new(20, 13, 1.35, 0.32),
        AgeBand.Age6To8 => new(15, 11, 1.4, 0.42),
        _ => new(12.5, 10, 1.4, 0.55),
    };

    /// <summary>The fit script works in CSS px (1 pt = 4/3 px).</summary>
    public double MinPx => MinPt * 4.0 / 3.0;
}
