namespace Storyloom.Core.Art;

/// <summary>Bedroom furniture and toys for coloring backgrounds.</summary>
internal static partial class ColoringShapes
{
    public static void Bed(SvgCanvas c, double x, double baseY, double s, bool headLeft)
    {
        var d = headLeft ? -1 : 1;
        var w = s * 1.1;
        c.Rect(x + d * w / 2 - s * 0.08, baseY - s * 0.75, s * 0.16, s * 0.75, "white", Role.Contour, s * 0.06);
        c.Rect(x - w / 2, baseY - s * 0.42, w, s * 0.3, "white");
        c.Rect(x - w / 2 + s * 0.02, baseY - s * 0.12, s * 0.08, s * 0.12, "white", Role.Detail);
        c.Rect(x + w / 2 - s * 0.1, baseY - s * 0.12, s * 0.08, s * 0.12, "white", Role.Detail);
        c.Rect(x + d * w * 0.3 - s * 0.15, baseY - s * 0.56, s * 0.3, s * 0.16, "white", Role.Detail, s * 0.07);
        c.Path(p => p.M(x - d * w / 2, baseY - s * 0.46).L(x + d * w * 0.08, baseY - s * 0.46).Q(x + d * w * 0.12, baseY - s * 0.3, x + d * w * 0.08, baseY - s * 0.12)
            .L(x - d * w / 2, baseY - s * 0.12).Z(), "white");
        Star(c, x - d * w * 0.2, baseY - s * 0.29, s * 0.09);
    }

    public static void CurtainWindow(SvgCanvas c, double x, double y, double s, bool night)
    {
        c.Rect(x - s / 2, y - s / 2, s, s, "white");
        if (night)
        {
            Moon(c, x + s * 0.12, y - s * 0.18, s * 0.14);
            Star(c, x - s * 0.22, y + s * 0.2, s * 0.09);
        }
        else Cloud(c, x - s * 0.1, y + s * 0.12, s * 0.16);
        foreach (var side in new[] { -1.0, 1 })
            c.Path(p => p.M(x + side * s * 0.62, y - s * 0.62).L(x + side * s * 0.22, y - s * 0.62).Q(x + side * s * 0.3, y, x + side * s * 0.42, y + s * 0.2)
                .Q(x + side * s * 0.5, y + s * 0.4, x + side * s * 0.5, y + s * 0.6).L(x + side * s * 0.62, y + s * 0.6).Z(), "white");
        c.Rect(x - s * 0.7, y - s * 0.7, s * 1.4, s * 0.1, "white", Role.Detail, s * 0.05);
    }

    public static void Rug(SvgCanvas c, double x, double y, double rx, double ry)
    {
        c.Ellipse(x, y, rx, ry, "white");
        c.Ellipse(x, y, rx - 12, ry - 9, "white", Role.Detail);
    }

    public static void Blocks(SvgCanvas c, double x, double baseY, double s)
    {
        c.Rect(x - s * 0.45, baseY - s * 0.4, s * 0.4, s * 0.4, "white", Role.Contour, 3);
        c.Rect(x + s * 0.05, baseY - s * 0.4, s * 0.4, s * 0.4, "white", Role.Contour, 3);
        c.Rect(x - s * 0.2, baseY - s * 0.8, s * 0.4, s * 0.4, "white", Role.Contour, 3);
        Star(c, x, baseY - s * 0.6, s * 0.13);
        c.Circle(x - s * 0.25, baseY - s * 0.2, s * 0.1, "white", Role.Detail);
    }

    public static void Ball(SvgCanvas c, double x, double baseY, double s) => PropPainter.Prop(c, "ball", x, baseY - s * 0.38, s * 0.5);

    public static void Picture(SvgCanvas c, double x, double y, double s)
    {
        c.Rect(x - s / 2, y - s * 0.4, s, s * 0.8, "white", Role.Detail);
        c.Rect(x - s * 0.38, y - s * 0.28, s * 0.76, s * 0.56, "white", Role.Detail);
        c.Polygon([(x - s * 0.3, y + s * 0.22), (x - s * 0.05, y - s * 0.15), (x + s * 0.12, y + s * 0.08), (x + s * 0.2, y - s * 0.02), (x + s * 0.32, y + s * 0.22)], "white", Role.Detail);
    }
}
