using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>Fills templates and sizes each page's text to its age band, never repeating a sentence in a book.</summary>
internal sealed partial class StoryText(Rng rng, AgeBand band, IReadOnlyDictionary<string, string> tokens)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pageTemplates = new(StringComparer.Ordinal);

    public static (int Min, int Max) WordRange(AgeBand band) => band switch
    {
        AgeBand.Age0To2 => (1, 10),
        AgeBand.Age3To5 => (4, 40),
        AgeBand.Age6To8 => (40, 70),
        _ => (80, 140),
    };

    public static int CountWords(string text) => WordRegex().Matches(text).Count;

    public string Fill(string template, string setting)
    {
        var text = template;
        foreach (var (key, value) in tokens)
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        if (text.Contains("{SPOT}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{SPOT}", rng.Pick(StoryWords.Spots[setting]));
        if (text.Contains("{THING}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{THING}", rng.Pick(StoryWords.Things));
        if (text.Contains("{SMELL}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{SMELL}", rng.Pick(StoryWords.Smells));
        return text;
    }

    /// <summary>A filled sentence not used before in this book; long books get openers ("Just then, ") to stay fresh.</summary>
    public string Unique(IReadOnlyList<string> templates, string setting, int maxWords = int.MaxValue)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var template = rng.Pick(templates);
            // Within one page a template is used once, so a long page never says the same thing twice.
            if (attempt < 60 && !_pageTemplates.Add(template)) continue;
            var sentence = Fill(template, setting);
            if (attempt >= 20 && sentence[0] != '“') sentence = rng.Pick(StoryWords.Openers) + LowerFirst(sentence, tokens);
            if (attempt >= 120) sentence = rng.Pick(StoryWords.Openers) + LowerFirst(Fill(rng.Pick(StoryWords.Sights[setting]), setting) + ", and " + LowerFirst(sentence, tokens), tokens);
            if (CountWords(sentence) > maxWords && attempt < 190) continue;
            if (_used.Add(sentence)) return sentence;
        }
        var fallback = Fill(rng.Pick(templates), setting);
        _used.Add(fallback);
        return fallback;
    }

    /// <summary>One page: the phase's core sentence first, then continuation and colour until the band's word count.</summary>
    public string Page(ShapeText shape, Phase phase, string setting)
    {
        var (min, max) = WordRange(band);
        if (band == AgeBand.Age0To2) return Unique(shape.Short[phase], setting, max);

        _pageTemplates.Clear();
        var small = band == AgeBand.Age3To5;
        var target = band switch
        {
            AgeBand.Age3To5 => rng.Next(8, 30),
            AgeBand.Age6To8 => rng.Next(46, 64),
            _ => rng.Next(92, 128),
        };
        var sentences = new List<string>();
        var words = 0;
        bool Add(IReadOnlyList<string> templates, int maxWords)
        {
            var room = max - words;
            if (room < 3) return false;
            var sentence = Unique(templates, setting, Math.Min(room, maxWords));
            var w = CountWords(sentence);
            if (w > room) return false;
            sentences.Add(sentence);
            words += w;
            return true;
        }
        var sights = StoryWords.Sights[setting].Select(x => x + ".").ToArray();
        if (!small && rng.Chance(0.5)) Add(sights, 12);
        Add(shape.Core[phase], small ? 18 : 30);
        // Continuation: more of the same beat (another attempt, the rest of the problem) keeps long pages on topic.
        var continuations = band == AgeBand.Age9To12 ? 2 : band == AgeBand.Age6To8 ? 1 : 0;
        for (var i = 0; i < continuations && words < target - 8; i++) Add(shape.Core[phase], 30);
        shape.Extra.TryGetValue(phase, out var extra);
        var pools = new List<IReadOnlyList<string>> { StoryWords.Feelings, StoryWords.Sayings, sights, Smell };
        if (extra is not null) pools.Insert(0, extra);
        var limit = small ? rng.Next(1, 4) : 20;
        for (var tries = 0; words < target && sentences.Count < limit && tries < 40; tries++)
            Add(pools[tries % pools.Count], small ? 10 : 24);
        for (var tries = 0; words < min && tries < 40; tries++)
            Add(rng.Pick(pools), max - words);
        return string.Join(" ", sentences);
    }

    private static readonly string[] Smell = ["The air smelled of {SMELL}.", "Everything smelled of {SMELL}."];

    public void MarkUsed(string sentence) => _used.Add(sentence);

    private static string LowerFirst(string s, IReadOnlyDictionary<string, string> tokens)
    {
        // Names and quotes keep their capital letter.
        if (s.Length == 0 || s[0] == '“' || tokens.Values.Any(v => v.Length > 0 && s.StartsWith(v, StringComparison.Ordinal))) return s;
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    private static string ReplaceFirst(string text, string token, string value)
    {
        var i = text.IndexOf(token, StringComparison.Ordinal);
        return text[..i] + value + text[(i + token.Length)..];
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(['’][\p{L}]+)?")]
    private static partial Regex WordRegex();
}
