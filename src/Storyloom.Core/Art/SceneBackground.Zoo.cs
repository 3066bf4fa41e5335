using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>The zoo: leafy trees behind, a sandy path between enclosures, a pond and a tall railing fence the visitors stand at.</summary>
internal static partial class SceneBackground
{
    private static void Zoo(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.X(0.3), l.Horizon + 10, l.Width * 0.5, 0.1 * l.Height, "#9CCB7C", Role.Background);
        Mark(c, "tree", () =>
        {
            foreach (var f in new[] { 0.06, 0.3, 0.62, 0.94 })
                Tree(c, l.X(f + rng.Range(-0.03, 0.03)), l.Horizon + 4, Math.Max(40, MaxTall(l, rng.Range(0.26, 0.36) * l.Height)), false, rng.Pick(new[] { "#3F8F4A", "#5FAF5A", "#4C9A52" }));
        });
        Ground(c, l, "#B9DB93", "#8CC46E");
        // A rocky hill inside the enclosure, and a pond the penguins or the elephant could use.
        Mark(c, "pond", () =>
        {
            var x = l.X(0.72);
            var y = l.Horizon + 0.035 * l.Height;
            c.Ellipse(x, y, 0.15 * l.Width, 0.03 * l.Height, "#6FC3E8");
            c.Ellipse(x - 0.04 * l.Width, y - 0.006 * l.Height, 0.06 * l.Width, 0.008 * l.Height, "#A9E0F2", Role.Detail);
            c.Ellipse(x + 0.13 * l.Width, y - 0.01 * l.Height, 0.03 * l.Width, 0.02 * l.Height, "#A7A09A", Role.Detail);
        });
        c.Ellipse(l.X(0.2), l.Horizon + 2, 0.1 * l.Width, 0.05 * l.Height, "#B8AFA5", Role.Background);
        c.Ellipse(l.X(0.24), l.Horizon - 0.012 * l.Height, 0.05 * l.Width, 0.03 * l.Height, "#A7A09A", Role.Detail);
        // The railing between the enclosures and the visitors' path: tall green bars with a rail on top.
        var fy = l.Horizon + 0.07 * l.Height;
        Mark(c, "fence", () =>
        {
            if (fy >= l.FreeBottom - 20) return;
            var tall = Math.Max(24, 0.07 * l.Height);
            for (var x = 4.0; x < l.Width; x += l.Width / 28) c.Rect(x, fy - tall, 3.5, tall, "#3E6B48", Role.Detail);
            c.Rect(0, fy - tall - 2, l.Width, 5, "#2F5638", Role.Detail);
            c.Rect(0, fy - tall * 0.35, l.Width, 3, "#2F5638", Role.Detail);
        });
        Mark(c, "path", () =>
        {
            var top = fy + 4;
            c.Path(p => p.M(0, top).Q(l.Width * 0.5, top - 0.01 * l.Height, l.Width, top + 0.005 * l.Height).L(l.Width, top + 0.09 * l.Height)
                .Q(l.Width * 0.5, top + 0.1 * l.Height, 0, top + 0.085 * l.Height).Z(), "#E9D8B4", Role.Background);
            for (var i = 0; i < 8; i++) c.Circle(rng.Range(0.02, 0.98) * l.Width, top + rng.Range(0.02, 0.07) * l.Height, 1.5, "#CDB88F", Role.Background);
        });
    }
}
