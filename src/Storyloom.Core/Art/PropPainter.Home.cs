namespace Storyloom.Core.Art;

/// <summary>The props of home, school and the firsts: toys, bedtime things, the bathroom and the hairdresser's tools.</summary>
internal static partial class PropPainter
{
    private static bool Home(SvgCanvas c, string prop, double x, double y, double r)
    {
        switch (prop)
        {
            case "teddy":
                const string fur = "#B07A4F", light = "#E8C9A0";
                c.Circle(x - r * 0.36, y - r * 0.78, r * 0.2, fur);
                c.Circle(x + r * 0.36, y - r * 0.78, r * 0.2, fur);
                c.Ellipse(x, y + r * 0.38, r * 0.5, r * 0.56, fur);
                c.Ellipse(x, y + r * 0.42, r * 0.3, r * 0.36, light, Role.Detail);
                c.Ellipse(x - r * 0.52, y + r * 0.2, r * 0.16, r * 0.3, fur, Role.Detail);
                c.Ellipse(x + r * 0.52, y + r * 0.2, r * 0.16, r * 0.3, fur, Role.Detail);
                c.Circle(x - r * 0.3, y + r * 0.82, r * 0.2, fur);
                c.Circle(x + r * 0.3, y + r * 0.82, r * 0.2, fur);
                c.Circle(x, y - r * 0.45, r * 0.42, fur);
                c.Ellipse(x, y - r * 0.3, r * 0.18, r * 0.13, light, Role.Detail);
                c.Circle(x, y - r * 0.36, r * 0.06, Palette.Eye, Role.Dark);
                c.Circle(x - r * 0.15, y - r * 0.55, r * 0.055, Palette.Eye, Role.Dark);
                c.Circle(x + r * 0.15, y - r * 0.55, r * 0.055, Palette.Eye, Role.Dark);
                c.Polygon([(x, y - r * 0.08), (x - r * 0.22, y - r * 0.18), (x - r * 0.22, y + r * 0.02)], "#E4574C", Role.Detail);
                c.Polygon([(x, y - r * 0.08), (x + r * 0.22, y - r * 0.18), (x + r * 0.22, y + r * 0.02)], "#E4574C", Role.Detail);
                break;
            case "night-light":
                c.Circle(x, y - r * 0.1, r * 0.95, "#FFF4C9", Role.Background);
                c.Path(p => p.M(x - r * 0.42, y + r * 0.55).C(x - r * 0.42, y - r * 0.45, x + r * 0.42, y - r * 0.45, x + r * 0.42, y + r * 0.55).Z(), "#FFE27A");
                Star(c, x, y + r * 0.12, r * 0.2, "#FFB43C");
                c.Rect(x - r * 0.55, y + r * 0.55, r * 1.1, r * 0.42, "#9B6BC7", Role.Contour, r * 0.1);
                break;
            case "blanket":
                c.Rect(x - r, y + r * 0.15, r * 2, r * 0.85, "#7FA7D9", Role.Contour, r * 0.12);
                for (var i = 0; i < 4; i++) c.Rect(x - r * 0.9 + i * r * 0.5, y + r * 0.25, r * 0.22, r * 0.22, "#FFFFFF", Role.Detail);
                c.Rect(x - r, y + r * 0.62, r * 2, r * 0.1, "#5F86BA", Role.Detail);
                break;
            case "toothbrush":
                c.Push(Affine.Translate(x, y).Then(Affine.Rotate(-35)));
                c.Rect(-r, -r * 0.09, r * 1.45, r * 0.18, "#5BC0EB", Role.Contour, r * 0.09);
                c.Rect(r * 0.42, -r * 0.12, r * 0.55, r * 0.22, "#5BC0EB", Role.Contour, r * 0.05);
                c.Rect(r * 0.45, -r * 0.42, r * 0.5, r * 0.3, "#FFFFFF", Role.Detail);
                c.Rect(r * 0.55, -r * 0.42, r * 0.1, r * 0.3, "#BDEBF7", Role.Detail);
                c.Rect(r * 0.75, -r * 0.42, r * 0.1, r * 0.3, "#BDEBF7", Role.Detail);
                c.Pop();
                break;
            case "backpack":
                c.Path(p => p.M(x - r * 0.25, y - r * 0.7).Q(x, y - r * 1.05, x + r * 0.25, y - r * 0.7).Z(), "#B8403A", Role.Detail);
                c.Rect(x - r * 0.65, y - r * 0.75, r * 1.3, r * 1.72, "#E4574C", Role.Contour, r * 0.35);
                c.Path(p => p.M(x - r * 0.65, y - r * 0.25).Q(x, y - r * 0.05, x + r * 0.65, y - r * 0.25).L(x + r * 0.65, y - r * 0.45).Q(x, y - r * 0.9, x - r * 0.65, y - r * 0.45).Z(), "#C7443D", Role.Detail);
                c.Rect(x - r * 0.42, y + r * 0.2, r * 0.84, r * 0.55, "#F28D7C", Role.Detail, r * 0.12);
                c.Rect(x - r * 0.08, y - r * 0.2, r * 0.16, r * 0.22, "#F9D65C", Role.Detail);
                break;
            case "lunchbox":
                c.Stroke(p => p.M(x - r * 0.3, y - r * 0.3).Q(x, y - r * 0.75, x + r * 0.3, y - r * 0.3), "#2E7D4F", Math.Max(1, r * 0.12));
                c.Rect(x - r * 0.85, y - r * 0.32, r * 1.7, r * 1.25, "#4CAF6A", Role.Contour, r * 0.15);
                c.Rect(x - r * 0.85, y - r * 0.32, r * 1.7, r * 0.32, "#3E9A5A", Role.Detail, r * 0.12);
                c.Rect(x - r * 0.12, y - r * 0.08, r * 0.24, r * 0.22, "#F9D65C", Role.Detail);
                c.Circle(x - r * 0.45, y + r * 0.5, r * 0.16, "#E4574C", Role.Detail);
                c.Circle(x + r * 0.45, y + r * 0.5, r * 0.16, "#F9D65C", Role.Detail);
                break;
            case "crayons":
                string[] colors = ["#E4574C", "#5B9BD5", "#F9D65C", "#4CAF6A", "#9B6BC7"];
                for (var i = 0; i < colors.Length; i++)
                {
                    var cx = x - r * 0.6 + i * r * 0.3;
                    var top = y - r * (0.75 + (i % 2) * 0.15);
                    c.Polygon([(cx - r * 0.12, top), (cx, top - r * 0.25), (cx + r * 0.12, top)], colors[i], Role.Detail);
                    c.Rect(cx - r * 0.12, top, r * 0.24, r * 0.8, colors[i], Role.Detail);
                }
                c.Rect(x - r * 0.85, y - r * 0.15, r * 1.7, r * 1.1, "#F2B705", Role.Contour, r * 0.08);
                c.Rect(x - r * 0.6, y + r * 0.15, r * 1.2, r * 0.4, "#4CAF6A", Role.Detail, r * 0.2);
                break;
            case "blocks":
                Block(c, x - r * 0.48, y + r * 0.52, r * 0.46, "#E4574C");
                Block(c, x + r * 0.48, y + r * 0.52, r * 0.46, "#5B9BD5");
                Block(c, x, y - r * 0.42, r * 0.46, "#F9D65C");
                break;
            case "drawing":
                c.Rect(x - r, y - r * 0.72, r * 2, r * 1.44, "#FFFFFF", Role.Contour, r * 0.04);
                c.Rect(x - r * 0.9, y + r * 0.3, r * 1.8, r * 0.32, "#7CC47A", Role.Detail);
                c.Circle(x + r * 0.55, y - r * 0.35, r * 0.2, "#F9D65C", Role.Detail);
                c.Rect(x - r * 0.55, y - r * 0.1, r * 0.55, r * 0.45, "#F28D7C", Role.Detail);
                c.Polygon([(x - r * 0.65, y - r * 0.1), (x - r * 0.27, y - r * 0.45), (x + r * 0.1, y - r * 0.1)], "#5B7FD6", Role.Detail);
                c.Rect(x - r * 0.34, y + r * 0.1, r * 0.14, r * 0.25, "#8B5A3C", Role.Detail);
                break;
            case "medal":
                // A gold medal on a red and blue ribbon.
                c.Polygon([(x - r * 0.45, y - r), (x - r * 0.15, y - r), (x + r * 0.1, y - r * 0.1), (x - r * 0.2, y - r * 0.1)], "#E4574C", Role.Detail);
                c.Polygon([(x + r * 0.45, y - r), (x + r * 0.15, y - r), (x - r * 0.1, y - r * 0.1), (x + r * 0.2, y - r * 0.1)], "#5B7FD6", Role.Detail);
                c.Circle(x, y + r * 0.35, r * 0.55, "#F2B705");
                c.Circle(x, y + r * 0.35, r * 0.4, "#F9D65C", Role.Detail);
                Star(c, x, y + r * 0.35, r * 0.28, "#E0A100");
                break;
            case "sticker":
                c.Circle(x, y, r * 0.5, "#FFFFFF");
                c.Circle(x, y, r * 0.42, "#F9D65C", Role.Detail);
                Star(c, x, y, r * 0.32, "#E4574C");
                break;
            case "photo":
                c.Rect(x - r * 0.85, y - r * 0.65, r * 1.7, r * 1.3, "#8B5A3C", Role.Contour, r * 0.06);
                c.Rect(x - r * 0.68, y - r * 0.5, r * 1.36, r, "#BDE3F5", Role.Detail);
                c.Rect(x - r * 0.68, y + r * 0.2, r * 1.36, r * 0.3, "#8CCB7E", Role.Detail);
                foreach (var (dx, hc, bc) in new[] { (-0.3, "#F1C7A5", "#E4574C"), (0.25, "#A5714F", "#5B9BD5") })
                {
                    c.Rect(x + r * (dx - 0.13), y - r * 0.05, r * 0.26, r * 0.4, bc, Role.Detail, r * 0.08);
                    c.Circle(x + r * dx, y - r * 0.18, r * 0.15, hc, Role.Detail);
                }
                break;
            case "comb":
                c.Rect(x - r, y - r * 0.3, r * 2, r * 0.3, "#F28DB2", Role.Contour, r * 0.08);
                for (var i = 0; i < 9; i++) c.Rect(x - r * 0.92 + i * r * 0.22, y, r * 0.09, r * 0.45, "#F28DB2", Role.Detail);
                break;
            case "scissors":
                c.Polygon([(x - r * 0.1, y + r * 0.05), (x + r, y - r * 0.55), (x + r * 0.05, y - r * 0.12)], "#C9D2DD");
                c.Polygon([(x - r * 0.1, y - r * 0.05), (x + r, y + r * 0.55), (x + r * 0.05, y + r * 0.12)], "#C9D2DD");
                c.Circle(x - r * 0.5, y - r * 0.32, r * 0.3, "#E4574C");
                c.Circle(x - r * 0.5, y - r * 0.32, r * 0.15, "#FFFFFF", Role.Detail);
                c.Circle(x - r * 0.5, y + r * 0.32, r * 0.3, "#E4574C");
                c.Circle(x - r * 0.5, y + r * 0.32, r * 0.15, "#FFFFFF", Role.Detail);
                c.Circle(x, y, r * 0.07, Palette.Ink, Role.Dark);
                break;
            case "potty":
                c.Ellipse(x + r * 0.8, y - r * 0.05, r * 0.22, r * 0.15, "#5BC0EB");
                c.Path(p => p.M(x - r * 0.8, y - r * 0.2).L(x + r * 0.8, y - r * 0.2).Q(x + r * 0.75, y + r * 0.9, x + r * 0.4, y + r).L(x - r * 0.4, y + r).Q(x - r * 0.75, y + r * 0.9, x - r * 0.8, y - r * 0.2).Z(), "#5BC0EB");
                c.Ellipse(x, y - r * 0.22, r * 0.88, r * 0.2, "#FFFFFF");
                c.Ellipse(x, y - r * 0.22, r * 0.6, r * 0.1, "#BDEBF7", Role.Detail);
                break;
            case "crib":
                const string wood = "#E8C39A";
                c.Rect(x - r, y - r * 0.9, r * 0.12, r * 1.9, wood);
                c.Rect(x + r * 0.88, y - r * 0.9, r * 0.12, r * 1.9, wood);
                c.Rect(x - r * 0.9, y + r * 0.1, r * 1.8, r * 0.32, "#FFFFFF", Role.Detail);
                c.Rect(x - r * 0.9, y + r * 0.0, r * 1.8, r * 0.2, "#F4B6C8", Role.Detail);
                c.Rect(x - r * 0.9, y + r * 0.42, r * 1.8, r * 0.14, wood, Role.Detail);
                c.Rect(x - r * 0.9, y - r * 0.65, r * 1.8, r * 0.12, wood, Role.Detail);
                for (var i = 1; i < 8; i++) c.Rect(x - r * 0.9 + i * r * 0.225 - r * 0.03, y - r * 0.55, r * 0.06, r * 0.98, wood, Role.Detail);
                c.Rect(x - r * 0.95, y + r * 0.56, r * 0.08, r * 0.44, wood, Role.Detail);
                c.Rect(x + r * 0.87, y + r * 0.56, r * 0.08, r * 0.44, wood, Role.Detail);
                break;
            default:
                return false;
        }
        return true;
    }

    private static void Block(SvgCanvas c, double x, double y, double s, string color)
    {
        c.Rect(x - s, y - s, s * 2, s * 2, color, Role.Contour, s * 0.12);
        c.Rect(x - s * 0.62, y - s * 0.62, s * 1.24, s * 1.24, Palette.Lighten(color, 0.4), Role.Detail, s * 0.08);
        c.Circle(x, y, s * 0.3, color, Role.Detail);
    }
}
