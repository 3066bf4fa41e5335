namespace Storyloom.Core.Art;

/// <summary>Small props (held or lying in the scene) and the big objects of coloring designs.</summary>
internal static class PropPainter
{
    /// <summary>A prop in a character's hand, in the character's local units (hand at hx, hy).</summary>
    public static void Held(SvgCanvas c, string prop, double hx, double hy)
    {
        switch (prop)
        {
            case "kite":
            case "balloon":
                c.Stroke(p => p.M(hx, hy).Q(hx + 14, hy - 30, hx + 10, hy - 58), "#5A4A5E", 0.8);
                Prop(c, prop, hx + 10, hy - 58, 16);
                break;
            default:
                Prop(c, prop, hx + 3, hy + 6, 11);
                break;
        }
    }

    /// <summary>A prop centred at (x, y) with radius-ish size r.</summary>
    public static void Prop(SvgCanvas c, string prop, double x, double y, double r)
    {
        switch (prop)
        {
            case "lantern":
                c.Rect(x - r * 0.15, y - r * 1.2, r * 0.3, r * 0.3, "#6B5B4B", Role.Detail);
                c.Rect(x - r * 0.6, y - r * 0.9, r * 1.2, r * 1.6, "#FFD45C", Role.Contour, r * 0.25);
                c.Rect(x - r * 0.7, y - r * 1.0, r * 1.4, r * 0.25, "#6B5B4B", Role.Detail);
                c.Rect(x - r * 0.7, y + r * 0.65, r * 1.4, r * 0.25, "#6B5B4B", Role.Detail);
                c.Ellipse(x, y - r * 0.1, r * 0.25, r * 0.4, "#FF8A3D", Role.Detail);
                break;
            case "kite":
                c.Polygon([(x, y - r), (x + r * 0.75, y), (x, y + r * 1.2), (x - r * 0.75, y)], "#E4574C");
                c.Polygon([(x, y - r), (x + r * 0.75, y), (x, y)], "#F2B705", Role.Detail);
                c.Polygon([(x, y), (x - r * 0.75, y), (x, y + r * 1.2)], "#F2B705", Role.Detail);
                c.Stroke(p => p.M(x, y + r * 1.2).Q(x - r * 0.4, y + r * 1.8, x + r * 0.2, y + r * 2.4), "#5A4A5E", 0.8);
                break;
            case "balloon":
                c.Ellipse(x, y, r * 0.8, r, "#E4574C");
                c.Polygon([(x, y + r), (x - r * 0.15, y + r * 1.2), (x + r * 0.15, y + r * 1.2)], "#E4574C", Role.Detail);
                break;
            case "ball":
                c.Circle(x, y, r * 0.75, "#E4574C");
                c.Path(p => p.M(x - r * 0.75, y).Q(x, y - r * 0.4, x + r * 0.75, y).Q(x, y + r * 0.4, x - r * 0.75, y).Z(), "#FFFFFF", Role.Detail);
                break;
            case "book":
                c.Rect(x - r * 0.8, y - r * 0.6, r * 1.6, r * 1.2, "#5B7FD6", Role.Contour, r * 0.1);
                c.Rect(x - r * 0.7, y - r * 0.5, r * 0.65, r * 1.0, "#FFFFFF", Role.Detail);
                c.Rect(x + r * 0.05, y - r * 0.5, r * 0.65, r * 1.0, "#FFFFFF", Role.Detail);
                break;
            case "flower":
                c.Rect(x - r * 0.06, y, r * 0.12, r * 1.1, "#4C9A52", Role.Detail);
                for (var i = 0; i < 5; i++)
                {
                    var a = i * Math.PI * 2 / 5;
                    c.Circle(x + Math.Sin(a) * r * 0.42, y - Math.Cos(a) * r * 0.42, r * 0.32, "#F28DB2", Role.Detail);
                }
                c.Circle(x, y, r * 0.26, "#F9D65C", Role.Detail);
                break;
            case "star":
                Star(c, x, y, r, "#FFD45C");
                break;
            case "shell":
                c.Path(p => p.M(x - r, y + r * 0.4).Q(x - r, y - r * 0.8, x, y - r * 0.8).Q(x + r, y - r * 0.8, x + r, y + r * 0.4).Q(x, y + r * 0.7, x - r, y + r * 0.4).Z(), "#F7C6B5");
                for (var i = -1; i <= 1; i++) c.Stroke(p => p.M(x, y + r * 0.45).L(x + i * r * 0.6, y - r * 0.55), "#D9907A", 0.9);
                break;
            case "snowflake":
                for (var i = 0; i < 3; i++)
                {
                    var a = i * Math.PI / 3;
                    c.Stroke(p => p.M(x - Math.Cos(a) * r, y - Math.Sin(a) * r).L(x + Math.Cos(a) * r, y + Math.Sin(a) * r), "#FFFFFF", 1.2);
                }
                break;
            case "bubbles":
                c.Circle(x, y, r * 0.5, "#BDEBF7", Role.Detail);
                c.Circle(x + r * 0.8, y - r * 0.9, r * 0.32, "#BDEBF7", Role.Detail);
                c.Circle(x - r * 0.5, y - r * 1.5, r * 0.22, "#BDEBF7", Role.Detail);
                break;
        }
    }

    public static void Star(SvgCanvas c, double x, double y, double r, string color, Role role = Role.Detail)
    {
        var pts = new List<(double, double)>();
        for (var i = 0; i < 10; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var rr = i % 2 == 0 ? r : r * 0.45;
            pts.Add((x + Math.Cos(a) * rr, y + Math.Sin(a) * rr));
        }
        c.Polygon(pts, color, role);
    }
}
