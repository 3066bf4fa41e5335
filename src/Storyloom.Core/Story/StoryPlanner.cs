using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Spreads the story arc over the story pages and writes each page's text and illustration brief.</summary>
internal sealed class StoryPlanner(Rng rng, StoryShape shape, ShapeText text, StoryText writer, IReadOnlyList<Character> cast, IReadOnlyList<string> settings, Goal goal)
{
    private readonly Dictionary<string, string> _weather = settings.Distinct().ToDictionary(s => s, s => PickWeather(rng, s, shape));

    private readonly ShapeBeats _beats = StoryBeats.For(shape);
    private readonly List<Character> _companions = [];
    private readonly List<Character> _joining = [];
    private readonly HashSet<string> _walkOnsMet = [];
    private List<int> _episodes = [];
    private int _attempts;

    /// <summary>
    /// Writes the story pages; a draft that ends outside its band's reading level (the line-by-line guard can only steer)
    /// is written again from where the random stream stands, up to <see cref="Drafts"/> times; the draft nearest the band wins.
    /// </summary>
    public List<ManuscriptPage> Write(int firstNumber, int count)
    {
        var best = Draft(firstNumber, count);
        var bestStrain = writer.LevelStrain();
        for (var draft = 1; draft < Drafts && bestStrain > 0; draft++)
        {
            writer.Reset();
            _companions.Clear();
            _walkOnsMet.Clear();
            var pages = Draft(firstNumber, count);
            if (writer.LevelStrain() < bestStrain) (best, bestStrain) = (pages, writer.LevelStrain());
        }
        return best;
    }

    private const int Drafts = 4;

    private List<ManuscriptPage> Draft(int firstNumber, int count)
    {
        var phases = Allocate(count);
        var pages = new List<ManuscriptPage>(count);
        var attemptIndex = 0;
        var attempts = phases.Count(p => p == Phase.Attempt);
        _attempts = attempts;
        _episodes = Episodes(attempts);
        for (var i = 0; i < count; i++)
        {
            var phase = phases[i];
            var progress = count == 1 ? 1 : i / (double)(count - 1);
            var setting = SettingFor(phase, attemptIndex, attempts);
            var body = WriteText(phase, setting, attemptIndex, attempts);
            var brief = Brief(phase, progress, setting, Present(body), firstNumber + i);
            pages.Add(new ManuscriptPage(firstNumber + i, PageRole.Story, body, brief));
            if (phase == Phase.Attempt) attemptIndex++;
        }
        writer.OnStage = new HashSet<string>(Tokens);
        return pages;
    }

    private static readonly string[] Tokens = ["F", "X", "Y"];

    private enum Part
    {
        Offstage,
        Cameo,
        Companion,
    }

    /// <summary>Where the story has each non-hero at this point: away, there for this page only, or travelling with the hero.</summary>
    private Part PartOf(int index, Phase phase, int attemptIndex, int attempts)
    {
        var advice = phase == Phase.Attempt && attemptIndex == attempts / 2;
        return (shape, index) switch
        {
            (StoryShape.Bedtime, 1) => Part.Cameo,
            (StoryShape.Quest, 1) when phase > Phase.Attempt || phase == Phase.Attempt && attemptIndex >= Math.Min(1, attempts - 1) => Part.Companion,
            (StoryShape.Quest, 2) when phase > Phase.Attempt || phase == Phase.Attempt && attemptIndex >= attempts / 2 => Part.Companion,
            (StoryShape.Quest, 3) when phase > Phase.Attempt => Part.Companion,
            (StoryShape.Friend or StoryShape.Fear or StoryShape.NewPlace or StoryShape.Sharing, 1) when phase >= Phase.Turn => Part.Companion,
            // The one who asks for a turn is there when the trouble starts, and comes back now and then while the hero keeps it.
            (StoryShape.Sharing, 1) when phase == Phase.Problem || phase == Phase.Attempt && attemptIndex % 3 == 1 => Part.Cameo,
            // The helper joins the happy ending properly (and is named on arrival), not as a face in the crowd.
            (StoryShape.Friend or StoryShape.Fear or StoryShape.NewPlace or StoryShape.Sharing, 2) when phase == Phase.Resolution => Part.Companion,
            (StoryShape.Friend or StoryShape.Fear or StoryShape.NewPlace or StoryShape.Sharing, 2) when advice => Part.Cameo,
            _ => Part.Offstage,
        };
    }

    private string WriteText(Phase phase, string setting, int attemptIndex, int attempts)
    {
        var onStage = new HashSet<string>();
        string? lead = null;
        _joining.Clear();
        writer.BeginPage();
        for (var k = 1; k < cast.Count && k <= Tokens.Length; k++)
        {
            var part = PartOf(k, phase, attemptIndex, attempts);
            if (part == Part.Offstage) continue;
            onStage.Add(Tokens[k - 1]);
            if (part == Part.Companion) _joining.Add(cast[k]);
            // A companion's first page brings them in, so the picture never shows a stranger the text has not met.
            if (part == Part.Companion && !_companions.Contains(cast[k]) && lead is null) lead = Arrival(cast[k], setting);
        }
        writer.OnStage = onStage;
        var young = writer.Band == AgeBand.Age0To2;
        // Halfway through the tries the helper gives advice; at bedtime the grown-up comes to tuck the hero in.
        var advice = phase == Phase.Attempt && _beats.Advice.Length > 0 && shape != StoryShape.Quest
            && (shape == StoryShape.Bedtime ? attemptIndex == attempts / 2 && onStage.Contains("F") : onStage.Contains("X"));
        IReadOnlyList<string> core = young && advice ? shape == StoryShape.Bedtime ? ShortTuckIn : ShortAdvice
            : young ? text.Short[phase]
            : advice ? _beats.Advice
            : phase == Phase.Attempt ? Tries(attemptIndex, attempts)
            : text.Core[phase];
        if (!young && !advice && phase != Phase.Attempt) writer.InOrder.Add(core);
        var tries = phase == Phase.Attempt && !advice
            ? young ? [.. StoryComposer.ShortTries(shape)] : StoryComposer.Tries(shape, Tier(attemptIndex, attempts), rng, writer.Band)
            : null;
        // Episodes mix built tries in from the start, so the stock lines spread over the whole book.
        if (tries is not null && _episodes.Count > 0) core = [.. core, .. tries];
        text.Extra.TryGetValue(phase, out var extra);
        if (phase == Phase.Attempt) extra = advice ? null : _beats.Moods;
        var coda = young ? null : Episode(phase, attemptIndex, setting, advice, ref lead);
        var moods = young ? [.. StoryComposer.ShortMoods(shape, phase)] : StoryComposer.Moods(shape, phase, rng, writer.Band == AgeBand.Age9To12);
        // Worried feelings belong to the middle; the opening and the happy ending get glad ones.
        var feelings = phase is Phase.Problem or Phase.Attempt && shape != StoryShape.Bedtime ? [.. StoryWords.Feelings, .. moods] : moods;
        var wordy = writer.Band == AgeBand.Age9To12;
        var sayings = phase is Phase.Attempt or Phase.Turn
            ? shape is StoryShape.Quest or StoryShape.Fear ? [.. StoryWords.Sayings, .. StoryComposer.Sayings(shape, rng, wordy)] : StoryComposer.Sayings(shape, rng, wordy)
            : [];
        var sights = StoryComposer.Sights(setting, rng, writer.Band >= AgeBand.Age6To8);
        var scenes = tries is null && writer.Band >= AgeBand.Age6To8 ? StoryComposer.Scenes(shape, phase, rng) : null;
        var composed = tries ?? scenes ?? moods;
        var lines = new PageLines(core, composed, extra, coda, feelings, sayings, sights, tries is null && scenes is null);
        return writer.Page(lines, setting, lead, talk: phase >= Phase.Attempt);
    }

    /// <summary>Long books split their tries into episodes of four to six pages, each with its own walk-on creature.</summary>
    private List<int> Episodes(int attempts)
    {
        var starts = new List<int>();
        if (attempts < 16 || writer.Band == AgeBand.Age0To2) return starts;
        for (var i = 0; i < attempts; i += rng.Next(4, 7)) starts.Add(i);
        if (attempts - starts[^1] < 3) starts.RemoveAt(starts.Count - 1);
        return starts;
    }

    /// <summary>An episode's first page meets its walk-on, the middle pages mention it now and then, the last ends on a clue or small win.</summary>
    private List<string>? Episode(Phase phase, int attemptIndex, string setting, bool advice, ref string? lead)
    {
        if (phase != Phase.Attempt || _episodes.Count == 0) return null;
        var start = _episodes.Last(s => s <= attemptIndex);
        var next = _episodes.FirstOrDefault(s => s > attemptIndex, int.MaxValue);
        var last = next == int.MaxValue ? attemptIndex == _attempts - 1 : attemptIndex == next - 1;
        if (attemptIndex == start)
        {
            var (intro, shortName) = StoryComposer.WalkOn(setting, rng, _walkOnsMet);
            writer.SetToken("W", intro);
            writer.SetToken("WN", shortName);
            var intros = StoryComposer.EpisodeIntros(shape, rng, writer.Band);
            // A page that already has a lead, or the helper's advice, meets the walk-on after its beat instead.
            if (lead is not null || advice) return intros;
            // No fresh way to meet it: the episode goes on without a meeting rather than with a worn-out line.
            lead = writer.Fresh(intros, setting, writer.Target.MaxWordsPerPage, writer.Target.MaxSentencesPerPage, keepLevel: false);
            return null;
        }
        if (last) return [.. StoryComposer.EpisodeCloses(shape)];
        return rng.Chance(0.5) ? [.. StoryComposer.EpisodeMiddles(shape)] : null;
    }

    private static readonly string[] ShortAdvice = ["{X} says, “You can do it!”", "{X} gives {H} a hug.", "{X} has an idea."];
    private static readonly string[] ShortTuckIn = ["{F} tucks {H} in.", "{F} kisses {H}.", "{F} hugs {H} tight."];

    /// <summary>Attempts escalate: tries alone, then with a plan, then nearly there; a used-up tier borrows from the others.</summary>
    private List<string> Tries(int attemptIndex, int attempts)
    {
        var tier = Tier(attemptIndex, attempts);
        return writer.AnyFresh(_beats.Tries[tier]) ? [.. _beats.Tries[tier]] : _beats.Tries.SelectMany(t => t).ToList();
    }

    private static int Tier(int attemptIndex, int attempts) => Math.Min(2, attemptIndex * 3 / Math.Max(1, attempts));

    private string Arrival(Character c, string setting)
    {
        var kind = c.Species == Species.Child ? "child" : c.Species.ToString().ToLowerInvariant();
        var lines = writer.Band == AgeBand.Age0To2 ? _beats.ShortJoins : _beats.Joins;
        if (lines.Length == 0) lines = ["{C} the {K} came along too."];
        var filled = lines.Select(l => l.Replace("{C}", c.Name, StringComparison.Ordinal).Replace("{K}", kind, StringComparison.Ordinal)).ToList();
        return writer.Unique(filled, setting, writer.Target.MaxWordsPerPage, writer.Target.MaxSentencesPerPage);
    }

    /// <summary>The hero, everyone the page names, and the companions already on the journey; each at most once.</summary>
    private List<Character> Present(string body)
    {
        var named = cast.Skip(1).Where(c => StoryText.Names(body, c.Name)).ToList();
        var present = cast.Take(1).Concat(cast.Skip(1).Where(c => named.Contains(c) || _companions.Contains(c))).Take(4).ToList();
        _companions.AddRange(named.Where(c => _joining.Contains(c) && !_companions.Contains(c)));
        return present;
    }

    /// <summary>Opening, problem, at least two attempts, a turn and a resolution; long books get more attempts.</summary>
    private static List<Phase> Allocate(int n)
    {
        // Long books spend their extra pages on the middle, where the tries escalate; a ten-page opening only repeats itself.
        int Share(double share, int most) => Math.Clamp((int)Math.Round(n * share), 1, most);
        var opening = Share(0.1, 5);
        var problem = Share(0.08, 4);
        var turn = Share(0.08, 4);
        var resolution = Share(0.12, 6);
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

    private IllustrationBrief Brief(Phase phase, double progress, string setting, List<Character> present, int number)
    {
        var time = TimeFor(progress, setting);
        var weather = _weather[setting];
        if (time == "night" && weather == "rain" && shape != StoryShape.Fear) weather = "clear";
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
