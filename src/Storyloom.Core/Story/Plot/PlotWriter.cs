using System.Text;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Plot;

/// <summary>
/// Writes a story book from a plot family: casts it (the brief's characters first), gives each beat its pages, and writes every
/// page's words from its scene, so the words name only who and what the scene holds. A character is introduced on the first
/// page they are in; a change of place is always travelled in the words.
/// </summary>
internal sealed class PlotWriter
{
    private readonly BookSpec _spec;
    private readonly PlotFamily _family;
    private readonly Rng _plot;
    private readonly Rng _words;
    private readonly Dictionary<char, Character> _cast = [];
    private readonly List<Character> _extras = [];
    private readonly Dictionary<string, string> _slots = [];
    private readonly Dictionary<string, string> _weather = [];
    private readonly string _toyProp;
    private readonly string? _subject;
    private readonly string? _heroPronoun;
    private readonly bool _heroRoyal;
    private readonly string? _heroName;
    private readonly Species? _newcomer;

    public PlotWriter(BookSpec spec, Premise premise, Rng plot, Rng words)
    {
        _spec = spec;
        _family = premise.Family;
        _plot = plot;
        _words = words;
        _subject = premise.Subject;
        _heroPronoun = premise.HeroPronoun;
        _heroRoyal = premise.HeroRoyal;
        _heroName = premise.HeroName;
        _newcomer = premise.Newcomer;
        (_toyProp, var toyWords) = _plot.Pick(Toys);
        CastBook(premise.HeroSpecies);
        FillSlots(toyWords);
        foreach (var place in _family.Places)
            _weather[place] = SceneVocabulary.Indoors.Contains(place) || place is "space" or "underwater"
                // A snowy story's windows show the snow still falling ("the window was white").
                ? (_family.Weather == "snow" && SceneVocabulary.Settings[place].Contains("window") ? "snow" : "clear")
                : _family.Weather ?? _plot.Pick(new[] { "clear", "clear", "cloudy", "windy" });
        // A fear of the weather is faced out in it.
        if (_family.Id == "fear" && _subject is not null && WeatherOf(_subject) is { } stormy)
            foreach (var place in _family.Places.Where(p => !SceneVocabulary.Indoors.Contains(p))) _weather[place] = stormy;
    }

    public IReadOnlyList<Character> Cast => [.. _cast.OrderBy(p => Order(p.Key)).Select(p => p.Value), .. _extras];

    /// <summary>The cast's order: the hero, the family's P G X F, then any other roles (the zoo's other animals) by letter.</summary>
    internal static int Order(char letter) => "HPGXF".IndexOf(letter) is var i and >= 0 ? i : 10 + letter;

    public Character Hero => _cast['H'];

    /// <summary>Fills slots and picks a variant of an authored line.</summary>
    public string Fill(string line)
    {
        var text = Variation.Choose(line, _words);
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && text.IndexOf('}', i) is var end and > 0)
            {
                var key = text[(i + 1)..end];
                var value = _slots.TryGetValue(key, out var v) ? v : throw new InvalidOperationException($"plot {_family.Id}: no slot {{{key}}} in \"{line}\"");
                // A slot that starts a sentence starts with a capital ("It curled up tight. She would not let go.")…
                if (StartsSentence(sb)) value = Capitalize(value);
                // …and "a" before it agrees with its sound ("a {Fkind}" is "an owl", not "a owl").
                Article(sb, value);
                sb.Append(value);
                i = end;
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return Capitalize(sb.ToString());
    }

    /// <summary>Whether text appended to <paramref name="sb"/> begins a new sentence (after ". ", "! ", "? ", not after "... ").</summary>
    private static bool StartsSentence(StringBuilder sb) =>
        sb.Length >= 2 && sb[^1] == ' ' && ".!?".Contains(sb[^2]) && (sb.Length < 3 || sb[^3] != '.');

    /// <summary>Turns an "a"/"an" just before a slot's words into the one their first sound takes.</summary>
    private static void Article(StringBuilder sb, string next)
    {
        if (next.Length == 0 || !char.IsLetter(next[0])) return;
        var an = VowelSound(next);
        bool Word(int len) => sb.Length == len || !char.IsLetter(sb[^(len + 1)]);
        if (sb.Length >= 2 && sb[^1] == ' ' && sb[^2] is 'a' or 'A' && Word(2) && an) sb.Insert(sb.Length - 1, 'n');
        else if (sb.Length >= 3 && sb[^1] == ' ' && sb[^2] == 'n' && sb[^3] is 'a' or 'A' && Word(3) && !an) sb.Remove(sb.Length - 2, 1);
    }

    private static bool VowelSound(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("one", StringComparison.Ordinal) || w.StartsWith("uni", StringComparison.Ordinal) || w.StartsWith("use", StringComparison.Ordinal)
            || w.StartsWith("eu", StringComparison.Ordinal)) return false;
        return "aeiou".Contains(w[0]) || w.StartsWith("hour", StringComparison.Ordinal) || w.StartsWith("honest", StringComparison.Ordinal);
    }

    public string Title() => Fill(_plot.Pick(_family.Titles));

    public string Moral() => string.IsNullOrWhiteSpace(_spec.Moral) ? Fill(_plot.Pick(_family.Morals)) : Sentence(_spec.Moral.Trim());

    public string Blurb() => Fill(_family.Blurb);

    /// <summary>
    /// The story pages from <paramref name="first"/>: each beat gets at least one page and at most one per line it has; pages the
    /// plot cannot fill are returned as <paramref name="spare"/> for the caller to mark as notes (a picture book is not padded).
    /// </summary>
    public List<ManuscriptPage> Pages(int first, int count, out int spare)
    {
        var tier = Tier(_spec.Age);
        var lines = _family.Beats.Select(b => Lines(b, tier)).ToList();
        var band = ReadabilityTarget.For(Layout(_spec.Age));
        var pages = Allocate(lines, count, band);
        // A cut that leaves one page thinner than the band reads takes a page back (it becomes a notes page).
        for (var b = 0; b < pages.Count; b++)
            while (pages[b] > 1 && Thinnest(lines[b], pages[b]) < band.MinWordsPerPage) pages[b]--;
        spare = count - pages.Sum();
        var result = new List<ManuscriptPage>(count);
        _first = first;
        var number = first;
        string? lastPlace = null;
        for (var b = 0; b < _family.Beats.Count; b++)
        {
            var beat = _family.Beats[b];
            var chunks = Split(lines[b], pages[b]);
            for (var k = 0; k < chunks.Count; k++)
            {
                var text = chunks[k];
                if (beat.Hook is { } hook && tier > 0 && number % 2 == 1 && k == chunks.Count - 1 && b + 1 < _family.Beats.Count)
                    text.Add(Fill(hook));
                var body = string.Join(" ", text);
                if (lastPlace is not null && lastPlace != beat.Where && k == 0 && !Travels(body))
                    body = Fill(tier == 0 ? TinyTravel(beat.Where) : TravelLine(lastPlace, beat.Where)) + " " + body;
                // The brief's other characters come in with the friend, by name, on the page the friend is introduced.
                if (_extras.Count > 0 && !_introduced.Contains(_extras[0].Name)
                    && (_cast.TryGetValue('F', out var friend) ? Names(body, friend.Name) : result.Count == 0))
                    body += " " + string.Join(" ", _extras.Select(e => $"{e.Name} the {Kind(e)} was there too."));
                lastPlace = beat.Where;
                result.Add(new ManuscriptPage(number, PageRole.Story, body, Scene(beat, k, chunks.Count, number, body)));
                _made[number] = (b, k, chunks.Count);
                number++;
            }
        }
        return result;
    }

    private static int Tier(AgeBand age) => age switch { AgeBand.Age0To2 => 0, AgeBand.Age3To5 => 1, _ => 2 };

    /// <summary>
    /// The band whose page lengths the words are laid out by. Ages 9-12 get the early reader's text (there is no chapter book
    /// offline, and the premise says so): laid out at 9-12's 80 words a page it filled 11 of 28 pages and left 17 lined notes pages.
    /// </summary>
    private static AgeBand Layout(AgeBand age) => age == AgeBand.Age9To12 ? AgeBand.Age6To8 : age;

    private List<string> Lines(Beat beat, int tier)
    {
        IEnumerable<string> raw = tier switch
        {
            0 => beat.Tiny,
            1 => beat.Core,
            _ => Interleave(beat.Core, beat.More),
        };
        return raw.Select(Fill).ToList();
    }

    /// <summary>Core lines keep their order; the deeper lines go after the core line they follow in the authoring.</summary>
    private static IEnumerable<string> Interleave(string[] core, string[] more)
    {
        for (var i = 0; i < Math.Max(core.Length, more.Length); i++)
        {
            if (i < core.Length) yield return core[i];
            if (i < more.Length) yield return more[i];
        }
    }

    /// <summary>
    /// Each beat first gets the pages it needs so none holds more words or sentences than the band reads; the rest go to the
    /// beats with the most words a page, never past one page per line nor a page thinner than the band's least.
    /// </summary>
    private static List<int> Allocate(List<List<string>> lines, int count, ReadabilityTarget band)
    {
        var words = lines.Select(l => l.Sum(ReadabilityMeter.Words)).ToList();
        var sentences = lines.Select(l => l.Sum(x => ReadabilityMeter.Sentences(x).Count)).ToList();
        var most = lines.Select((l, i) => Math.Max(1, Math.Min(l.Count, words[i] / Math.Max(1, band.MinWordsPerPage)))).ToList();
        var pages = lines.Select((l, i) => Math.Min(most[i], Math.Max(1, Math.Max(
            (int)Math.Ceiling((double)words[i] / band.MaxWordsPerPage), (int)Math.Ceiling((double)sentences[i] / band.MaxSentencesPerPage))))).ToList();
        // A short book (24 pages) holds the plot on fewer, fuller pages rather than dropping a beat.
        while (pages.Sum() > count && pages.Max() > 1) pages[pages.IndexOf(pages.Max())]--;
        var left = count - pages.Sum();
        while (left > 0)
        {
            var best = -1;
            for (var i = 0; i < pages.Count; i++)
            {
                if (pages[i] >= most[i]) continue;
                if (best < 0 || (double)words[i] / pages[i] > (double)words[best] / pages[best]) best = i;
            }
            if (best < 0) break;
            pages[best]++;
            left--;
        }
        return pages;
    }

    /// <summary>Cuts a beat's lines, in order, into pages whose thinnest page is as full as it can be (a beat has a handful of lines).</summary>
    private List<List<string>> Split(List<string> lines, int pages)
    {
        var band = ReadabilityTarget.For(Layout(_spec.Age));
        var words = lines.Select(ReadabilityMeter.Words).ToList();
        var sentences = lines.Select(l => ReadabilityMeter.Sentences(l).Count).ToList();
        List<int>? best = null;
        var bestScore = (Over: int.MaxValue, Min: -1, Spread: int.MaxValue);
        void Try(List<int> cuts, int from)
        {
            if (cuts.Count == pages - 1)
            {
                var bounds = cuts.Prepend(0).Append(lines.Count).ToList();
                var spans = bounds.Zip(bounds.Skip(1)).ToList();
                var sizes = spans.Select(x => words.Skip(x.First).Take(x.Second - x.First).Sum()).ToList();
                // First no page with more sentences or words than the band reads, then the fullest thinnest page.
                var over = spans.Sum(x => Math.Max(0, sentences.Skip(x.First).Take(x.Second - x.First).Sum() - band.MaxSentencesPerPage))
                    + sizes.Sum(n => Math.Max(0, n - band.MaxWordsPerPage));
                var score = (Over: over, Min: sizes.Min(), Spread: sizes.Max() - sizes.Min());
                if (score.Over < bestScore.Over || score.Over == bestScore.Over && (score.Min > bestScore.Min || score.Min == bestScore.Min && score.Spread < bestScore.Spread))
                    (best, bestScore) = ([.. cuts], score);
                return;
            }
            for (var c = from; c <= lines.Count - (pages - 1 - cuts.Count); c++)
            {
                cuts.Add(c);
                Try(cuts, c + 1);
                cuts.RemoveAt(cuts.Count - 1);
            }
        }
        Try([], 1);
        var edges = best!.Prepend(0).Append(lines.Count).ToList();
        return edges.Zip(edges.Skip(1)).Select(x => lines.GetRange(x.First, x.Second - x.First)).ToList();
    }

    /// <summary>The fewest words on a page when the lines are cut into that many pages.</summary>
    private int Thinnest(List<string> lines, int pages) => Split(lines, pages).Min(c => c.Sum(ReadabilityMeter.Words));

    private static readonly string[] TravelWords =
        ["went", "walk", "walked", "reached", "off to", "up to", "again", "drove", "rode", "ran", "came", "back", "home", "arrived", "hurried", "climbed", "flew", "swam", "carried", "took", "headed", "zoomed", "stepped", "into", "out to", "skipped", "set off", "tiptoed", "bus",
         "go", "goes", "inside", "outside", "down to", "over to", "across", "upstairs", "downstairs"];

    // Whole words: "backpack" is not "back", and "home time" is no journey home.
    private static bool Travels(string text) => TravelWords.Any(w => System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{w}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

    private string TinyTravel(string setting) => setting == _family.Home ? "Home again! | Back home! | Home we go!" : setting switch
    {
        "playground" or "classroom" => "Off to school! | Off to school we go!",
        "town" => "Out we go! | Off to town! | Out we go, to town!",
        "bedroom" => "Up to bed! | Upstairs to bed! | Up we go, to bed!",
        _ => $"Off to the {setting.Replace('-', ' ')}! | Off we go, to the {setting.Replace('-', ' ')}!",
    };

    private string TravelLine(string from, string setting) => setting switch
    {
        _ when setting == _family.Home && !SceneVocabulary.Indoors.Contains(from) || setting == _family.Home && from is "classroom" or "dentist" or "doctor" or "hair-salon" or "shop" or "cave"
            => "{H} went back home. | Then {H} headed home. | [After that|Soon], {H} [went|headed] back home. | [Then|Later] it was time to go home, so {H} [went|headed] back.",
        "playground" when from == "classroom" => "{H} went out to the playground. | Out to the playground [went|ran] {H}. | [Then|Next] {H} [went|headed] out to the playground.",
        "classroom" when from == "playground" => "{H} went inside. | In went {H}. | [Then|Next], {H} [went|headed] back inside.",
        "classroom" or "playground" => "{H} went to school. | Off to school went {H}. | [Then|Next], {H} [went|headed] off to school.",
        "dentist" => "{H} went to the dentist. | Then it was time to go to the dentist. | [Next|Then], {H} [went|headed] to the dentist. | Off to the dentist [went|walked] {H}.",
        "doctor" => "{H} went to see the doctor. | [Next|Then], {H} [went|headed] to the doctor. | Off to the doctor [went|walked] {H}.",
        "hair-salon" => "{H} went to the hair salon. | [Next|Then], {H} [went|headed] to the hair salon. | Off to the hair salon [went|walked] {H}.",
        "bedroom" => "{H} went up to bed. | Upstairs went {H}. | [Then|Soon], {H} [went|climbed] up to bed. | Up to bed [went|climbed] {H}, [slowly|step by step].",
        "kitchen" => "{H} went into the kitchen. | Into the kitchen [went|hurried] {H}. | [Then|Next], {H} [went|headed] into the kitchen.",
        "living-room" => "{H} went into the living room. | Into the living room [went|wandered] {H}. | [Then|Next], {H} [went|headed] into the living room.",
        "bathroom" => "{H} went into the bathroom. | Into the bathroom [went|hurried] {H}. | [Then|Next], {H} [went|headed] into the bathroom.",
        "garden" => "{H} went out to the garden. | Out to the garden [went|ran] {H}. | [Then|Next], {H} [went|headed] outside to the garden.",
        "park" => "{H} went to the park. | Off to the park [went|walked] {H}. | [Then|Next], {H} [went|headed] to the park.",
        _ => $"{{H}} set off for the {setting.Replace('-', ' ')}. | Off to the {setting.Replace('-', ' ')} [went|headed] {{H}}. | [Then|Next], {{H}} [went|headed] to the {setting.Replace('-', ' ')}.",
    };

    private readonly HashSet<string> _introduced = [];
    private readonly Dictionary<int, (int Beat, int Part, int Parts)> _made = [];

    /// <summary>
    /// Other words for a page already written by <see cref="Pages"/>: the same part of the same beat told with the beat's other
    /// lines (the deeper lines for ages 3-5, the plot lines alone for older readers), naming only who the page's picture holds.
    /// </summary>
    public string? Alternative(ManuscriptPage page)
    {
        if (!_made.TryGetValue(page.Number, out var at) || page.Illustration is null) return null;
        var beat = _family.Beats[at.Beat];
        string[] other = Tier(_spec.Age) switch { 0 => beat.Tiny.Reverse().ToArray(), 1 => beat.More, _ => beat.Core };
        if (other.Length == 0) return null;
        var lines = other.Select(Fill).ToList();
        var chunk = Split(lines, Math.Min(at.Parts, lines.Count))[Math.Min(at.Part, Math.Min(at.Parts, lines.Count) - 1)];
        var text = string.Join(" ", chunk);
        var present = page.Illustration.Characters.Select(c => c.CharacterId).ToHashSet();
        return Cast.Any(c => !present.Contains(c.Id) && Names(text, c.Name)) || text == page.Text ? null : text;
    }
    private int _first;

    private IllustrationBrief Scene(Beat beat, int part, int parts, int number, string text)
    {
        var who = beat.Who.Where(_cast.ContainsKey).ToList();
        // The brief's other characters go where the friend goes, or, in a plot without a friend, where the family is.
        if (beat.Who.Contains('F') || !_cast.ContainsKey('F') && (beat.Who.Contains('P') || part == 0 && number == _first))
            who.AddRange(_extras.Select((_, i) => (char)('1' + i)));
        // Someone new to the book is drawn from the page whose words bring them in, not before.
        who = who.Where(r => r == 'H' || _introduced.Contains(Name(r)) || Names(text, Name(r))).ToList();
        foreach (var r in who) _introduced.Add(Name(r));
        var placements = new List<CharacterPlacement>();
        var heroLeft = number % 2 == 0;
        var props = beat.Props.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Prop(p)!).ToList();
        // What the words put in the hero's arms is what the picture shows ("squeezing Flop tight", "holding Teddy up"): the
        // hero holds it, alone, and it is no longer lying in the scene.
        var beatThings = props.Append(Prop(beat.Holds)).OfType<string>().Distinct().ToList();
        var heldInWords = HeldInWords(text, _cast['H'].Name, _slots["he"], beatThings.Append(_toyProp).Distinct(), beatThings.Count == 1 ? beatThings[0] : null);
        if (heldInWords is not null)
        {
            props.Remove(heldInWords);
            // What the beat puts in the hero's hands stays in the scene when the words hand the hero something else.
            if (Prop(beat.Holds) is { } kept && kept != heldInWords) props.Add(kept);
        }
        var beatPose = heldInWords is not null && beat.Pose is Pose.Hugging or Pose.Standing or Pose.Walking ? Pose.Holding : beat.Pose;
        for (var i = 0; i < who.Count; i++)
        {
            var role = who[i];
            var ch = role is >= '1' and <= '9' ? _extras[role - '1'] : _cast[role];
            var x = who.Count == 1 ? 0.5 : 0.2 + 0.6 * i / (who.Count - 1);
            if (!heroLeft) x = 1 - x;
            var facingLeft = who.Count > 1 && (i == 0 ? !heroLeft : heroLeft);
            var isHero = role == 'H';
            var pose = isHero ? beatPose : beatPose == Pose.Hugging && i == 1 ? Pose.Hugging : beat.Pose == Pose.Sitting && _cast.TryGetValue('F', out var f) && f.Id == ch.Id ? Pose.Sitting : Pose.Standing;
            // What the words say someone else does is what the picture shows ("Dad sat down with them", "Mama waved").
            if (!isHero && PoseInWords(text, ch.Name) is { } said) pose = said;
            // Someone the words put to sleep stays asleep on the pages after, until the words wake them: a zoo animal all day,
            // anyone else to the end of the scene (the hare asleep under the tree while the tortoise plods past).
            if (!isHero)
            {
                if (_family.Id != "zoo" && part == 0) _asleep.Remove(ch.Name);
                if (pose == Pose.Sleeping || AsleepInWords(text, ch.Name)) _asleep.Add(ch.Name);
                else if (WokenInWords(text, ch.Name) || PoseInWords(text, ch.Name) is not null) _asleep.Remove(ch.Name);
                if (_asleep.Contains(ch.Name)) pose = Pose.Sleeping;
            }
            // A hero the words put to bed is drawn in it ("Mama tucked Marlo in", "Marlo curled up under the blanket").
            if (isHero && (InBedInWords(text, ch.Name, beat.Where) || InBedInWords(text, _slots["him"], beat.Where))) pose = Pose.Sleeping;
            var mood = isHero ? (part > 0 && beat.Mood == "scared" && parts > 1 && part == parts - 1 ? "calm" : beat.Mood) : OtherMood(beat.Mood);
            var holding = isHero ? heldInWords ?? Prop(beat.Holds) : null;
            placements.Add(new CharacterPlacement(ch.Id, pose, x, facingLeft, holding, mood, isHero ? (who.Count > 1 ? Id(who[1]) : null) : _cast['H'].Id));
        }
        // What the theme's own words name ("ride a bike", "fly a kite") is drawn on the pages that say it.
        foreach (var thing in SubjectProps().Where(p => !props.Contains(p) && placements.All(c => c.Holding != p)
            && System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{p.Replace('-', ' ')}s?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)))
            props.Add(thing);
        // Close shots cropped the figures under a top text panel to the tops of their heads (seen on the contact sheets):
        // the pages of a beat alternate wide and medium framings instead.
        var shot = (beat.Step is "open" or "go" or "close") == (part % 2 == 0) ? "wide" : "medium";
        var weather = _weather[beat.Where];
        var description = Describe(beat, placements, props, weather, text);
        return new IllustrationBrief(beat.Where, beat.When, weather, placements, props, number % 2 == 0 ? "top" : "bottom", description, Shot: shot);
    }

    private static readonly (Pose Pose, string Verbs)[] PoseVerbs =
    [
        (Pose.Sleeping, "fell asleep|was asleep|was fast asleep|slept|was sleeping|snored|was snoring"),
        (Pose.Sitting, "sat|sits|was sitting|sitting|knelt|kneeled|kneeling|was kneeling|crouched|curled up|lay down|settled down"),
        (Pose.Hugging, "hugged|hugs|gave [a-z ]{0,12}a hug|held [a-z]+ tight|held each other|cuddled"),
        (Pose.Waving, "waved|waves"),
        (Pose.Running, "ran|raced|dashed|rushed"),
        (Pose.Walking, "walked|strolled|trotted"),
        (Pose.Pointing, "pointed|points"),
        (Pose.Jumping, "jumped|leapt|bounced"),
    ];

    /// <summary>
    /// The pose the words give <paramref name="name"/> in a clause of their own ("Dad knelt down", "Mama waved goodbye", "In came
    /// Mama, who knelt on the rug", "Greta, sitting by the pond") or with the verb first ("By the pond sat a fox named Greta");
    /// null when none.
    /// </summary>
    internal static Pose? PoseInWords(string text, string name)
    {
        var n = System.Text.RegularExpressions.Regex.Escape(name);
        foreach (var (pose, verbs) in PoseVerbs)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\p{{L}}){n}(?:'s)?(?!\p{{L}})(?:,? [a-z]+){{0,3}}?,? (?:{verbs})\b"))
                return pose;
        }
        // "There sat Greta", "by the pond sat a robot named Esme": only a sitter or a sleeper is said verb first.
        return System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b(?:sat|was sitting|lay) (?:(?:a|an|the|little|small|young) )*(?:[a-z]+ (?:named|called) )?{n}(?!\p{{L}})")
            ? Pose.Sitting : null;
    }

    /// <summary>
    /// The thing of <paramref name="things"/> the words say is hugged, squeezed, held or carried ("squeezing Flop tight",
    /// "cuddled her teddy", "holding Teddy up", "picked up the ball"); null when none is.
    /// </summary>
    internal static string? HeldInWords(string text, string hero, string pronoun, IEnumerable<string> things, string? it = null)
    {
        var who = $@"(?:(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(hero)}|\b{Capitalize(pronoun)}|\b{pronoun})(?!\p{{L}})";
        foreach (var thing in things)
        {
            // "hugged it so tight": "it" is the one thing the scene holds.
            var words = string.Join('|', ThingWords(thing).Concat(thing == it ? ["it"] : []).Select(System.Text.RegularExpressions.Regex.Escape));
            var what = $@"(?:(?:the|his|her|their|its|a|an|my|your|little|soft|old|new|tiny|precious|favourite|favorite|dear|one|up) ){{0,3}}(?:{words})\b";
            // "Ravi hugged his teddy", "she picked up the ball": the hero does it, in the same clause.
            if (System.Text.RegularExpressions.Regex.IsMatch(text,
                    $@"{who}[^.!?""]{{0,30}}?\b(?:hugged|hugs|squeezed|cuddled|clutched|held|holds|carried|picked up|scooped up) {what}")
                // "Ravi scooped Flop up", "picked it up".
                || System.Text.RegularExpressions.Regex.IsMatch(text, $@"{who}[^.!?""]{{0,30}}?\b(?:scooped|picked|swept|lifted) {what} up\b")
                // "cried Ravi, squeezing Flop tight": a clause in -ing on a sentence that names the hero.
                || System.Text.RegularExpressions.Regex.IsMatch(text,
                    $@"{who}[^.!?]{{0,40}}?,? (?:hugging|squeezing|cuddling|clutching|holding|carrying) {what}"))
                return thing;
        }
        return null;
    }

    /// <summary>How a line may name a drawable thing: "toy car" for toy-car, "Teddy" and the lost toy's name Flop for the teddy.</summary>
    private static IEnumerable<string> ThingWords(string thing) => thing switch
    {
        "teddy" => ["teddy", "teddies", "Teddy", "teddy bear", "Flop"],
        "blocks" => ["blocks", "block"],
        "crayons" => ["crayons", "crayon"],
        _ => [thing.Replace('-', ' '), thing.Replace('-', ' ') + "s"],
    };

    private readonly HashSet<string> _asleep = [];

    /// <summary>The words say someone sleeps ("Mango is fast asleep", "Mango sleeps on", "Mango, still snoring").</summary>
    internal static bool AsleepInWords(string text, string name) => System.Text.RegularExpressions.Regex.IsMatch(text,
        $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(name)}(?!\p{{L}})(?:,? [a-z]+){{0,3}}?,? (?:is asleep|is sleeping|sleeps|slept|snores|snored|asleep)\b");

    /// <summary>The words wake someone ("Mango opened one eye", "Mango woke up", "Mango yawned and stood up").</summary>
    internal static bool WokenInWords(string text, string name) => System.Text.RegularExpressions.Regex.IsMatch(text,
        $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(name)}(?!\p{{L}})(?: [a-z]+){{0,2}}? (?:woke|wakes up|opened|yawned|stretched|stood up|got up|stirred)\b");

    /// <summary>Whether the words put someone into a bed the place has: tucked in, under the blanket, asleep.</summary>
    internal static bool InBedInWords(string text, string name, string place)
    {
        if (place is not ("bedroom" or "doctor")) return false;
        var n = System.Text.RegularExpressions.Regex.Escape(name);
        return System.Text.RegularExpressions.Regex.IsMatch(text,
            $@"tucked {n} in\b|tucked (?:the|a) (?:[a-z]+ )?blanket (?:around|over) {n}\b|(?<!\p{{L}}){n}(?: [a-z]+){{0,2}}? (?:fell asleep|was asleep|drifted off|curled up under|snuggled (?:down|under)|climbed into bed|got into bed|lay down)\b");
    }

    private string Name(char role) => role is >= '1' and <= '9' ? _extras[role - '1'].Name : _cast[role].Name;

    private static bool Names(string text, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(name)}(?!\p{{L}})");

    private string Id(char role) => role is >= '1' and <= '9' ? _extras[role - '1'].Id : _cast[role].Id;

    private static string OtherMood(string heroMood) => heroMood switch
    {
        "scared" or "sad" or "shy" or "angry" => "calm",
        "sleepy" => "sleepy",
        _ => "happy",
    };

    private string? Prop(string? prop) => prop == "{toy}" ? _toyProp : prop;

    private string Describe(Beat beat, List<CharacterPlacement> placements, List<string> props, string weather, string text)
    {
        var people = placements.Select(p =>
        {
            var ch = Cast.First(c => c.Id == p.CharacterId);
            var doing = p.Pose.ToString().ToLowerInvariant();
            var holds = p.Holding is null ? "" : $", holding a {p.Holding}";
            return $"{ch.Name} ({Kind(ch)}), {doing}{holds}, looking {p.Mood}";
        });
        var place = beat.Where.Replace('-', ' ');
        var things = props.Count == 0 ? "" : $" With: {string.Join(", ", props)}.";
        var sky = SceneVocabulary.Indoors.Contains(beat.Where) ? $"{beat.When}" : $"{beat.When}, {weather}";
        return $"In the {place} ({sky}): {string.Join("; ", people)}.{things} Page text: \"{text}\"";
    }

    private void CastBook(Species? heroSpecies)
    {
        var given = _spec.Cast.ToList();
        var used = new HashSet<string>();
        var names = _plot.Shuffled((_spec.Age <= AgeBand.Age3To5 ? StoryWords.Names.Where(n => ReadabilityMeter.Syllables(n) <= 2) : StoryWords.Names).Where(n => !ReadsAsThing(n)))
            .Where(n => given.All(g => !g.Name.Equals(n, StringComparison.OrdinalIgnoreCase)) && !n.Equals(_heroName, StringComparison.OrdinalIgnoreCase)).ToList();
        // "My son learning to tie his shoes": the hero's name is a boy's.
        var kept = _heroPronoun switch { "he" => StoryWords.HeNames, "she" => StoryWords.SheNames, _ => null };
        if (kept is not null && names.FindIndex(kept.Contains) is var at and > 0) (names[0], names[at]) = (names[at], names[0]);
        var next = 0;
        // A story about a pet or a baby is told by a child (a dog owning a dog reads oddly).
        var companionKind = _family.Roles.TryGetValue('X', out var x) ? x.Species : null;
        var heroKind = given.Count > 0 ? given[0].Species : heroSpecies ?? (companionKind is not null ? Species.Child : _plot.Pick(HeroChoices));
        // "A girl named Maya": the brief's own name for its hero.
        _cast['H'] = given.Count > 0 ? FromBrief("c1", given[0], "hero", used)
            : _heroName is { } own ? CastBuilder.Make("c1", own, "hero", heroKind, _plot, used, _heroPronoun)
            : CastBuilder.Make("c1", names[next++], "hero", heroKind, _plot, used);
        if (_heroRoyal && given.Count == 0) _cast['H'] = CastBuilder.Crowned(_cast['H']);
        var id = 2;
        var rest = given.Skip(1).ToList();
        foreach (var (letter, role) in _family.Roles.OrderBy(r => Order(r.Key)))
        {
            // A newcomer whose kind the theme chooses ("the new kitten") is that kind; another role of several kinds (the zoo's
            // other animals) is the first kind no one in the cast is yet.
            var kind = letter == 'X' && _newcomer is { } chosen ? chosen
                : letter != 'X' && role.Kinds is { } others ? others.First(k => k != (_newcomer ?? XSpecies()) && _cast.Values.All(c => c.Species != k))
                : role.Against is { } against && against.TryGetValue(_cast['H'].Species, out var foil) ? foil
                : role.Species;
            // A chosen character takes the part that fits them: grown-ups the grown-up parts, the others the friend's.
            var fit = rest.FirstOrDefault(g => role.Grown == IsGrown(g) && (kind is null || g.Species == kind));
            if (fit is not null && letter != 'X' || fit is not null && kind == fit.Species)
            {
                rest.Remove(fit!);
                _cast[letter] = FromBrief($"c{id++}", fit!, role.Relation, used);
                continue;
            }
            // The name the theme says ("visiting Grandma", "when Mum and Dad live apart") is the one the story uses.
            var name = role.Names is { Length: > 0 } pool ? ThemeNamed(pool) ?? _plot.Pick(Unused(pool)) : names[next++];
            // A grandparent of a person is drawn old (grey hair, glasses); an animal hero's grandparent is a grown-up of its kind.
            var species = kind ?? (role.Grown ? GrownKind(heroKind) is var grown && grown == Species.Adult && (role.Relation == "grandparent" || IsGrandName(name)) ? Species.Grandparent : grown : PeerKind(heroKind));
            if (name.Contains("{", StringComparison.Ordinal)) name = name.Replace("{Hkind}", Capitalize(KindWord(heroKind, "they")), StringComparison.Ordinal);
            _cast[letter] = CastBuilder.Make($"c{id++}", name, role.Relation, species, _plot, used) is var made && role.Names is { Length: > 0 }
                ? made with { Pronoun = PronounOf(name, made.Pronoun) }
                : made;
        }
        foreach (var extra in rest) _extras.Add(FromBrief($"c{id++}", extra, "friend", used));
    }

    /// <summary>A role's names without one the cast already has (a hero the brief calls Ember is not the fairy tale's dragon too).</summary>
    private string[] Unused(string[] pool) =>
        pool.Where(n => _cast.Values.All(c => !c.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToArray() is { Length: > 0 } free ? free : pool;

    private Species? XSpecies() => _family.Roles.TryGetValue('X', out var x) ? x.Species : null;

    private static bool IsGrandName(string name) => name.StartsWith("Grand", StringComparison.Ordinal) || name.StartsWith("Nana", StringComparison.Ordinal);

    private string? ThemeNamed(string[] pool)
    {
        var theme = $"{_spec.Theme} {_spec.Title}".ToLowerInvariant();
        // The hero's own name is not a second character's ("a dragon called Ember" is the hero, not the fairy tale's dragon).
        return pool.Where(n => !n.Equals(_heroName, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(n => System.Text.RegularExpressions.Regex.IsMatch(theme, $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(n.ToLowerInvariant())}(?!\p{{L}})"));
    }

    /// <summary>A name that is also a word for a thing or the sky ("Teddy", "Sunny") would make the words name what the picture lacks.</summary>
    private static bool ReadsAsThing(string name)
    {
        var word = name.ToLowerInvariant();
        return word.StartsWith("sun", StringComparison.Ordinal) || SceneVocabulary.Props.Contains(word)
            || SceneVocabulary.Settings.Values.Any(l => l.Contains(word));
    }

    private static readonly Species[] HeroChoices =
        [Species.Child, Species.Child, Species.Child, Species.Fox, Species.Bear, Species.Rabbit, Species.Dinosaur, Species.Cat, Species.Dog, Species.Mouse, Species.Penguin];

    private static bool IsGrown(CastMember m) => m.Species is Species.Adult or Species.Grandparent
        || m.Role is not null && (m.Role.Contains("grown", StringComparison.OrdinalIgnoreCase) || m.Role.Contains("parent", StringComparison.OrdinalIgnoreCase));

    private static Species GrownKind(Species hero) => hero is Species.Child or Species.Baby or Species.Robot ? Species.Adult : hero;

    private static Species PeerKind(Species hero) => hero is Species.Adult or Species.Grandparent or Species.Baby ? Species.Child : hero;

    internal static string PronounOf(string name, string fallback) => name switch
    {
        _ when name.StartsWith("Mama", StringComparison.Ordinal) || name.StartsWith("Mum", StringComparison.Ordinal) || name.StartsWith("Grandma", StringComparison.Ordinal)
            || name.StartsWith("Ms ", StringComparison.Ordinal) || name.StartsWith("Mrs ", StringComparison.Ordinal) || name.StartsWith("Nana", StringComparison.Ordinal) || name.StartsWith("Granny", StringComparison.Ordinal) || name.StartsWith("Auntie", StringComparison.Ordinal)
            || name.StartsWith("Queen ", StringComparison.Ordinal) => "she",
        _ when name.StartsWith("Papa", StringComparison.Ordinal) || name.StartsWith("Dad", StringComparison.Ordinal) || name.StartsWith("Grandpa", StringComparison.Ordinal) || name.StartsWith("Grandad", StringComparison.Ordinal)
            || name.StartsWith("Mr ", StringComparison.Ordinal) || name.StartsWith("Uncle", StringComparison.Ordinal)
            || name.StartsWith("King ", StringComparison.Ordinal) => "he",
        _ when name.StartsWith("Dr ", StringComparison.Ordinal) => fallback == "they" ? "she" : fallback,
        _ => fallback,
    };

    /// <summary>The user's character as given: name, species, pronoun, colours and clothes read from their words.</summary>
    private Character FromBrief(string id, CastMember m, string role, HashSet<string> used)
    {
        var made = CastBuilder.Make(id, m.Name.Trim(), m.Role ?? role, m.Species, _plot, used);
        return CastLook.Apply(made, m, _plot);
    }

    private void FillSlots(string toyWords)
    {
        foreach (var (letter, ch) in _cast)
        {
            var prefix = letter == 'H' ? "" : letter.ToString();
            var (he, him, his, himself) = StoryWords.Forms(ch.Pronoun);
            _slots[letter.ToString()] = ch.Name;
            _slots[prefix + "he"] = he;
            _slots[prefix + "him"] = him;
            _slots[prefix + "his"] = his;
            _slots[prefix + "himself"] = himself;
            _slots[prefix + "was"] = he == "they" ? "were" : "was";
            _slots[prefix + "is"] = he == "they" ? "are" : "is";
            _slots[prefix + "has"] = he == "they" ? "have" : "has";
            // "A princess who is afraid of the dark": "Esme the little princess", not "the little girl" with a crown on.
            _slots[prefix + "kind"] = letter == 'H' && _heroRoyal && ch.Species == Species.Child ? (ch.Pronoun == "he" ? "prince" : "princess")
                : KindWord(ch.Species, ch.Pronoun);
            _slots[prefix + "s"] = he == "they" ? "" : "s";
            foreach (var key in new[] { "he", "him", "his", "himself" })
                _slots[prefix + char.ToUpperInvariant(key[0]) + key[1..]] = Capitalize(_slots[prefix + key]);
            // What a zoo animal is seen doing, says, eats and is known by ("{Adoing}": "swinging from branch to branch").
            var (doing, sound, food, part) = Habits(ch.Species);
            (_slots[prefix + "doing"], _slots[prefix + "sound"], _slots[prefix + "food"], _slots[prefix + "part"]) = (doing, sound, food, part);
            _slots[prefix + "a"] = "aeiou".Contains(_slots[prefix + "kind"][0], StringComparison.Ordinal) ? "an" : "a";
        }
        _slots["Hkind"] = _slots["kind"];
        // The hospital story names the reason only when the theme does (tonsils); otherwise it is a small operation.
        var tonsils = $"{_spec.Theme} {_spec.Title}".Contains("tonsil", StringComparison.OrdinalIgnoreCase);
        _slots["op"] = tonsils ? $"have {_slots["his"]} tonsils out" : "have a small operation";
        _slots["yourop"] = tonsils ? "have your tonsils out" : "have a small operation";
        // The race is the sports day's when the theme says so.
        _slots["race"] = $"{_spec.Theme} {_spec.Title}".Contains("sports day", StringComparison.OrdinalIgnoreCase) ? "the sports day race" : "the big race";
        _slots["Race"] = Capitalize(_slots["race"]);
        _slots["Sore"] = tonsils ? $"{_slots["His"]} throat felt scratchy and sore." : $"{_slots["He"]} felt a bit sore, and very sleepy.";
        // The general families' theme words, in the hero's own pronouns ("ride {his} bike").
        var subject = _subject is null ? null : string.Join(' ', _subject.Split(' ').Select(w => w is ['{', .., '}'] && _slots.TryGetValue(w[1..^1], out var v) ? v : w));
        _slots["goal"] = _family.Id == "wish" && subject is not null ? subject : "whistle";
        _slots["fear"] = _family.Id is "fear" or "storm" && subject is not null ? subject : "thunder";
        // The hero's own words in quotes: "I want to tie my shoes".
        var mine = _subject is null ? null : string.Join(' ', _subject.Split(' ').Select(w => w switch { "{his}" => "my", "{him}" => "me", "{himself}" => "myself", _ => w }));
        _slots["mygoal"] = _family.Id == "wish" && mine is not null ? mine : _slots["goal"];
        _slots["myfear"] = _family.Id is "fear" or "storm" && mine is not null ? mine : _slots["fear"];
        _slots["Goal"] = TitleCase(_slots["goal"]);
        _slots["Fear"] = Capitalize(_slots["fear"]);
        var outing = _family.Places.FirstOrDefault(p => p is "beach" or "playground" or "park") ?? "park";
        _slots["there"] = "the " + outing;
        _slots["There"] = "The " + outing;
        _slots["toy"] = toyWords;
        _slots["snack"] = _plot.Pick(new[] { "apple slices", "a cheese sandwich", "crackers", "a banana", "carrot sticks", "a jam sandwich", "grapes", "a muffin" });
        _slots["friends"] = _extras.Count == 0 ? _slots.GetValueOrDefault("F", "") : string.Join(", ", [_slots.GetValueOrDefault("F", ""), .. _extras.Take(_extras.Count - 1).Select(e => e.Name)]) + " and " + _extras[^1].Name;
        for (var i = 0; i < _extras.Count; i++) _slots[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = _extras[i].Name;
    }

    /// <summary>A zoo animal's habits, in words that name nothing the picture lacks beyond the zoo's own trees and pond.</summary>
    private static (string Doing, string Sound, string Food, string Part) Habits(Species species) => species switch
    {
        Species.Lion => ("stretching under a tree", "ROAR", "a big bone", "fluffy mane"),
        Species.Elephant => ("spraying water with its trunk", "PAWOO", "hay", "long, swishy trunk"),
        Species.Monkey => ("swinging from branch to branch", "OOH-OOH-AH-AH", "bananas", "curly tail"),
        Species.Penguin => ("sliding into the pond", "SQUAWK", "sardines", "flappy wings"),
        Species.Bear => ("scratching its back on a tree", "GRRR", "berries", "round, furry ears"),
        Species.Turtle => ("plodding slowly past the pond", "HISS", "lettuce", "wrinkly neck"),
        _ => ("looking around", "HELLO", "lunch", "kind face"),
    };

    /// <summary>A held toy: the prop the picture draws and how the words name it.</summary>
    private static readonly (string Prop, string Words)[] Toys =
        [("teddy", "a soft teddy"), ("ball", "a bouncy ball"), ("blocks", "wooden blocks"), ("toy-car", "a little red car"), ("kite", "a bright kite"), ("book", "a picture book"), ("crayons", "a box of crayons"), ("drum", "a small drum")];

    internal static string Kind(Character c) => KindWord(c.Species, c.Pronoun);

    internal static string KindWord(Species species, string pronoun) => species switch
    {
        Species.Child => pronoun switch { "she" => "girl", "he" => "boy", _ => "child" },
        Species.Adult => pronoun switch { "she" => "woman", "he" => "man", _ => "grown-up" },
        Species.Grandparent => pronoun switch { "she" => "grandma", "he" => "grandpa", _ => "grandparent" },
        _ => species.ToString().ToLowerInvariant(),
    };

    private static string? WeatherOf(string words) => words.Split(' ') switch
    {
        // Thunder and storms are the storm plot's, told at home (PremiseReader); the outing's weather is rain, wind or snow.
        var w when w.Any(x => x is "rain" or "rainy" or "downpours") => "rain",
        var w when w.Any(x => x is "wind" or "windy" or "gales") => "windy",
        var w when w.Any(x => x is "snow" or "snowstorms" or "blizzards") => "snow",
        _ => null,
    };

    /// <summary>Things of the scene vocabulary the theme's own words name.</summary>
    private IEnumerable<string> SubjectProps() => _subject is null ? []
        : SceneVocabulary.Props.Where(p => _subject.Split(' ').Any(w => w == p.Replace('-', ' ') || w == p + "s" || w == p));

    private static readonly HashSet<string> SmallWords = ["a", "an", "the", "to", "of", "and", "in", "on", "at", "for", "with", "by"];

    private static string TitleCase(string s) => string.Join(' ', s.Split(' ').Select((w, i) => i > 0 && SmallWords.Contains(w) ? w : Capitalize(w)));

    private static string Capitalize(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    private static string Sentence(string s) => s.Length > 0 && ".!?".Contains(s[^1]) ? s : s + ".";
}
