using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Black-and-white coloring designs: a big centred subject, a few closed background shapes, and a frame, all inside the safe area.</summary>
internal static class ColoringPainter
{
    public static string Draw(Manuscript m, ManuscriptPage page, ArtFrame frame, Rng rng)
    {
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, InkMode.LineArt);
        var s = frame.SafeArea;
        var inset = 4.0;
        var (x0, y0, x1, y1) = (s.X + inset, s.Y + inset, s.Right - inset, s.Bottom - inset);
        c.Rect(x0, y0, x1 - x0, y1 - y0, "white", Role.Contour, 18);
        var inner = 14.0;
        var (ix0, iy0, ix1, iy1) = (x0 + inner, y0 + inner, x1 - inner, y1 - inner);
        var w = ix1 - ix0;
        var h = iy1 - iy0;
        var brief = page.Illustration;

        // Ground: a closed hill shape along the bottom of the frame.
        var ground = iy1 - h * 0.16;
        c.Path(p => p.M(ix0, ground).Q(ix0 + w * 0.3, ground - h * 0.04, ix0 + w * 0.55, ground).Q(ix0 + w * 0.8, ground + h * 0.03, ix1, ground - h * 0.01).L(ix1, iy1).L(ix0, iy1).Z(), "white");

        var extra = brief?.Props.Skip(1).FirstOrDefault() ?? brief?.Props.FirstOrDefault() ?? "flower";
        var setting = brief?.Setting ?? "farm";
        Background(c, setting, extra, ix0, iy0, w, h, ground, rng);

        var feet = ground + h * 0.06;
        var size = h * 0.64;
        var subject = brief?.Characters.FirstOrDefault();
        var ch = subject is null ? null : m.Cast.FirstOrDefault(x => x.Id == subject.CharacterId);
        if (ch is not null)
        {
            CharacterPainter.Draw(c, ch, subject!.Pose, ix0 + w / 2, feet, Math.Min(size, w * 1.1), subject.FacingLeft, subject.Holding);
        }
        else
        {
            var key = brief?.Props.FirstOrDefault(ObjectPainter.Knows) ?? "flower";
            var scale = Math.Min(h * 0.76 / 100, w * 0.9 / 100) * (key == "rocket" ? 0.8 : 1);
            // The rocket's flame and the boat's waves hang below y=0 of the object box.
            var lift = (key == "rocket" ? 24 : key == "boat" ? 4 : 0) * scale;
            c.Push(Affine.Translate(ix0 + w / 2, feet - lift - (key is "fish" or "whale" or "octopus" or "planet" or "butterfly" ? h * 0.08 : 0)).Then(Affine.Scale(scale, scale)));
            ObjectPainter.Draw(c, key);
            c.Pop();
        }
        return c.ToString();
    }

    private static void Background(SvgCanvas c, string setting, string extra, double x0, double y0, double w, double h, double ground, Rng rng)
    {
        // Corners stay simple and away from the centred subject.
        var spots = new[] { (0.1, 0.1), (0.88, 0.12), (0.08, 0.42), (0.92, 0.4) };
        if (setting is "space" or "underwater" || extra is "star" or "bubbles")
        {
            foreach (var (fx, fy) in spots)
            {
                if (setting == "underwater" || extra == "bubbles")
                {
                    c.Circle(x0 + fx * w, y0 + fy * h, rng.Range(8, 14), "white", Role.Detail);
                    c.Circle(x0 + fx * w + 14, y0 + fy * h + 18, rng.Range(4, 7), "white", Role.Detail);
                }
                else PropPainter.Star(c, x0 + fx * w, y0 + fy * h, rng.Range(9, 14), "white", Role.Detail);
            }
            return;
        }
        SceneBackground.Cloud(c, x0 + 0.16 * w, y0 + 0.14 * h, 0.07 * w, "white");
        c.Circle(x0 + 0.86 * w, y0 + 0.12 * h, 0.06 * w, "white");
        for (var i = 0; i < 8; i++)
        {
            var a = i * Math.PI / 4;
            var (cx, cy, r) = (x0 + 0.86 * w, y0 + 0.12 * h, 0.06 * w);
            c.Polygon([(cx + Math.Cos(a - 0.12) * r * 1.25, cy + Math.Sin(a - 0.12) * r * 1.25), (cx + Math.Cos(a) * r * 1.6, cy + Math.Sin(a) * r * 1.6), (cx + Math.Cos(a + 0.12) * r * 1.25, cy + Math.Sin(a + 0.12) * r * 1.25)], "white", Role.Detail);
        }
        var kind = extra is "shell" or "snowflake" ? extra : "flower";
        foreach (var fx in new[] { 0.08, 0.92 })
            if (kind == "snowflake") PropPainter.Star(c, x0 + fx * w, y0 + 0.45 * h, 10, "white", Role.Detail);
            else PropPainter.Prop(c, kind, x0 + fx * w, ground + 0.06 * h, 14);
    }
}
