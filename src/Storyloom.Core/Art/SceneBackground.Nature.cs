using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>The wild places: forest, beach, under the sea, snowy mountains, space and the farm.</summary>
internal static partial class SceneBackground
{
    private static void Forest(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.Width * 0.25, l.Horizon + 10, l.Width * 0.45, 0.12 * l.Height, "#7DB86A", Role.Background);
        c.Ellipse(l.Width * 0.8, l.Horizon + 10, l.Width * 0.4, 0.1 * l.Height, "#6CAA5C", Role.Background);
        Mark(c, "tree", () =>
        {
            foreach (var x in Spread(6, l.Width, rng))
                Tree(c, x, l.Horizon + rng.Range(0, 0.03) * l.Height, MaxTall(l, rng.Range(0.25, 0.4) * l.Height), rng.Chance(0.4), rng.Pick(new[] { "#4C9A52", "#5FAF5A", "#3E8A4A" }));
        });
        Ground(c, l, "#9AD07A", "#6DB356");
        Mark(c, "bush", () =>
        {
            foreach (var f in new[] { 0.08, 0.93 }) Bush(c, l.X(f), l.Horizon + 0.05 * l.Height, 0.05 * l.Height, "#3E8A4A");
        });
        GroundDetails(c, l, rng, "flower", 4);
        Mark(c, "mushroom", () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var x = l.X(rng.Range(0.05, 0.95));
                var y = rng.Range(l.Horizon + 0.05 * l.Height, Math.Max(l.Horizon + 0.06 * l.Height, l.FreeBottom - 0.05 * l.Height));
                c.Rect(x - 3, y - 8, 6, 9, "#F6EBDD", Role.Detail);
                c.Path(p => p.M(x - 10, y - 7).Q(x, y - 20, x + 10, y - 7).Z(), "#E4574C", Role.Detail);
                c.Circle(x - 3, y - 12, 1.6, "#FFFFFF", Role.Background);
                c.Circle(x + 4, y - 10, 1.3, "#FFFFFF", Role.Background);
            }
        });
    }

    private static void Beach(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var seaBottom = l.Horizon + 0.08 * l.Height;
        c.BeginObject("sea");
        c.Rect(0, l.Horizon - 0.1 * l.Height, l.Width, seaBottom - l.Horizon + 0.1 * l.Height, c.LinearGradient("sea", "#4FB3D9", "#8ED8EE"), Role.Background);
        c.EndObject();
        c.BeginObject("wave");
        for (var i = 0; i < 6; i++)
        {
            var x = rng.Range(0.05, 0.9) * l.Width;
            var y = rng.Range(l.Horizon - 0.08 * l.Height, seaBottom - 0.02 * l.Height);
            if (y < l.FreeTop + 10) continue;
            c.Stroke(p => p.M(x, y).Q(x + 8, y - 5, x + 16, y).Q(x + 24, y - 5, x + 32, y), "#FFFFFF", 1.5);
        }
        c.Path(p => p.M(0, seaBottom).Q(l.Width * 0.5, seaBottom - 0.06 * l.Height, l.Width, seaBottom).Z(), "#FFFFFF", Role.Background);
        c.EndObject();
        c.BeginObject("sand");
        c.Path(p => p.M(0, seaBottom).Q(l.Width * 0.5, seaBottom - 0.03 * l.Height, l.Width, seaBottom).L(l.Width, l.Height).L(0, l.Height).Z(), c.LinearGradient("sand", "#F8E2B0", "#EFCB8A"), Role.Background);
        c.EndObject();
        var ux = rng.Chance(0.5) ? 0.12 * l.Width : 0.88 * l.Width;
        var tall = MaxTall(l, 0.22 * l.Height);
        if (tall > 40)
        {
            c.Rect(ux - 2, seaBottom - tall * 0.6, 4, tall * 0.8, "#6B5B4B", Role.Detail);
            c.Path(p => p.M(ux - tall * 0.4, seaBottom - tall * 0.55).Q(ux, seaBottom - tall * 1.0, ux + tall * 0.4, seaBottom - tall * 0.55).Z(), "#E4574C");
        }
        GroundDetails(c, l, rng, "shell", 4);
    }

    private static void Farm(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.Width * 0.7, l.Horizon + 12, l.Width * 0.5, 0.1 * l.Height, "#C9D86A", Role.Background);
        var tall = MaxTall(l, 0.3 * l.Height);
        var bx = rng.Chance(0.5) ? 0.08 * l.Width : 0.62 * l.Width;
        var bw = 0.3 * l.Width;
        tall = Math.Max(tall, 44);
        c.BeginObject("barn");
        {
            c.Rect(bx, l.Horizon - tall * 0.6, bw, tall * 0.62, "#C8453D");
            c.Polygon([(bx - 6, l.Horizon - tall * 0.6), (bx + bw / 2, l.Horizon - tall), (bx + bw + 6, l.Horizon - tall * 0.6)], "#8E2F2A");
            c.Rect(bx + bw * 0.35, l.Horizon - tall * 0.35, bw * 0.3, tall * 0.37, "#FFFFFF", Role.Detail);
            c.Polygon([(bx + bw * 0.35, l.Horizon - tall * 0.35), (bx + bw * 0.65, l.Horizon), (bx + bw * 0.62, l.Horizon), (bx + bw * 0.35, l.Horizon - tall * 0.31)], "#C8453D", Role.Detail);
        }
        c.EndObject();
        Ground(c, l, "#A8D88A", "#7FBF5E");
        c.BeginObject("field");
        var fx0 = bx < l.Width / 2 ? 0.45 * l.Width : 0.02 * l.Width;
        c.Path(p => p.M(fx0, l.Horizon + 2).L(fx0 + 0.5 * l.Width, l.Horizon - 2).L(fx0 + 0.52 * l.Width, l.Horizon + 0.04 * l.Height).L(fx0 - 0.02 * l.Width, l.Horizon + 0.045 * l.Height).Z(), "#E9C46A", Role.Background);
        for (var i = 1; i < 4; i++)
        {
            var fy0 = l.Horizon + i * 0.01 * l.Height;
            c.Stroke(p => p.M(fx0, fy0).L(fx0 + 0.5 * l.Width, fy0 - 1), "#C9A34A", 1.4);
        }
        c.EndObject();
        var fy = l.Horizon + 0.05 * l.Height;
        c.BeginObject("fence");
        if (fy < l.FreeBottom - 20)
        {
            for (var x = 0.0; x < l.Width; x += l.Width / 12) c.Rect(x, fy - 26, 6, 30, "#E8D3B0", Role.Detail);
            c.Rect(0, fy - 20, l.Width, 5, "#E8D3B0", Role.Detail);
            c.Rect(0, fy - 8, l.Width, 5, "#E8D3B0", Role.Detail);
        }
        c.EndObject();
        GroundDetails(c, l, rng, "flower", 3);
    }

    private static void Space(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var r = Math.Min(0.09 * l.Width, (l.Horizon - l.FreeTop) * 0.3);
        if (r > 10)
        {
            var x = rng.Range(0.15, 0.85) * l.Width;
            var y = l.FreeTop + r * 1.6;
            c.BeginObject("planet");
            c.Ellipse(x, y, r * 1.7, r * 0.4, "#F2B705", Role.Detail, -12);
            c.Circle(x, y, r, "#B48EDB");
            c.Path(p => p.M(x - r * 1.7, y + r * 0.36).Q(x, y + r * 0.05, x + r * 1.7, y - r * 0.36).Q(x, y + r * 0.6, x - r * 1.7, y + r * 0.36).Z(), "#F2B705", Role.Detail);
            c.Circle(rng.Range(0.1, 0.9) * l.Width, l.FreeTop + r * 0.9, r * 0.4, "#6FC3E8");
            c.EndObject();
        }
        c.BeginObject("moon");
        var mx = l.X(0.86);
        var my = l.FreeTop + Math.Max(26, (l.Horizon - l.FreeTop) * 0.22);
        c.Circle(mx, my, 20, "#EDEAF5");
        c.Circle(mx - 6, my - 5, 5, "#C9C3D9", Role.Detail);
        c.Circle(mx + 7, my + 6, 3.5, "#C9C3D9", Role.Detail);
        c.EndObject();
        c.Path(p => p.M(0, l.Horizon + 10).Q(l.Width * 0.5, l.Horizon - 0.05 * l.Height, l.Width, l.Horizon + 10).L(l.Width, l.Height).L(0, l.Height).Z(), c.LinearGradient("ground", "#C9C3D9", "#9C95B5"), Role.Background);
        for (var i = 0; i < 5; i++)
        {
            var y = rng.Range(l.Horizon + 0.04 * l.Height, Math.Max(l.Horizon + 0.05 * l.Height, l.FreeBottom - 0.04 * l.Height));
            c.Ellipse(rng.Range(0.05, 0.95) * l.Width, y, rng.Range(10, 22), rng.Range(3, 6), "#8B84A6", Role.Detail);
        }
    }

    private static void Underwater(SvgCanvas c, SceneLayout l, Rng rng)
    {
        for (var i = 0; i < 14; i++)
        {
            var y = rng.Range(l.FreeTop + 0.03 * l.Height, l.FreeBottom - 0.05 * l.Height);
            c.Circle(rng.Range(0.03, 0.97) * l.Width, y, rng.Range(2, 6), "#BDEBF7", Role.Detail);
        }
        c.Path(p => p.M(0, l.Horizon + 20).Q(l.Width * 0.4, l.Horizon - 0.02 * l.Height, l.Width, l.Horizon + 10).L(l.Width, l.Height).L(0, l.Height).Z(), c.LinearGradient("ground", "#F3DDA8", "#D8B878"), Role.Background);
        c.BeginObject("seaweed");
        foreach (var x in Spread(7, l.Width, rng))
        {
            var tall = Math.Max(24, MaxTall(l, rng.Range(0.12, 0.28) * l.Height));
            if (tall < 20) continue;
            var b = l.Horizon + 15;
            c.Path(p => p.M(x - 5, b).C(x - 16, b - tall * 0.3, x + 6, b - tall * 0.6, x - 2, b - tall).C(x + 8, b - tall * 0.6, x - 6, b - tall * 0.3, x + 5, b).Z(), rng.Pick(new[] { "#3FA56B", "#4CAF6A", "#2E8B57" }));
        }
        c.EndObject();
        c.BeginObject("rock");
        foreach (var f in new[] { 0.1, 0.62 })
        {
            var x = l.X(f + rng.Range(-0.05, 0.05));
            var y = l.Horizon + 0.03 * l.Height;
            c.Path(p => p.M(x - 34, y + 8).Q(x - 36, y - 18, x - 6, y - 24).Q(x + 26, y - 22, x + 32, y + 8).Z(), "#8C8FA3");
            c.Ellipse(x - 8, y - 12, 8, 4, "#A9ACBD", Role.Detail);
        }
        c.EndObject();
        c.BeginObject("coral");
        foreach (var f in new[] { 0.3, 0.85 })
        {
            var x = l.X(f + rng.Range(-0.04, 0.04));
            var b = l.Horizon + 0.04 * l.Height;
            var t = Math.Max(16, MaxTall(l, 0.12 * l.Height));
            var col = rng.Pick(new[] { "#FF7F7F", "#F28DB2", "#FF9E5E" });
            foreach (var (angle, len) in new[] { (-55.0, 0.6), (-28, 0.85), (0, 1.0), (26, 0.8), (52, 0.62) })
            {
                var a = angle * Math.PI / 180;
                var (tx, ty) = (x + Math.Sin(a) * t * len, b - Math.Cos(a) * t * len);
                c.Stroke(p => p.M(x, b).Q(x + Math.Sin(a) * t * len * 0.3, b - t * len * 0.6, tx, ty), col, t * 0.12);
                c.Circle(tx, ty, t * 0.09, Palette.Lighten(col, 0.25), Role.Detail);
            }
            c.Ellipse(x, b, t * 0.22, t * 0.08, Palette.Darken(col, 0.1), Role.Detail);
        }
        c.EndObject();
        for (var i = 0; i < 3; i++)
        {
            var x = rng.Range(0.1, 0.9) * l.Width;
            var y = rng.Range(l.FreeTop + 0.1 * l.Height, l.Horizon - 0.05 * l.Height);
            if (y <= l.FreeTop) continue;
            c.Polygon([(x - 10, y), (x - 16, y - 6), (x - 16, y + 6)], "#FF9E5E", Role.Detail);
            c.Ellipse(x, y, 10, 6, "#FF9E5E", Role.Detail);
            c.Circle(x + 5, y - 1, 1.4, Palette.Eye, Role.Dark);
        }
    }

    private static void Snowy(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var tall = Math.Max(40, MaxTall(l, 0.32 * l.Height));
        c.BeginObject("mountain");
        {
            foreach (var x in new[] { 0.2, 0.55, 0.88 })
            {
                var mx = (x + rng.Range(-0.05, 0.05)) * l.Width;
                var mt = tall * rng.Range(0.7, 1);
                var half = l.Width * 0.28;
                c.Polygon([(mx - half, l.Horizon + 5), (mx, l.Horizon - mt), (mx + half, l.Horizon + 5)], "#8FA5C9");
                c.Polygon([(mx - half * 0.3, l.Horizon - mt * 0.7), (mx, l.Horizon - mt), (mx + half * 0.3, l.Horizon - mt * 0.7), (mx + half * 0.1, l.Horizon - mt * 0.62), (mx - half * 0.1, l.Horizon - mt * 0.72)], "#FFFFFF", Role.Detail);
            }
        }
        c.EndObject();
        c.BeginObject("snow");
        Ground(c, l, "#F7FBFF", "#D9E6F2");
        c.EndObject();
        c.BeginObject("pine tree");
        foreach (var x in Spread(4, l.Width, rng))
            Tree(c, x, l.Horizon + 8, Math.Max(30, MaxTall(l, 0.2 * l.Height)), true, "#3E7D5A");
        c.EndObject();
    }

    private static void Bush(SvgCanvas c, double x, double baseY, double s, string leaf)
    {
        c.Circle(x - s * 0.6, baseY - s * 0.5, s * 0.6, leaf);
        c.Circle(x + s * 0.6, baseY - s * 0.5, s * 0.6, leaf);
        c.Circle(x, baseY - s * 0.85, s * 0.7, Palette.Lighten(leaf, 0.08));
        c.Rect(x - s * 1.1, baseY - s * 0.5, s * 2.2, s * 0.5, leaf, Role.Detail, s * 0.2);
    }
}
