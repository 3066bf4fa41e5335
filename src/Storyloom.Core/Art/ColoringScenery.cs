using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using static Storyloom.Core.Art.ColoringShapes;

namespace Storyloom.Core.Art;

/// <summary>The inner drawing box of a coloring design; Mirror flips every background position so facing pages differ.</summary>
internal readonly record struct ColoringBox(double X0, double Y0, double W, double H, double Ground, bool Mirror)
{
    public double Right => X0 + W;
    public double Bottom => Y0 + H;

    /// <summary>A horizontal position, 0 = the layout's near side, 1 = its far side.</summary>
    public double X(double f) => Mirror ? X0 + (1 - f) * W : X0 + f * W;

    public double Y(double f) => Y0 + f * H;

    /// <summary>Like <see cref="X"/>, but moved inward so an element half as wide as <paramref name="half"/> stays fully inside the box.</summary>
    public double Fit(double f, double half) => Math.Clamp(X(f), X0 + half + 6, Math.Max(X0 + half + 6, Right - half - 6));
}

/// <summary>
/// Setting-specific backgrounds for coloring designs, drawn before the subject: none but a ground and a sun for the
/// simple level, a few big shapes at the sides and in the sky for medium, and added textures (pebbles, grass, birds) for detailed.
/// </summary>
internal static partial class ColoringScenery
{
    public static readonly string[] Settings = ["forest", "beach", "town", "farm", "space", "underwater", "bedroom", "snowy-mountains", "volcano", "reef", "meadow", "jungle", "garden", "picnic"];

    public static void Draw(SvgCanvas c, string setting, bool night, ColoringBox b, ColoringStyle style, Rng rng)
    {
        if (style.Level == ColoringLevel.Simple)
        {
            Simple(c, setting, night, b, rng);
            return;
        }
        var fine = style.Level == ColoringLevel.Detailed;
        switch (setting)
        {
            case "space": Space(c, b, rng, fine); break;
            case "underwater": Underwater(c, b, rng, fine); break;
            case "reef": Reef(c, b, rng, fine); break;
            case "bedroom": Bedroom(c, night, b, rng); break;
            case "beach": Sky(c, night, b, rng, fine); Beach(c, b, rng, fine); break;
            case "town": Sky(c, night, b, rng, fine); Town(c, b, rng, fine); break;
            case "forest": Sky(c, night, b, rng, fine); Forest(c, b, rng, fine); break;
            case "volcano": Sky(c, night, b, rng, fine, volcano: true); Volcano(c, b, rng, fine); break;
            case "snowy-mountains": Sky(c, night, b, rng, fine, snow: true); Snowy(c, b, rng, fine); break;
            case "meadow": Sky(c, night, b, rng, fine); Meadow(c, b, rng, fine); break;
            case "jungle": Sky(c, night, b, rng, fine); Jungle(c, b, rng, fine); break;
            case "garden": Sky(c, night, b, rng, fine); Garden(c, b, rng, fine); break;
            case "picnic": Sky(c, night, b, rng, fine); Picnic(c, b, rng, fine); break;
            default: Sky(c, night, b, rng, fine); Farm(c, b, rng, fine); break;
        }
    }

    private static void Sky(SvgCanvas c, bool night, ColoringBox b, Rng rng, bool fine, bool snow = false, bool volcano = false)
    {
        var r = b.W * rng.Range(0.075, 0.09);
        var (sx, sy) = (b.Fit(1, r * 1.8), b.Y0 + r * 1.8);
        if (night)
        {
            Moon(c, sx, sy, r * 1.2);
            foreach (var (fx, fy) in new[] { (0.62, 0.06), (0.2, 0.07), (0.08, 0.2), (0.8, 0.25), (0.3, 0.24) }.Take(rng.Next(3, 6)))
                Star(c, b.X(fx), b.Y(fy) + 12, rng.Range(13, 18));
        }
        else
        {
            Sun(c, sx, sy, r);
            if (!volcano) Cloud(c, b.Fit(0.16, b.W * 0.15), b.Y(rng.Range(0.07, 0.1)), b.W * 0.11);
            if (rng.Chance(0.5) || fine) Cloud(c, b.X(0.5), b.Y(0.06), b.W * 0.07);
            if (fine) Birds(c, b, rng);
        }
        if (snow)
            foreach (var (fx, fy) in new[] { (0.1, 0.3), (0.88, 0.36), (0.94, 0.55), (0.45, 0.14) }.Take(rng.Next(2, 5)))
                Snowflake(c, b.Fit(fx, 20), b.Y(fy), rng.Range(14, 19));
    }

    /// <summary>A closed wavy ground from the horizon line to the bottom of the box.</summary>
    private static void Ground(SvgCanvas c, ColoringBox b, double lift, bool fine = false, Role role = Role.Contour)
    {
        var g = b.Ground;
        c.Path(p => p.M(b.X0, g).Q(b.X0 + b.W * 0.25, g - lift, b.X0 + b.W * 0.5, g).Q(b.X0 + b.W * 0.75, g + lift, b.Right, g - lift * 0.3)
            .L(b.Right, b.Bottom).L(b.X0, b.Bottom).Z(), "white", role);
        if (fine) Pebbles(c, b, lift);
    }

    private static void Forest(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, b.H * 0.03, fine);
        var s = b.H * rng.Range(0.5, 0.6);
        Tree(c, b.Fit(0.13, s * 0.4), b.Ground + 4, s);
        if (rng.Chance(0.5)) Pine(c, b.Fit(0.87, s * 0.28), b.Ground + 2, s * 0.85);
        else Tree(c, b.Fit(0.87, s * 0.32), b.Ground + 2, s * 0.8);
        if (rng.Chance(0.6)) Pine(c, b.X(0.34), b.Ground - 4, s * 0.5);
        Bush(c, b.X(0.76), b.Ground + b.H * 0.06, b.H * 0.16);
        Mushroom(c, b.Fit(0.08, b.H * 0.07), b.Bottom - b.H * 0.03, b.H * 0.13);
        if (rng.Chance(0.6)) Mushroom(c, b.X(0.22), b.Bottom - b.H * 0.02, b.H * 0.08);
        Flower(c, b.Fit(0.91, b.H * 0.05), b.Bottom - b.H * 0.02, b.H * 0.12);
    }

    private static void Beach(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        var sea = b.Ground - b.H * 0.12;
        c.Path(p =>
        {
            p.M(b.X0, sea);
            const int n = 6;
            for (var i = 0; i < n; i++)
                p.Q(b.X0 + (i + 0.5) * b.W / n, sea - 12, b.X0 + (i + 1) * b.W / n, sea);
            p.L(b.Right, b.Ground).L(b.X0, b.Ground).Z();
        }, "white");
        foreach (var fx in new[] { 0.22, 0.72 })
            c.Path(p => p.M(b.X(fx) - 22, sea + 30).Q(b.X(fx), sea + 14, b.X(fx) + 22, sea + 30).Q(b.X(fx), sea + 24, b.X(fx) - 22, sea + 30).Z(), "white", Role.Detail);
        Ground(c, b, b.H * 0.02, fine);
        var ps = b.H * rng.Range(0.55, 0.62);
        var lean = b.Mirror ? -1 : 1;
        Palm(c, b.Fit(0.12, ps * 0.42) - lean * ps * 0.25, b.Ground + b.H * 0.04, ps, lean);
        Bucket(c, b.Fit(0.87, b.H * 0.065), b.Bottom - b.H * 0.03, b.H * 0.15);
        Shell(c, b.X(0.7), b.Bottom - b.H * 0.02, b.H * 0.1);
        if (rng.Chance(0.7)) Starfish(c, b.X(0.25), b.Bottom - b.H * 0.02, b.H * 0.11);
        else Shell(c, b.X(0.25), b.Bottom - b.H * 0.02, b.H * 0.1);
    }

    private static void Town(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, 0, fine);
        c.Rect(b.X0, b.Bottom - b.H * 0.06, b.W, b.H * 0.06, "white", Role.Detail);
        var s = b.H * rng.Range(0.42, 0.5);
        House(c, b.Fit(0.14, s * 0.42), b.Ground + 2, s, rng.Chance(0.5));
        House(c, b.Fit(0.86, s * 0.38), b.Ground + 2, s * 0.9, rng.Chance(0.5));
        if (rng.Chance(0.5)) Tree(c, b.X(0.36), b.Ground, s * 0.75);
        Lamp(c, b.X(0.7), b.Ground + b.H * 0.08, b.H * 0.46);
    }

    private static void Farm(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        Ground(c, b, b.H * 0.025, fine);
        var bs = b.H * rng.Range(0.4, 0.46);
        Barn(c, b.Fit(0.16, bs * 0.4), b.Ground + 2, bs);
        Fence(c, Math.Min(b.X(0.55), b.X(0.98)), Math.Max(b.X(0.55), b.X(0.98)), b.Ground + 6, b.H * 0.1);
        Haystack(c, b.Fit(0.86, b.H * 0.11), b.Bottom - b.H * 0.04, b.H * 0.18);
        Flower(c, b.Fit(0.08, b.H * 0.05), b.Bottom - b.H * 0.02, b.H * 0.12);
        if (rng.Chance(0.5)) Flower(c, b.X(0.22), b.Bottom - b.H * 0.03, b.H * 0.1);
    }

    private static void Space(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        var r1 = b.W * rng.Range(0.085, 0.1);
        var r2 = b.W * rng.Range(0.06, 0.07);
        Planet(c, b.Fit(0.13, r1 * 1.8), b.Y0 + r1 * 1.3, r1, rng.Range(-20, -8));
        Planet(c, b.Fit(0.86, r2 * 1.8), b.Y(0.42), r2, rng.Range(8, 20));
        c.Circle(b.Fit(0.86, b.W * 0.06), b.Y(0.12), b.W * 0.055, "white");
        c.Circle(b.Fit(0.86, b.W * 0.06) - b.W * 0.015, b.Y(0.12) - b.W * 0.01, b.W * 0.015, "white", Role.Detail);
        foreach (var (fx, fy) in new[] { (0.33, 0.05), (0.65, 0.08), (0.08, 0.36), (0.95, 0.24), (0.2, 0.55), (0.93, 0.6) }.Take(rng.Next(4, 7)))
            Star(c, b.Fit(fx, 18), b.Y(fy), rng.Range(13, 18));
        // A cratered moon surface to stand on.
        var g = b.Ground;
        c.Path(p => p.M(b.X0, g).Q(b.X0 + b.W * 0.3, g - b.H * 0.05, b.X0 + b.W * 0.6, g - b.H * 0.01).Q(b.X0 + b.W * 0.85, g + b.H * 0.02, b.Right, g - b.H * 0.02)
            .L(b.Right, b.Bottom).L(b.X0, b.Bottom).Z(), "white");
        Crater(c, b.Fit(0.12, 30), b.Bottom - b.H * 0.05, 30);
        Crater(c, b.Fit(0.88, 24), b.Bottom - b.H * 0.06, 24);
        if (rng.Chance(0.5)) Crater(c, b.X(0.28), g + b.H * 0.05, 18);
    }

    private static void Underwater(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        foreach (var (fx, fy, r) in new[] { (0.1, 0.08, 20.0), (0.18, 0.19, 13), (0.88, 0.1, 17), (0.92, 0.25, 11), (0.32, 0.06, 11) }.Take(rng.Next(3, 6)))
            Bubble(c, b.Fit(fx, r), b.Y(fy), r);
        SmallFish(c, b.Fit(0.83, b.W * 0.11), b.Y(0.42), b.W * 0.18, !b.Mirror);
        if (rng.Chance(0.6)) SmallFish(c, b.Fit(0.16, b.W * 0.08), b.Y(0.3), b.W * 0.13, b.Mirror);
        // Seaweed control points swing out about a fifth of its height.
        var tall = b.H * rng.Range(0.42, 0.55);
        var small = b.H * rng.Range(0.32, 0.42);
        Seaweed(c, b.Fit(0.06, tall * 0.19), b.Ground + b.H * 0.05, tall, 1);
        Seaweed(c, b.Fit(0.94, small * 0.19), b.Ground + b.H * 0.05, small, -1);
        if (rng.Chance(0.5)) Seaweed(c, b.X(0.22), b.Ground + b.H * 0.05, b.H * 0.32, -1);
        Ground(c, b, b.H * 0.025, fine);
        Coral(c, b.Fit(0.8, b.H * 0.13), b.Bottom - b.H * 0.04, b.H * 0.26);
        Starfish(c, b.Fit(0.14, b.H * 0.06), b.Bottom - b.H * 0.02, b.H * 0.11);
        if (rng.Chance(0.5)) Shell(c, b.X(0.3), b.Bottom - b.H * 0.02, b.H * 0.09);
    }

    private static void Bedroom(SvgCanvas c, bool night, ColoringBox b, Rng rng)
    {
        var floor = b.Ground - b.H * 0.08;
        c.Rect(b.X0, floor, b.W, b.Bottom - floor, "white");
        var ws = b.W * 0.24;
        CurtainWindow(c, b.Fit(0.17, ws * 0.7), b.Y0 + ws * 0.8, ws, night);
        Picture(c, b.Fit(0.86, b.W * 0.1), b.Y(0.14), b.W * 0.19);
        var bed = b.H * 0.36;
        Bed(c, b.Fit(0.82, bed * 0.63), floor + b.H * 0.06, bed, b.Mirror);
        Rug(c, b.X0 + b.W / 2, b.Bottom - b.H * 0.06, b.W * 0.36, b.H * 0.05);
        if (rng.Chance(0.5)) Blocks(c, b.Fit(0.12, b.H * 0.08), b.Bottom - b.H * 0.03, b.H * 0.17);
        else Ball(c, b.Fit(0.12, b.H * 0.08), b.Bottom - b.H * 0.03, b.H * 0.17);
    }

    private static void Snowy(SvgCanvas c, ColoringBox b, Rng rng, bool fine)
    {
        var horizon = b.Ground - b.H * 0.02;
        Mountain(c, b.Fit(0.22, b.W * 0.26), horizon, b.W * 0.26, b.H * rng.Range(0.4, 0.48));
        Mountain(c, b.Fit(0.76, b.W * 0.28), horizon, b.W * 0.28, b.H * rng.Range(0.46, 0.54));
        Ground(c, b, b.H * 0.03, fine);
        Pine(c, b.Fit(0.1, b.H * 0.12), b.Bottom - b.H * 0.04, b.H * 0.38, snow: true);
        if (rng.Chance(0.6)) Pine(c, b.Fit(0.92, b.H * 0.1), b.Bottom - b.H * 0.05, b.H * 0.32, snow: true);
        else Snowman(c, b.Fit(0.9, b.H * 0.07), b.Bottom - b.H * 0.03, b.H * 0.26);
    }
}
