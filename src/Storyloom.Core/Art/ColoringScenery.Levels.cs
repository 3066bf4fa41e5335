using Storyloom.Core.Randomness;
using static Storyloom.Core.Art.ColoringShapes;

namespace Storyloom.Core.Art;

/// <summary>The simple level's calm backgrounds, the detailed level's textures, and the volcano and reef settings.</summary>
internal static partial class ColoringScenery
{
    /// <summary>Ages 3–5: a ground to stand on, a big round sky shape and one big shape at the side that says where we are.</summary>
    private static void Simple(SvgCanvas c, string setting, bool night, ColoringBox b, Rng rng)
    {
        var r = b.W * 0.075;
        var (sx, sy) = (b.Fit(1, r * 1.5), b.Y0 + r * 1.5);
        var g = b.Ground;
        var side = b.Fit(0.02, b.W * 0.17);
        switch (setting)
        {
            case "underwater" or "reef":
                c.Circle(sx, sy, r * 0.8, "white");
                c.Circle(b.Fit(0.05, r * 0.6), b.Y(0.3), r * 0.6, "white");
                break;
            case "space":
                PropPainter.Star(c, sx, sy, r * 1.1, "white", Role.Contour);
                c.Circle(side, b.Y(0.2), r * 0.9, "white");
                c.Ellipse(side, b.Y(0.2), r * 1.5, r * 0.5, "none");
                break;
            case "bedroom":
                c.Rect(b.X0, g - b.H * 0.04, b.W, b.Bottom - g + b.H * 0.04, "white");
                c.Rect(side - b.W * 0.09, b.Y(0.1), b.W * 0.18, b.W * 0.2, "white", Role.Contour, 8);
                Moon(c, side + b.W * 0.02, b.Y(0.1) + b.W * 0.1, r * 0.75);
                return;
            case "snowy-mountains":
                // The snow a caption promises: big falling flakes instead of a sun.
                Flake(c, sx, sy, r * 1.1);
                Flake(c, b.Fit(0.35, r), b.Y(0.1), r * 0.9);
                break;
            default:
                if (night) Moon(c, sx, sy, r * 1.1);
                else
                {
                    Puff(c, sx, sy, r * 1.05, r * 1.05, 9);
                    c.Circle(sx, sy, r * 0.75, "white");
                }
                break;
        }
        var lift = b.H * 0.025;
        // The setting's one landmark stands behind the ground line at the near side, half hidden by the subject.
        var foot = g + b.H * 0.02;
        var h = b.H * 0.42;
        switch (setting)
        {
            case "forest": Puff(c, side, foot - h * 0.62, b.W * 0.12, h * 0.3, 6); c.Rect(side - b.W * 0.04, foot - h * 0.4, b.W * 0.08, h * 0.4, "white"); break;
            case "town": c.Rect(side - b.W * 0.11, foot - h * 0.45, b.W * 0.22, h * 0.45, "white"); c.Polygon([(side - b.W * 0.14, foot - h * 0.45), (side, foot - h * 0.75), (side + b.W * 0.14, foot - h * 0.45)], "white"); break;
            case "farm": c.Polygon([(side - b.W * 0.13, foot), (side - b.W * 0.13, foot - h * 0.5), (side, foot - h * 0.75), (side + b.W * 0.13, foot - h * 0.5), (side + b.W * 0.13, foot)], "white"); break;
            case "beach": c.Path(p => p.M(side - b.W * 0.12, g - b.H * 0.1).Q(side, g - b.H * 0.16, side + b.W * 0.12, g - b.H * 0.1).Q(side, g - b.H * 0.12, side - b.W * 0.12, g - b.H * 0.1).Z(), "white"); break;
            case "snowy-mountains": c.Polygon([(side - b.W * 0.16, foot), (side, foot - h * 0.8), (side + b.W * 0.16, foot)], "white"); break;
            case "volcano": c.Path(p => p.M(side - b.W * 0.16, foot).L(side - b.W * 0.05, foot - h * 0.75).L(side + b.W * 0.05, foot - h * 0.75).L(side + b.W * 0.16, foot).Z(), "white"); break;
            case "reef": Puff(c, side, foot, b.W * 0.1, h * 0.45, 5, Math.PI, 2 * Math.PI); break;
            case "meadow": Band(c, b.X0 + b.W / 2, foot, b.W * 0.46, b.W * 0.1); break;
            case "jungle": Puff(c, side, foot - h * 0.7, b.W * 0.14, h * 0.22, 7); c.Rect(side - b.W * 0.025, foot - h * 0.6, b.W * 0.05, h * 0.6, "white"); break;
            case "garden": c.Path(p => p.M(side - b.W * 0.08, foot - h * 0.55).L(side - b.W * 0.04, foot - h * 0.42).L(side, foot - h * 0.6).L(side + b.W * 0.04, foot - h * 0.42).L(side + b.W * 0.08, foot - h * 0.55).C(side + b.W * 0.09, foot - h * 0.3, side - b.W * 0.09, foot - h * 0.3, side - b.W * 0.08, foot - h * 0.55).Z(), "white"); c.Rect(side - b.W * 0.012, foot - h * 0.36, b.W * 0.024, h * 0.36, "white"); break;
            case "picnic": c.Path(p => p.M(side - b.W * 0.1, foot - h * 0.3).L(side + b.W * 0.1, foot - h * 0.3).L(side + b.W * 0.08, foot).L(side - b.W * 0.08, foot).Z(), "white"); c.Path(p => p.M(side - b.W * 0.07, foot - h * 0.3).C(side - b.W * 0.07, foot - h * 0.55, side + b.W * 0.07, foot - h * 0.55, side + b.W * 0.07, foot - h * 0.3).L(side + b.W * 0.05, foot - h * 0.3).C(side + b.W * 0.05, foot - h * 0.48, side - b.W * 0.05, foot - h * 0.48, side - b.W * 0.05, foot - h * 0.3).Z(), "white"); break;
        }

        c.Path(p => p.M(b.X0, g).Q(b.X0 + b.W * 0.3, g - lift, b.X0 + b.W * 0.6, g).Q(b.X0 + b.W * 0.85, g + lift, b.Right, g - lift * 0.4)
            .L(b.Right, b.Bottom).L(b.X0, b.Bottom).Z(), "white");
    }

    /// <summary>Closed pebbles and grass tufts scattered over the ground band.</summary>
    private static void Pebbles(SvgCanvas c, ColoringBox b, double lift)
    {
        var top = b.Ground + Math.Abs(lift) + 10;
        var depth = b.Bottom - top - 8;
        if (depth < 14) return;
        foreach (var (fx, fy, size) in new[] { (0.3, 0.35, 1.0), (0.42, 0.8, 0.8), (0.58, 0.3, 0.9), (0.68, 0.75, 1.1), (0.05, 0.7, 0.8), (0.95, 0.3, 0.9) })
        {
            var (x, y) = (b.Fit(fx, 16), top + fy * depth);
            c.Ellipse(x, y, 11 * size, 6.5 * size, "white", Role.Detail);
        }
        foreach (var (fx, fy) in new[] { (0.18, 0.45), (0.5, 0.6), (0.8, 0.5), (0.36, 0.9) })
        {
            var (x, y) = (b.Fit(fx, 12), top + fy * depth);
            c.Path(p => p.M(x - 9, y).L(x - 6, y - 13).L(x - 3, y - 3).L(x, y - 17).L(x + 3, y - 3).L(x + 6, y - 13).L(x + 9, y).Z(), "white", Role.Detail);
        }
    }

    private static void Birds(SvgCanvas c, ColoringBox b, Rng rng)
    {
        foreach (var (fx, fy) in new[] { (0.3, 0.18), (0.38, 0.13), (0.7, 0.22) }.Take(rng.Next(2, 4)))
        {
            var (x, y, s) = (b.X(fx), b.Y(fy), 12.0);
            c.Path(p => p.M(x - s, y - s * 0.2).Q(x - s * 0.5, y - s * 0.75, x, y).Q(x + s * 0.5, y - s * 0.75, x + s, y - s * 0.2)
                .Q(x + s * 0.5, y - s * 0.15, x, y + s * 0.55).Q(x - s * 0.5, y - s * 0.15, x - s, y - s * 0.2).Z(), "white", Role.Detail);
        }
    }

    private static void Volcano(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        var half = b.W * 0.3;
        var (x, top) = (b.Fit(rng.Range(0.68, 0.76), half), b.Y(rng.Range(0.2, 0.26)));
        var g = b.Ground + 4;
        var crater = half * 0.28;
        Puff(c, x - crater * 0.3, top - b.H * 0.06, crater * 1.1, crater * 0.6, 6);
        Puff(c, x + crater * 0.6, top - b.H * 0.14, crater * 0.8, crater * 0.45, 5);
        c.Path(p => p.M(x - half, g).Q(x - half * 0.55, g - (g - top) * 0.45, x - crater, top).L(x + crater, top).Q(x + half * 0.55, g - (g - top) * 0.45, x + half, g).Z(), "white");
        c.Path(p => p.M(x - crater, top).L(x + crater, top).L(x + crater * 0.8, top + (g - top) * 0.22).Q(x + crater * 0.5, top + (g - top) * 0.14, x + crater * 0.25, top + (g - top) * 0.3)
            .Q(x, top + (g - top) * 0.14, x - crater * 0.3, top + (g - top) * 0.24).Q(x - crater * 0.6, top + (g - top) * 0.12, x - crater * 0.8, top + (g - top) * 0.18).Z(), "white", Role.Detail);
        if (fine)
            foreach (var (fx, fy) in new[] { (-0.45, 0.62), (0.3, 0.75), (0.55, 0.55) })
                c.Ellipse(x + fx * half, top + fy * (g - top), half * 0.08, half * 0.05, "white", Role.Detail);
        Ground(c, b, b.H * 0.025, fine);
        var lean = b.Mirror ? -1 : 1;
        var ps = b.H * rng.Range(0.4, 0.48);
        Palm(c, b.Fit(0.08, ps * 0.42) - lean * ps * 0.2, b.Ground + b.H * 0.04, ps, lean);
        Fern(c, b.Fit(0.9, b.H * 0.17), b.Bottom - b.H * 0.03, b.H * 0.2);
        c.Ellipse(b.Fit(0.28, 30), b.Bottom - b.H * 0.04, 26, 14, "white");
        if (fine) c.Ellipse(b.Fit(0.24, 20) + 22, b.Bottom - b.H * 0.035, 12, 8, "white", Role.Detail);
    }

    /// <summary>A fan of closed fern fronds standing on (x, baseY).</summary>
    private static void Fern(SvgCanvas c, double x, double baseY, double s)
    {
        foreach (var a in new[] { -50.0, -22, 0, 22, 50 })
        {
            c.Push(Affine.Translate(x, baseY).Then(Affine.Rotate(a)));
            c.Path(p => p.M(0, 0).Q(-s * 0.16, -s * 0.5, 0, -s).Q(s * 0.16, -s * 0.5, 0, 0).Z(), "white");
            c.Pop();
        }
    }

    private static void Reef(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        foreach (var (fx, fy, r) in new[] { (0.12, 0.08, 18.0), (0.2, 0.17, 12), (0.86, 0.12, 16), (0.4, 0.05, 10) }.Take(rng.Next(3, 5)))
            Bubble(c, b.Fit(fx, r), b.Y(fy), r);
        SmallFish(c, b.Fit(0.85, b.W * 0.1), b.Y(0.3), b.W * 0.15, !b.Mirror);
        if (fine) SmallFish(c, b.Fit(0.2, b.W * 0.07), b.Y(0.4), b.W * 0.1, b.Mirror);
        Seaweed(c, b.Fit(0.5, 20), b.Ground + b.H * 0.05, b.H * 0.3, 1);
        Ground(c, b, b.H * 0.02, fine);
        Coral(c, b.Fit(0.12, b.H * 0.14), b.Bottom - b.H * 0.04, b.H * 0.34);
        Coral(c, b.Fit(0.88, b.H * 0.12), b.Bottom - b.H * 0.05, b.H * 0.28);
        Fan(c, b.Fit(0.3, b.H * 0.1), b.Bottom - b.H * 0.03, b.H * 0.2, fine);
        Starfish(c, b.Fit(0.7, b.H * 0.06), b.Bottom - b.H * 0.02, b.H * 0.11);
        if (fine) Shell(c, b.X(0.56), b.Bottom - b.H * 0.015, b.H * 0.08);
    }

    /// <summary>A sea fan: a closed fan with holes in it.</summary>
    private static void Fan(SvgCanvas c, double x, double baseY, double s, bool fine)
    {
        c.Rect(x - s * 0.05, baseY - s * 0.35, s * 0.1, s * 0.35, "white");
        Puff(c, x, baseY - s * 0.35, s * 0.5, s * 0.6, 7, Math.PI, 2 * Math.PI);
        var holes = fine ? new[] { (-0.22, 0.55), (0.0, 0.72), (0.22, 0.55), (-0.1, 0.45), (0.12, 0.45) } : [(-0.18, 0.55), (0.18, 0.55)];
        foreach (var (fx, fy) in holes) c.Circle(x + fx * s, baseY - s * 0.35 - fy * s * 0.5, s * (fine ? 0.06 : 0.08), "white", Role.Detail);
    }

    private static void Flake(SvgCanvas c, double cx, double cy, double r) => c.Polygon(FlakePoints(cx, cy, r), "white");

    /// <summary>One closed band of a rainbow arc standing on (cx, baseY).</summary>
    private static void Band(SvgCanvas c, double cx, double baseY, double r, double w, Role role = Role.Contour) =>
        c.Path(p => p.M(cx - r, baseY).C(cx - r, baseY - r * 1.33, cx + r, baseY - r * 1.33, cx + r, baseY).L(cx + r - w, baseY)
            .C(cx + r - w, baseY - (r - w) * 1.33, cx - r + w, baseY - (r - w) * 1.33, cx - r + w, baseY).Z(), "white", role);

    /// <summary>A rainbow over rolling hills with flowers: the unicorn's meadow.</summary>
    private static void Meadow(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        var g = b.Ground + 4;
        var r = b.W * 0.44;
        var bands = fine ? 5 : 3;
        for (var i = 0; i < bands; i++) Band(c, b.X0 + b.W / 2, g, r - i * r * 0.32 / bands, r * 0.32 / bands, i == 0 ? Role.Contour : Role.Detail);
        Cloud(c, b.Fit(0.08, b.W * 0.1), g - b.H * 0.02, b.W * 0.09);
        Cloud(c, b.Fit(0.92, b.W * 0.1), g - b.H * 0.02, b.W * 0.09);
        c.Path(p => p.M(b.X0, g).Q(b.X0 + b.W * 0.25, g - b.H * 0.08, b.X0 + b.W * 0.5, g - b.H * 0.01).L(b.X0 + b.W * 0.5, g + 4).L(b.X0, g + 4).Z(), "white");
        Ground(c, b, b.H * 0.03, fine);
        Flower(c, b.Fit(0.08, b.H * 0.05), b.Bottom - b.H * 0.02, b.H * 0.12);
        Flower(c, b.Fit(0.9, b.H * 0.05), b.Bottom - b.H * 0.03, b.H * 0.11);
        if (rng.Chance(0.6)) Flower(c, b.X(0.24), b.Bottom - b.H * 0.02, b.H * 0.09);
    }

    /// <summary>Palms, ferns and big leaves.</summary>
    private static void Jungle(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, b.H * 0.025, fine);
        var lean = b.Mirror ? -1 : 1;
        var ps = b.H * rng.Range(0.55, 0.62);
        Palm(c, b.Fit(0.1, ps * 0.42) - lean * ps * 0.2, b.Ground + b.H * 0.04, ps, lean);
        Palm(c, b.Fit(0.9, ps * 0.36) + lean * ps * 0.2, b.Ground + b.H * 0.04, ps * 0.85, -lean);
        Fern(c, b.Fit(0.2, b.H * 0.15), b.Bottom - b.H * 0.03, b.H * 0.2);
        Fern(c, b.Fit(0.84, b.H * 0.15), b.Bottom - b.H * 0.02, b.H * 0.18);
        Bush(c, b.X(0.5), b.Ground + b.H * 0.04, b.H * 0.14);
    }

    /// <summary>A picket fence with flowers, tulips and a bush.</summary>
    private static void Garden(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, b.H * 0.02, fine);
        Fence(c, b.X0 + 4, b.Right - 4, b.Ground + 6, b.H * 0.14);
        Bush(c, b.Fit(0.12, b.H * 0.1), b.Ground + b.H * 0.05, b.H * 0.18);
        foreach (var (fx, s) in new[] { (0.06, 0.14), (0.3, 0.11), (0.78, 0.12), (0.94, 0.14) }.Take(rng.Next(3, 5)))
            Flower(c, b.Fit(fx, b.H * 0.05), b.Bottom - b.H * 0.02, b.H * s);
    }

    /// <summary>A tree, a checked blanket and a basket.</summary>
    private static void Picnic(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, b.H * 0.02, fine);
        var s = b.H * rng.Range(0.5, 0.58);
        Tree(c, b.Fit(0.12, s * 0.42), b.Ground + 4, s);
        var (top, bottom) = (b.Ground + b.H * 0.05, b.Bottom - b.H * 0.02);
        c.Polygon([(b.X(0.2), top), (b.X(0.8), top), (b.X(0.92), bottom), (b.X(0.08), bottom)], "white");
        var cols = fine ? 6 : 4;
        for (var i = 0; i < cols; i += 2)
        {
            var (f0, f1) = (0.2 + 0.6 * i / cols, 0.2 + 0.6 * (i + 1) / cols);
            c.Polygon([(b.X(f0), top), (b.X(f1), top), (b.X(f1 + (f1 - 0.5) * 0.2), bottom), (b.X(f0 + (f0 - 0.5) * 0.2), bottom)], "white", Role.Detail);
        }
        Bucket(c, b.Fit(0.9, b.H * 0.07), b.Ground + b.H * 0.04, b.H * 0.13);
    }
}
