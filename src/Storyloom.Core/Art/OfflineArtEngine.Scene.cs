using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Art;

/// <summary>Composition of a story picture: the shot decides the figures' size and crop, the place its furniture, the brief where everyone stands.</summary>
public sealed partial class OfflineArtEngine
{
    private sealed record Figure(CharacterPlacement Placement, Character Character)
    {
        public double X { get; set; }
        public double Feet { get; set; }
        public bool FacingLeft { get; set; }
        public bool InBed { get; set; }
    }

    private static string Scene(Manuscript m, IllustrationBrief brief, ArtFrame frame, Rng rng, bool hero, string? words = null)
    {
        var mode = ModeOf(m.ArtStyle);
        if (mode == InkMode.LineArt) mode = InkMode.BoldOutline;
        var c = new SvgCanvas(frame.WidthPt, frame.HeightPt, mode);
        var (freeTop, freeBottom) = FreeBand(frame);
        var band = freeBottom - freeTop;
        var safe = frame.SafeArea;
        var figures = brief.Characters
            .Select(p => m.Cast.FirstOrDefault(x => x.Id == p.CharacterId) is { } ch ? new Figure(p, ch) : null)
            .OfType<Figure>().ToList();
        var indoors = SceneVocabulary.Indoors.Contains(brief.Setting);
        var sleeperInBed = brief.Setting is "bedroom" or "doctor" && figures.Any(f => f.Placement.Pose == Pose.Sleeping);
        var shot = hero ? "medium" : brief.Shot ?? "medium";
        if (sleeperInBed && shot == "close") shot = "medium";
        var count = Math.Max(1, figures.Count);
        var top = Math.Max(freeTop, safe.Y) + 6;
        var ground = Math.Min(freeBottom, safe.Bottom);
        // Framing varies a little from page to page so two pages in one place are not the same frame.
        var zoom = hero ? 1 : rng.Range(0.92, 1.08);
        var mirror = !hero && rng.Chance(0.5);
        double height, feet, horizon;
        switch (shot)
        {
            case "wide":
                horizon = freeTop + band * (indoors ? rng.Range(0.62, 0.68) : rng.Range(0.5, 0.56));
                feet = ground - band * 0.1;
                height = Math.Min((feet - top) * 0.5, frame.HeightPt * 0.25) * zoom;
                height = Math.Min(height, safe.Width / count / 0.8);
                break;
            case "close":
                horizon = freeTop + band * 0.5;
                height = Math.Min((freeBottom - top) / 0.66, safe.Width / count / 0.5) * zoom;
                // The heads near the top, the figures cut by the frame (or the text panel) at the waist or the knees.
                feet = Math.Max(top + 0.06 * band + height, freeBottom + 0.25 * height);
                break;
            default:
                horizon = freeTop + band * (hero ? 0.6 : rng.Range(0.57, 0.63));
                feet = ground - band * 0.05;
                height = Math.Min((feet - top) * (hero ? 0.85 : 0.78), frame.HeightPt * (hero ? 0.5 : 0.42)) * (hero ? 1 : Math.Min(1, zoom));
                height = Math.Min(height, safe.Width / count / 0.72);
                break;
        }
        // However wide the cast is (three dinosaurs are all tail), they fit side by side, overlapping a little at most.
        var span = figures.Where(f => f.Placement.Pose != Pose.Sleeping).Sum(f => CharacterPainter.WidthOf(f.Character, f.Placement.Pose, 1));
        if (span > 0 && shot != "close") height = Math.Min(height, safe.Width * 0.98 / (span * 0.88));
        // With someone in bed, whoever stands fits beside the bed (it takes up to 0.62 of the width), not in front of it.
        if (sleeperInBed && span > 0) height = Math.Min(height, safe.Width * 0.4 / (span * 0.88));
        var layout = new SceneLayout(frame.WidthPt, frame.HeightPt, freeTop, freeBottom, horizon, feet, height, mirror);
        // A room at night is dark, as the words say ("now the room was dark"): its walls, floor and furniture are mixed towards
        // night blue; whoever is in it and what they hold stay lit, as picture books draw them.
        if (indoors && brief.TimeOfDay == "night") c.Tint = ("#1B2150", 0.55);
        var spots = SceneBackground.Draw(c, brief.Setting, brief.TimeOfDay, brief.Weather, layout, rng);
        c.Tint = null;

        Arrange(figures, spots, safe, feet, height, shot);
        // Riders sit in their rocket, boat, sled or box, drawn big around them (and not again as a prop or in their hands).
        var ride = shot == "close" ? null : RideOf(brief, words, figures, safe, feet, height);
        if (ride is not null)
        {
            brief = brief with { Props = [.. brief.Props.Where(p => p != ride.Vehicle)] };
            for (var i = 0; i < figures.Count; i++)
                if (figures[i].Placement.Holding == ride.Vehicle)
                    figures[i] = new Figure(figures[i].Placement with { Holding = null }, figures[i].Character)
                    { X = figures[i].X, Feet = figures[i].Feet, FacingLeft = figures[i].FacingLeft, InBed = figures[i].InBed };
        }
        if (shot != "close") BenchForSitters(c, brief, words, figures, feet, height);
        var propGround = Math.Min(feet, ground - 4);
        Props(c, brief, spots, figures, safe, top, band, propGround, height, indoors, rng, words);
        if (ride is not null) RideBehind(c, ride);

        var sleepers = figures.Where(f => f.InBed).ToList();
        foreach (var f in sleepers) DrawFigure(c, f, height);
        if (spots.Bed is { } bed)
        {
            double? shoulder = sleepers.Count > 0 ? sleepers.Average(f => f.X) : null;
            SceneBackground.Blanket(c, bed, height, shoulder);
            // A teddy in the room, or in the sleeper's arms under the blanket, sits on the pillow where it shows.
            if (sleepers.Count > 0 && (brief.Props.Contains("teddy") || sleepers.Any(f => f.Placement.Holding == "teddy")))
            {
                c.BeginObject("teddy");
                PropPainter.Standing(c, "teddy", bed.HeadRight ? bed.X0 + 0.12 * (bed.X1 - bed.X0) : bed.X1 - 0.12 * (bed.X1 - bed.X0), bed.Top - 0.02 * height, 0.1 * height);
                c.EndObject();
            }
        }
        foreach (var f in figures.Where(f => !f.InBed)) DrawFigure(c, f, height);
        if (ride is not null) RideInFront(c, ride);

        // A close shot crops the figures at the edge of the text panel, so the panel area stays calm.
        if (shot == "close" && freeBottom < frame.HeightPt) c.Rect(0, freeBottom, frame.WidthPt, frame.HeightPt - freeBottom, spots.Floor, Role.Background);
        return c.ToString();
    }

    /// <summary>
    /// Outdoors, whoever sits sits on something: in a park or a playground (or wherever the words say "bench") a bench is set
    /// behind the sitters, sized to them, and they sit on its seat ("Ollie sat very still on the bench" showed him on the grass
    /// with the bench far behind). Words that seat them on the grass, the ground or the sand keep them there.
    /// </summary>
    private static void BenchForSitters(SvgCanvas c, IllustrationBrief brief, string? words, List<Figure> figures, double feet, double height)
    {
        if (SceneVocabulary.Indoors.Contains(brief.Setting)) return;
        var text = words?.ToLowerInvariant() ?? "";
        var saysBench = text.Contains("bench", StringComparison.Ordinal);
        if (!saysBench && (brief.Setting is not ("park" or "playground") || OnTheGroundRx().IsMatch(text))) return;
        var sitters = figures.Where(f => f.Placement.Pose == Pose.Sitting && !f.InBed && f.Feet == feet).OrderBy(f => f.X).ToList();
        if (sitters.Count == 0) return;
        // Sitters side by side share one bench; one far from the others gets a bench of their own.
        var groups = new List<List<Figure>> { new() { sitters[0] } };
        foreach (var f in sitters.Skip(1))
        {
            if (f.X - groups[^1][^1].X < height * 1.1) groups[^1].Add(f);
            else groups.Add([f]);
        }
        var seat = feet - 0.3 * height;
        foreach (var g in groups)
        {
            var x0 = g[0].X - 0.42 * height;
            var x1 = g[^1].X + 0.42 * height;
            var w = x1 - x0;
            c.BeginObject("bench");
            c.Rect(x0 + 0.03 * w, seat - 0.36 * height, w * 0.94, 0.07 * height, "#B07A4F", Role.Contour, 3);
            c.Rect(x0 + 0.03 * w, seat - 0.22 * height, w * 0.94, 0.07 * height, "#B07A4F", Role.Contour, 3);
            foreach (var px in new[] { x0 + 0.08 * w, x1 - 0.08 * w - 0.04 * height })
                c.Rect(px, seat - 0.36 * height, 0.04 * height, 0.36 * height, "#8A5A38", Role.Detail);
            foreach (var lx in new[] { x0 + 0.06 * w, x1 - 0.06 * w - 0.04 * height })
                c.Rect(lx, seat, 0.04 * height, feet - seat, "#3A3440", Role.Contour);
            c.Rect(x0, seat - 0.02 * height, w, 0.07 * height, "#9A6A45", Role.Contour, 3);
            c.EndObject();
            foreach (var f in g) f.Feet = seat;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:on|onto|in|at the bottom of|at the foot of|by|beside|next to|under|near) the (?<where>swing|slide|sandpit)s?\b")]
    private static partial System.Text.RegularExpressions.Regex RestRx();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bon the (?:grass|ground|sand|floor|rug|blanket|step|steps|log|rock|swing)\b|\bon (?:a|his|her|their) (?:blanket|rock|log|swing)\b")]
    private static partial System.Text.RegularExpressions.Regex OnTheGroundRx();

    private static void DrawFigure(SvgCanvas c, Figure f, double height) =>
        CharacterPainter.Draw(c, f.Character, f.Placement.Pose, f.X, f.Feet, f.Placement.Pose == Pose.Sleeping && !f.InBed ? height * 0.8 : height,
            f.FacingLeft, f.Placement.Holding, f.Placement.Mood);

    /// <summary>Places everyone: by X, apart from each other unless hugging, facing whom they look at, sleepers in the bed, sitters on a seat.</summary>
    private static void Arrange(List<Figure> figures, SceneSpots spots, FrameRect safe, double feet, double height, string shot)
    {
        var half = height * (shot == "close" ? 0.18 : 0.28);
        foreach (var f in figures)
        {
            f.X = Math.Clamp(safe.X + f.Placement.X * safe.Width, safe.X + half, safe.Right - half);
            f.Feet = feet;
            f.FacingLeft = f.Placement.FacingLeft;
        }
        var gap = height * (shot == "close" ? 0.62 : 0.55);
        // Neighbours stand at least half their widths apart (a little overlap reads as a group, a pile does not).
        double Apart(Figure a, Figure b) => shot == "close" ? gap
            : Math.Max(gap, 0.88 * (CharacterPainter.WidthOf(a.Character, a.Placement.Pose, height) + CharacterPainter.WidthOf(b.Character, b.Placement.Pose, height)) / 2);
        var standing = figures.Where(f => f.Placement.Pose != Pose.Hugging || Target(figures, f) is null).OrderBy(f => f.X).ToList();
        foreach (var f in standing)
            f.X = Math.Clamp(f.X, safe.X + Half(f), safe.Right - Half(f));
        for (var pass = 0; pass < 4; pass++)
            for (var i = 0; i + 1 < standing.Count; i++)
            {
                var (a, b) = (standing[i], standing[i + 1]);
                var missing = Apart(a, b) - (b.X - a.X);
                if (missing <= 0) continue;
                a.X = Math.Max(safe.X + Half(a), a.X - missing / 2);
                b.X = Math.Min(safe.Right - Half(b), a.X + Apart(a, b));
                // Pushed against the right edge: the row moves left as a whole.
                for (var j = i; j >= 0 && standing[j + 1].X - standing[j].X < Apart(standing[j], standing[j + 1]) - 0.5; j--)
                    standing[j].X = Math.Max(safe.X + Half(standing[j]), standing[j + 1].X - Apart(standing[j], standing[j + 1]));
            }
        double Half(Figure f) => shot == "close" ? half : Math.Min(safe.Width / 2, Math.Max(half, 0.9 * CharacterPainter.WidthOf(f.Character, f.Placement.Pose, height) / 2));
        foreach (var f in figures)
        {
            if (Target(figures, f) is not { } t) continue;
            if (f.Placement.Pose == Pose.Hugging)
            {
                var side = f.X <= t.X ? -1 : 1;
                f.X = Math.Clamp(t.X + side * height * 0.3, safe.X + half * 0.6, safe.Right - half * 0.6);
                if (Target(figures, t) is null) t.FacingLeft = f.X < t.X;
            }
            f.FacingLeft = t.X < f.X;
        }
        var sleepers = figures.Where(f => f.Placement.Pose == Pose.Sleeping).ToList();
        if (spots.Bed is { } bed)
        {
            var s = height / 96;
            for (var i = 0; i < sleepers.Count; i++)
            {
                var f = sleepers[i];
                var len = bed.X1 - bed.X0;
                var dir = bed.HeadRight ? 1 : -1;
                var pillow = bed.HeadRight ? bed.X1 - 0.13 * len : bed.X0 + 0.13 * len;
                f.InBed = true;
                f.FacingLeft = !bed.HeadRight;
                f.X = pillow - dir * 20 * s - dir * i * 0.12 * len;
                f.Feet = bed.Top + 0.02 * height - i * 0.05 * height;
            }
        }
        // Whoever stands by someone in bed stands beside the bed, on the side with more room, not in front of the sleeper.
        if (spots.Bed is { } made && figures.Any(f => f.InBed))
        {
            foreach (var f in figures.Where(f => !f.InBed && f.Placement.Pose != Pose.Sitting))
            {
                var h = Half(f);
                if (f.X + h * 0.6 < made.X0 || f.X - h * 0.6 > made.X1) continue;
                var left = made.X0 - h * 0.6;
                var right = made.X1 + h * 0.6;
                var roomLeft = left - (safe.X + h);
                var roomRight = safe.Right - h - right;
                f.X = roomLeft >= roomRight ? Math.Max(safe.X + h, left) : Math.Min(safe.Right - h, right);
                f.FacingLeft = f.X > (made.X0 + made.X1) / 2;
            }
        }
        var seats = spots.Seats.ToList();
        foreach (var f in figures.Where(f => f.Placement.Pose == Pose.Sitting && seats.Count > 0))
        {
            var seat = seats.OrderBy(st => Math.Abs(st.X - f.X)).First();
            if (Math.Abs(seat.X - f.X) > safe.Width * 0.6) continue;
            seats.Remove(seat);
            f.X = seat.X;
            f.Feet = seat.Y;
        }
        // Whoever stands where a sitter now sits steps aside, so the two do not overlap.
        foreach (var sitter in figures.Where(f => f.Feet != feet && !f.InBed))
            foreach (var f in figures.Where(f => f.Feet == feet && f.Placement.Pose != Pose.Hugging && Math.Abs(f.X - sitter.X) < Math.Max(height * 0.5, 0.8 * Apart(f, sitter))))
            {
                var side = f.X < sitter.X ? -1 : 1;
                var x = sitter.X + side * Apart(f, sitter);
                if (x < safe.X + Half(f) || x > safe.Right - Half(f)) x = sitter.X - side * Apart(f, sitter);
                f.X = Math.Clamp(x, safe.X + Half(f), safe.Right - Half(f));
                if (Target(figures, f) is { } t) f.FacingLeft = t.X < f.X;
            }
    }

    private static Figure? Target(List<Figure> figures, Figure f) =>
        f.Placement.Target is { } id && id != f.Placement.CharacterId ? figures.FirstOrDefault(o => o.Placement.CharacterId == id) : null;

    /// <summary>Every prop of the brief, where it belongs (sky, table, bed or ground), away from the characters.</summary>
    private static void Props(SvgCanvas c, IllustrationBrief brief, SceneSpots spots, List<Figure> figures, FrameRect safe, double top, double band,
        double ground, double height, bool indoors, Rng rng, string? words = null)
    {
        var taken = figures.Select(f => f.X).ToList();
        // "Quinn put Flop on the swing", "at the bottom of the slide lay Flop": the one small thing nobody holds rests where the words put it.
        var loose = brief.Props.Distinct().Where(p => PropPainter.Draws(p) && PropPainter.Size(p, indoors) <= 0.17 && PropPainter.PlaceOf(p, indoors) != PropPlace.Sky).ToList();
        // (A sitter the words put on the swing sits on a bench instead; then the words are about them, not the thing.)
        if (loose.Count == 1 && figures.All(f => f.Placement.Pose != Pose.Sitting) && RestRx().Match(words?.ToLowerInvariant() ?? "") is { Success: true } at && spots.Rests.TryGetValue(at.Groups["where"].Value, out var rest))
        {
            var prop = loose[0];
            var mark = !PropPainter.MarksItself(prop);
            if (mark) c.BeginObject(prop);
            PropPainter.Standing(c, prop, rest.X, rest.Y, Math.Min(rest.MaxR, PropPainter.Size(prop, indoors) * height));
            if (mark) c.EndObject();
            brief = brief with { Props = [.. brief.Props.Where(p => p != prop)] };
        }
        var table = 0;
        var bedFree = spots.Bed is not null && !figures.Any(f => f.InBed);
        foreach (var prop in brief.Props.Distinct().Where(PropPainter.Draws))
        {
            var place = PropPainter.PlaceOf(prop, indoors);
            if (prop == "teddy" && spots.Bed is not null && !bedFree) continue; // it sleeps beside the sleeper, drawn after the blanket
            // The big snowman rolled down a hill is drawn big; the garden's patted one stays small.
            var tall = prop == "christmas-tree" || prop == "snowman" && brief.Setting == "snowy-mountains";
            var r = Math.Clamp(PropPainter.Size(prop, indoors) * height, 6, band * (place == PropPlace.Sky ? 0.07 : tall ? 0.3 : 0.14));
            var mark = !PropPainter.MarksItself(prop);
            if (mark) c.BeginObject(prop);
            if (place == PropPlace.Table && spots.Tables.Count > 0)
            {
                var (x0, x1, y) = spots.Tables[table++ % spots.Tables.Count];
                r = Math.Min(r, (x1 - x0) / 4);
                var x = x0 + (x1 - x0) * (0.25 + 0.5 * ((table - 1) / spots.Tables.Count % 2));
                PropPainter.Standing(c, prop, x, y, r);
            }
            else if (place == PropPlace.Bed && spots.Bed is { } bed)
            {
                var len = bed.X1 - bed.X0;
                var x = bed.HeadRight ? bed.X0 + 0.3 * len : bed.X1 - 0.3 * len;
                PropPainter.Standing(c, prop, x, bed.Top - (prop == "blanket" ? 0.05 * height : 0), prop == "blanket" ? Math.Min(r, 0.25 * len) : r);
            }
            else if (place == PropPlace.Sky)
            {
                var x = Free(safe, r, taken, figures.Count > 0 ? height * 0.35 : 0);
                var y = top + r + band * rng.Range(0.02, 0.1);
                PropPainter.Prop(c, prop, x, y, r);
                taken.Add(x);
            }
            else
            {
                var x = Free(safe, r, taken, height * 0.3);
                PropPainter.Standing(c, prop, x, ground, r);
                taken.Add(x);
            }
            if (mark) c.EndObject();
        }
    }

    /// <summary>The x in the safe area farthest from everything already there (characters and props).</summary>
    private static double Free(FrameRect safe, double r, List<double> taken, double clearance)
    {
        var best = safe.X + safe.Width / 2;
        var bestScore = double.MinValue;
        for (var i = 0; i <= 24; i++)
        {
            var x = safe.X + r + (safe.Width - 2 * r) * i / 24.0;
            var score = taken.Count == 0 ? -Math.Abs(x - best) : taken.Min(t => Math.Abs(t - x)) - clearance - r;
            if (score > bestScore + 0.5) (best, bestScore) = (x, score);
        }
        return best;
    }
}
