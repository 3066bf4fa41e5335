using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Rooms: a wall, a floor, furniture sized to the characters, and a window (the only place the time and weather show).</summary>
internal static partial class SceneBackground
{
    private static bool IsRoom(string setting) => setting is "bedroom" or "kitchen" or "living-room" or "bathroom" or "classroom"
        or "dentist" or "doctor" or "hair-salon" or "shop" or "cave";

    private static SceneSpots Room(SvgCanvas c, string setting, string time, string weather, SceneLayout l, Rng rng)
    {
        var spots = new SceneSpots { Indoors = true };
        var (wallTop, wallBottom, floor) = setting switch
        {
            "bedroom" => ("#F6E7CF", "#F9EEDD", "#C89B6D"),
            "kitchen" => ("#FFF3C4", "#FFF8DC", "#D9C2A0"),
            "living-room" => ("#E6F0E0", "#F1F6EC", "#B5875B"),
            "bathroom" => ("#DDF1FB", "#EAF7FC", "#C9D2DD"),
            "classroom" => ("#FCEBD0", "#FDF3E2", "#C8A27A"),
            "dentist" or "doctor" => ("#E3F4F1", "#F0FAF8", "#BFD8E8"),
            "hair-salon" => ("#F9E0EA", "#FCEEF3", "#E8E4EE"),
            "cave" => ("#4A4257", "#6A5F78", "#7A6E66"),
            _ => ("#FFF0DA", "#FFF7EA", "#D9C2A0"),
        };
        if (time is "night" or "evening" && setting != "cave")
            (wallTop, wallBottom) = (Palette.Mix(wallTop, "#3E4779", 0.45), Palette.Mix(wallBottom, "#525C91", 0.4));
        spots.Floor = floor;
        c.Rect(0, 0, l.Width, l.Height, c.LinearGradient("wall", wallTop, wallBottom), Role.Background);
        c.Rect(0, l.Horizon, l.Width, l.Height - l.Horizon, c.LinearGradient("ground", floor, Palette.Darken(floor, 0.1)), Role.Background);
        if (setting != "cave") c.Rect(0, l.Horizon - 0.012 * l.Height, l.Width, 0.014 * l.Height, Palette.Darken(wallBottom, 0.18), Role.Background);
        var view = Rng.For(7, setting + time + weather);
        switch (setting)
        {
            case "bedroom": Bedroom(c, time, weather, l, spots, view); break;
            case "kitchen": Kitchen(c, time, weather, l, spots, view); break;
            case "living-room": LivingRoom(c, time, weather, l, spots, view); break;
            case "bathroom": Bathroom(c, time, weather, l, spots, view); break;
            case "classroom": Classroom(c, time, weather, l, spots, view); break;
            case "dentist": Dentist(c, time, weather, l, spots, view); break;
            case "doctor": Doctor(c, time, weather, l, spots, view); break;
            case "hair-salon": Salon(c, l, spots, rng); break;
            case "cave": Cave(c, time, weather, l, view); break;
            default: Shop(c, l, spots, rng); break;
        }
        return spots;
    }

    /// <summary>The wall band: from just below the text panel (or the top) to the floor line.</summary>
    private static (double Top, double Height) Wall(SceneLayout l)
    {
        var top = l.FreeTop + 0.03 * l.Height;
        return (top, Math.Max(40, l.Horizon - top - 0.02 * l.Height));
    }

    /// <summary>A window whose glass shows the time of day and the weather; its own group, so nothing else of the room changes with them.</summary>
    private static void Window(SvgCanvas c, double x, double y, double w, double h, string time, string weather, Rng rng, bool curtains = true)
    {
        c.BeginObject("window");
        if (curtains)
        {
            c.Rect(x - w * 0.14, y - 8, w * 0.16, h + 22, "#9B6BC7", Role.Contour, 3);
            c.Rect(x + w * 0.98, y - 8, w * 0.16, h + 22, "#9B6BC7", Role.Contour, 3);
        }
        c.Rect(x - 5, y - 5, w + 10, h + 10, "#FFFFFF");
        c.Rect(x, y, w, h, SkyGradient(c, "window-sky", time, weather), Role.Detail);
        var night = time == "night";
        if (night)
        {
            c.Circle(x + w * 0.72, y + h * 0.28, Math.Min(w, h) * 0.12, "#FFF4C9", Role.Background);
            for (var i = 0; i < 5; i++) PropPainter.Star(c, x + rng.Range(0.08, 0.92) * w, y + rng.Range(0.1, 0.85) * h, 2.4, "#FFF4C9", Role.Background);
        }
        else if (weather is "clear" or "windy") c.Circle(x + w * 0.74, y + h * 0.3, Math.Min(w, h) * 0.11, time == "evening" ? "#FF8A5C" : "#FFD45C", Role.Background);
        if (weather is "cloudy" or "rain" or "snow" || (!night && weather == "clear"))
            Cloud(c, x + w * 0.35, y + h * 0.42, Math.Min(w, h) * 0.14, weather == "rain" ? "#C9D2DD" : "#FFFFFF");
        for (var i = 0; weather == "rain" && i < 12; i++)
        {
            var (rx, ry) = (x + rng.Range(0.08, 0.88) * w, y + rng.Range(0.45, 0.85) * h);
            c.Stroke(p => p.M(rx, ry).L(rx - 2, ry + 7), "#7FA3C8", 1.1);
        }
        for (var i = 0; weather == "snow" && i < 14; i++)
            c.Circle(x + rng.Range(0.05, 0.95) * w, y + rng.Range(0.1, 0.9) * h, rng.Range(1.1, 2.2), "#FFFFFF", Role.Background);
        if (weather == "snow") c.Rect(x, y + h * 0.88, w, h * 0.12, "#FFFFFF", Role.Background);
        c.Rect(x + w / 2 - 2, y, 4, h, "#FFFFFF", Role.Detail);
        c.Rect(x, y + h / 2 - 2, w, 4, "#FFFFFF", Role.Detail);
        c.Rect(x - 9, y + h + 3, w + 18, 6, "#FFFFFF", Role.Detail, 2);
        c.EndObject();
    }

    private static void StandardWindow(SvgCanvas c, double fraction, string time, string weather, SceneLayout l, Rng rng)
    {
        var (top, wallH) = Wall(l);
        var w = 0.24 * l.Width;
        Window(c, l.Left(fraction, w), top + wallH * 0.08, w, Math.Min(wallH * 0.55, w * 1.1), time, weather, rng);
    }

    private static void Bedroom(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.08, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        Mark(c, "shelf", () =>
        {
            var w = 0.2 * l.Width;
            var x = l.Left(0.4, w);
            var y = top + wallH * 0.38;
            c.Rect(x, y, w, 6, "#A86B45", Role.Contour, 2);
            string[] books = ["#E4574C", "#5B9BD5", "#F9D65C", "#4CAF6A"];
            for (var i = 0; i < books.Length; i++) c.Rect(x + 6 + i * 9, y - 24 + (i % 2) * 4, 8, 24 - (i % 2) * 4, books[i], Role.Detail, 1);
            PropPainter.Prop(c, "ball", x + w * 0.75, y - 9, 12);
            spots.Tables.Add((x + w * 0.45, x + w * 0.6, y));
        });
        Mark(c, "rug", () => c.Ellipse(l.X(0.32), Math.Min(l.Feet - 0.02 * l.Height, l.Horizon + 0.6 * (l.Feet - l.Horizon)), 0.22 * l.Width, 0.03 * l.Height, "#F28DB2", Role.Detail));
        var picture = l.X(0.7);
        c.Rect(picture - 26, top + wallH * 0.12, 52, 40, "#F9D65C", Role.Contour, 3);
        c.Rect(picture - 20, top + wallH * 0.12 + 6, 40, 28, "#BDE3F5", Role.Detail);
        PropPainter.Star(c, picture, top + wallH * 0.12 + 20, 9, "#F28DB2");
        var standW = Math.Min(0.11 * l.Width, 0.3 * l.Figure);
        var standX = l.Left(0.985 - standW / l.Width, standW);
        var standTop = l.Feet - 0.3 * l.Figure;
        c.Rect(standX, standTop, standW, l.Feet - standTop, "#C8865A", Role.Contour, 3);
        c.Rect(standX + standW * 0.12, standTop + (l.Feet - standTop) * 0.2, standW * 0.76, (l.Feet - standTop) * 0.3, "#B07A4F", Role.Detail, 2);
        c.Circle(standX + standW / 2, standTop + (l.Feet - standTop) * 0.35, 2.5, "#6B4A32", Role.Detail);
        spots.Tables.Insert(0, (standX + standW * 0.3, standX + standW * 0.7, standTop));
        var bed = Bed(c, l, 0.97 - standW / l.Width - 0.01, "#7FA7D9");
        spots.Bed = bed;
        // Whoever sits in a bedroom sits on the bed ("tucked in with teddy", "Papa sat on the end of the bed"), not on the floor
        // beside it: the pillow end first, then the foot.
        var len = bed.X1 - bed.X0;
        spots.Seats.Add((bed.HeadRight ? bed.X1 - 0.3 * len : bed.X0 + 0.3 * len, bed.Top));
        spots.Seats.Add((bed.HeadRight ? bed.X0 + 0.22 * len : bed.X1 - 0.22 * len, bed.Top));
    }

    /// <summary>A bed at the characters' depth, long enough for one of them to lie in, its outer end at the given fraction.</summary>
    private static BedSpot Bed(SvgCanvas c, SceneLayout l, double outer, string blanket, string wood = "#A86B45", bool headboard = true)
    {
        var f = l.Figure;
        var len = Math.Min(1.3 * f, 0.62 * l.Width);
        var x0 = l.Left(outer - len / l.Width, len);
        var x1 = x0 + len;
        var top = l.Feet - 0.3 * f;
        var headRight = !l.Mirror;
        var headX = headRight ? x1 : x0;
        var footX = headRight ? x0 : x1;
        c.BeginObject("bed");
        if (headboard) c.Rect(headX - (headRight ? 0.06 * len : 0), top - 0.32 * f, 0.06 * len, 0.32 * f + (l.Feet - top), wood, Role.Contour, 6);
        c.Rect(footX - (headRight ? 0 : 0.05 * len), top - 0.1 * f, 0.05 * len, 0.1 * f + (l.Feet - top), wood, Role.Contour, 4);
        c.Rect(x0 + 0.04 * len, top + 0.08 * f, len * 0.92, 0.1 * f, wood, Role.Contour, 3);
        foreach (var lx in new[] { x0 + 0.06 * len, x1 - 0.09 * len }) c.Rect(lx, top + 0.17 * f, 0.03 * len, l.Feet - top - 0.17 * f, Palette.Darken(wood, 0.2), Role.Detail);
        c.Rect(x0 + 0.05 * len, top, len * 0.9, 0.09 * f, "#FFFFFF", Role.Contour, 4);
        var pillowX = headX + (headRight ? -0.17 : 0.17) * len;
        c.Ellipse(pillowX, top - 0.02 * f, 0.13 * len, 0.055 * f, "#FFFFFF");
        c.EndObject();
        return new BedSpot(x0 + 0.05 * len, x1 - 0.05 * len, top, headRight, blanket);
    }

    /// <summary>The blanket over a bed, drawn after whoever lies in it; it rises over a sleeper's body up to the shoulders.</summary>
    public static void Blanket(SvgCanvas c, BedSpot bed, double figure, double? shoulderX)
    {
        var len = bed.X1 - bed.X0;
        var foot = bed.HeadRight ? bed.X0 : bed.X1;
        var end = shoulderX ?? (bed.HeadRight ? bed.X0 + 0.62 * len : bed.X1 - 0.62 * len);
        var hump = shoulderX is null ? 0.03 * figure : 0.46 * figure;
        var bottom = bed.Top + 0.14 * figure;
        var dir = bed.HeadRight ? 1 : -1;
        c.Path(p => p.M(foot - dir * 4, bottom).L(foot - dir * 4, bed.Top - hump * 0.55).Q(foot + dir * 0.1 * len, bed.Top - hump * 1.05, foot + (end - foot) * 0.5, bed.Top - hump)
            .Q(end - dir * 0.05 * len, bed.Top - hump * 0.95, end, bed.Top - hump * 0.6).L(end + dir * 2, bottom).Z(), bed.Blanket);
        c.Rect(Math.Min(end, end - dir * 0.06 * len), bed.Top - hump * 0.62, 0.06 * len, hump * 0.62 + 0.14 * figure, Palette.Lighten(bed.Blanket, 0.45), Role.Detail, 3);
    }

    private static void Kitchen(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.06, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        Mark(c, "cupboard", () =>
        {
            var w = 0.5 * l.Width;
            var x = l.Left(0.45, w);
            c.Rect(x, top + wallH * 0.05, w, wallH * 0.3, "#F7C59F", Role.Contour, 3);
            for (var i = 1; i < 4; i++) c.Rect(x + i * w / 4 - 1, top + wallH * 0.05, 2, wallH * 0.3, "#D9A27A", Role.Detail);
            for (var i = 0; i < 4; i++) c.Circle(x + (i + 0.5) * w / 4 + (i % 2 == 0 ? 8 : -8), top + wallH * 0.3, 2.5, "#8B5A3C", Role.Detail);
            var cy = l.Horizon - wallH * 0.32;
            c.Rect(x, cy, w, wallH * 0.32, "#F7C59F", Role.Contour, 2);
            c.Rect(x - 4, cy - 6, w + 8, 8, "#B8B1CC", Role.Contour, 2);
            for (var i = 1; i < 4; i++) c.Rect(x + i * w / 4 - 1, cy, 2, wallH * 0.32, "#D9A27A", Role.Detail);
            c.Rect(x + w * 0.2 - 7, cy - 20, 14, 14, "#E4574C", Role.Detail, 2);
            c.Ellipse(x + w * 0.7, cy - 10, 16, 6, "#5B9BD5", Role.Detail);
        });
        Table(c, l, spots, 0.68, "#C8865A");
    }

    private static void Table(SvgCanvas c, SceneLayout l, SceneSpots spots, double fraction, string wood)
    {
        var f = l.Figure;
        var w = 0.75 * f;
        var x = l.X(fraction);
        var top = l.Feet - 0.38 * f;
        Mark(c, "chair", () =>
        {
            var cx = x + (l.Mirror ? -1 : 1) * (w * 0.5 + 0.12 * f);
            c.Rect(cx - 0.1 * f, l.Feet - 0.22 * f, 0.2 * f, 0.04 * f, "#E4574C", Role.Contour, 3);
            c.Rect(cx + (l.Mirror ? -0.1 : 0.08) * f, l.Feet - 0.5 * f, 0.03 * f, 0.3 * f, "#E4574C", Role.Contour, 2);
            foreach (var dx in new[] { -0.09, 0.07 }) c.Rect(cx + dx * f, l.Feet - 0.19 * f, 0.02 * f, 0.19 * f, "#B8403A", Role.Detail);
            spots.Seats.Add((cx, l.Feet - 0.22 * f));
        });
        Mark(c, "table", () =>
        {
            c.Rect(x - w / 2, top, w, 0.04 * f, wood, Role.Contour, 3);
            c.Rect(x - w / 2 - 3, top - 2, w + 6, 0.04 * f, "#FFFFFF", Role.Detail, 3);
            foreach (var dx in new[] { -0.44, 0.4 }) c.Rect(x + dx * w, top + 0.03 * f, 0.035 * f, l.Feet - top - 0.03 * f, Palette.Darken(wood, 0.15), Role.Detail);
        });
        spots.Tables.Add((x - w * 0.42, x + w * 0.42, top - 2));
    }

    private static void LivingRoom(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        StandardWindow(c, 0.06, time, weather, l, rng);
        var (top, wallH) = Wall(l);
        Mark(c, "lamp", () =>
        {
            var x = l.X(0.4);
            var h = wallH * 0.8;
            c.Rect(x - 2, l.Horizon - h * 0.75, 4, h * 0.75, "#6B5B4B", Role.Detail);
            c.Ellipse(x, l.Horizon, 14, 4, "#6B5B4B", Role.Detail);
            c.Polygon([(x - 20, l.Horizon - h * 0.72), (x - 12, l.Horizon - h), (x + 12, l.Horizon - h), (x + 20, l.Horizon - h * 0.72)], time is "night" or "evening" ? "#FFE27A" : "#F9D65C");
        });
        var sw = 0.42 * l.Width;
        var sx = l.Left(0.52, sw);
        var sh = Math.Min(wallH * 0.5, 0.45 * l.Figure);
        c.Rect(sx + sw * 0.3, top + wallH * 0.08, sw * 0.4, wallH * 0.28, "#B07A4F", Role.Contour, 2);
        c.Rect(sx + sw * 0.33, top + wallH * 0.11, sw * 0.34, wallH * 0.22, "#A7D3A0", Role.Detail);
        c.Polygon([(sx + sw * 0.33, top + wallH * 0.33), (sx + sw * 0.45, top + wallH * 0.18), (sx + sw * 0.55, top + wallH * 0.33)], "#5B9BD5", Role.Detail);
        Mark(c, "sofa", () =>
        {
            c.Rect(sx + sw * 0.06, l.Horizon - sh, sw * 0.88, sh * 0.6, "#5B9BD5", Role.Contour, 10);
            c.Rect(sx, l.Horizon - sh * 0.6, sw, sh * 0.45, "#4A86C5", Role.Contour, 8);
            c.Rect(sx - 4, l.Horizon - sh * 0.75, sw * 0.12, sh * 0.7, "#5B9BD5", Role.Contour, 8);
            c.Rect(sx + sw * 0.88 + 4, l.Horizon - sh * 0.75, sw * 0.12, sh * 0.7, "#5B9BD5", Role.Contour, 8);
            c.Rect(sx + sw * 0.15, l.Horizon - sh * 0.78, sw * 0.2, sh * 0.25, "#F9D65C", Role.Detail, 6);
            foreach (var lx in new[] { 0.05, 0.92 }) c.Rect(sx + sw * lx, l.Horizon - sh * 0.15, 5, sh * 0.15 + 3, "#3A3440", Role.Detail);
        });
        spots.Seats.Add((sx + sw * 0.35, l.Horizon - sh * 0.6));
        spots.Seats.Add((sx + sw * 0.7, l.Horizon - sh * 0.6));
        Mark(c, "rug", () => c.Ellipse(l.X(0.55), l.Horizon + 0.55 * (l.Feet - l.Horizon), 0.3 * l.Width, 0.035 * l.Height, "#E9A15C", Role.Detail));
    }

    private static void Bathroom(SvgCanvas c, string time, string weather, SceneLayout l, SceneSpots spots, Rng rng)
    {
        var (top, wallH) = Wall(l);
        for (var row = 0; row < 4; row++)
            for (var x = 0.0; x < l.Width; x += 0.07 * l.Width)
                c.Rect(x + 1, l.Horizon - (row + 1) * wallH * 0.1 + 1, 0.07 * l.Width - 2, wallH * 0.1 - 2, (row + (int)(x / (0.07 * l.Width))) % 2 == 0 ? "#BFE3F5" : "#D7EEF9", Role.Background);
        var ww = 0.16 * l.Width;
        Window(c, l.Left(0.58, ww), top + wallH * 0.06, ww, wallH * 0.3, time, weather, rng, curtains: false);
        var sinkX = l.X(0.2);
        Mark(c, "mirror", () =>
        {
            c.Rect(sinkX - 0.07 * l.Width, top + wallH * 0.06, 0.14 * l.Width, wallH * 0.36, "#F9D65C", Role.Contour, 12);
            c.Rect(sinkX - 0.06 * l.Width, top + wallH * 0.08, 0.12 * l.Width, wallH * 0.32, "#DDF1FB", Role.Detail, 10);
            c.Stroke(p => p.M(sinkX - 0.03 * l.Width, top + wallH * 0.14).L(sinkX, top + wallH * 0.11), "#FFFFFF", 2);
        });
        Mark(c, "sink", () =>
        {
            var y = l.Horizon - wallH * 0.42;
            c.Rect(sinkX - 0.025 * l.Width, y + 10, 0.05 * l.Width, l.Horizon - y - 10, "#FFFFFF", Role.Contour, 3);
            c.Path(p => p.M(sinkX - 0.08 * l.Width, y).L(sinkX + 0.08 * l.Width, y).Q(sinkX + 0.07 * l.Width, y + 26, sinkX, y + 26).Q(sinkX - 0.07 * l.Width, y + 26, sinkX - 0.08 * l.Width, y).Z(), "#FFFFFF");
            c.Rect(sinkX - 3, y - 14, 6, 14, "#A3A9B2", Role.Detail, 2);
            c.Rect(sinkX - 3, y - 14, 14, 5, "#A3A9B2", Role.Detail, 2);
            spots.Tables.Add((sinkX + 0.02 * l.Width, sinkX + 0.07 * l.Width, y));
        });
        Mark(c, "bath", () =>
        {
            var f = l.Figure;
            var len = Math.Min(1.2 * f, 0.55 * l.Width);
            var x0 = l.Left(0.97 - len / l.Width, len);
            var tTop = l.Feet - 0.34 * f;
            for (var i = 0; i < 7; i++) c.Circle(x0 + len * (0.1 + i * 0.13), tTop - 0.02 * f - (i % 2) * 0.03 * f, 0.06 * f, "#FFFFFF", Role.Detail);
            c.Path(p => p.M(x0, tTop).L(x0 + len, tTop).L(x0 + len * 0.96, l.Feet - 0.08 * f).Q(x0 + len * 0.9, l.Feet - 0.04 * f, x0 + len * 0.8, l.Feet - 0.04 * f)
                .L(x0 + len * 0.2, l.Feet - 0.04 * f).Q(x0 + len * 0.1, l.Feet - 0.04 * f, x0 + len * 0.04, l.Feet - 0.08 * f).Z(), "#FFFFFF");
            c.Rect(x0 - 4, tTop - 4, len + 8, 8, "#EEF1F5", Role.Contour, 4);
            foreach (var fx in new[] { 0.12, 0.86 }) c.Ellipse(x0 + len * fx, l.Feet - 0.025 * f, 0.03 * f, 0.025 * f, "#F9D65C", Role.Detail);
            var tap = l.Mirror ? x0 + len * 0.08 : x0 + len * 0.92;
            c.Rect(tap - 3, tTop - 0.12 * f, 6, 0.12 * f, "#A3A9B2", Role.Detail, 2);
        });
    }

    private static void Cave(SvgCanvas c, string time, string weather, SceneLayout l, Rng rng)
    {
        var (top, wallH) = Wall(l);
        var mx = l.X(0.7);
        var mw = 0.22 * l.Width;
        var mTop = top + wallH * 0.25;
        c.BeginObject("opening");
        c.Path(p => p.M(mx - mw / 2, l.Horizon).L(mx - mw / 2, mTop + mw * 0.35).Q(mx, mTop - mw * 0.3, mx + mw / 2, mTop + mw * 0.35).L(mx + mw / 2, l.Horizon).Z(), SkyGradient(c, "window-sky", time, weather), Role.Background);
        if (time == "night") c.Circle(mx + mw * 0.15, mTop + mw * 0.25, mw * 0.08, "#FFF4C9", Role.Background);
        else if (weather is "clear" or "windy") c.Circle(mx + mw * 0.15, mTop + mw * 0.25, mw * 0.09, "#FFD45C", Role.Background);
        if (weather == "snow") for (var i = 0; i < 10; i++) c.Circle(mx + rng.Range(-0.4, 0.4) * mw, rng.Range(mTop + mw * 0.2, l.Horizon - 4), 1.6, "#FFFFFF", Role.Background);
        if (weather == "rain") for (var i = 0; i < 10; i++) { var (rx, ry) = (mx + rng.Range(-0.4, 0.4) * mw, rng.Range(mTop + mw * 0.2, l.Horizon - 10)); c.Stroke(p => p.M(rx, ry).L(rx - 2, ry + 7), "#7FA3C8", 1.1); }
        c.Path(p => p.M(mx - mw / 2, l.Horizon).Q(mx, l.Horizon - wallH * 0.12, mx + mw / 2, l.Horizon).Z(), "#5E8F52", Role.Background);
        c.EndObject();
        Mark(c, "cave wall", () =>
        {
            c.Path(p => p.M(0, l.FreeTop).L(l.Width, l.FreeTop).L(l.Width, l.FreeTop + wallH * 0.18).Q(l.Width * 0.5, l.FreeTop + wallH * 0.3, 0, l.FreeTop + wallH * 0.16).Z(), "#3A3345", Role.Background);
            for (var i = 0; i < 7; i++)
            {
                var sx = (i + 0.5) / 7 * l.Width;
                var sl = wallH * (0.1 + 0.06 * (i % 3));
                var sy = l.FreeTop + wallH * 0.2;
                c.Polygon([(sx - 9, sy - 6), (sx, sy + sl), (sx + 9, sy - 6)], "#5A5068");
            }
            foreach (var f in new[] { 0.04, 0.96 })
            {
                var x = l.X(f);
                c.Path(p => p.M(x - 50, l.Horizon + 4).Q(x - 40, top, x, top + wallH * 0.3).Q(x + 40, top + wallH * 0.4, x + 50, l.Horizon + 4).Z(), "#5A5068");
            }
        });
        Mark(c, "rock", () =>
        {
            foreach (var (f, s) in new[] { (0.12, 34.0), (0.42, 24.0), (0.9, 30.0) })
            {
                var x = l.X(f);
                var y = l.Horizon + 0.35 * (l.Feet - l.Horizon);
                c.Path(p => p.M(x - s, y).Q(x - s * 1.05, y - s * 0.8, x - s * 0.2, y - s * 0.9).Q(x + s * 0.9, y - s * 0.85, x + s, y).Z(), "#8C8296");
                c.Ellipse(x - s * 0.3, y - s * 0.55, s * 0.25, s * 0.1, "#A59BAE", Role.Detail);
            }
        });
    }
}
