namespace Storyloom.Core.Art;

/// <summary>Facial expressions: mouths, eyes, brows and small signs (a tear, a sweat drop) that make a feeling readable.</summary>
internal static class Faces
{
    private const string Tear = "#7CC4EE";

    public static void Mouth(SvgCanvas c, string? mood, double mx, double my)
    {
        switch (mood)
        {
            case "excited":
                // Wide open, a big laugh.
                c.Path(p => p.M(mx - 7.5, my - 2).Q(mx, my + 13, mx + 7.5, my - 2).Z(), Palette.Ink, Role.Dark);
                c.Path(p => p.M(mx - 3.6, my + 4.8).Q(mx, my + 8.6, mx + 3.6, my + 4.8).Z(), "#EF6F86", Role.Background);
                break;
            case "proud":
                // A closed, pleased smile.
                c.Path(p => p.M(mx - 6.5, my).Q(mx, my + 6, mx + 6.5, my).Q(mx, my + 3.4, mx - 6.5, my).Z(), Palette.Ink, Role.Dark);
                break;
            case "happy" or "silly":
                c.Path(p => p.M(mx - 6.5, my - 1).Q(mx, my + 9, mx + 6.5, my - 1).Z(), Palette.Ink, Role.Dark);
                if (mood == "silly") c.Ellipse(mx + 1, my + 5, 3, 3.6, "#EF6F86", Role.Detail);
                else c.Path(p => p.M(mx - 3, my + 3.6).Q(mx, my + 6.2, mx + 3, my + 3.6).Z(), "#EF6F86", Role.Background);
                break;
            case "sad":
                c.Path(p => p.M(mx - 5, my + 4).Q(mx, my - 2, mx + 5, my + 4).Q(mx, my + 0.5, mx - 5, my + 4).Z(), Palette.Ink, Role.Dark);
                break;
            case "angry":
                c.Path(p => p.M(mx - 5, my + 3).Q(mx, my - 0.5, mx + 5, my + 3).L(mx + 5, my + 4.4).Q(mx, my + 1.4, mx - 5, my + 4.4).Z(), Palette.Ink, Role.Dark);
                break;
            case "surprised":
                c.Ellipse(mx, my + 2, 3.4, 4.6, Palette.Ink, Role.Dark);
                break;
            case "scared" or "worried":
                c.Path(p => p.M(mx - 6, my + 2).Q(mx - 3, my - 1, mx, my + 2).Q(mx + 3, my + 5, mx + 6, my + 2).Q(mx + 3, my + 3.6, mx, my + 3.2)
                    .Q(mx - 3, my + 0.6, mx - 6, my + 2).Z(), Palette.Ink, Role.Dark);
                break;
            case "sleepy":
                c.Ellipse(mx, my + 2, 2.4, 3, Palette.Ink, Role.Dark);
                break;
            case "shy" or "calm":
                c.Path(p => p.M(mx - 3, my + 0.5).Q(mx, my + 3, mx + 3, my + 0.5).Q(mx, my + 1.6, mx - 3, my + 0.5).Z(), Palette.Ink, Role.Dark);
                break;
            default:
                c.Path(p => p.M(mx - 4, my).Q(mx, my + 4.5, mx + 4, my).Q(mx, my + 2, mx - 4, my).Z(), Palette.Ink, Role.Dark);
                break;
        }
    }

    /// <summary>Eyes that differ from the plain dot; false leaves the usual eye.</summary>
    public static bool Eye(SvgCanvas c, string? mood, double x, double ey)
    {
        switch (mood)
        {
            case "surprised" or "scared":
                c.Circle(x, ey, 5.2, Palette.White, Role.Detail);
                c.Circle(x, ey, 2.4, Palette.Eye, Role.Dark);
                return true;
            case "excited":
                // Big shining eyes.
                c.Ellipse(x, ey, 3.8, 4.8, Palette.Eye, Role.Dark);
                c.Circle(x + 1.2, ey - 1.8, 1.6, Palette.White, Role.Background);
                c.Circle(x - 1.2, ey + 1.8, 0.8, Palette.White, Role.Background);
                return true;
            case "happy" or "proud":
                // Smiling eyes: little upside-down arcs.
                c.Path(p => p.M(x - 4, ey + 1).Q(x, ey - 4.5, x + 4, ey + 1).Q(x, ey - 2.2, x - 4, ey + 1).Z(), Palette.Eye, Role.Dark);
                return true;
            case "sleepy":
                c.Path(p => p.M(x - 4, ey).L(x + 4, ey).Q(x, ey + 4, x - 4, ey).Z(), Palette.Eye, Role.Dark);
                return true;
            case "shy":
                c.Ellipse(x - 1, ey + 1.5, 2.6, 3.2, Palette.Eye, Role.Dark);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Brows and small signs drawn over the face.</summary>
    public static void Extras(SvgCanvas c, string? mood, (double Left, double Right) eyes, double hy)
    {
        var by = hy - 9;
        switch (mood)
        {
            case "angry":
                Brow(c, eyes.Left - 4, by - 2, eyes.Left + 4, by + 1.5);
                Brow(c, eyes.Right + 4, by - 2, eyes.Right - 4, by + 1.5);
                break;
            case "sad" or "worried":
                Brow(c, eyes.Left - 4, by + 1, eyes.Left + 4, by - 2);
                Brow(c, eyes.Right + 4, by + 1, eyes.Right - 4, by - 2);
                if (mood == "sad") c.Path(p => p.M(eyes.Left, hy + 3).Q(eyes.Left - 3, hy + 9, eyes.Left, hy + 10).Q(eyes.Left + 3, hy + 9, eyes.Left, hy + 3).Z(), Tear, Role.Detail);
                break;
            case "proud" or "excited":
                Brow(c, eyes.Left - 4, by - 3, eyes.Left + 4, by - 4);
                Brow(c, eyes.Right - 4, by - 4, eyes.Right + 4, by - 3);
                break;
            case "surprised" or "scared":
                Brow(c, eyes.Left - 4, by - 3, eyes.Left + 4, by - 4);
                Brow(c, eyes.Right - 4, by - 4, eyes.Right + 4, by - 3);
                if (mood == "scared") c.Path(p => p.M(26, hy - 14).Q(22, hy - 6, 26, hy - 4).Q(30, hy - 6, 26, hy - 14).Z(), Tear, Role.Detail);
                break;
        }
    }

    private static void Brow(SvgCanvas c, double x1, double y1, double x2, double y2) =>
        c.Stroke(p => p.M(x1, y1).L(x2, y2), Palette.Ink, 1.8);
}
