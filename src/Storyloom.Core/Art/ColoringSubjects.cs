using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// Every subject a coloring design can show besides the cast: drawn facing right in local units (x about -50..50,
/// bottom at y=0, top near y=-100), measured, then scaled into its strip of the page.
/// </summary>
internal static class ColoringSubjects
{
    public static bool Knows(string key) => key is "mandala" or "pattern" or "ball"
        || ObjectPainter.Knows(key) || ColoringVehicles.Knows(key) || ColoringDinosaurs.Knows(key) || ColoringSea.Knows(key)
        || ColoringCreatures.Knows(key) || ColoringThings.Knows(key);

    /// <summary>Subjects that float in the middle of the picture rather than stand on the ground.</summary>
    public static bool Floats(string key) => ObjectPainter.Floats(key) && key != "rocket"
        || key is "plane" or "helicopter" or "balloon" or "ptero" or "jellyfish" or "seahorse" or "submarine" or "dolphin" or "pegasus" or "shark"
        || ColoringThings.Floats(key);

    public static void Draw(SvgCanvas c, string key, (double X, double W) strip, ColoringBox b, double share, bool facingLeft, ColoringStyle style, Rng rng)
    {
        var probe = new SvgCanvas(100, 100, InkMode.LineArt);
        Paint(probe, key, style, Rng.For(0, "measure"));
        var (minX, minY, maxX, maxY) = ColoringInk.Bounds(probe);
        var scale = Math.Min(b.H * share / (maxY - minY), strip.W * 0.94 / (maxX - minX));
        var height = (maxY - minY) * scale;
        var bottom = Floats(key)
            ? b.Y0 + (b.Ground - b.Y0) * 0.55 + height / 2
            : Math.Min(b.Ground + b.H * 0.07, b.Bottom - 6);
        var cx = strip.X + strip.W / 2;
        c.Push(Affine.Translate(cx, bottom - maxY * scale).Then(Affine.Scale(facingLeft ? -scale : scale, scale)).Then(Affine.Translate(-(minX + maxX) / 2, 0)));
        Paint(c, key, style, rng);
        c.Pop();
    }

    private static void Paint(SvgCanvas c, string key, ColoringStyle style, Rng rng)
    {
        if (ColoringCreatures.Knows(key)) ColoringCreatures.Draw(c, key, style.Level);
        else if (ColoringThings.Knows(key)) ColoringThings.Draw(c, key, style.Level);
        else if (ColoringVehicles.Knows(key)) ColoringVehicles.Draw(c, key, style.Level);
        else if (ColoringDinosaurs.Knows(key)) ColoringDinosaurs.Draw(c, key, style.Level, rng);
        else if (ColoringSea.Knows(key)) ColoringSea.Draw(c, key, style.Level);
        else if (key == "ball") Ball(c, style.Level);
        else if (key == "flower") Flower(c, style.Level);
        else
        {
            ObjectPainter.Draw(c, key);
            Texture(c, key, style.Level, rng);
        }
    }

    private static void Ball(SvgCanvas c, ColoringLevel level)
    {
        c.Circle(0, -40, 40, "white");
        foreach (var d in new[] { -1.0, 1 })
            c.Path(p => p.M(0, -80).C(d * 30, -66, d * 30, -14, 0, 0).C(d * 14, -20, d * 14, -60, 0, -80).Z(), "white", Role.Detail);
        if (level != ColoringLevel.Simple) c.Circle(0, -40, 8, "white", Role.Detail);
    }

    /// <summary>A big daisy: round petals wide enough to color even at the simple level.</summary>
    private static void Flower(SvgCanvas c, ColoringLevel level)
    {
        c.Rect(-3, -58, 6, 58, "white", Role.Contour, 3);
        c.Path(p => p.M(2, -18).Q(22, -34, 34, -26).Q(22, -12, 2, -18).Z(), "white");
        var petals = level == ColoringLevel.Detailed ? 8 : 6;
        for (var i = 0; i < petals; i++)
        {
            var a = i * 2 * Math.PI / petals;
            c.Circle(Math.Sin(a) * 21, -76 - Math.Cos(a) * 21, level == ColoringLevel.Detailed ? 10 : 13, "white");
        }
        c.Circle(0, -76, 14, "white");
        if (level != ColoringLevel.Simple) c.Circle(0, -76, 6, "white", Role.Detail);
    }

    /// <summary>Medium and detailed pages add closed spots or scales inside the big body shapes of the older subjects.</summary>
    private static void Texture(SvgCanvas c, string key, ColoringLevel level, Rng rng)
    {
        if (level == ColoringLevel.Simple) return;
        var r = level == ColoringLevel.Medium ? 4.5 : 2.4;
        switch (key)
        {
            case "fish": Spots(c, 8, -50, 16, 16, r, rng); break;
            case "whale": Spots(c, 8, -46, 22, 9, r, rng); break;
            case "turtle": Spots(c, -5, -28, 22, 8, r, rng); break;
            case "octopus": Spots(c, 0, -76, 22, 10, r, rng); break;
            case "crab": Spots(c, 0, -34, 24, 8, r, rng); break;
            case "longneck": Spots(c, -2, -32, 20, 10, r, rng); break;
            case "stego": Spots(c, 0, -34, 22, 9, r, rng); break;
            case "planet": Spots(c, 10, -40, 14, 8, r, rng); break;
        }
    }

    /// <summary>Closed spots on a hexagonal grid inside an ellipse, each a little jittered so they look drawn by hand.</summary>
    public static void Spots(SvgCanvas c, double cx, double cy, double rx, double ry, double r, Rng rng)
    {
        var step = r * 2.9;
        for (var row = 0; row * step * 0.87 <= ry * 2; row++)
        {
            var y = cy - ry + row * step * 0.87;
            for (var x = cx - rx + (row % 2) * step / 2; x <= cx + rx; x += step)
            {
                var (dx, dy) = ((x - cx) / Math.Max(1, rx - r), (y - cy) / Math.Max(1, ry - r));
                if (dx * dx + dy * dy > 1) continue;
                if (rng.Chance(0.15)) continue;
                c.Circle(x + rng.Range(-0.4, 0.4) * r, y + rng.Range(-0.4, 0.4) * r, r * rng.Range(0.65, 1.1), "white", Role.Detail);
            }
        }
    }
}
