using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Spreads the story arc over the story pages and writes each page's text and illustration brief.</summary>
internal sealed class StoryPlanner(Rng rng, StoryShape shape, ShapeText text, StoryText writer, IReadOnlyList<Character> cast, IReadOnlyList<string> settings, Goal goal)
{
    private readonly Dictionary<string, string> _weather = settings.Distinct().ToDictionary(s => s, s => PickWeather(rng, s, shape));

    public List<ManuscriptPage> Write(int firstNumber, int count)
    {
        var phases = Allocate(count);
        var pages = new List<ManuscriptPage>(count);
        var attemptIndex = 0;
        var attempts = phases.Count(p => p == Phase.Attempt);
        for (var i = 0; i < count; i++)
        {
            var phase = phases[i];
            var progress = count == 1 ? 1 : i / (double)(count - 1);
            var setting = SettingFor(phase, attemptIndex, attempts);
            var body = writer.Page(text, phase, setting);
            var brief = Brief(phase, progress, setting, attemptIndex, attempts, firstNumber + i);
            pages.Add(new ManuscriptPage(firstNumber + i, PageRole.Story, body, brief));
            if (phase == Phase.Attempt) attemptIndex++;
        }
        return pages;
    }

    /// <summary>Opening, problem, at least two attempts, a turn and a resolution; long books get more attempts.</summary>
    private static List<Phase> Allocate(int n)
    {
        int Part(double share) => Math.Max(1, (int)Math.Round(n * share));
        var opening = Part(0.1);
        var problem = Part(0.08);
        var turn = Part(0.08);
        var resolution = Part(0.12);
        var attempts = Math.Max(2, n - opening - problem - turn - resolution);
        var list = new List<Phase>();
        list.AddRange(Enumerable.Repeat(Phase.Opening, opening));
        list.AddRange(Enumerable.Repeat(Phase.Problem, problem));
        list.AddRange(Enumerable.Repeat(Phase.Attempt, attempts));
        list.AddRange(Enumerable.Repeat(Phase.Turn, turn));
        list.AddRange(Enumerable.Repeat(Phase.Resolution, resolution));
        return list.Take(n).ToList();
    }

    private string SettingFor(Phase phase, int attemptIndex, int attempts)
    {
        if (shape == StoryShape.Bedtime)
        {
            // Bedtime starts wherever the day ended, dreams in the middle, and always ends in bed.
            if (phase == Phase.Opening) return settings[0];
            if (phase == Phase.Attempt && settings.Count > 2 && attemptIndex > attempts / 3 && attemptIndex < attempts * 2 / 3) return settings[1];
            return "bedroom";
        }
        return phase switch
        {
            Phase.Opening or Phase.Problem => settings[0],
            Phase.Attempt => settings[Math.Min(settings.Count - 1, attemptIndex * settings.Count / Math.Max(1, attempts))],
            _ => settings[^1],
        };
    }

    private IllustrationBrief Brief(Phase phase, double progress, string setting, int attemptIndex, int attempts, int number)
    {
        var time = TimeFor(progress, setting);
        var weather = _weather[setting];
        if (time == "night" && weather == "rain" && shape != StoryShape.Fear) weather = "clear";
        var present = Present(phase, attemptIndex, attempts);
        var props = new List<string>();
        var placements = new List<CharacterPlacement>();
        var moving = phase == Phase.Attempt && setting != "bedroom" && rng.Chance(0.6);
        var xs = Positions(present.Count);
        for (var k = 0; k < present.Count; k++)
        {
            var c = present[k];
            var isHero = k == 0;
            var pose = PoseFor(phase, isHero, moving);
            string? holding = null;
            if (pose == Pose.Holding)
            {
                holding = isHero && phase == Phase.Resolution && shape != StoryShape.Fear ? goal.Prop : rng.Pick(new[] { "flower", "book", "ball", "lantern" });
                if (shape == StoryShape.Bedtime) holding = "book";
            }
            var facingLeft = moving ? false : xs[k] > 0.5;
            placements.Add(new CharacterPlacement(c.Id, pose, xs[k], facingLeft, holding));
        }
        if (shape == StoryShape.Bedtime && time == "night" && setting != "bedroom") props.Add("star");
        if (phase is Phase.Turn && shape == StoryShape.Quest) props.Add(goal.Prop);
        if (setting is "forest" or "farm" or "town" && rng.Chance(0.5)) props.Add("flower");
        if (weather == "windy" && setting is "beach" or "farm" or "town" && rng.Chance(0.5)) props.Add("kite");
        if (setting == "beach") props.Add("shell");
        props = props.Distinct().ToList();
        var textPlacement = number % 2 == 0 ? "top" : "bottom";
        if (props.Contains("kite") || props.Contains("star")) textPlacement = "bottom";
        return new IllustrationBrief(setting, time, weather, placements, props, textPlacement, Describe(placements, setting, time, weather, props));
    }

    private string TimeFor(double progress, string setting)
    {
        if (setting == "space") return "night";
        if (shape == StoryShape.Bedtime) return progress < 0.15 ? "evening" : "night";
        if (shape == StoryShape.Fear && goal.Prop == "lantern" && progress > 0.15 && progress < 0.95) return "night";
        return progress switch
        {
            < 0.15 => "morning",
            < 0.85 => "day",
            _ => "evening",
        };
    }

    private List<Character> Present(Phase phase, int attemptIndex, int attempts)
    {
        var hero = cast[0];
        var others = cast.Skip(1).ToList();
        if (others.Count == 0) return [hero];
        var result = new List<Character> { hero };
        switch (shape)
        {
            case StoryShape.Quest:
                if (phase == Phase.Attempt && attemptIndex >= 1 || phase >= Phase.Turn) result.Add(others[0]);
                if (others.Count > 1 && (phase == Phase.Attempt && attemptIndex >= attempts / 2 || phase >= Phase.Turn)) result.Add(others[1]);
                if (others.Count > 2 && phase == Phase.Resolution) result.Add(others[2]);
                break;
            case StoryShape.Friend:
                if (phase >= Phase.Turn) result.Add(others[0]);
                else if (phase == Phase.Attempt && others.Count > 1 && attemptIndex % 2 == 1) result.Add(others[1 + attemptIndex / 2 % (others.Count - 1)]);
                if (phase == Phase.Resolution && others.Count > 1) result.Add(others[1]);
                break;
            case StoryShape.Bedtime:
                if (phase is Phase.Opening or Phase.Problem || phase == Phase.Attempt && attemptIndex % 2 == 0) result.Add(others[0]);
                break;
            default:
                if (phase >= Phase.Turn || phase == Phase.Attempt && attemptIndex % 3 == 2) result.Add(others[0]);
                if (others.Count > 1 && phase == Phase.Resolution) result.Add(others[1]);
                break;
        }
        return result.Distinct().Take(4).ToList();
    }

    private Pose PoseFor(Phase phase, bool hero, bool moving)
    {
        if (moving) return rng.Chance(0.35) ? Pose.Running : Pose.Walking;
        return phase switch
        {
            Phase.Opening => rng.Pick(new[] { Pose.Standing, Pose.Waving, Pose.Walking }),
            Phase.Problem => hero ? rng.Pick(new[] { Pose.Standing, Pose.Sitting }) : Pose.Standing,
            Phase.Attempt when shape == StoryShape.Bedtime => hero ? rng.Pick(new[] { Pose.Sitting, Pose.Standing }) : Pose.Holding,
            Phase.Attempt => rng.Pick(new[] { Pose.Standing, Pose.Holding, Pose.Sitting, Pose.Walking }),
            Phase.Turn => rng.Pick(new[] { Pose.Standing, Pose.Waving }),
            _ when shape == StoryShape.Bedtime => hero ? Pose.Sleeping : Pose.Standing,
            _ => hero && shape != StoryShape.Fear ? Pose.Holding : rng.Pick(new[] { Pose.Waving, Pose.Running, Pose.Standing }),
        };
    }

    /// <summary>Evenly spaced centres with a little jitter; spacing keeps characters from overlapping.</summary>
    private List<double> Positions(int count)
    {
        var xs = new List<double>();
        if (count == 1) return [Math.Round(rng.Range(0.35, 0.65), 3)];
        var step = 0.7 / (count - 1);
        var start = count == 2 ? 0.3 : 0.15;
        if (count == 2) step = 0.4;
        if (count == 3) step = 0.35;
        for (var i = 0; i < count; i++)
            xs.Add(Math.Round(Math.Clamp(start + i * step + rng.Range(-0.02, 0.02), 0.15, 0.85), 3));
        return xs;
    }

    private string Describe(List<CharacterPlacement> placements, string setting, string time, string weather, List<string> props)
    {
        var who = placements.Select(p =>
        {
            var c = cast.First(x => x.Id == p.CharacterId);
            var kind = c.Species == Species.Child ? "child" : c.Species.ToString().ToLowerInvariant();
            var action = p.Pose switch
            {
                Pose.Holding => $"holding a {p.Holding}",
                Pose.Sleeping => "sleeping",
                Pose.Sitting => "sitting",
                Pose.Running => "running",
                Pose.Walking => "walking",
                Pose.Waving => "waving",
                _ => "standing",
            };
            return $"{c.Name} the {kind} {action}";
        }).ToList();
        var people = who.Count == 1 ? who[0] : string.Join(", ", who.Take(who.Count - 1)) + " and " + who[^1];
        var sky = weather switch { "rain" => "rainy", "snow" => "snowy", "cloud" => "cloudy", _ => weather };
        var scene = $"{people} in {StoryWords.PlaceName[setting]} ({setting}) on a {sky} {time}.";
        var extra = props.Count > 0 ? $" Nearby: {string.Join(", ", props)}." : "";
        return scene + extra + " Warm, gentle children's picture-book illustration.";
    }

    private static string PickWeather(Rng rng, string setting, StoryShape shape)
    {
        if (setting is "space" or "underwater" or "bedroom") return "clear";
        if (setting == "snowy-mountains") return rng.Chance(0.7) ? "snow" : "clear";
        var roll = rng.NextDouble();
        if (shape == StoryShape.Fear && roll < 0.3) return "rain";
        return roll switch
        {
            < 0.55 => "clear",
            < 0.75 => "cloudy",
            < 0.92 => "windy",
            _ => "rain",
        };
    }
}
