using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>What one page may say: its beat, newly built lines of that beat, and the mood, talk and sights that pad it.</summary>
internal sealed record PageLines(
    IReadOnlyList<string> Core,
    IReadOnlyList<string> Composed,
    IReadOnlyList<string>? Extra,
    IReadOnlyList<string>? Coda,
    IReadOnlyList<string> Feelings,
    IReadOnlyList<string> Sayings,
    IReadOnlyList<string> Sights);

/// <summary>Fills templates and sizes each page's text to its age band, never repeating a sentence in a book.</summary>
internal sealed partial class StoryText(Rng rng, AgeBand band, Dictionary<string, string> tokens, IEnumerable<string> castNames)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pageTemplates = new(StringComparer.Ordinal);
    private readonly Regex[] _names = castNames.Where(n => n.Length > 0).Distinct()
        .Select(n => new Regex($@"\b{Regex.Escape(n)}\b", RegexOptions.CultureInvariant)).ToArray();

    // Four-word runs (names as N, word-bank fillers as S) and how many pages of the book hold each.
    private readonly Dictionary<string, int> _gramPages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pageGrams = new(StringComparer.Ordinal);

    public static (int Min, int Max) WordRange(AgeBand band) => band switch
    {
        AgeBand.Age0To2 => (1, 10),
        AgeBand.Age3To5 => (4, 40),
        AgeBand.Age6To8 => (40, 70),
        _ => (80, 140),
    };

    public AgeBand Band => band;

    public static int CountWords(string text) => WordRegex().Matches(text).Count;

    /// <summary>Whether the text names this character as a whole word ("Fern", not "ferns").</summary>
    public static bool Names(string text, string name) =>
        Regex.IsMatch(text, @"(?<![\p{L}])" + Regex.Escape(name) + @"(?![\p{L}])", RegexOptions.CultureInvariant);

    /// <summary>Sets a token the planner changes as the story goes, such as an episode's walk-on.</summary>
    public void SetToken(string key, string value) => tokens[key] = value;

    /// <summary>Starts a new page: its templates and four-word runs start counting afresh.</summary>
    public void BeginPage()
    {
        _pageTemplates.Clear();
        _pageGrams.Clear();
    }

    /// <summary>A sentence fits when none of its four-word runs is already on this page or on three other pages.</summary>
    private bool Fits(string sentence) => Grams(sentence).All(g => !_pageGrams.Contains(g) && _gramPages.GetValueOrDefault(g) < MaxUses);

    private void Accept(string sentence)
    {
        foreach (var g in Grams(sentence))
            if (_pageGrams.Add(g)) _gramPages[g] = _gramPages.GetValueOrDefault(g) + 1;
    }

    private List<string> Grams(string sentence)
    {
        var text = sentence;
        foreach (var filler in Fillers)
            if (text.Contains(filler, StringComparison.Ordinal)) text = text.Replace(filler, " S ", StringComparison.Ordinal);
        foreach (var name in _names) text = name.Replace(text, "N");
        var grams = new List<string>();
        foreach (var part in SentenceSplit().Split(text.ToLowerInvariant()))
        {
            var words = GramWordRegex().Matches(part).Select(w => w.Value).ToList();
            for (var i = 0; i + 4 <= words.Count; i++) grams.Add(string.Join(' ', words.GetRange(i, 4)));
        }
        return grams;
    }

    private static readonly string[] Fillers = StoryWords.Spots.Values.SelectMany(s => s)
        .Concat(StoryWords.Things).Concat(StoryWords.Smells).Concat(StoryWords.PlaceName.Values)
        .Concat(new[] { StoryShapes.QuestGoals, StoryShapes.FriendGoals, StoryShapes.Fears, StoryShapes.BedtimeGoals }.SelectMany(g => g).Select(g => g.Phrase))
        .Distinct().OrderByDescending(f => f.Length).ToArray();

    public string Fill(string template, string setting)
    {
        var text = template;
        foreach (var (key, value) in tokens)
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        if (text.Contains("{SPOT}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{SPOT}", rng.Pick(StoryWords.Spots[setting]));
        if (text.Contains("{THING}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{THING}", rng.Pick(StoryWords.Things));
        if (text.Contains("{SMELL}", StringComparison.Ordinal)) text = ReplaceFirst(text, "{SMELL}", rng.Pick(StoryWords.Smells));
        // Built lines may start a sentence with a walk-on ("a seagull"), so every sentence start gets its capital.
        return SentenceStart().Replace(text, m => m.Value.ToUpperInvariant());
    }

    /// <summary>No template fills more than this many pages of one book, so stock phrases never pile up.</summary>
    public const int MaxUses = 3;

    private static readonly string[] CastTokens = ["F", "X", "Y"];
    private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);

    /// <summary>Cast tokens ("F", "X", "Y") the story has on stage for the page being written; others may not be named.</summary>
    public IReadOnlySet<string> OnStage { get; set; } = new HashSet<string>();

    private bool Allowed(string template) =>
        CastTokens.All(t => OnStage.Contains(t) || !template.Contains("{" + t + "}", StringComparison.Ordinal));

    /// <summary>The least-used allowed template that fills to a fresh sentence, or null when every one is used up.</summary>
    public string? Fresh(IReadOnlyList<string> templates, string setting, int maxWords = int.MaxValue)
    {
        var open = templates.Where(t => Allowed(t) && !_pageTemplates.Contains(t) && _uses.GetValueOrDefault(t) < MaxUses);
        foreach (var group in open.GroupBy(t => _uses.GetValueOrDefault(t)).OrderBy(g => g.Key))
            foreach (var template in rng.Shuffled(group))
                for (var fill = 0; fill < 3; fill++)
                {
                    var sentence = Fill(template, setting);
                    if (CountWords(sentence) > maxWords || _used.Contains(sentence) || !Fits(sentence)) continue;
                    _used.Add(sentence);
                    Accept(sentence);
                    // A template without slots fills the same way every time, so its one sentence is its only use.
                    _uses[template] = Slotless(template) ? MaxUses : _uses.GetValueOrDefault(template) + 1;
                    _pageTemplates.Add(template);
                    return sentence;
                }
        return null;
    }

    private static bool Slotless(string template) =>
        !template.Contains("{SPOT}", StringComparison.Ordinal) && !template.Contains("{THING}", StringComparison.Ordinal) && !template.Contains("{SMELL}", StringComparison.Ordinal);

    public bool AnyFresh(IEnumerable<string> templates) => templates.Any(t => Allowed(t) && _uses.GetValueOrDefault(t) < MaxUses);

    /// <summary>A fresh sentence if one is left, else a filled sentence made new with an opener (only long, wordy books get here).</summary>
    public string Unique(IReadOnlyList<string> templates, string setting, int maxWords = int.MaxValue)
    {
        if (Fresh(templates, setting, maxWords) is { } fresh) return fresh;
        // Reword the least-used lines first, so no single line takes over a long book.
        var allowed = templates.Where(Allowed).GroupBy(t => _uses.GetValueOrDefault(t)).OrderBy(g => g.Key)
            .Select(g => g.ToList()).FirstOrDefault() ?? [templates[0]];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var sentence = Fill(rng.Pick(allowed), setting);
            if (attempt >= 20 && sentence[0] != '“') sentence = rng.Pick(StoryWords.Openers) + LowerFirst(sentence, tokens);
            if (attempt >= 120) sentence = rng.Pick(StoryWords.Openers) + LowerFirst(Fill(rng.Pick(StoryWords.Sights[setting]), setting) + ", and " + LowerFirst(sentence, tokens), tokens);
            if (CountWords(sentence) > maxWords && attempt < 190) continue;
            if (attempt < 160 && !Fits(sentence)) continue;
            if (!_used.Add(sentence)) continue;
            Accept(sentence);
            return sentence;
        }
        var fallback = Fill(rng.Pick(allowed), setting);
        _used.Add(fallback);
        Accept(fallback);
        return fallback;
    }

    /// <summary>
    /// One page: an optional lead (a character arriving, a new episode), the beat's core sentence, an optional coda
    /// (the episode's walk-on, clue or small win), then mood and colour up to the band's word count.
    /// Young bands stop when the fresh lines run out rather than repeat one.
    /// </summary>
    public string Page(PageLines lines, string setting, string? lead = null, bool talk = true)
    {
        var (min, max) = WordRange(band);
        if (band == AgeBand.Age0To2) return lead ?? Unique(lines.Core, setting, max);

        var small = band == AgeBand.Age3To5;
        var target = band switch
        {
            AgeBand.Age3To5 => rng.Next(8, 30),
            AgeBand.Age6To8 => rng.Next(46, 64),
            _ => rng.Next(92, 128),
        };
        var sentences = new List<string>();
        var words = 0;
        if (lead is not null)
        {
            sentences.Add(lead);
            words += CountWords(lead);
        }
        var quiet = lines.Sights.Concat(lines.Feelings).ToList();
        bool Add(IReadOnlyList<string> templates, int maxWords, bool mustFill)
        {
            var room = max - words;
            if (room < 3) return false;
            var most = Math.Min(room, maxWords);
            // A page must say something: its own beat, else a newly built line of it, else a look around, and only then a reworded line.
            var sentence = Fresh(templates, setting, most)
                ?? (mustFill ? Fresh(lines.Composed, setting, most) ?? Fresh(quiet, setting, most) ?? Unique(templates, setting, most) : null);
            if (sentence is null) return false;
            var w = CountWords(sentence);
            if (w > room) return false;
            sentences.Add(sentence);
            words += w;
            return true;
        }
        if (!small && rng.Chance(0.5)) Add(lines.Sights, 12, false);
        if (lead is null || !small) Add(lines.Core, small ? 18 : 30, true);
        if (lines.Coda is not null) Add(lines.Coda, small ? 14 : 24, false);
        // Continuation: more of the same beat (another attempt, the rest of the problem) keeps long pages on topic.
        var continuations = band == AgeBand.Age9To12 ? 2 : band == AgeBand.Age6To8 ? 1 : 0;
        for (var i = 0; i < continuations && words < target - 8; i++)
            if (!Add(lines.Core, 30, false)) Add(lines.Composed, 30, false);
        var pools = new List<IReadOnlyList<string>> { lines.Feelings, lines.Sights, Smell };
        if (talk) pools.Insert(1, lines.Sayings);
        if (lines.Extra is not null) pools.Insert(0, lines.Extra);
        var limit = small ? rng.Next(1, 4) : 20;
        for (var tries = 0; words < target && sentences.Count < limit && tries < 40; tries++)
            Add(pools[tries % pools.Count], small ? 10 : 24, false);
        pools.Add(lines.Composed);
        for (var tries = 0; words < min && tries < 40; tries++)
            Add(pools[tries % pools.Count], max - words, false);
        for (var tries = 0; words < min && tries < 10; tries++) Add(lines.Composed, max - words, true);
        return string.Join(" ", sentences);
    }

    private static readonly string[] Smell = ["Everything smelled of {SMELL}.", "{H} sniffed. Mmm, {SMELL}!"];

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

    [GeneratedRegex(@"[\p{L}]+(['’][\p{L}]+)?")]
    private static partial Regex GramWordRegex();

    [GeneratedRegex(@"(^|[.!?]\s+)\p{Ll}")]
    private static partial Regex SentenceStart();

    [GeneratedRegex("[.!?…]+")]
    private static partial Regex SentenceSplit();
}
