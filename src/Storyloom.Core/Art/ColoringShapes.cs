namespace Storyloom.Core.Art;

/// <summary>Background elements for coloring designs, each a few big closed shapes standing on (x, baseY) and about s points tall.</summary>
internal static partial class ColoringShapes
{
    /// <summary>A closed puffy outline (cloud, bush, canopy): bumps bulge out around an ellipse.</summary>
    public static void Puff(SvgCanvas c, double cx, double cy, double rx, double ry, int bumps, double from = 0, double to = 2 * Math.PI, Role role = Role.Contour)
    {
        var whole = to - from >= 2 * Math.PI - 1e-6;
        c.Path(p =>
        {
            var step = (to - from) / bumps;
            p.M(cx + Math.Cos(from) * rx, cy + Math.Sin(from) * ry);
            for (var i = 0; i < bumps; i++)
            {
                var mid = from + (i + 0.5) * step;
                var end = from + (i + 1) * step;
                p.Q(cx + Math.Cos(mid) * rx * 1.32, cy + Math.Sin(mid) * ry * 1.32, cx + Math.Cos(end) * rx, cy + Math.Sin(end) * ry);
            }
            if (!whole) p.L(cx + Math.Cos(from) * rx, cy + Math.Sin(from) * ry);
            p.Z();
        }, "white", role);
    }

    public static void Cloud(SvgCanvas c, double cx, double cy, double s) => Puff(c, cx, cy, s, s * 0.45, 6);

    public static void Sun(SvgCanvas c, double cx, double cy, double r)
    {
        for (var i = 0; i < 8; i++)
        {
            var a = i * Math.PI / 4 + Math.PI / 8;
            c.Polygon([(cx + Math.Cos(a - 0.2) * r * 1.25, cy + Math.Sin(a - 0.2) * r * 1.25), (cx + Math.Cos(a) * r * 1.75, cy + Math.Sin(a) * r * 1.75),
                (cx + Math.Cos(a + 0.2) * r * 1.25, cy + Math.Sin(a + 0.2) * r * 1.25)], "white", Role.Detail);
        }
        c.Circle(cx, cy, r, "white");
        Smile(c, cx, cy, r);
    }

    public static void Moon(SvgCanvas c, double cx, double cy, double r) =>
        c.Path(p => p.M(cx, cy - r).C(cx - r * 1.33, cy - r, cx - r * 1.33, cy + r, cx, cy + r).C(cx - r * 0.55, cy + r * 0.6, cx - r * 0.55, cy - r * 0.6, cx, cy - r).Z(), "white");

    public static void Star(SvgCanvas c, double cx, double cy, double r) => PropPainter.Star(c, cx, cy, r, "white", Role.Detail);

    /// <summary>A six-pointed snowflake star: closed and chunky enough to color.</summary>
    public static void Snowflake(SvgCanvas c, double cx, double cy, double r)
    {
        c.Polygon(FlakePoints(cx, cy, r), "white", Role.Detail);
    }

    /// <summary>Six thick arms with pointed tips: a closed snowflake that does not read as a star.</summary>
    public static List<(double X, double Y)> FlakePoints(double cx, double cy, double r)
    {
        var pts = new List<(double, double)>();
        (double, double) At(double deg, double rr) => (cx + Math.Cos(deg * Math.PI / 180) * rr, cy + Math.Sin(deg * Math.PI / 180) * rr);
        for (var i = 0; i < 6; i++)
        {
            var a = -90 + i * 60;
            pts.Add(At(a - 30, r * 0.28));
            pts.Add(At(a - 9, r * 0.82));
            pts.Add(At(a, r));
            pts.Add(At(a + 9, r * 0.82));
        }
        return pts;
    }

    private static void Smile(SvgCanvas c, double cx, double cy, double r)
    {
        c.Circle(cx - r * 0.32, cy - r * 0.15, Math.Max(2.5, r * 0.09), "#000", Role.Dark);
        c.Circle(cx + r * 0.32, cy - r * 0.15, Math.Max(2.5, r * 0.09), "#000", Role.Dark);
        c.Path(p => p.M(cx - r * 0.38, cy + r * 0.2).Q(cx, cy + r * 0.6, cx + r * 0.38, cy + r * 0.2).Q(cx, cy + r * 0.45, cx - r * 0.38, cy + r * 0.2).Z(), "#000", Role.Dark);
    }

    public static void Tree(SvgCanvas c, double x, double baseY, double s)
    {
        c.Path(p => p.M(x - s * 0.09, baseY).Q(x - s * 0.06, baseY - s * 0.3, x - s * 0.08, baseY - s * 0.55).L(x + s * 0.08, baseY - s * 0.55)
            .Q(x + s * 0.06, baseY - s * 0.3, x + s * 0.11, baseY).Z(), "white");
        Puff(c, x, baseY - s * 0.68, s * 0.3, s * 0.26, 7);
        c.Circle(x - s * 0.1, baseY - s * 0.7, Math.Max(5, s * 0.045), "white", Role.Detail);
        c.Circle(x + s * 0.12, baseY - s * 0.62, Math.Max(5, s * 0.045), "white", Role.Detail);
    }

    public static void Pine(SvgCanvas c, double x, double baseY, double s, bool snow = false)
    {
        c.Rect(x - s * 0.06, baseY - s * 0.16, s * 0.12, s * 0.16, "white");
        for (var i = 0; i < 3; i++)
        {
            var bottom = baseY - s * (0.14 + i * 0.24);
            var half = s * (0.32 - i * 0.07);
            c.Polygon([(x - half, bottom), (x, bottom - s * 0.4), (x + half, bottom)], "white");
            if (snow) c.Path(p => p.M(x - half * 0.35, bottom - s * 0.26).L(x, bottom - s * 0.4).L(x + half * 0.35, bottom - s * 0.26)
                .Q(x + half * 0.15, bottom - s * 0.21, x, bottom - s * 0.25).Q(x - half * 0.15, bottom - s * 0.21, x - half * 0.35, bottom - s * 0.26).Z(), "white", Role.Detail);
        }
    }

    public static void Bush(SvgCanvas c, double x, double baseY, double s) => Puff(c, x, baseY, s * 0.5, s * 0.6, 5, Math.PI, 2 * Math.PI);

    public static void Mushroom(SvgCanvas c, double x, double baseY, double s)
    {
        c.Rect(x - s * 0.16, baseY - s * 0.55, s * 0.32, s * 0.55, "white", Role.Contour, s * 0.1);
        c.Path(p => p.M(x - s * 0.5, baseY - s * 0.5).C(x - s * 0.5, baseY - s * 1.15, x + s * 0.5, baseY - s * 1.15, x + s * 0.5, baseY - s * 0.5)
            .Q(x, baseY - s * 0.4, x - s * 0.5, baseY - s * 0.5).Z(), "white");
        c.Circle(x - s * 0.2, baseY - s * 0.72, s * 0.09, "white", Role.Detail);
        c.Circle(x + s * 0.16, baseY - s * 0.8, s * 0.1, "white", Role.Detail);
    }

    public static void Flower(SvgCanvas c, double x, double baseY, double s)
    {
        c.Rect(x - s * 0.05, baseY - s * 0.62, s * 0.1, s * 0.62, "white", Role.Detail);
        c.Ellipse(x + s * 0.15, baseY - s * 0.25, s * 0.15, s * 0.07, "white", Role.Detail, -30);
        for (var i = 0; i < 5; i++)
        {
            var a = i * Math.PI * 2 / 5;
            c.Circle(x + Math.Sin(a) * s * 0.2, baseY - s * 0.8 - Math.Cos(a) * s * 0.2, s * 0.15, "white", Role.Detail);
        }
        c.Circle(x, baseY - s * 0.8, s * 0.13, "white", Role.Detail);
    }

    public static void House(SvgCanvas c, double x, double baseY, double s, bool twoFloors)
    {
        var w = s * 0.7;
        var h = twoFloors ? s * 0.62 : s * 0.42;
        c.Rect(x + w * 0.18, baseY - h - s * 0.3, s * 0.1, s * 0.2, "white");
        c.Rect(x - w / 2, baseY - h, w, h, "white");
        c.Polygon([(x - w * 0.6, baseY - h), (x, baseY - h - s * 0.32), (x + w * 0.6, baseY - h)], "white");
        c.Rect(x - s * 0.08, baseY - s * 0.26, s * 0.16, s * 0.26, "white", Role.Detail, s * 0.04);
        c.Circle(x + s * 0.04, baseY - s * 0.13, Math.Max(2.2, s * 0.015), "#000", Role.Dark);
        for (var row = 0; row < (twoFloors ? 2 : 1); row++)
            foreach (var side in new[] { -1.0, 1 })
            {
                var wx = x + side * w * 0.3;
                var wy = baseY - s * 0.3 - row * s * 0.22;
                Window(c, wx, wy, s * 0.14);
            }
    }

    /// <summary>A four-pane window centred at (x, y), side d.</summary>
    public static void Window(SvgCanvas c, double x, double y, double d)
    {
        c.Rect(x - d / 2, y - d / 2, d, d, "white", Role.Detail);
        c.Stroke(p => p.M(x, y - d / 2).L(x, y + d / 2), "#000", 2);
        c.Stroke(p => p.M(x - d / 2, y).L(x + d / 2, y), "#000", 2);
    }

    public static void Lamp(SvgCanvas c, double x, double baseY, double s)
    {
        c.Rect(x - s * 0.08, baseY - s * 0.08, s * 0.16, s * 0.08, "white");
        c.Rect(x - s * 0.025, baseY - s * 0.82, s * 0.05, s * 0.75, "white");
        c.Polygon([(x - s * 0.1, baseY - s * 0.98), (x + s * 0.1, baseY - s * 0.98), (x + s * 0.07, baseY - s * 0.82), (x - s * 0.07, baseY - s * 0.82)], "white");
        c.Polygon([(x - s * 0.13, baseY - s * 0.98), (x, baseY - s * 1.06), (x + s * 0.13, baseY - s * 0.98)], "white");
    }

    public static void Barn(SvgCanvas c, double x, double baseY, double s)
    {
        var w = s * 0.8;
        c.Polygon([(x - w / 2, baseY), (x - w / 2, baseY - s * 0.5), (x, baseY - s * 0.85), (x + w / 2, baseY - s * 0.5), (x + w / 2, baseY)], "white");
        var (dx, dw, dh) = (x - s * 0.17, s * 0.34, s * 0.36);
        c.Rect(dx, baseY - dh, dw, dh, "white", Role.Detail);
        c.Stroke(p => p.M(dx, baseY - dh).L(dx + dw, baseY), "#000", 2);
        c.Stroke(p => p.M(dx + dw, baseY - dh).L(dx, baseY), "#000", 2);
        Window(c, x, baseY - s * 0.58, s * 0.16);
    }

    public static void Fence(SvgCanvas c, double xLeft, double xRight, double baseY, double s)
    {
        c.Rect(xLeft, baseY - s * 0.75, xRight - xLeft, s * 0.14, "white", Role.Detail);
        c.Rect(xLeft, baseY - s * 0.4, xRight - xLeft, s * 0.14, "white", Role.Detail);
        // Posts wide enough to color at the medium level, not thin black sticks.
        var posts = Math.Max(2, (int)((xRight - xLeft) / (s * 0.7)));
        for (var i = 0; i < posts; i++)
        {
            var px = xLeft + s * 0.17 + i * (xRight - xLeft - s * 0.34) / (posts - 1);
            c.Polygon([(px - s * 0.17, baseY), (px - s * 0.17, baseY - s * 0.85), (px, baseY - s), (px + s * 0.17, baseY - s * 0.85), (px + s * 0.17, baseY)], "white");
        }
    }

    public static void Haystack(SvgCanvas c, double x, double baseY, double s)
    {
        c.Path(p => p.M(x - s * 0.6, baseY).C(x - s * 0.6, baseY - s * 1.1, x + s * 0.6, baseY - s * 1.1, x + s * 0.6, baseY).Z(), "white");
        for (var i = -1; i <= 1; i++) c.Stroke(p => p.M(x + i * s * 0.25, baseY - s * 0.12).L(x + i * s * 0.2, baseY - s * 0.5), "#000", 2);
    }

    public static void Palm(SvgCanvas c, double x, double baseY, double s, double lean)
    {
        var (tx, ty) = (x + lean * s * 0.25, baseY - s * 0.85);
        c.Path(p => p.M(x - s * 0.07, baseY).Q(x + lean * s * 0.02, baseY - s * 0.5, tx - s * 0.04, ty).L(tx + s * 0.04, ty)
            .Q(x + lean * s * 0.05 + s * 0.08, baseY - s * 0.5, x + s * 0.08, baseY).Z(), "white");
        foreach (var a in new[] { -160.0, -120, -60, -20, 20, 160 })
        {
            c.Push(Affine.Translate(tx, ty).Then(Affine.Rotate(a)));
            c.Path(p => p.M(0, 0).Q(s * 0.2, -s * 0.12, s * 0.38, s * 0.02).Q(s * 0.2, -s * 0.02, 0, 0).Z(), "white");
            c.Pop();
        }
        c.Circle(tx - s * 0.04, ty + s * 0.05, s * 0.05, "white", Role.Detail);
        c.Circle(tx + s * 0.05, ty + s * 0.06, s * 0.05, "white", Role.Detail);
    }

    public static void Bucket(SvgCanvas c, double x, double baseY, double s)
    {
        c.Path(p => p.M(x - s * 0.32, baseY - s * 0.55).C(x - s * 0.32, baseY - s * 1.05, x + s * 0.32, baseY - s * 1.05, x + s * 0.32, baseY - s * 0.55)
            .L(x + s * 0.25, baseY - s * 0.55).C(x + s * 0.25, baseY - s * 0.92, x - s * 0.25, baseY - s * 0.92, x - s * 0.25, baseY - s * 0.55).Z(), "white", Role.Detail);
        c.Polygon([(x - s * 0.4, baseY - s * 0.6), (x + s * 0.4, baseY - s * 0.6), (x + s * 0.3, baseY), (x - s * 0.3, baseY)], "white");
        c.Rect(x - s * 0.43, baseY - s * 0.66, s * 0.86, s * 0.12, "white", Role.Detail);
    }

    public static void Shell(SvgCanvas c, double x, double baseY, double s) => PropPainter.Prop(c, "shell", x, baseY - s * 0.4, s * 0.5);

    public static void Starfish(SvgCanvas c, double x, double baseY, double s)
    {
        var pts = new List<(double, double)>();
        for (var i = 0; i < 10; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var rr = i % 2 == 0 ? s * 0.5 : s * 0.25;
            pts.Add((x + Math.Cos(a) * rr, baseY - s * 0.45 + Math.Sin(a) * rr));
        }
        c.Polygon(pts, "white");
    }

    public static void Planet(SvgCanvas c, double x, double y, double r, double tilt)
    {
        c.Circle(x, y, r, "white");
        c.Push(Affine.Translate(x, y).Then(Affine.Rotate(tilt)));
        c.Path(p => p.M(-r * 1.75, 0).C(-r * 1.75, r * 0.7, r * 1.75, r * 0.7, r * 1.75, 0).L(r * 1.2, -r * 0.05)
            .C(r * 1.2, r * 0.38, -r * 1.2, r * 0.38, -r * 1.2, -r * 0.05).Z(), "white");
        c.Pop();
        c.Circle(x - r * 0.35, y - r * 0.45, r * 0.2, "white", Role.Detail);
    }

    public static void Crater(SvgCanvas c, double x, double y, double s) => c.Ellipse(x, y, s, s * 0.35, "white", Role.Detail);

    public static void Seaweed(SvgCanvas c, double x, double baseY, double s, double sway)
    {
        const int n = 4;
        c.Path(p =>
        {
            p.M(x - s * 0.06, baseY);
            for (var i = 1; i <= n; i++)
                p.Q(x - s * 0.06 + (i % 2 == 0 ? -1 : 1) * sway * s * 0.12, baseY - (i - 0.5) * s / n, x - s * 0.04, baseY - i * s / n);
            p.Q(x, baseY - s * 1.08, x + s * 0.04, baseY - s);
            for (var i = n - 1; i >= 0; i--)
                p.Q(x + s * 0.06 + ((i + 1) % 2 == 0 ? -1 : 1) * sway * s * 0.12, baseY - (i + 0.5) * s / n, x + s * 0.06, baseY - i * s / n);
            p.Z();
        }, "white");
    }

    public static void Coral(SvgCanvas c, double x, double baseY, double s)
    {
        c.Path(p => p.M(x - s * 0.08, baseY).L(x - s * 0.06, baseY - s * 0.42).L(x + s * 0.06, baseY - s * 0.42).L(x + s * 0.1, baseY).Z(), "white");
        Puff(c, x, baseY - s * 0.45, s * 0.36, s * 0.42, 7, Math.PI, 2 * Math.PI);
        c.Circle(x - s * 0.16, baseY - s * 0.6, s * 0.06, "white", Role.Detail);
        c.Circle(x + s * 0.12, baseY - s * 0.7, s * 0.07, "white", Role.Detail);
        c.Circle(x + s * 0.02, baseY - s * 0.54, s * 0.05, "white", Role.Detail);
    }

    public static void Bubble(SvgCanvas c, double x, double y, double r)
    {
        c.Circle(x, y, r, "white", Role.Detail);
        if (r >= 10) c.Circle(x - r * 0.4, y - r * 0.4, r * 0.25, "white", Role.Detail);
    }

    public static void SmallFish(SvgCanvas c, double x, double y, double s, bool left)
    {
        var d = left ? -1 : 1;
        c.Polygon([(x - d * s * 0.35, y), (x - d * s * 0.6, y - s * 0.22), (x - d * s * 0.6, y + s * 0.22)], "white");
        c.Ellipse(x, y, s * 0.4, s * 0.24, "white");
        c.Circle(x + d * s * 0.2, y - s * 0.05, Math.Max(2.5, s * 0.05), "#000", Role.Dark);
    }

    public static void Mountain(SvgCanvas c, double x, double baseY, double halfWidth, double height)
    {
        var top = baseY - height;
        c.Polygon([(x - halfWidth, baseY), (x, top), (x + halfWidth, baseY)], "white");
        var f = 0.32;
        var (lx, rx, y) = (x - halfWidth * f, x + halfWidth * f, top + height * f);
        c.Polygon([(x, top), (rx, y), (x + halfWidth * f * 0.5, y - height * 0.06), (x, y + height * 0.02), (x - halfWidth * f * 0.5, y - height * 0.06), (lx, y)], "white", Role.Detail);
    }

    public static void Snowman(SvgCanvas c, double x, double baseY, double s)
    {
        c.Circle(x, baseY - s * 0.25, s * 0.25, "white");
        c.Circle(x, baseY - s * 0.62, s * 0.18, "white");
        c.Rect(x - s * 0.13, baseY - s * 0.93, s * 0.26, s * 0.16, "white", Role.Detail);
        c.Rect(x - s * 0.2, baseY - s * 0.79, s * 0.4, s * 0.05, "white", Role.Detail);
        c.Circle(x - s * 0.06, baseY - s * 0.66, Math.Max(2.2, s * 0.025), "#000", Role.Dark);
        c.Circle(x + s * 0.06, baseY - s * 0.66, Math.Max(2.2, s * 0.025), "#000", Role.Dark);
        c.Polygon([(x, baseY - s * 0.62), (x + s * 0.15, baseY - s * 0.59), (x, baseY - s * 0.57)], "white", Role.Detail);
    }
}
