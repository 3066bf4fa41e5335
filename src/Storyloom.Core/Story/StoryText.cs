using System.Text;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story;

/// <summary>What one page may say: its beat, newly built lines of that beat, and the mood, talk and sights that pad it.</summary>
/// <param name="ComposedAreMoods">Built lines are only feelings (no tries on this page), so the page takes at most one.</param>
internal sealed record PageLines(
    IReadOnlyList<string> Core,
    IReadOnlyList<string> Composed,
    IReadOnlyList<string>? Extra,
    IReadOnlyList<string>? Coda,
    IReadOnlyList<string> Feelings,
    IReadOnlyList<string> Sayings,
    IReadOnlyList<string> Sights,
    bool ComposedAreMoods = false);

/// <summary>Fills templates and sizes each page's text to its age band, never repeating a sentence in a book.</summary>
internal sealed partial class StoryText(Rng rng, AgeBand band, Dictionary<string, string> tokens, IEnumerable<string> castNames)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pageTemplates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skeletons = new(StringComparer.Ordinal);
    private readonly string[] _castNames = castNames.ToArray();
    private StoryGuard _guard = new(band, castNames);

    /// <summary>How far the text so far sits outside the band's grade and rare-word limits, keeping room for the last page; 0 inside.</summary>
    public double LevelStrain() => _guard.Strain(0.45);

    /// <summary>Forgets everything written, for a fresh draft.</summary>
    public void Reset()
    {
        _used.Clear();
        _pageTemplates.Clear();
        _uses.Clear();
        _guard = new StoryGuard(band, _castNames);
    }

    public static (int Min, int Max) WordRange(AgeBand band)
    {
        var target = ReadabilityTarget.For(band);
        return (target.MinWordsPerPage, target.MaxWordsPerPage);
    }

    public ReadabilityTarget Target => _guard.Target;

    public AgeBand Band => band;

    public static int CountWords(string text) => ReadabilityMeter.Words(text);

    /// <summary>Whether the text names this character as a whole word ("Fern", not "ferns").</summary>
    public static bool Names(string text, string name) =>
        Regex.IsMatch(text, @"(?<![\p{L}])" + Regex.Escape(name) + @"(?![\p{L}])", RegexOptions.CultureInvariant);

    /// <summary>Sets a token the planner changes as the story goes, such as an episode's walk-on.</summary>
    public void SetToken(string key, string value)
    {
        tokens[key] = value;
        _skeletons.Clear();
    }

    /// <summary>Starts a new page: its templates and four-word runs start counting afresh.</summary>
    public void BeginPage()
    {
        _pageTemplates.Clear();
        _guard.BeginPage();
    }

    /// <summary>Fills every token in one pass; {SPOT}, {THING} and {SMELL} draw from the word banks.</summary>
    public string Fill(string template, string setting)
    {
        var text = Substitute(template, key => key switch
        {
            "SPOT" => rng.Pick(StoryWords.Spots[setting]),
            "THING" => rng.Pick(StoryWords.Things),
            "SMELL" => rng.Pick(StoryWords.Smells),
            _ => tokens.GetValueOrDefault(key),
        });
        // Built lines may start a sentence with a walk-on ("a seagull"), so every sentence start gets its capital.
        return SentenceStart().Replace(text, m => m.Value.ToUpperInvariant());
    }

    /// <summary>The template as the repetition guard sees it: slots as S, cast as N, everything else as it reads.</summary>
    private string Skeleton(string template)
    {
        if (_skeletons.TryGetValue(template, out var known)) return known;
        var skeleton = Substitute(template, key => key switch
        {
            "SPOT" or "THING" or "SMELL" or "GP" or "GA" or "P" or "FEAR" or "TP" => " S ",
            "H" or "F" or "X" or "Y" => " N ",
            _ => tokens.GetValueOrDefault(key),
        });
        _skeletons[template] = skeleton;
        return skeleton;
    }

    private static string Substitute(string template, Func<string, string?> value)
    {
        if (!template.Contains('{')) return template;
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0 || value(template[(i + 1)..close]) is not { } v)
            {
                sb.Append(template[i]);
                continue;
            }
            sb.Append(v);
            i = close;
        }
        return sb.ToString();
    }

    /// <summary>No template fills more than this many pages of one book, so stock phrases never pile up.</summary>
    public const int MaxUses = 3;

    private static readonly (string Key, string Token)[] CastTokens = [("F", "{F}"), ("X", "{X}"), ("Y", "{Y}")];

    /// <summary>Cast tokens ("F", "X", "Y") the story has on stage for the page being written; others may not be named.</summary>
    public IReadOnlySet<string> OnStage { get; set; } = new HashSet<string>();

    private bool Allowed(string template) =>
        CastTokens.All(t => OnStage.Contains(t.Key) || !template.Contains(t.Token, StringComparison.Ordinal));

    /// <summary>
    /// The least-used allowed template that fills to a fresh sentence, or null when none does. A template is filled again
    /// only when its sentence is already in the book (another spot may be free); a line too long or too worn stays so
    /// whatever fills it, and at most <see cref="MostCandidates"/> candidates are weighed, so a dry pool costs little.
    /// </summary>
    public string? Fresh(IReadOnlyList<string> templates, string setting, int maxWords = int.MaxValue, int maxSentences = int.MaxValue, bool keepLevel = true)
    {
        var open = templates.Where(t => Allowed(t) && !_pageTemplates.Contains(t) && _uses.GetValueOrDefault(t) < MaxUses);
        var weighed = 0;
        foreach (var group in open.GroupBy(t => _uses.GetValueOrDefault(t)).OrderBy(g => g.Key))
            foreach (var template in rng.Shuffled(group))
                for (var fill = 0; fill < (Slotless(template) ? 1 : 3); fill++)
                {
                    if (weighed++ >= MostCandidates) return null;
                    var sentence = Fill(template, setting);
                    if (_used.Contains(sentence)) continue;
                    var skeleton = Skeleton(template);
                    if (CountWords(sentence) > maxWords || !_guard.Allows(sentence, skeleton, maxSentences, keepLevel)) break;
                    _used.Add(sentence);
                    _guard.Accept(sentence, skeleton);
                    // A template without slots fills the same way every time, so its one sentence is its only use.
                    _uses[template] = Slotless(template) ? MaxUses : _uses.GetValueOrDefault(template) + 1;
                    _pageTemplates.Add(template);
                    return sentence;
                }
        return null;
    }

    private const int MostCandidates = 20;

    /// <summary>
    /// When no line keeps the book inside its band, the one that strays least: of a handful of fresh candidates, the
    /// shortest and plainest in effect, so the page still says its beat and the book drifts back towards its level.
    /// </summary>
    private string? Gentlest(IReadOnlyList<string> templates, string setting, int maxWords, int maxSentences)
    {
        (string Sentence, string Template, string Skeleton, double Strain)? best = null;
        var open = templates.Where(t => Allowed(t) && !_pageTemplates.Contains(t) && _uses.GetValueOrDefault(t) < MaxUses).ToList();
        foreach (var template in rng.Shuffled(open).Take(MostCandidates))
        {
            var sentence = Fill(template, setting);
            var skeleton = Skeleton(template);
            if (_used.Contains(sentence) || CountWords(sentence) > maxWords || !_guard.Allows(sentence, skeleton, maxSentences, keepLevel: false)) continue;
            var strain = _guard.Strain(sentence);
            if (best is null || strain < best.Value.Strain) best = (sentence, template, skeleton, strain);
        }
        if (best is not { } pick) return null;
        _used.Add(pick.Sentence);
        _guard.Accept(pick.Sentence, pick.Skeleton);
        _uses[pick.Template] = Slotless(pick.Template) ? MaxUses : _uses.GetValueOrDefault(pick.Template) + 1;
        _pageTemplates.Add(pick.Template);
        return pick.Sentence;
    }

    private static bool Slotless(string template) =>
        !template.Contains("{SPOT}", StringComparison.Ordinal) && !template.Contains("{THING}", StringComparison.Ordinal) && !template.Contains("{SMELL}", StringComparison.Ordinal);

    public bool AnyFresh(IEnumerable<string> templates) => templates.Any(t => Allowed(t) && _uses.GetValueOrDefault(t) < MaxUses);

    /// <summary>A fresh sentence if one is left, else a filled sentence made new with an opener (only long, wordy books get here).</summary>
    public string Unique(IReadOnlyList<string> templates, string setting, int maxWords = int.MaxValue, int maxSentences = int.MaxValue)
    {
        if (Fresh(templates, setting, maxWords, maxSentences) is { } fresh) return fresh;
        // Reword the least-used lines first, so no single line takes over a long book.
        var allowed = templates.Where(Allowed).GroupBy(t => _uses.GetValueOrDefault(t)).OrderBy(g => g.Key)
            .Select(g => g.ToList()).FirstOrDefault() ?? [templates[0]];
        if (maxSentences != int.MaxValue && Gentlest(templates, setting, maxWords, maxSentences) is { } plain) return plain;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var template = rng.Pick(allowed);
            var sentence = Fill(template, setting);
            // Only a long book that has used every line gets here: it rewords one as a new moment, never on top of an opener.
            var opener = attempt >= 20 && sentence[0] != '“' && !StartsWithOpener(sentence) ? rng.Pick(StoryWords.Openers) : "";
            if (opener.Length > 0) sentence = opener + LowerFirst(sentence, tokens);
            var skeleton = opener + Skeleton(template);
            if (attempt < 50 && (CountWords(sentence) > maxWords || !_guard.Allows(sentence, skeleton, maxSentences, keepLevel: false))) continue;
            if (!_used.Add(sentence)) continue;
            _guard.Accept(sentence, skeleton);
            return sentence;
        }
        var fallback = Fill(rng.Pick(allowed), setting);
        _used.Add(fallback);
        _guard.Accept(fallback, fallback);
        return fallback;
    }

    /// <summary>
    /// One page, sized to the band (see <see cref="ReadabilityTarget"/>): an optional lead (a character arriving, a new
    /// episode), the beat's core sentence, an optional coda (the episode's walk-on, clue or small win), then, for older
    /// readers, more of the beat, talk, a feeling and a look around, each at most once, until the page is full enough.
    /// </summary>
    public string Page(PageLines lines, string setting, string? lead = null, bool talk = true)
    {
        var t = Target;
        if (band == AgeBand.Age0To2)
            return lead ?? Fresh(lines.Core, setting, t.MaxWordsPerPage, 1) ?? Fresh(lines.Composed, setting, t.MaxWordsPerPage, 1)
                ?? Gentlest([.. lines.Core, .. lines.Composed], setting, t.MaxWordsPerPage, 1)
                ?? Unique(lines.Core, setting, t.MaxWordsPerPage, 1);

        var small = band == AgeBand.Age3To5;
        var (goal, maxSentences) = band switch
        {
            AgeBand.Age3To5 => (rng.Next(10, 28), rng.Next(1, 4)),
            AgeBand.Age6To8 => (rng.Next(42, 60), t.MaxSentencesPerPage),
            _ => (rng.Next(100, 135), t.MaxSentencesPerPage),
        };
        var sentences = new List<string>();
        var words = 0;
        var count = 0;
        void Take(string sentence)
        {
            sentences.Add(sentence);
            words += CountWords(sentence);
            count += ReadabilityMeter.Sentences(sentence).Count;
        }
        if (lead is not null) Take(lead);
        var quiet = lines.Sights.Concat(lines.Feelings).ToList();
        bool Add(IReadOnlyList<string>? templates, bool mustFill)
        {
            var room = t.MaxWordsPerPage - words;
            var roomSentences = maxSentences - count;
            if (templates is null || templates.Count == 0 || room < 3 || roomSentences < 1) return false;
            // A page must say something: its own beat, else a newly built line of it, else a look around, and only then a reworded line.
            var sentence = Fresh(templates, setting, room, roomSentences)
                ?? (mustFill
                    ? Fresh(lines.Composed, setting, room, roomSentences) ?? Fresh(quiet, setting, room, roomSentences)
                        ?? Gentlest([.. templates, .. lines.Composed], setting, room, roomSentences) ?? Unique(templates, setting, room, roomSentences)
                    : null);
            if (sentence is null) return false;
            Take(sentence);
            return true;
        }
        if (!small && rng.Chance(band == AgeBand.Age9To12 ? 0.6 : 0.3)) Add(lines.Sights, false);
        if (lead is null || !small) Add(lines.Core, true);
        Add(lines.Coda, false);
        // Older readers get more of the same beat, then talk, a feeling and a look around: each kind at most once a page.
        var more = new List<IReadOnlyList<string>?> { lines.Composed };
        if (band == AgeBand.Age9To12) more.Add(lines.Core);
        if (talk) more.Add(lines.Sayings);
        more.Add(lines.Extra);
        more.Add(lines.Feelings);
        if (!small) more.AddRange([lines.Sights, Smell]);
        if (!small && !lines.ComposedAreMoods) more.Add(lines.Composed);
        foreach (var pool in small ? rng.Shuffled(more) : more)
        {
            if (words >= goal || count >= maxSentences) break;
            Add(pool, false);
        }
        // Still short: another look around or line of talk first; a page of nothing but feelings reads as padding.
        maxSentences = t.MaxSentencesPerPage;
        var built = lines.ComposedAreMoods ? lines.Sights : lines.Composed;
        IReadOnlyList<string>[] topUp = [built, lines.Sights, built, lines.Sayings, lines.Feelings, built, lines.Sights, lines.Core, built, lines.Feelings];
        foreach (var pool in topUp)
            if (words < t.MinWordsPerPage) Add(pool, true);
        return string.Join(" ", sentences);
    }

    private static readonly string[] Smell = ["{H} sniffed the air and smelled {SMELL}.", "The air around {H} smelled of {SMELL}.", "{H} caught a whiff of {SMELL} on the breeze."];

    private static bool StartsWithOpener(string sentence) =>
        sentence.IndexOfAny([' ', ',']) is var end and > 0 && Connectives.Contains(sentence[..end]);

    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "Soon", "Next", "Then", "After", "Before", "Later", "By", "Now", "Just", "Meanwhile", "Once", "All", "Quietly", "Step",
        "Right", "A", "This", "Carefully", "Very", "With", "Quick", "On", "Nearby", "Far", "Here", "Close", "Overhead", "Softly",
        "For", "Again", "When", "As", "In", "Every", "One", "Today",
    };

    private static string LowerFirst(string s, IReadOnlyDictionary<string, string> tokens)
    {
        // Names and quotes keep their capital letter.
        if (s.Length == 0 || s[0] == '“' || tokens.Values.Any(v => v.Length > 0 && s.StartsWith(v, StringComparison.Ordinal))) return s;
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    [GeneratedRegex(@"(^|[.!?]\s+)\p{Ll}")]
    private static partial Regex SentenceStart();
}
