namespace Storyloom.Core.Art;

/// <summary>The props of journeys and outdoor days: vehicles, beach things, snow things, garden and sky-watching tools.</summary>
internal static partial class PropPainter
{
    private static bool Outdoor(SvgCanvas c, string prop, double x, double y, double r)
    {
        switch (prop)
        {
            case "van":
                c.Rect(x - r, y - r * 0.7, r * 1.3, r * 1.3, "#F4F1EA", Role.Contour, r * 0.06);
                c.Rect(x - r * 0.9, y - r * 0.3, r * 1.1, r * 0.22, "#5B9BD5", Role.Detail);
                c.Path(p => p.M(x + r * 0.32, y + r * 0.6).L(x + r * 0.32, y - r * 0.35).L(x + r * 0.7, y - r * 0.35).L(x + r, y + r * 0.05).L(x + r, y + r * 0.6).Z(), "#5B9BD5");
                c.Polygon([(x + r * 0.4, y - r * 0.27), (x + r * 0.66, y - r * 0.27), (x + r * 0.88, y + r * 0.03), (x + r * 0.4, y + r * 0.03)], "#BFE3F5", Role.Detail);
                c.Rect(x - r * 1.02, y + r * 0.5, r * 2.04, r * 0.14, "#6B6F7A", Role.Detail);
                foreach (var wx in new[] { -0.6, 0.62 })
                {
                    c.Circle(x + r * wx, y + r * 0.72, r * 0.28, "#3A3440");
                    c.Circle(x + r * wx, y + r * 0.72, r * 0.12, "#C9D2DD", Role.Detail);
                }
                break;
            case "suitcase":
                c.Path(p => p.M(x - r * 0.25, y - r * 0.55).L(x - r * 0.25, y - r * 0.85).L(x + r * 0.25, y - r * 0.85).L(x + r * 0.25, y - r * 0.55).L(x + r * 0.14, y - r * 0.55).L(x + r * 0.14, y - r * 0.74).L(x - r * 0.14, y - r * 0.74).L(x - r * 0.14, y - r * 0.55).Z(), "#5A4A5E", Role.Detail);
                c.Rect(x - r * 0.9, y - r * 0.55, r * 1.8, r * 1.4, "#C8553D", Role.Contour, r * 0.15);
                c.Rect(x - r * 0.55, y - r * 0.55, r * 0.16, r * 1.4, "#8E3A2A", Role.Detail);
                c.Rect(x + r * 0.39, y - r * 0.55, r * 0.16, r * 1.4, "#8E3A2A", Role.Detail);
                c.Circle(x - r * 0.6, y + r * 0.92, r * 0.09, "#3A3440", Role.Dark);
                c.Circle(x + r * 0.6, y + r * 0.92, r * 0.09, "#3A3440", Role.Dark);
                break;
            case "bucket":
                c.Stroke(p => p.M(x - r * 0.6, y - r * 0.45).Q(x, y - r * 1.2, x + r * 0.6, y - r * 0.45), "#3A7FC1", Math.Max(1, r * 0.08));
                c.Path(p => p.M(x - r * 0.7, y - r * 0.45).L(x + r * 0.7, y - r * 0.45).L(x + r * 0.52, y + r).L(x - r * 0.52, y + r).Z(), "#5B9BD5");
                c.Ellipse(x, y - r * 0.45, r * 0.7, r * 0.14, "#3A7FC1", Role.Detail);
                c.Rect(x - r * 0.6, y + r * 0.2, r * 1.2, r * 0.14, "#F9D65C", Role.Detail);
                c.Rect(x + r * 0.75, y - r * 0.6, r * 0.1, r * 1.1, "#E4574C", Role.Detail);
                c.Path(p => p.M(x + r * 0.62, y + r * 0.45).L(x + r * 0.98, y + r * 0.45).L(x + r * 0.9, y + r).L(x + r * 0.7, y + r).Z(), "#E4574C");
                break;
            case "sandcastle":
                const string sand = "#E9C27A";
                var dark = Palette.Darken(sand, 0.15);
                c.Rect(x - r, y + r * 0.1, r * 2, r * 0.9, sand, Role.Contour, r * 0.05);
                foreach (var tx in new[] { -0.72, 0.72 })
                {
                    c.Rect(x + r * (tx - 0.24), y - r * 0.45, r * 0.48, r * 0.6, sand);
                    for (var i = 0; i < 3; i++) c.Rect(x + r * (tx - 0.24 + i * 0.18), y - r * 0.58, r * 0.12, r * 0.14, sand, Role.Detail);
                }
                c.Rect(x - r * 0.3, y - r * 0.6, r * 0.6, r * 0.75, sand);
                for (var i = 0; i < 3; i++) c.Rect(x + r * (-0.3 + i * 0.24), y - r * 0.73, r * 0.12, r * 0.14, sand, Role.Detail);
                c.Path(p => p.M(x - r * 0.16, y + r).L(x - r * 0.16, y + r * 0.55).Q(x, y + r * 0.35, x + r * 0.16, y + r * 0.55).L(x + r * 0.16, y + r).Z(), dark, Role.Detail);
                c.Rect(x - r * 0.015, y - r * 1.05, r * 0.03, r * 0.35, "#6B5B4B", Role.Detail);
                c.Polygon([(x + r * 0.015, y - r * 1.05), (x + r * 0.3, y - r * 0.96), (x + r * 0.015, y - r * 0.87)], "#E4574C", Role.Detail);
                break;
            case "map":
                c.Polygon([(x - r, y - r * 0.6), (x - r * 0.33, y - r * 0.7), (x + r * 0.33, y - r * 0.6), (x + r, y - r * 0.7), (x + r, y + r * 0.6), (x + r * 0.33, y + r * 0.7), (x - r * 0.33, y + r * 0.6), (x - r, y + r * 0.7)], "#F3E2B3");
                c.Polygon([(x - r * 0.33, y - r * 0.7), (x + r * 0.33, y - r * 0.6), (x + r * 0.33, y + r * 0.7), (x - r * 0.33, y + r * 0.6)], "#E6D09A", Role.Detail);
                c.Ellipse(x - r * 0.55, y - r * 0.2, r * 0.28, r * 0.2, "#8CCB7E", Role.Detail);
                for (var i = 0; i < 5; i++) c.Circle(x - r * 0.5 + i * r * 0.22, y + r * 0.15 + Math.Sin(i * 1.3) * r * 0.12, r * 0.045, "#C8553D", Role.Dark);
                c.Stroke(p => p.M(x + r * 0.5, y - r * 0.05).L(x + r * 0.78, y + r * 0.25), "#E4574C", Math.Max(1, r * 0.1));
                c.Stroke(p => p.M(x + r * 0.78, y - r * 0.05).L(x + r * 0.5, y + r * 0.25), "#E4574C", Math.Max(1, r * 0.1));
                break;
            case "bike":
                var wr = r * 0.42;
                foreach (var wx in new[] { -0.55, 0.55 })
                {
                    c.Circle(x + r * wx, y + r - wr, wr, "#3A3440");
                    c.Circle(x + r * wx, y + r - wr, wr * 0.78, "#EEF1F5", Role.Detail);
                    c.Circle(x + r * wx, y + r - wr, wr * 0.12, "#6B6F7A", Role.Detail);
                }
                var (bx, by) = (x - r * 0.55, y + r - wr);
                var (fx, fy) = (x + r * 0.55, y + r - wr);
                var w = Math.Max(1.2, r * 0.07);
                c.Stroke(p => p.M(bx, by).L(x - r * 0.05, by).L(x - r * 0.25, y - r * 0.2).L(x + r * 0.38, y - r * 0.2).L(x - r * 0.05, by), "#E4574C", w);
                c.Stroke(p => p.M(bx, by).L(x - r * 0.25, y - r * 0.2), "#E4574C", w);
                c.Stroke(p => p.M(fx, fy).L(x + r * 0.38, y - r * 0.45).L(x + r * 0.25, y - r * 0.55), "#E4574C", w);
                c.Rect(x - r * 0.38, y - r * 0.33, r * 0.28, r * 0.1, "#3A3440", Role.Detail, r * 0.04);
                break;
            case "sled":
                c.Stroke(p => p.M(x - r, y + r * 0.8).L(x + r * 0.7, y + r * 0.8).Q(x + r, y + r * 0.8, x + r, y + r * 0.45), "#C8553D", Math.Max(1.2, r * 0.1));
                c.Rect(x - r * 0.7, y + r * 0.35, r * 0.08, r * 0.45, "#C8553D", Role.Detail);
                c.Rect(x + r * 0.5, y + r * 0.35, r * 0.08, r * 0.45, "#C8553D", Role.Detail);
                c.Rect(x - r * 0.95, y + r * 0.15, r * 1.8, r * 0.25, "#B07A4F", Role.Contour, r * 0.06);
                for (var i = 1; i < 4; i++) c.Rect(x - r * 0.95 + i * r * 0.45, y + r * 0.15, r * 0.04, r * 0.25, "#8B5A3C", Role.Detail);
                c.Stroke(p => p.M(x + r * 0.85, y + r * 0.25).Q(x + r * 1.1, y - r * 0.3, x + r * 0.6, y - r * 0.4), "#5A4A5E", Math.Max(0.8, r * 0.04));
                break;
            case "telescope":
                var lw = Math.Max(1, r * 0.07);
                c.Stroke(p => p.M(x, y + r * 0.1).L(x - r * 0.5, y + r), "#6B5B4B", lw);
                c.Stroke(p => p.M(x, y + r * 0.1).L(x + r * 0.5, y + r), "#6B5B4B", lw);
                c.Stroke(p => p.M(x, y + r * 0.1).L(x, y + r), "#6B5B4B", lw);
                c.Push(Affine.Translate(x, y).Then(Affine.Rotate(-28)));
                c.Rect(-r * 0.8, -r * 0.14, r * 0.7, r * 0.28, "#5B7FD6", Role.Contour, r * 0.05);
                c.Rect(-r * 0.15, -r * 0.2, r * 1.05, r * 0.4, "#3F5FB0", Role.Contour, r * 0.05);
                c.Rect(r * 0.82, -r * 0.24, r * 0.16, r * 0.48, "#F9D65C", Role.Detail);
                c.Pop();
                break;
            case "watering-can":
                c.Polygon([(x + r * 0.45, y + r * 0.1), (x + r, y - r * 0.55), (x + r * 1.05, y - r * 0.45), (x + r * 0.55, y + r * 0.35)], "#4CAF6A", Role.Detail);
                c.Stroke(p => p.M(x - r * 0.55, y - r * 0.3).Q(x - r * 0.95, y - r * 0.05, x - r * 0.6, y + r * 0.4), "#2E8B57", Math.Max(1, r * 0.1));
                c.Rect(x - r * 0.6, y - r * 0.35, r * 1.15, r * 1.35, "#4CAF6A", Role.Contour, r * 0.12);
                c.Rect(x - r * 0.6, y - r * 0.35, r * 1.15, r * 0.18, "#3E9A5A", Role.Detail, r * 0.06);
                c.Circle(x - r * 0.05, y + r * 0.35, r * 0.18, "#F9D65C", Role.Detail);
                break;
            case "finish-line":
                // Two posts, a chequered banner across their tops and a red tape to run through.
                foreach (var px in new[] { x - r * 0.95, x + r * 0.95 })
                    c.Rect(px - r * 0.05, y - r * 0.95, r * 0.1, r * 1.95, "#8B5A3C", Role.Contour, r * 0.03);
                c.Rect(x - r * 0.95, y - r * 0.95, r * 1.9, r * 0.36, "#FFFFFF", Role.Contour);
                for (var i = 0; i < 10; i++)
                    for (var j = 0; j < 2; j++)
                        if ((i + j) % 2 == 0) c.Rect(x - r * 0.95 + i * r * 0.19, y - r * 0.95 + j * r * 0.18, r * 0.19, r * 0.18, "#2B2B2B", Role.Dark);
                c.Stroke(p => p.M(x - r * 0.9, y + r * 0.05).Q(x, y + r * 0.15, x + r * 0.9, y + r * 0.05), "#E4574C", Math.Max(1.2, r * 0.06));
                break;
            default:
                return false;
        }
        return true;
    }
}
