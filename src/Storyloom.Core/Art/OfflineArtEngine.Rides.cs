using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>
/// Whoever sits in a rocket, a boat, a sled or a box rides in it: "The rocket was ready! Maya climbed in" showed her on the sofa
/// beside a toy rocket, and "the rocket flew up into space" showed her sitting on the moon with a speck of a rocket in the sky.
/// When the words put the sitters in the vehicle (or a rocket is in space with them), the vehicle is drawn big around them: the
/// sitters' heads and shoulders show above its side, the rest of them is inside.
/// </summary>
public sealed partial class OfflineArtEngine
{
    private sealed record Ride(string Vehicle, double X0, double X1, double Rim, double Ground, double Height, bool Flying, bool NoseRight);

    private static readonly string[] Vehicles = ["rocket", "boat", "sled", "box"];

    /// <summary>The ride of this picture, if its words (or a rocket in space) put its sitters in a vehicle of the scene; the riders sit at its rim.</summary>
    private static Ride? RideOf(IllustrationBrief brief, string? words, List<Figure> figures, FrameRect safe, double feet, double height)
    {
        var riders = figures.Where(f => f.Placement.Pose == Pose.Sitting && !f.InBed).OrderBy(f => f.X).ToList();
        if (riders.Count == 0) return null;
        var text = words?.ToLowerInvariant() ?? "";
        var vehicle = Vehicles.FirstOrDefault(v => (brief.Props.Contains(v) || figures.Any(f => f.Placement.Holding == v))
            && (RidesIn(v, text) || v == "rocket" && brief.Setting == "space"));
        if (vehicle is null) return null;
        var flying = vehicle == "rocket" && !SceneVocabulary.Indoors.Contains(brief.Setting);
        // The vehicle spans its riders with room at both ends (a rocket's nose and tail, a boat's bow and stern).
        var margin = vehicle switch { "rocket" => 0.75, "boat" => 0.5, "sled" => 0.42, _ => 0.36 } * height;
        var x0 = Math.Max(safe.X, riders[0].X - margin);
        var x1 = Math.Min(safe.Right, riders[^1].X + margin);
        var lift = flying ? 0.35 * height : 0;
        var ground = feet - lift;
        // The rim is where the riders' waists are: a sled is a seat under them, the others a side in front of them.
        var rim = vehicle switch { "sled" => ground - 0.13 * height, "box" => ground - 0.3 * height, "boat" => ground - 0.26 * height, _ => ground - 0.44 * height };
        foreach (var f in riders)
        {
            f.Feet = vehicle == "sled" ? rim : rim + 0.1 * height;
            f.InBed = false;
        }
        var noseRight = !riders[0].FacingLeft;
        return new Ride(vehicle, x0, x1, rim, ground, height, flying, noseRight);
    }

    private static bool RidesIn(string vehicle, string text) => vehicle switch
    {
        "rocket" => RocketRideRx().IsMatch(text),
        "boat" => BoatRideRx().IsMatch(text),
        "sled" => SledRideRx().IsMatch(text),
        _ => BoxRideRx().IsMatch(text),
    };

    /// <summary>What stands behind the riders: a rocket's flame and the dark of its hatch, a boat's far side, a box's back flaps, a whole sled.</summary>
    private static void RideBehind(SvgCanvas c, Ride ride)
    {
        var (x0, x1, rim, h) = (ride.X0, ride.X1, ride.Rim, ride.Height);
        var mid = (x0 + x1) / 2;
        c.BeginObject(ride.Vehicle);
        switch (ride.Vehicle)
        {
            case "rocket":
                var tail = ride.NoseRight ? x0 : x1;
                var back = ride.NoseRight ? -1 : 1;
                var axis = rim + 0.21 * h;
                if (ride.Flying)
                {
                    c.Polygon([(tail, axis - 0.14 * h), (tail + back * 0.42 * h, axis), (tail, axis + 0.14 * h)], "#F29B38");
                    c.Polygon([(tail, axis - 0.07 * h), (tail + back * 0.24 * h, axis), (tail, axis + 0.07 * h)], "#F9E07F", Role.Detail);
                }
                c.Ellipse(mid, rim + 0.01 * h, Math.Min(0.5 * h, (x1 - x0) * 0.3), 0.05 * h, "#3A3440");
                break;
            case "boat":
                c.Path(p => p.M(x0 + 0.04 * h, rim - 0.04 * h).L(x1 - 0.04 * h, rim - 0.04 * h).L(x1 - 0.1 * h, rim + 0.04 * h).L(x0 + 0.1 * h, rim + 0.04 * h).Z(), "#8A5A38");
                c.Rect(mid - 0.015 * h, rim - 0.95 * h, 0.03 * h, 0.95 * h, "#6B4A33", Role.Detail);
                c.Path(p => p.M(mid + 0.03 * h, rim - 0.9 * h).L(mid + 0.45 * h, rim - 0.35 * h).L(mid + 0.03 * h, rim - 0.35 * h).Z(), "#F7F3EA");
                break;
            case "box":
                c.Polygon([(x0, rim), (x0 + 0.1 * h, rim - 0.16 * h), (x0 + 0.32 * h, rim - 0.12 * h), (x0 + 0.22 * h, rim)], "#C8955B");
                c.Polygon([(x1, rim), (x1 - 0.1 * h, rim - 0.16 * h), (x1 - 0.32 * h, rim - 0.12 * h), (x1 - 0.22 * h, rim)], "#C8955B");
                c.Rect(x0 + 0.04 * h, rim - 0.03 * h, x1 - x0 - 0.08 * h, 0.05 * h, "#7A5530", Role.Detail);
                break;
            case "sled":
                var g = ride.Ground;
                c.Stroke(p => p.M(x0, g - 0.02 * h).L(x1 - 0.12 * h, g - 0.02 * h).Q(x1, g - 0.02 * h, x1 - 0.02 * h, g - 0.12 * h), "#C8553D", Math.Max(1.5, 0.03 * h));
                foreach (var sx in new[] { x0 + 0.15 * h, mid, x1 - 0.25 * h })
                    c.Rect(sx, rim, 0.03 * h, g - rim - 0.02 * h, "#C8553D", Role.Detail);
                c.Rect(x0 - 0.02 * h, rim - 0.02 * h, x1 - x0 - 0.06 * h, 0.06 * h, "#B07A4F", Role.Contour, 0.01 * h);
                c.Stroke(p => p.M(x1 - 0.1 * h, rim).Q(x1 + 0.08 * h, rim - 0.2 * h, x1 - 0.05 * h, rim - 0.3 * h), "#5A4A5E", Math.Max(0.8, 0.012 * h));
                break;
        }
        c.EndObject();
    }

    /// <summary>What stands in front of the riders, hiding them below the waist: a rocket's body, nose, fins and porthole, a boat's hull, a box's front.</summary>
    private static void RideInFront(SvgCanvas c, Ride ride)
    {
        if (ride.Vehicle == "sled") return;
        var (x0, x1, rim, h) = (ride.X0, ride.X1, ride.Rim, ride.Height);
        c.BeginObject(ride.Vehicle);
        switch (ride.Vehicle)
        {
            case "rocket":
                var thick = 0.42 * h;
                var nose = ride.NoseRight ? x1 : x0;
                var tail = ride.NoseRight ? x0 : x1;
                var dir = ride.NoseRight ? 1 : -1;
                var noseBase = nose - dir * 0.38 * h;
                // Fins at the tail, above and below the body.
                c.Polygon([(tail + dir * 0.05 * h, rim), (tail - dir * 0.08 * h, rim - 0.16 * h), (tail + dir * 0.28 * h, rim)], "#E4574C");
                c.Polygon([(tail + dir * 0.05 * h, rim + thick), (tail - dir * 0.08 * h, rim + thick + 0.16 * h), (tail + dir * 0.28 * h, rim + thick)], "#E4574C");
                // The body from the tail to the nose's base, and the nose cone.
                var (bx0, bx1) = ride.NoseRight ? (tail, noseBase) : (noseBase, tail);
                c.Rect(bx0, rim, bx1 - bx0, thick, "#DDE3EA", Role.Contour, 0.06 * h);
                c.Path(p => p.M(noseBase, rim).Q(nose - dir * 0.05 * h, rim + 0.02 * h, nose, rim + thick / 2).Q(nose - dir * 0.05 * h, rim + thick - 0.02 * h, noseBase, rim + thick).Z(), "#E4574C");
                c.Rect(bx0, rim + thick * 0.62, bx1 - bx0, thick * 0.14, "#5B7FD6", Role.Detail);
                // A porthole between the riders and the nose.
                c.Circle(noseBase - dir * 0.14 * h, rim + thick * 0.36, 0.085 * h, "#5B7FD6");
                c.Circle(noseBase - dir * 0.14 * h, rim + thick * 0.36, 0.05 * h, "#BFE3F5", Role.Detail);
                break;
            case "boat":
                var bottom = ride.Ground;
                c.Path(p => p.M(x0, rim).L(x1, rim).Q(x1 - 0.08 * h, bottom, x1 - 0.25 * h, bottom).L(x0 + 0.25 * h, bottom).Q(x0 + 0.08 * h, bottom, x0, rim).Z(), "#C8553D");
                c.Rect(x0 + 0.06 * h, rim + 0.04 * h, x1 - x0 - 0.12 * h, 0.05 * h, "#F7F3EA", Role.Detail);
                break;
            case "box":
                c.Rect(x0, rim, x1 - x0, ride.Ground - rim, "#D9A86C", Role.Contour, 0.01 * h);
                c.Rect(x0 + 0.1 * h, rim + 0.08 * h, x1 - x0 - 0.2 * h, 0.04 * h, "#B5834E", Role.Detail);
                break;
        }
        c.EndObject();
    }

    [GeneratedRegex(@"\b(?:in|into|inside|aboard)\s+(?:the|his|her|their|a|my|our|its)\s+(?:\w+\s+)?rocket\b|\bclimbed\s+(?:in|inside|aboard)\b|\brocket\s+(?:flew|zoomed|shot|blasted|rose|went|whooshed|soared|took off)\b|\blift\s*-?\s*off\b|\bblast\s*-?\s*off\b|\b(?:flew|zoomed|whooshed)\s+(?:up|off|home|back|away|down)\b")]
    private static partial Regex RocketRideRx();

    [GeneratedRegex(@"\b(?:in|into|inside|aboard)\s+(?:the|his|her|their|a|my|our|its)\s+(?:\w+\s+)?boat\b|\bclimbed\s+(?:in|into|aboard)\b|\b(?:sailed|rowed|paddled)\b")]
    private static partial Regex BoatRideRx();

    [GeneratedRegex(@"\bon\s+(?:the|his|her|their|a|my|our|its)\s+(?:\w+\s+)?sled\b|\bsled(?:ded|ding|ged|ging)\b|\b(?:whooshed|whizzed|zoomed|slid)\s+(?:down|along)\b")]
    private static partial Regex SledRideRx();

    [GeneratedRegex(@"\b(?:in|into|inside)\s+(?:the|his|her|their|a|my|our|its|that)\s+(?:\w+\s+){0,2}box\b")]
    private static partial Regex BoxRideRx();
}
