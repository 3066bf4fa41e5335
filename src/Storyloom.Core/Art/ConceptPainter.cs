using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>
/// Pictures of concept books: a calm backdrop (nothing in it that could be counted), the cast at one side and the
/// brief's things in a grid of separate cells, so a child can point at and count each one. Two groups with variants
/// (opposites) are drawn side by side in two panels.
/// </summary>
internal static class ConceptPainter
{
    private readonly record struct Box(double X, double Y, double W, double H)
    {
        public double Right => X + W;
        public double Bottom => Y + H;
    }

    public static string Draw(Manuscript m, IllustrationBrief brief, ArtFrame frame, Rng rng)
    {
        var mode = OfflineArtEngine.ModeOf(m.ArtStyle);
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, mode == InkMode.LineArt ? InkMode.BoldOutline : mode);
        var (w, h) = (frame.WidthPt, frame.HeightPt);
        var ground = h * 0.7;
        var safe = frame.SafeArea;
        var area = new Box(safe.X + 6, safe.Y + 6, safe.Width - 12, safe.Height - 12);
        var groups = brief.Objects ?? [];
        if (groups.Count == 2 && groups.All(g => g.Variant is not null))
        {
            Opposites(c, m, groups, area, ground, brief, w, h);
            return c.ToString();
        }
        Backdrop(c, new Box(0, 0, w, h), brief.Setting, brief.TimeOfDay, ground);
        var items = groups.SelectMany(g => Enumerable.Repeat(g, Math.Max(0, g.Count))).ToList();
        var placements = brief.Characters.Where(p => m.Cast.Any(ch => ch.Id == p.CharacterId)).ToList();
        var feet = ground + (area.Bottom - ground) * 0.55;
        if (placements.Count == 0)
        {
            Grid(c, items, area, feet, rng);
            return c.ToString();
        }
        // Few things leave the cast most of the picture (feelings, letters); many things take most of it (counting).
        var castShare = items.Count == 0 ? 1.0 : items.Count <= 2 ? 0.5 : items.Count <= 6 ? 0.34 : 0.26;
        var castLeft = placements[0].X <= 0.5;
        var castW = area.W * castShare;
        var castBox = castLeft ? area with { W = castW } : area with { X = area.Right - castW, W = castW };
        // Alone on the page, the cast stands close together in the middle.
        if (items.Count == 0) castBox = area with { X = area.X + area.W * (placements.Count == 1 ? 0.25 : 0.14), W = area.W * (placements.Count == 1 ? 0.5 : 0.72) };
        var thingBox = castLeft ? area with { X = area.X + castW, W = area.W - castW } : area with { W = area.W - castW };
        var height = Math.Min((feet - area.Y) * (items.Count == 0 ? 0.92 : 0.85), castBox.W / placements.Count / 0.62);
        for (var i = 0; i < placements.Count; i++)
        {
            var p = placements[i];
            var ch = m.Cast.First(x => x.Id == p.CharacterId);
            var cx = castBox.X + castBox.W * (i + 0.5) / placements.Count;
            var hh = p.Pose == Pose.Sleeping ? height * 0.8 : i == 0 ? height : height * 0.9;
            // The tallest of the cast fills the height; the others keep their sizes beside it.
            hh /= placements.Max(x => CharacterPainter.SizeOf(m.Cast.First(c => c.Id == x.CharacterId).Species));
            CharacterPainter.Draw(c, ch, p.Pose, cx, feet, hh, placements.Count == 1 ? !castLeft : i > 0, p.Holding, p.Mood);
        }
        if (items.Count > 0) Grid(c, items, thingBox, feet, rng);
        return c.ToString();
    }

    private static readonly HashSet<string> Floating = ["balloon", "kite", "star", "moon", "sun", "cloud", "fish", "whale", "butterfly", "heart", "crescent", "rainbow"];

    /// <summary>
    /// Things in equal cells, the layout with the biggest cells; a short last row is centred. Cells never overlap.
    /// A single row stands on the ground beside the cast, unless the things fly or swim.
    /// </summary>
    private static void Grid(SvgCanvas c, List<PictureObject> items, Box box, double feet, Rng rng)
    {
        var n = items.Count;
        if (n == 0) return;
        var (cols, rows, cell) = (1, n, 0.0);
        for (var k = 1; k <= n; k++)
        {
            var r = (n + k - 1) / k;
            var s = Math.Min(box.W / k, box.H / r);
            if (s > cell) (cols, rows, cell) = (k, r, s);
        }
        var size = Math.Min(cell * 0.84, box.H * 0.62);
        var gridH = rows * cell;
        for (var i = 0; i < n; i++)
        {
            var row = i / cols;
            var inRow = Math.Min(cols, n - row * cols);
            var col = i % cols;
            var x = box.X + box.W / 2 + (col - (inRow - 1) / 2.0) * cell;
            var y = box.Y + (box.H - gridH) / 2 + (row + 0.5) * cell;
            var jitter = (cell - size) * 0.3;
            var item = items[i];
            if (rows == 1 && !Floating.Contains(item.Kind)) (y, jitter) = (Math.Max(box.Y + size / 2, feet - size * 0.48), 0);
            ThingPainter.Draw(c, item.Kind, x + rng.Range(-jitter, jitter), y + rng.Range(-jitter, jitter), size, item.Color, item.Variant);
        }
    }

    private static void Opposites(SvgCanvas c, Manuscript m, IReadOnlyList<PictureObject> groups, Box area, double ground, IllustrationBrief brief, double w, double h)
    {
        var gap = 10.0;
        var half = (w - gap) / 2;
        for (var i = 0; i < 2; i++)
        {
            var g = groups[i];
            var panel = new Box(i == 0 ? 0 : half + gap, 0, half, h);
            Backdrop(c, panel, brief.Setting, g.Variant == "night" ? "night" : "day", ground);
            var inner = new Box(Math.Max(panel.X, area.X) + 8, area.Y, Math.Min(panel.Right, area.Right) - Math.Max(panel.X, area.X) - 16, area.H);
            var cx = inner.X + inner.W / 2;
            var feet = ground + (inner.Bottom - ground) * 0.55;
            var full = Math.Min(inner.W, inner.H) * 0.8;
            if (g.Kind == "hero" && m.Cast.Count > 0)
            {
                var pose = g.Variant == "asleep" ? Pose.Sleeping : g.Variant is "awake" or "happy" ? Pose.Waving : Pose.Standing;
                var mood = g.Variant is "awake" ? "happy" : g.Variant;
                var hh = (feet - inner.Y) * (pose == Pose.Sleeping ? 0.6 : 0.88);
                c.BeginObject("hero");
                CharacterPainter.Draw(c, m.Cast[0], pose, cx, feet, CharacterPainter.HeightToFill(m.Cast[0].Species, hh, inner.W), false, null, mood);
                c.EndObject();
                continue;
            }
            var (size, y) = g.Variant switch
            {
                "big" => (full, feet - full / 2),
                "small" => (full * 0.3, feet - full * 0.15),
                "up" => (full * 0.42, inner.Y + full * 0.25),
                "down" => (full * 0.42, feet - full * 0.21),
                _ when g.Kind == "tower" => (full, feet - full * 0.48),
                "long" or "short" => (full * 0.9, (inner.Y + feet) / 2),
                _ => (full * 0.72, feet - full * 0.38),
            };
            ThingPainter.Draw(c, g.Kind, cx, y, size, g.Color, g.Variant);
        }
        c.Rect(half, 0, gap, h, Palette.White, Role.Background);
    }

    /// <summary>A quiet sky and ground for the setting; no stars, flowers or shells that a child might count by mistake.</summary>
    private static void Backdrop(SvgCanvas c, Box b, string setting, string time, double ground)
    {
        var night = time == "night" || setting == "space";
        var (skyTop, skyBottom, land, hill) = (setting, night) switch
        {
            (_, true) => ("#1B2450", "#3C4B8C", "#2F5D50", "#3B6E5C"),
            ("beach", _) => ("#8FD0F2", "#E3F4FB", "#F3DDA6", "#F7E7BD"),
            ("underwater", _) => ("#8ED8EC", "#3D8FC4", "#E9D39A", "#F0DFAE"),
            ("snowy-mountains", _) => ("#A9D3F0", "#EAF5FC", "#F5F8FB", "#FFFFFF"),
            ("bedroom", _) => ("#F6E6C8", "#F9EEDB", "#C89B6D", "#D4AA7E"),
            ("town", _) => ("#9FD3F0", "#E6F5FC", "#9ED28A", "#B5DE9F"),
            _ => ("#8FCBEE", "#E2F3FB", "#8CCB6B", "#A6D88A"),
        };
        var sky = c.LinearGradient($"cs{skyTop.TrimStart('#')}{skyBottom.TrimStart('#')}", skyTop, skyBottom);
        c.Rect(b.X, b.Y, b.W, b.H, sky, Role.Background);
        if (setting == "beach" && !night) c.Rect(b.X, ground - b.H * 0.06, b.W, b.H * 0.07, "#5FB4E0", Role.Background);
        c.Path(p => p.M(b.X, ground + 4).Q(b.X + b.W * 0.3, ground - b.H * 0.09, b.X + b.W * 0.62, ground - 2).Q(b.X + b.W * 0.85, ground - b.H * 0.06, b.Right, ground).L(b.Right, b.Bottom).L(b.X, b.Bottom).Z(), hill, Role.Background);
        c.Rect(b.X, ground + b.H * 0.04, b.W, b.Bottom - ground - b.H * 0.04, land, Role.Background);
    }
}
