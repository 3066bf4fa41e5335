namespace Storyloom.Core.Art;

/// <summary>The props of Christmas: a decorated tree with its star and baubles, and a stocking.</summary>
internal static partial class PropPainter
{
    private static bool Holiday(SvgCanvas c, string prop, double x, double y, double r)
    {
        switch (prop)
        {
            case "christmas-tree":
                // A pot, three tiers of green, baubles on each tier, a star on top: lowest point at y + r.
                c.Path(p => p.M(x - r * 0.22, y + r * 0.72).L(x + r * 0.22, y + r * 0.72).L(x + r * 0.17, y + r).L(x - r * 0.17, y + r).Z(), "#C8553D");
                c.Rect(x - r * 0.07, y + r * 0.55, r * 0.14, r * 0.2, "#8B5A3C", Role.Detail);
                for (var i = 0; i < 3; i++)
                {
                    var baseY = y + r * (0.6 - i * 0.45);
                    var half = r * (0.62 - i * 0.14);
                    c.Polygon([(x - half, baseY), (x, baseY - r * 0.62), (x + half, baseY)], i % 2 == 0 ? "#2F7D4A" : "#3A8F57");
                }
                var baubles = new (double X, double Y, string Color)[]
                {
                    (-0.38, 0.5, "#E4574C"), (0.05, 0.44, "#F2B705"), (0.42, 0.52, "#5B9BD5"),
                    (-0.24, 0.06, "#F2B705"), (0.22, 0.02, "#E4574C"), (-0.06, -0.38, "#5B9BD5"), (0.13, -0.42, "#F28DB2"),
                };
                foreach (var (bx, by, color) in baubles) c.Circle(x + r * bx, y + r * by, Math.Max(1.2, r * 0.07), color, Role.Detail);
                c.Stroke(p => p.M(x - r * 0.45, y + r * 0.3).Q(x, y + r * 0.42, x + r * 0.4, y + r * 0.22), "#FFD45C", Math.Max(0.8, r * 0.03));
                Star(c, x, y - r * 0.78, r * 0.2, "#FFD45C");
                break;
            case "stocking":
                // A red sock with a white cuff and a loop, toe to the right.
                c.Path(p => p.M(x - r * 0.45, y - r * 0.55).L(x + r * 0.15, y - r * 0.55).L(x + r * 0.15, y + r * 0.15)
                    .Q(x + r * 0.75, y + r * 0.2, x + r * 0.75, y + r * 0.62).Q(x + r * 0.72, y + r, x + r * 0.2, y + r)
                    .L(x - r * 0.2, y + r).Q(x - r * 0.5, y + r * 0.95, x - r * 0.45, y + r * 0.55).Z(), "#D8403A");
                c.Rect(x - r * 0.52, y - r * 0.85, r * 0.74, r * 0.34, "#FFFFFF", Role.Detail, r * 0.08);
                c.Stroke(p => p.M(x - r * 0.4, y - r * 0.85).Q(x - r * 0.48, y - r * 1.1, x - r * 0.28, y - r * 1.05).Q(x - r * 0.2, y - r * 0.98, x - r * 0.25, y - r * 0.85), "#5A4A5E", Math.Max(0.8, r * 0.05));
                Star(c, x - r * 0.1, y - r * 0.1, r * 0.16, "#FFD45C");
                c.Path(p => p.M(x + r * 0.35, y + r * 0.55).Q(x + r * 0.72, y + r * 0.5, x + r * 0.72, y + r * 0.7).Q(x + r * 0.7, y + r, x + r * 0.25, y + r).Z(), "#FFFFFF", Role.Detail);
                break;
            default:
                return false;
        }
        return true;
    }
}
