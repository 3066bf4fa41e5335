using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>The free band is the picture minus the text panel; scenery stays in it so the text area holds only sky or ground.</summary>
internal readonly record struct SceneLayout(double Width, double Height, double FreeTop, double FreeBottom, double Horizon);

/// <summary>Paints the recognisable background of each setting, its sky by time of day, and its weather.</summary>
internal static class SceneBackground
{
    public static void Draw(SvgCanvas c, string setting, string time, string weather, SceneLayout l, Rng rng)
    {
        var (w, h) = (l.Width, l.Height);
        if (setting == "bedroom") { Bedroom(c, time, l, rng); return; }
        var sky = setting switch
        {
            "space" => c.LinearGradient("sky", "#0B0F2A", "#2A1F5C"),
            "underwater" => c.LinearGradient("sky", "#7FD6EA", "#1D6FA3"),
            _ => time switch
            {
                "morning" => c.LinearGradient("sky", "#9FD3F0", "#FFE3C2"),
                "evening" => c.LinearGradient("sky", "#5B5EA6", "#F7A76C"),
                "night" => c.LinearGradient("sky", "#0F1838", "#33407E"),
                _ => c.LinearGradient("sky", weather is "rain" or "cloudy" ? "#A9BCCF" : "#7CC4EE", "#DDF1FB"),
            },
        };
        c.Rect(0, 0, w, h, sky, Role.Background);
        var skyTop = l.FreeTop + 0.04 * h;
        var skyBottom = l.Horizon - 0.06 * h;
        if (setting is not ("underwater" or "space")) SunOrMoon(c, time, weather, w, skyTop, skyBottom, rng);
        if (time == "night" || setting == "space") Stars(c, w, skyTop, setting == "space" ? l.FreeBottom - 0.05 * h : skyBottom, setting == "space" ? 40 : 18, rng);

        switch (setting)
        {
            case "forest": Forest(c, l, rng); break;
            case "beach": Beach(c, l, rng); break;
            case "town": Town(c, l, rng); break;
            case "farm": Farm(c, l, rng); break;
            case "space": Space(c, l, rng); break;
            case "underwater": Underwater(c, l, rng); break;
            default: Snowy(c, l, rng); break;
        }
        if (setting is not ("underwater" or "space")) Weather(c, weather, time, l, rng);
    }

    private static void SunOrMoon(SvgCanvas c, string time, string weather, double w, double top, double bottom, Rng rng)
    {
        if (bottom - top < 30) return;
        var r = Math.Min(0.06 * w, (bottom - top) / 3);
        var x = rng.Range(0.15, 0.85) * w;
        if (time == "night")
        {
            c.Circle(x, top + r * 1.4, r, "#FFF4C9", Role.Background);
            c.Circle(x + r * 0.4, top + r * 1.2, r * 0.85, "#1F2A5C", Role.Background);
        }
        else if (weather is not ("rain" or "cloudy"))
        {
            var y = time == "morning" || time == "evening" ? bottom - r * 1.2 : top + r * 1.5;
            c.Circle(x, y, r * 1.35, time == "evening" ? "#FFC38A" : "#FFF1B0", Role.Background);
            c.Circle(x, y, r, time == "evening" ? "#FF8A5C" : "#FFD45C", Role.Detail);
        }
    }

    private static void Stars(SvgCanvas c, double w, double top, double bottom, int count, Rng rng)
    {
        for (var i = 0; i < count && bottom > top; i++)
            PropPainter.Star(c, rng.Range(0.03, 0.97) * w, rng.Range(top, bottom), rng.Range(1.5, 4.5), "#FFF4C9", Role.Background);
    }

    public static void Cloud(SvgCanvas c, double x, double y, double s, string color) =>
        c.Path(p => p.M(x - s, y).C(x - s * 1.3, y, x - s * 1.2, y - s * 0.7, x - s * 0.6, y - s * 0.6)
            .C(x - s * 0.5, y - s * 1.2, x + s * 0.3, y - s * 1.2, x + s * 0.4, y - s * 0.65)
            .C(x + s * 1.1, y - s * 0.9, x + s * 1.4, y, x + s, y).Z(), color);

    private static void Weather(SvgCanvas c, string weather, string time, SceneLayout l, Rng rng)
    {
        var top = l.FreeTop + 0.05 * l.Height;
        var band = Math.Max(0, l.Horizon - top - 0.12 * l.Height);
        var clouds = weather switch { "cloudy" or "rain" => 4, "snow" => 3, _ => time == "night" ? 0 : 2 };
        var color = weather is "rain" ? "#C9D2DD" : weather == "cloudy" ? "#EEF1F5" : "#FFFFFF";
        for (var i = 0; i < clouds && band > 0; i++)
            Cloud(c, (i + 0.5) / clouds * l.Width + rng.Range(-0.06, 0.06) * l.Width, top + rng.Range(0.3, 1) * band, rng.Range(0.05, 0.08) * l.Width, color);
        for (var i = 0; weather == "rain" && i < 60; i++)
        {
            var x = rng.NextDouble() * l.Width;
            var y = rng.Range(l.FreeTop + 0.15 * l.Height, l.FreeBottom - 0.05 * l.Height);
            c.Stroke(p => p.M(x, y).L(x - 3, y + 12), "#7FA3C8", 1.4);
        }
        for (var i = 0; weather == "snow" && i < 70; i++)
            c.Circle(rng.NextDouble() * l.Width, rng.Range(l.FreeTop + 0.02 * l.Height, l.FreeBottom - 0.02 * l.Height), rng.Range(1.2, 3.2), "#FFFFFF", Role.Background);
        for (var i = 0; weather == "windy" && i < 4; i++)
        {
            var x = rng.Range(0.1, 0.8) * l.Width;
            var y = top + rng.NextDouble() * band;
            c.Stroke(p => p.M(x, y).Q(x + 30, y - 10, x + 60, y).Q(x + 80, y + 8, x + 70, y - 6), "#FFFFFF", 1.6);
        }
    }

    private static void Ground(SvgCanvas c, SceneLayout l, string top, string bottom)
    {
        var g = c.LinearGradient("ground", top, bottom);
        c.Path(p => p.M(0, l.Horizon).Q(l.Width * 0.3, l.Horizon - 0.03 * l.Height, l.Width * 0.6, l.Horizon).Q(l.Width * 0.85, l.Horizon + 0.02 * l.Height, l.Width, l.Horizon - 0.01 * l.Height)
            .L(l.Width, l.Height).L(0, l.Height).Z(), g, Role.Background);
    }

    /// <summary>Random x positions spread over the width, with the scenery element sized to stay below the free top.</summary>
    private static IEnumerable<double> Spread(int n, double w, Rng rng) =>
        Enumerable.Range(0, n).Select(i => (i + rng.Range(0.15, 0.85)) / n * w);

    private static double MaxTall(SceneLayout l, double wanted) => Math.Max(0, Math.Min(wanted, l.Horizon - l.FreeTop - 0.04 * l.Height));

    private static void Tree(SvgCanvas c, double x, double baseY, double tall, bool pine, string leaf)
    {
        if (tall < 20) return;
        c.Rect(x - tall * 0.05, baseY - tall * 0.35, tall * 0.1, tall * 0.37, "#8B5A3C", Role.Detail);
        if (pine)
        {
            for (var i = 0; i < 3; i++)
            {
                var y0 = baseY - tall * (0.25 + i * 0.22);
                var half = tall * (0.3 - i * 0.07);
                c.Polygon([(x - half, y0), (x, y0 - tall * 0.35), (x + half, y0)], leaf);
            }
            return;
        }
        c.Circle(x, baseY - tall * 0.62, tall * 0.32, leaf);
        c.Circle(x - tall * 0.2, baseY - tall * 0.48, tall * 0.2, Palette.Darken(leaf, 0.06), Role.Detail);
        c.Circle(x + tall * 0.18, baseY - tall * 0.52, tall * 0.22, Palette.Lighten(leaf, 0.08), Role.Detail);
    }

    private static void GroundDetails(SvgCanvas c, SceneLayout l, Rng rng, string kind, int n)
    {
        var bottom = l.FreeBottom - 0.03 * l.Height;
        for (var i = 0; i < n && bottom > l.Horizon + 10; i++)
            PropPainter.Prop(c, kind, rng.Range(0.04, 0.96) * l.Width, rng.Range(l.Horizon + 0.03 * l.Height, bottom), rng.Range(5, 9));
    }

    private static void Forest(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.Width * 0.25, l.Horizon + 10, l.Width * 0.45, 0.12 * l.Height, "#7DB86A", Role.Background);
        c.Ellipse(l.Width * 0.8, l.Horizon + 10, l.Width * 0.4, 0.1 * l.Height, "#6CAA5C", Role.Background);
        foreach (var x in Spread(6, l.Width, rng))
            Tree(c, x, l.Horizon + rng.Range(0, 0.03) * l.Height, MaxTall(l, rng.Range(0.25, 0.4) * l.Height), rng.Chance(0.4), rng.Pick(new[] { "#4C9A52", "#5FAF5A", "#3E8A4A" }));
        Ground(c, l, "#9AD07A", "#6DB356");
        GroundDetails(c, l, rng, "flower", 5);
        for (var i = 0; i < 2; i++)
        {
            var x = rng.Range(0.05, 0.95) * l.Width;
            var y = rng.Range(l.Horizon + 0.05 * l.Height, Math.Max(l.Horizon + 0.06 * l.Height, l.FreeBottom - 0.05 * l.Height));
            c.Rect(x - 3, y - 8, 6, 9, "#F6EBDD", Role.Detail);
            c.Path(p => p.M(x - 10, y - 7).Q(x, y - 20, x + 10, y - 7).Z(), "#E4574C", Role.Detail);
        }
    }

    private static void Beach(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var seaBottom = l.Horizon + 0.08 * l.Height;
        c.Rect(0, l.Horizon - 0.1 * l.Height, l.Width, seaBottom - l.Horizon + 0.1 * l.Height, c.LinearGradient("sea", "#4FB3D9", "#8ED8EE"), Role.Background);
        for (var i = 0; i < 6; i++)
        {
            var x = rng.Range(0.05, 0.9) * l.Width;
            var y = rng.Range(l.Horizon - 0.08 * l.Height, seaBottom - 0.02 * l.Height);
            if (y < l.FreeTop + 10) continue;
            c.Stroke(p => p.M(x, y).Q(x + 8, y - 5, x + 16, y).Q(x + 24, y - 5, x + 32, y), "#FFFFFF", 1.5);
        }
        c.Path(p => p.M(0, seaBottom).Q(l.Width * 0.5, seaBottom - 0.03 * l.Height, l.Width, seaBottom).L(l.Width, l.Height).L(0, l.Height).Z(), c.LinearGradient("sand", "#F8E2B0", "#EFCB8A"), Role.Background);
        var ux = rng.Chance(0.5) ? 0.12 * l.Width : 0.88 * l.Width;
        var tall = MaxTall(l, 0.22 * l.Height);
        if (tall > 40)
        {
            c.Rect(ux - 2, seaBottom - tall * 0.6, 4, tall * 0.8, "#6B5B4B", Role.Detail);
            c.Path(p => p.M(ux - tall * 0.4, seaBottom - tall * 0.55).Q(ux, seaBottom - tall * 1.0, ux + tall * 0.4, seaBottom - tall * 0.55).Z(), "#E4574C");
        }
        GroundDetails(c, l, rng, "shell", 4);
    }

    private static void Town(SvgCanvas c, SceneLayout l, Rng rng)
    {
        Ground(c, l, "#A8D88A", "#86C06C");
        var colors = new[] { "#F7C59F", "#A7C7E7", "#F4A6B8", "#FFE08A", "#B8E0B4" };
        var n = 5;
        var width = l.Width / n;
        for (var i = 0; i < n; i++)
        {
            var tall = MaxTall(l, rng.Range(0.18, 0.28) * l.Height);
            if (tall < 30) continue;
            var x = i * width + width * 0.12;
            var hw = width * 0.76;
            var baseY = l.Horizon + 0.02 * l.Height;
            var body = tall * 0.62;
            c.Rect(x, baseY - body, hw, body, colors[(i + rng.Next(5)) % 5]);
            c.Polygon([(x - 4, baseY - body), (x + hw / 2, baseY - tall), (x + hw + 4, baseY - body)], rng.Pick(new[] { "#C8553D", "#7D6A8C", "#5B7FD6" }));
            c.Rect(x + hw * 0.38, baseY - body * 0.45, hw * 0.24, body * 0.45, "#8B5A3C", Role.Detail);
            c.Rect(x + hw * 0.1, baseY - body * 0.8, hw * 0.22, body * 0.22, "#FFF4C9", Role.Detail);
            c.Rect(x + hw * 0.68, baseY - body * 0.8, hw * 0.22, body * 0.22, "#FFF4C9", Role.Detail);
        }
        c.Rect(0, l.Horizon + 0.02 * l.Height, l.Width, 0.025 * l.Height, "#D9D4CC", Role.Background);
        GroundDetails(c, l, rng, "flower", 3);
    }

    private static void Farm(SvgCanvas c, SceneLayout l, Rng rng)
    {
        c.Ellipse(l.Width * 0.7, l.Horizon + 12, l.Width * 0.5, 0.1 * l.Height, "#C9D86A", Role.Background);
        var tall = MaxTall(l, 0.3 * l.Height);
        var bx = rng.Chance(0.5) ? 0.08 * l.Width : 0.62 * l.Width;
        var bw = 0.3 * l.Width;
        if (tall > 40)
        {
            c.Rect(bx, l.Horizon - tall * 0.6, bw, tall * 0.62, "#C8453D");
            c.Polygon([(bx - 6, l.Horizon - tall * 0.6), (bx + bw / 2, l.Horizon - tall), (bx + bw + 6, l.Horizon - tall * 0.6)], "#8E2F2A");
            c.Rect(bx + bw * 0.35, l.Horizon - tall * 0.35, bw * 0.3, tall * 0.37, "#FFFFFF", Role.Detail);
            c.Polygon([(bx + bw * 0.35, l.Horizon - tall * 0.35), (bx + bw * 0.65, l.Horizon), (bx + bw * 0.62, l.Horizon), (bx + bw * 0.35, l.Horizon - tall * 0.31)], "#C8453D", Role.Detail);
        }
        Ground(c, l, "#A8D88A", "#7FBF5E");
        var fy = l.Horizon + 0.05 * l.Height;
        if (fy < l.FreeBottom - 20)
        {
            for (var x = 0.0; x < l.Width; x += l.Width / 12) c.Rect(x, fy - 26, 6, 30, "#E8D3B0", Role.Detail);
            c.Rect(0, fy - 20, l.Width, 5, "#E8D3B0", Role.Detail);
            c.Rect(0, fy - 8, l.Width, 5, "#E8D3B0", Role.Detail);
        }
        GroundDetails(c, l, rng, "flower", 3);
    }

    private static void Space(SvgCanvas c, SceneLayout l, Rng rng)
    {
        var r = Math.Min(0.09 * l.Width, (l.Horizon - l.FreeTop) * 0.3);
        if (r > 10)
        {
            var x = rng.Range(0.15, 0.85) * l.Width;
            var y = l.FreeTop + r * 1.6;
            c.Ellipse(x, y, r * 1.7, r * 0.4, "#F2B705", Role.Detail, -12);
            c.Circle(x, y, r, "#B48EDB");
            c.Circle(rng.Range(0.1, 0.9) * l.Width, l.FreeTop + r * 0.9, r * 0.4, "#6FC3E8");
        }
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
        foreach (var x in Spread(7, l.Width, rng))
        {
            var tall = MaxTall(l, rng.Range(0.12, 0.28) * l.Height);
            if (tall < 20) continue;
            var b = l.Horizon + 15;
            c.Path(p => p.M(x - 5, b).C(x - 16, b - tall * 0.3, x + 6, b - tall * 0.6, x - 2, b - tall).C(x + 8, b - tall * 0.6, x - 6, b - tall * 0.3, x + 5, b).Z(), rng.Pick(new[] { "#3FA56B", "#4CAF6A", "#2E8B57" }));
        }
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
        var tall = MaxTall(l, 0.32 * l.Height);
        if (tall > 30)
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
        Ground(c, l, "#F7FBFF", "#D9E6F2");
        foreach (var x in Spread(4, l.Width, rng))
            Tree(c, x, l.Horizon + 8, MaxTall(l, 0.2 * l.Height), true, "#3E7D5A");
    }

    private static void Bedroom(SvgCanvas c, string time, SceneLayout l, Rng rng)
    {
        var night = time is "night" or "evening";
        c.Rect(0, 0, l.Width, l.Height, c.LinearGradient("wall", night ? "#3E4779" : "#F6E7CF", night ? "#525C91" : "#F9EEDD"), Role.Background);
        var floor = l.Horizon;
        c.Rect(0, floor, l.Width, l.Height - floor, c.LinearGradient("ground", "#C89B6D", "#B5875B"), Role.Background);
        var winTop = l.FreeTop + 0.05 * l.Height;
        var winH = Math.Min(0.28 * l.Height, floor - winTop - 0.12 * l.Height);
        if (winH > 40)
        {
            var wx = rng.Chance(0.5) ? 0.1 * l.Width : 0.62 * l.Width;
            var ww = 0.28 * l.Width;
            c.Rect(wx - 6, winTop - 6, ww + 12, winH + 12, "#FFFFFF");
            c.Rect(wx, winTop, ww, winH, night ? "#1F2A5C" : "#9FD3F0", Role.Detail);
            if (night)
            {
                c.Circle(wx + ww * 0.7, winTop + winH * 0.3, winH * 0.12, "#FFF4C9", Role.Background);
                for (var i = 0; i < 5; i++) PropPainter.Star(c, wx + rng.Range(0.1, 0.9) * ww, winTop + rng.Range(0.1, 0.9) * winH, 2.5, "#FFF4C9", Role.Background);
            }
            else Cloud(c, wx + ww * 0.4, winTop + winH * 0.6, ww * 0.15, "#FFFFFF");
            c.Rect(wx + ww / 2 - 2, winTop, 4, winH, "#FFFFFF", Role.Detail);
            c.Rect(wx - 14, winTop - 10, 14, winH + 30, "#9B6BC7");
            c.Rect(wx + ww, winTop - 10, 14, winH + 30, "#9B6BC7");
        }
        var bedTop = Math.Max(l.FreeTop + 10, floor - 0.14 * l.Height);
        var bx = rng.Chance(0.5) ? 0.05 * l.Width : 0.55 * l.Width;
        var bw = 0.4 * l.Width;
        c.Rect(bx, bedTop - 0.06 * l.Height, 12, floor - bedTop + 0.06 * l.Height + 0.02 * l.Height, "#8B5A3C");
        c.Rect(bx, bedTop, bw, floor - bedTop + 0.02 * l.Height, "#A86B45", Role.Contour, 6);
        c.Rect(bx + 14, bedTop - 10, bw * 0.25, 16, "#FFFFFF", Role.Contour, 8);
        c.Rect(bx + bw * 0.3, bedTop - 4, bw * 0.7, (floor - bedTop) * 0.6, "#7FA7D9", Role.Contour, 6);
        var rugY = Math.Min(floor + 0.08 * l.Height, l.FreeBottom - 0.06 * l.Height);
        if (rugY > floor + 8) c.Ellipse(l.Width * 0.5, rugY, l.Width * 0.3, 0.035 * l.Height, "#F28DB2", Role.Detail);
    }
}
