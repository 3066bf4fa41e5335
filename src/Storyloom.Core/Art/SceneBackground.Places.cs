using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>The outdoor places children go: town, playground, park, garden, castle.</summary>
internal static partial class SceneBackground
{
    private static void Town(SvgCanvas c, SceneLayout l, Rng rng)
    {
        Ground(c, l, "#A8D88A", "#86C06C");
        var colors = new[] { "#F7C59F", "#A7C7E7", "#F4A6B8", "#FFE08A", "#B8E0B4" };
        const int n = 5;
        var width = l.Width / n;
        var shopAt = rng.Next(n);
        var baseY = l.Horizon + 0.02 * l.Height;
        for (var i = 0; i < n; i++)
        {
            var tall = Math.Max(50, MaxTall(l, rng.Range(0.18, 0.28) * l.Height));
            var x = i * width + width * 0.12;
            var hw = width * 0.76;
            var body = tall * 0.62;
            var color = colors[(i + rng.Next(5)) % 5];
            c.BeginObject(i == shopAt ? "shop" : "house");
            c.Rect(x, baseY - body, hw, body, color);
            if (i == shopAt)
            {
                c.Rect(x - 3, baseY - body - tall * 0.12, hw + 6, tall * 0.14, "#5B7FD6", Role.Contour, 2);
                for (var k = 0; k < 6; k++) c.Path(p => p.M(x - 3 + k * (hw + 6) / 6, baseY - body + tall * 0.02).Q(x - 3 + (k + 0.5) * (hw + 6) / 6, baseY - body + tall * 0.1, x - 3 + (k + 1) * (hw + 6) / 6, baseY - body + tall * 0.02).Z(), k % 2 == 0 ? "#E4574C" : "#FFFFFF", Role.Detail);
                c.Rect(x + hw * 0.08, baseY - body * 0.62, hw * 0.5, body * 0.42, "#BFE3F5", Role.Detail);
                foreach (var (fx, fc) in new[] { (0.18, "#E4574C"), (0.33, "#F9D65C"), (0.47, "#4CAF6A") }) c.Circle(x + hw * fx, baseY - body * 0.26, hw * 0.05, fc, Role.Detail);
                c.Rect(x + hw * 0.64, baseY - body * 0.6, hw * 0.26, body * 0.6, "#8B5A3C", Role.Detail);
            }
            else
            {
                c.Polygon([(x - 4, baseY - body), (x + hw / 2, baseY - tall), (x + hw + 4, baseY - body)], rng.Pick(new[] { "#C8553D", "#7D6A8C", "#5B7FD6" }));
                c.Rect(x + hw * 0.38, baseY - body * 0.45, hw * 0.24, body * 0.45, "#8B5A3C", Role.Detail);
                c.Rect(x + hw * 0.1, baseY - body * 0.8, hw * 0.22, body * 0.22, "#FFF4C9", Role.Detail);
                c.Rect(x + hw * 0.68, baseY - body * 0.8, hw * 0.22, body * 0.22, "#FFF4C9", Role.Detail);
            }
            c.EndObject();
        }
        Mark(c, "street", () =>
        {
            c.Rect(0, baseY, l.Width, 0.02 * l.Height, "#D9D4CC", Role.Background);
            c.Rect(0, baseY + 0.02 * l.Height, l.Width, 0.05 * l.Height, "#8A8F99", Role.Background);
            for (var x = 0.03 * l.Width; x < l.Width; x += 0.16 * l.Width) c.Rect(x, baseY + 0.043 * l.Height, 0.07 * l.Width, 0.006 * l.Height, "#F4F1EA", Role.Background);
        });
        GroundDetails(c, l, rng, "flower", 2);
    }

    private static void Playground(SvgCanvas c, SceneLayout l, Rng rng, SceneSpots spots)
    {
        c.Ellipse(l.X(0.3), l.Horizon + 10, l.Width * 0.5, 0.1 * l.Height, "#9CCB7C", Role.Background);
        foreach (var f in new[] { 0.05, 0.95 }) Tree(c, l.X(f), l.Horizon + 4, MaxTall(l, 0.3 * l.Height), false, "#5FAF5A");
        Ground(c, l, "#A8D88A", "#86C06C");
        var tall = Math.Max(50, MaxTall(l, 0.28 * l.Height));
        var b = l.Horizon + 0.03 * l.Height;
        Mark(c, "slide", () =>
        {
            var x = l.X(0.22);
            var d = l.Mirror ? -1 : 1;
            c.Rect(x - tall * 0.2, b - tall, tall * 0.05, tall, "#5B7FD6", Role.Detail);
            c.Rect(x - tall * 0.02, b - tall, tall * 0.05, tall, "#5B7FD6", Role.Detail);
            for (var i = 1; i < 5; i++) c.Rect(x - tall * 0.2, b - tall * i * 0.2, tall * 0.22, tall * 0.03, "#5B7FD6", Role.Detail);
            c.Rect(x - tall * 0.22, b - tall * 1.02, tall * 0.28, tall * 0.06, "#F9D65C", Role.Detail);
            c.Path(p => p.M(x + d * tall * 0.03, b - tall).Q(x + d * tall * 0.3, b - tall * 0.85, x + d * tall * 0.5, b - tall * 0.2).L(x + d * tall * 0.7, b).L(x + d * tall * 0.6, b + 2)
                .L(x + d * tall * 0.42, b - tall * 0.15).Q(x + d * tall * 0.25, b - tall * 0.75, x + d * tall * 0.03, b - tall * 0.88).Z(), "#E4574C");
            spots.Rests["slide"] = (x + d * tall * 0.62, b + 2, tall * 0.1);
        });
        Mark(c, "swing", () =>
        {
            var x0 = l.Left(0.55, 0.3 * l.Width);
            var x1 = x0 + 0.3 * l.Width;
            var w = Math.Max(2, tall * 0.035);
            c.Stroke(p => p.M(x0, b).L(x0 + tall * 0.15, b - tall).L(x1 - tall * 0.15, b - tall).L(x1, b), "#C8553D", w);
            c.Stroke(p => p.M(x0 + tall * 0.3, b).L(x0 + tall * 0.15, b - tall), "#C8553D", w);
            c.Stroke(p => p.M(x1 - tall * 0.3, b).L(x1 - tall * 0.15, b - tall), "#C8553D", w);
            foreach (var f in new[] { 0.33, 0.67 })
            {
                var sx = x0 + (x1 - x0) * f;
                c.Stroke(p => p.M(sx - tall * 0.08, b - tall).L(sx - tall * 0.08, b - tall * 0.3), "#6B5B4B", w * 0.4);
                c.Stroke(p => p.M(sx + tall * 0.08, b - tall).L(sx + tall * 0.08, b - tall * 0.3), "#6B5B4B", w * 0.4);
                c.Rect(sx - tall * 0.12, b - tall * 0.32, tall * 0.24, tall * 0.05, "#F9D65C", Role.Detail, 2);
                spots.Rests.TryAdd("swing", (sx, b - tall * 0.32, tall * 0.1));
            }
        });
        Mark(c, "sandpit", () =>
        {
            var x = l.X(0.85);
            var y = Math.Min(l.Horizon + 0.09 * l.Height, l.FreeBottom - 0.06 * l.Height);
            c.Ellipse(x, y, 0.13 * l.Width, 0.035 * l.Height, "#C8A165");
            c.Ellipse(x, y, 0.115 * l.Width, 0.026 * l.Height, "#F3D9A0", Role.Detail);
            PropPainter.Prop(c, "bucket", x + 0.04 * l.Width, y - 6, 7);
            spots.Rests["sandpit"] = (x - 0.04 * l.Width, y + 0.01 * l.Height, 0.025 * l.Height);
        });
    }

    private static void Park(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.X(0.7), l.Horizon + 10, l.Width * 0.5, 0.1 * l.Height, "#9CCB7C", Role.Background);
        Mark(c, "tree", () =>
        {
            foreach (var f in new[] { 0.1, 0.42, 0.9 })
                Tree(c, l.X(f + rng.Range(-0.04, 0.04)), l.Horizon + 4, Math.Max(40, MaxTall(l, rng.Range(0.28, 0.38) * l.Height)), false, rng.Pick(new[] { "#4C9A52", "#5FAF5A" }));
        });
        Ground(c, l, "#A8D88A", "#7FBF5E");
        Mark(c, "path", () =>
        {
            var x = l.X(0.5);
            c.Path(p => p.M(x - 8, l.Horizon).Q(x - 0.2 * l.Width, l.Horizon + 0.15 * l.Height, x - 0.08 * l.Width, l.Height).L(x + 0.14 * l.Width, l.Height)
                .Q(x + 0.02 * l.Width, l.Horizon + 0.15 * l.Height, x + 8, l.Horizon).Z(), "#E9D8B4", Role.Background);
        });
        Mark(c, "pond", () =>
        {
            var x = l.X(0.8);
            var y = l.Horizon + 0.05 * l.Height;
            c.Ellipse(x, y, 0.14 * l.Width, 0.035 * l.Height, "#6FC3E8");
            c.Ellipse(x - 0.03 * l.Width, y - 0.008 * l.Height, 0.06 * l.Width, 0.01 * l.Height, "#A9E0F2", Role.Detail);
            c.Ellipse(x + 0.06 * l.Width, y + 0.005 * l.Height, 8, 3, "#4CAF6A", Role.Detail);
        });
        Mark(c, "bench", () =>
        {
            var x = l.X(0.22);
            var y = l.Horizon + 0.04 * l.Height;
            var s = Math.Max(40, 0.55 * l.Figure);
            c.Rect(x - s * 0.5, y - s * 0.55, s, s * 0.1, "#B07A4F", Role.Contour, 2);
            c.Rect(x - s * 0.5, y - s * 0.4, s, s * 0.1, "#B07A4F", Role.Contour, 2);
            c.Rect(x - s * 0.55, y - s * 0.25, s * 1.1, s * 0.1, "#9A6A45", Role.Contour, 2);
            foreach (var dx in new[] { -0.45, 0.4 }) c.Rect(x + s * dx, y - s * 0.15, s * 0.06, s * 0.17, "#3A3440", Role.Detail);
        });
        GroundDetails(c, l, rng, "flower", 3);
    }

    private static void Garden(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.X(0.3), l.Horizon + 10, l.Width * 0.5, 0.1 * l.Height, "#9CCB7C", Role.Background);
        Tree(c, l.X(0.88), l.Horizon, MaxTall(l, 0.32 * l.Height), false, "#4C9A52");
        Ground(c, l, "#A8D88A", "#7FBF5E");
        Mark(c, "fence", () =>
        {
            var y = l.Horizon + 0.01 * l.Height;
            var ph = Math.Max(20, Math.Min(0.08 * l.Height, l.Horizon - l.FreeTop - 4));
            for (var x = 0.01 * l.Width; x < l.Width; x += l.Width / 16)
                c.Polygon([(x, y), (x, y - ph * 0.85), (x + l.Width / 64, y - ph), (x + l.Width / 32, y - ph * 0.85), (x + l.Width / 32, y)], "#FFFFFF", Role.Detail);
            c.Rect(0, y - ph * 0.7, l.Width, ph * 0.1, "#FFFFFF", Role.Detail);
            c.Rect(0, y - ph * 0.3, l.Width, ph * 0.1, "#FFFFFF", Role.Detail);
        });
        Mark(c, "vegetable patch", () =>
        {
            var w = 0.36 * l.Width;
            var x0 = l.Left(0.58, w);
            var y0 = l.Horizon + 0.035 * l.Height;
            var hh = Math.Min(0.08 * l.Height, Math.Max(20, l.FreeBottom - y0 - 0.04 * l.Height));
            c.Rect(x0, y0, w, hh, "#8B5A3C", Role.Contour, 4);
            for (var row = 0; row < 2; row++)
                for (var k = 0; k < 6; k++)
                {
                    var vx = x0 + (k + 0.5) * w / 6;
                    var vy = y0 + (row + 0.5) * hh / 2;
                    if (row == 0)
                    {
                        c.Polygon([(vx - 4, vy), (vx + 4, vy), (vx, vy + 9)], "#FF9E3D", Role.Detail);
                        c.Path(p => p.M(vx, vy).Q(vx - 6, vy - 10, vx - 2, vy - 12).Q(vx, vy - 6, vx + 4, vy - 12).Q(vx + 6, vy - 6, vx, vy).Z(), "#4CAF6A", Role.Detail);
                    }
                    else c.Circle(vx, vy, 6, "#7CC47A", Role.Detail);
                }
        });
        Mark(c, "flower", () =>
        {
            for (var i = 0; i < 9; i++)
            {
                var x = l.X(0.03 + i * 0.06 + rng.Range(0, 0.02));
                var y = l.Horizon + rng.Range(0.02, 0.1) * l.Height;
                if (y < l.FreeBottom - 10) PropPainter.Prop(c, "flower", x, y - 10, rng.Range(7, 10));
            }
        });
    }

    private static void Castle(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var tall = Math.Max(70, MaxTall(l, 0.36 * l.Height));
        c.Ellipse(l.X(0.5), l.Horizon + 12, l.Width * 0.6, 0.08 * l.Height, "#8FC06E", Role.Background);
        const string stone = "#C9C3D9";
        var b = l.Horizon + 0.02 * l.Height;
        var cx = l.X(rng.Range(0.45, 0.55));
        var half = 0.3 * l.Width;
        Mark(c, "wall", () =>
        {
            c.Rect(cx - half, b - tall * 0.55, half * 2, tall * 0.55, stone);
            for (var x = cx - half; x < cx + half - 4; x += half / 6) c.Rect(x, b - tall * 0.63, half / 12, tall * 0.08, stone, Role.Detail);
            for (var i = 0; i < 8; i++) c.Rect(cx - half + rng.Range(0.05, 0.9) * half * 2, b - tall * rng.Range(0.1, 0.5), 12, 6, "#B3ACC6", Role.Detail);
        });
        Mark(c, "tower", () =>
        {
            foreach (var tx in new[] { cx - half, cx + half })
            {
                c.Rect(tx - tall * 0.13, b - tall * 0.85, tall * 0.26, tall * 0.85, "#B8B1CC");
                c.Polygon([(tx - tall * 0.17, b - tall * 0.85), (tx, b - tall * 1.1), (tx + tall * 0.17, b - tall * 0.85)], "#7D6A8C");
                c.Rect(tx - 1, b - tall * 1.22, 2, tall * 0.13, "#6B5B4B", Role.Detail);
                c.Polygon([(tx + 1, b - tall * 1.22), (tx + tall * 0.1, b - tall * 1.18), (tx + 1, b - tall * 1.14)], "#E4574C", Role.Detail);
                c.Path(p => p.M(tx - tall * 0.04, b - tall * 0.5).L(tx - tall * 0.04, b - tall * 0.6).Q(tx, b - tall * 0.66, tx + tall * 0.04, b - tall * 0.6).L(tx + tall * 0.04, b - tall * 0.5).Z(), "#3A3440", Role.Detail);
            }
        });
        Mark(c, "gate", () =>
        {
            var gw = tall * 0.16;
            c.Path(p => p.M(cx - gw, b).L(cx - gw, b - tall * 0.25).Q(cx, b - tall * 0.42, cx + gw, b - tall * 0.25).L(cx + gw, b).Z(), "#6B4A32");
            for (var i = -2; i <= 2; i++) c.Rect(cx + i * gw * 0.38 - 1, b - tall * 0.3, 2, tall * 0.3, "#3A3440", Role.Detail);
            c.Rect(cx - gw, b - tall * 0.16, gw * 2, 2, "#3A3440", Role.Detail);
        });
        Ground(c, l, "#A8D88A", "#7FBF5E");
        GroundDetails(c, l, rng, "flower", 3);
    }
}
