using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// The free band is the picture minus the text panel; scenery stays in it so the text area holds only sky, wall or ground.
/// Feet is where the characters stand and Figure their height, so furniture beside them (a bed, a desk) is sized to them;
/// Mirror flips the place left to right, so consecutive pages in one place are not the same frame.
/// </summary>
internal readonly record struct SceneLayout(double Width, double Height, double FreeTop, double FreeBottom, double Horizon, double Feet = 0, double Figure = 0, bool Mirror = false)
{
    /// <summary>The x of a fraction of the width, mirrored when the place is flipped.</summary>
    public double X(double fraction) => Mirror ? Width * (1 - fraction) : Width * fraction;

    /// <summary>The left edge of something w wide whose left edge is at the fraction (its right edge when flipped).</summary>
    public double Left(double fraction, double w) => Mirror ? Width * (1 - fraction) - w : Width * fraction;
}

/// <summary>A bed's mattress: a sleeper lies on it, its head on the pillow end, under the blanket.</summary>
internal readonly record struct BedSpot(double X0, double X1, double Top, bool HeadRight, string Blanket);

/// <summary>What a drawn place offers the characters and props: a bed, table tops, seats, and the floor colour.</summary>
internal sealed class SceneSpots
{
    public BedSpot? Bed { get; set; }
    public List<(double X0, double X1, double Y)> Tables { get; } = [];
    public List<(double X, double Y)> Seats { get; } = [];
    public string Floor { get; set; } = "#86C06C";
    public bool Indoors { get; set; }

    /// <summary>Where a small thing rests at a landmark of the place ("Flop on the swing", "at the bottom of the slide"): the
    /// point it stands on and the largest size it may have there, far off by the horizon.</summary>
    public Dictionary<string, (double X, double Y, double MaxR)> Rests { get; } = new(StringComparer.Ordinal);
}

/// <summary>Paints the recognisable place of each setting with the landmarks the vocabulary lists, its sky by time of day, and its weather.</summary>
internal static partial class SceneBackground
{
    private static readonly HashSet<string> Outside = ["forest", "beach", "town", "farm", "space", "underwater", "snowy-mountains", "playground", "park", "garden", "castle", "zoo"];

    /// <summary>Whether this painter draws the setting as itself (every setting of the scene vocabulary; tests hold it to that).</summary>
    public static bool Draws(string setting) => Outside.Contains(setting) || IsRoom(setting);

    /// <summary>Draws the place and returns where its bed, tables and seats are.</summary>
    public static SceneSpots Draw(SvgCanvas c, string setting, string time, string weather, SceneLayout l, Rng rng)
    {
        if (IsRoom(setting)) return Room(c, setting, time, weather, l, rng);
        if (!Outside.Contains(setting)) setting = "park";
        var (w, h) = (l.Width, l.Height);
        var sky = setting switch
        {
            "space" => c.LinearGradient("sky", "#0B0F2A", "#2A1F5C"),
            "underwater" => c.LinearGradient("sky", "#7FD6EA", "#1D6FA3"),
            _ => SkyGradient(c, "sky", time, weather),
        };
        c.Rect(0, 0, w, h, sky, Role.Background);
        var skyTop = l.FreeTop + 0.04 * h;
        var skyBottom = l.Horizon - 0.06 * h;
        if (setting is not ("underwater" or "space")) SunOrMoon(c, time, weather, w, skyTop, skyBottom, rng);
        if (time == "night" || setting == "space")
        {
            c.BeginObject("star");
            Stars(c, w, skyTop, setting == "space" ? l.FreeBottom - 0.05 * h : skyBottom, setting == "space" ? 40 : 18, rng);
            c.EndObject();
        }
        var spots = new SceneSpots();
        switch (setting)
        {
            case "forest": Forest(c, l, rng); break;
            case "beach": Beach(c, l, rng); spots.Floor = "#EFCB8A"; break;
            case "town": Town(c, l, rng); break;
            case "farm": Farm(c, l, rng); spots.Floor = "#7FBF5E"; break;
            case "space": Space(c, l, rng); spots.Floor = "#9C95B5"; break;
            case "underwater": Underwater(c, l, rng); spots.Floor = "#D8B878"; break;
            case "snowy-mountains": Snowy(c, l, rng); spots.Floor = "#D9E6F2"; break;
            case "playground": Playground(c, l, rng, spots); break;
            case "garden": Garden(c, l, rng); break;
            case "castle": Castle(c, l, rng); break;
            case "zoo": Zoo(c, l, rng); spots.Floor = "#E9D8B4"; break;
            default: Park(c, l, rng); break;
        }
        if (setting is not ("underwater" or "space")) Weather(c, weather, time, l, rng);
        return spots;
    }

    private static string SkyGradient(SvgCanvas c, string id, string time, string weather) => time switch
    {
        "morning" => c.LinearGradient(id, "#9FD3F0", "#FFE3C2"),
        "evening" => c.LinearGradient(id, "#5B5EA6", "#F7A76C"),
        "night" => c.LinearGradient(id, "#0F1838", "#33407E"),
        _ => c.LinearGradient(id, weather is "rain" or "cloudy" or "snow" ? "#A9BCCF" : "#7CC4EE", "#DDF1FB"),
    };

    private static void Mark(SvgCanvas c, string landmark, Action draw)
    {
        c.BeginObject(landmark);
        draw();
        c.EndObject();
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
        else if (weather is "clear" or "windy")
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
            PropPainter.Prop(c, kind, rng.Range(0.04, 0.96) * l.Width, rng.Range(l.Horizon + 0.03 * l.Height, bottom), rng.Range(8, 12));
    }
}
