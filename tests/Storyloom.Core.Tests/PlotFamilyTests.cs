using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// The authored plot families hold to the rules that make their books coherent: only drawable places and things, only the
/// characters a scene has, introductions before anything else, travel in the words, and lines of the band's length.
/// Checked on the data (every variant of every line) and on pages written from it for many seeds, heroes and bands.
/// </summary>
public sealed partial class PlotFamilyTests
{
    public static TheoryData<string> FamilyIds => [.. PlotFamilies.All.Select(f => f.Id)];

    private static PlotFamily Family(string id) => PlotFamilies.All.Single(f => f.Id == id);

    private static readonly Species[] Heroes = [Species.Child, Species.Dinosaur, Species.Bear, Species.Rabbit, Species.Penguin, Species.Robot];

    private static PlotWriter Writer(PlotFamily family, int seed, AgeBand age, Species hero)
    {
        var spec = new BookSpec { Theme = family.Triggers[0], Seed = seed, Age = age, Author = "Test" };
        var premise = PremiseReader.Read(spec) with { Family = family, HeroSpecies = hero };
        return new PlotWriter(spec, premise, Rng.For(seed, "plot"), Rng.For(seed, "words"));
    }

    private readonly List<string> _problems = [];

    /// <summary>Collects a problem instead of stopping at the first, so one run lists everything to fix.</summary>
    private void Expect(bool ok, string problem)
    {
        if (!ok && _problems.Count < 200) _problems.Add(problem);
    }

    private void Report() => _problems.ShouldBeEmpty(string.Join("\n", _problems));

    private static IEnumerable<string> Variants(string line) => Variation.Readings(line);

    private static IEnumerable<(Beat Beat, string Tier, string Line)> Lines(PlotFamily family) =>
        family.Beats.SelectMany(b =>
            b.Tiny.Select(l => (b, "tiny", l))
                .Concat(b.Core.Select(l => (b, "core", l)))
                .Concat(b.More.Select(l => (b, "more", l)))
                .Concat(b.Hook is null ? [] : new[] { (b, "hook", b.Hook) }));

    // ---- 1. Places, things and slots ----

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Places_and_things_are_drawable(string id)
    {
        var family = Family(id);
        Expect(SceneVocabulary.Settings.ContainsKey(family.Home), id);
        family.Beats[0].Where.ShouldBe(family.Home, $"{id} opens at home");
        family.Beats.Count.ShouldBeInRange(10, 16, id);
        foreach (var b in family.Beats)
        {
            var where = $"{id}/{b.Step}";
            Expect(SceneVocabulary.Settings.ContainsKey(b.Where), where);
            Expect(SceneVocabulary.TimesOfDay.Contains(b.When), where);
            b.Who.ShouldStartWith("H", Case.Sensitive, where);
            foreach (var letter in b.Who.Skip(1)) Expect(family.Roles.ContainsKey(letter), where);
            foreach (var thing in Things(b))
                Expect((thing == "{toy}" || SceneVocabulary.Props.Contains(thing)), $"{where}: {thing} is not a prop");
            b.Tiny.ShouldNotBeEmpty(where);
            b.Core.ShouldNotBeEmpty(where);
        }
        Report();
    }

    private static IEnumerable<string> Things(Beat b) =>
        b.Props.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(b.Holds is null ? [] : [b.Holds]);

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Slots_exist_and_name_only_who_is_in_the_scene(string id)
    {
        var family = Family(id);
        var writer = Writer(family, 1, AgeBand.Age6To8, Species.Child);
        foreach (var (b, tier, line) in Lines(family))
        {
            foreach (var variant in Variants(line))
            {
                var where = $"{id}/{b.Step} {tier}: {variant}";
                Should.NotThrow(() => writer.Fill(variant), where);
                foreach (Match m in SlotRx().Matches(variant))
                {
                    var key = m.Groups[1].Value;
                    if (key is "toy")
                    {
                        Expect(Things(b).Contains("{toy}"), $"{where}: names the toy the scene does not hold");
                        continue;
                    }
                    if (key is "snack" or "friends" or "color") continue;
                    var letter = key.Length == 1 ? key[0] : "PGFX".Contains(key[0]) && Forms.Contains(key[1..]) ? key[0] : 'H';
                    Expect(b.Who.Contains(letter), $"{where}: {{{key}}} is not in the scene");
                }
            }
        }
        Report();
    }

    [Fact]
    public void Titles_morals_and_blurbs_fill()
    {
        foreach (var family in PlotFamilies.All)
        {
            var writer = Writer(family, 2, AgeBand.Age3To5, Species.Fox);
            foreach (var t in family.Titles.Concat(family.Morals).Append(family.Blurb))
                Should.NotThrow(() => writer.Fill(t), $"{family.Id}: {t}");
            family.Titles.Length.ShouldBeGreaterThanOrEqualTo(3, family.Id);
        }
    }

    // ---- 2. Words name only what the scene holds ----

    /// <summary>Every drawable thing and landmark, by the word a line would use for it.</summary>
    private static readonly Dictionary<string, string> ThingWords = BuildThingWords();

    private static Dictionary<string, string> BuildThingWords()
    {
        var words = new Dictionary<string, string>();
        foreach (var p in SceneVocabulary.Props) words[p.Replace('-', ' ')] = p;
        foreach (var landmark in SceneVocabulary.Settings.Values.SelectMany(l => l)) words[Head(landmark)] = Head(landmark);
        words.Remove("wave");     // a verb more often than the sea's
        words.Remove("present");  // "present" the verb is rare, but "at present" is not a gift
        words.Remove("key");
        words.Remove("rock");     // rocking a baby
        words["sticker"] = "sticker";
        words["moon"] = "moon";
        words["stars"] = "star";
        words["toys"] = "toys";
        return words;
    }

    private static string Head(string landmark) => landmark.Split(' ')[^1];

    private static HashSet<string> Allowed(Beat b, PlotFamily family)
    {
        var allowed = new HashSet<string>(Things(b).Select(t => t.Replace('-', ' ')));
        foreach (var l in SceneVocabulary.Settings[b.Where]) allowed.Add(Head(l));
        if (b.Where == "underwater") allowed.Add("sea");
        if (SceneVocabulary.Indoors.Contains(b.Where)) allowed.UnionWith(["wall", "floor"]);
        if (allowed.Contains("blocks")) allowed.Add("tower");
        // A Christmas tree is a tree, with a star on top.
        if (allowed.Contains("christmas tree")) allowed.UnionWith(["tree", "star"]);
        // A family told in the snow (Christmas) draws it falling on every outdoor page.
        // …and through the window of a room (the window shows it falling).
        if (family.Weather == "snow" && (!SceneVocabulary.Indoors.Contains(b.Where) || SceneVocabulary.Settings[b.Where].Contains("window"))) allowed.Add("snow");
        return allowed;
    }

    private static readonly string[] Creatures =
        ["dog", "puppy", "cat", "kitten", "bird", "fish", "bunny", "rabbit", "bear", "fox", "owl", "mouse", "duck", "pig", "cow", "sheep", "horse", "pony",
         "dinosaur", "dragon", "unicorn", "robot", "monkey", "penguin", "frog", "turtle", "lion", "elephant", "baby", "chicken", "hen", "goat"];

    private static readonly string[] Crowds = ["children", "kids", "people", "crowd", "classmates", "everyone", "everybody", "neighbours", "neighbors"];

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Lines_name_only_things_the_scene_holds(string id)
    {
        var family = Family(id);
        foreach (var hero in Heroes)
        {
            var writer = Writer(family, 3, AgeBand.Age6To8, hero);
            var cast = writer.Cast;
            foreach (var (b, tier, line) in Lines(family))
            {
                var allowed = Allowed(b, family);
                var kinds = b.Who.Select(l => l == 'H' ? writer.Hero : cast.FirstOrDefault(c => c.Id == CastId(writer, family, l)))
                    .Where(c => c is not null).Select(c => PlotWriter.Kind(c!)).ToHashSet();
                foreach (var variant in Variants(line))
                {
                    var text = writer.Fill(variant.Replace("{toy}", "it", StringComparison.Ordinal)).ToLowerInvariant();
                    var where = $"{id}/{b.Step} {tier} ({hero}): {text}";
                    var words = WordRx().Matches(text).Select(m => m.Value).ToList();
                    foreach (var (word, thing) in ThingWords)
                    {
                        if (!HasWord(text, words, word)) continue;
                        Expect(allowed.Contains(thing.Replace('-', ' ')), $"{where}: names a {word} the scene does not draw");
                    }
                    foreach (var creature in Creatures.Where(c => words.Contains(c) || words.Contains(c + "s")))
                        Expect(kinds.Contains(creature), $"{where}: names a {creature} nobody in the scene is");
                    var told = WordRx().Matches(QuoteRx().Replace(text, "")).Select(m => m.Value).ToList();
                    foreach (var crowd in Crowds)
                        Expect(!told.Contains(crowd), $"{where}: names people the picture does not show");
                    if (words.Any(w => w is "sun" or "sunshine" or "sunlight" or "sunny" or "sunbeam"))
                    {
                        Expect((b.When is "morning" or "day"), $"{where}: sun at {b.When}");
                        Expect(!SceneVocabulary.Indoors.Contains(b.Where) || SceneVocabulary.Settings[b.Where].Contains("window") || words.Contains("drawing") || words.Contains("drew"),
                            $"{where}: sun indoors with no window");
                    }
                    if (words.Contains("breakfast")) Expect(b.When == "morning", where);
                    if (words.Any(w => w is "dinner" or "supper")) Expect(b.When is "evening" or "night", where);
                }
            }
        }
        Report();
    }

    private static bool HasWord(string text, List<string> words, string word) =>
        word.Contains(' ', StringComparison.Ordinal)
            ? text.Contains(word, StringComparison.Ordinal)
            : words.Contains(word) || words.Contains(word + "s") || words.Contains(word + "es") || word == "shelf" && words.Contains("shelves");

    private static string CastId(PlotWriter writer, PlotFamily family, char letter)
    {
        // The writer casts H first, then the family's roles in P G X F order.
        var order = family.Roles.Keys.OrderBy(PlotWriter.Order).ToList();
        var index = order.IndexOf(letter);
        return index < 0 ? "" : writer.Cast[index + 1].Id;
    }

    // ---- 3. Introductions; 4. travel ----

    private static readonly string[] Forms = ["he", "him", "his", "himself", "He", "Him", "His", "Himself", "was", "is", "has", "kind", "s"];

    private static readonly string[] FamilyNames = ["Mama", "Papa", "Mum", "Dad", "Grandma", "Grandpa", "Nana", "Granny", "Grandad"];

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Characters_are_introduced_once_and_places_are_travelled(string id)
    {
        var family = Family(id);
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var writer = Writer(family, seed, age, Heroes[seed % Heroes.Length]);
            var pages = writer.Pages(4, 28, out _);
            var met = new HashSet<string>();
            string? lastPlace = null;
            foreach (var page in pages)
            {
                var text = page.Text!;
                var where = $"{id} seed {seed} {age} p{page.Number}: {text}";
                foreach (var c in writer.Cast.Skip(1).Where(c => StoryText.Names(text, c.Name)))
                {
                    Expect(page.Illustration!.Characters.Select(p => p.CharacterId).Contains(c.Id), $"{where}: {c.Name} named but not drawn");
                    if (met.Add(c.Id))
                    {
                        var introduced = FamilyNames.Any(n => c.Name.StartsWith(n, StringComparison.Ordinal))
                            || Regex.IsMatch(text, $@"(named|called|I'm|I am|This is|this is|Hello, I'm) {Regex.Escape(c.Name)}")
                            || text.Contains(c.Role, StringComparison.OrdinalIgnoreCase);
                        Expect(introduced, $"{where}: {c.Name} the {c.Role} is not introduced");
                    }
                    else
                    {
                        Expect(!(Regex.IsMatch(text, $@"\b(meet|meets|met) {Regex.Escape(c.Name)}\b")), $"{where}: meets {c.Name} again");
                    }
                }
                if (lastPlace is not null && lastPlace != page.Illustration!.Setting)
                    Expect(TravelRx().IsMatch(text), $"{where}: {lastPlace} -> {page.Illustration.Setting} with no travel");
                lastPlace = page.Illustration!.Setting;
            }
        }
        Report();
    }

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Authored_lines_travel_themselves(string id)
    {
        var family = Family(id);
        for (var i = 1; i < family.Beats.Count; i++)
        {
            var b = family.Beats[i];
            if (b.Where == family.Beats[i - 1].Where) continue;
            foreach (var variant in Variants(b.Core[0]).Concat(Variants(b.Tiny[0])))
                Expect(TravelRx().IsMatch(variant), $"{id}/{b.Step}: {family.Beats[i - 1].Where} -> {b.Where}, first line does not travel: {variant}");
        }
        Report();
    }

    // ---- 5. Lengths and variety ----

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Lines_fit_their_band(string id)
    {
        var family = Family(id);
        var writer = Writer(family, 5, AgeBand.Age3To5, Species.Child);
        foreach (var (b, tier, line) in Lines(family))
        {
            foreach (var variant in Variants(line))
            {
                var text = writer.Fill(variant);
                var where = $"{id}/{b.Step} {tier}: {text}";
                var words = StoryText.CountWords(text);
                var longest = Sentences(text).Max(s => StoryText.CountWords(s));
                switch (tier)
                {
                    case "tiny":
                        Expect(words is >= 2 and <= 8, where);
                        break;
                    case "core":
                        Expect(words is >= 3 and <= 26, where);
                        Expect(longest <= 15, where);
                        break;
                    default:
                        Expect(longest <= 18, where);
                        break;
                }
            }
        }
        Report();
    }

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Key_lines_have_variants(string id)
    {
        var family = Family(id);
        var core = family.Beats.SelectMany(b => b.Core).ToList();
        core.Count(l => l.Contains(" | ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(core.Count / 3, id);
        // No accidental repetition: an authored sentence is written once.
        var all = Lines(family).Where(l => l.Tier != "tiny").SelectMany(l => Variants(l.Line)).Where(v => StoryText.CountWords(v) > 4).ToList();
        all.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty(id);
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var t = Regex.Replace(text, @"\b(Dr|Mr|Mrs|Ms)\.", "$1");
        return SentenceRx().Split(t).Where(s => s.Trim().Length > 0);
    }

    // ---- Whole books through the engine pass the story check ----

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void Engine_books_pass_the_story_check(string id)
    {
        var family = Family(id);
        var engine = new OfflineStoryEngine();
        foreach (var theme in family.Triggers)
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
        foreach (var seed in Enumerable.Range(1, 4))
        {
            var m = engine.Write(new BookSpec { Theme = theme, Seed = seed, Age = age, Pages = seed % 2 == 0 ? 24 : 32, Author = "Test" });
            if (m.Premise?.Family != id) continue; // a trigger another family claims first ("sibling" …)
            var report = StoryCheck.Run(m);
            foreach (var f in report.Findings.Where(f => f.Level == StoryCheck.Must))
                Expect(false, $"{id} \"{theme}\" seed {seed} {age} p{f.Page}: {f.Rule}: {f.Message} | {m.Pages.FirstOrDefault(p => p.Number == f.Page)?.Text}");
        }
        Report();
    }

    [Theory]
    [MemberData(nameof(FamilyIds))]
    public void An_owl_is_an_owl_and_a_pronoun_starts_its_sentence_with_a_capital(string id)
    {
        var family = Family(id);
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var writer = Writer(family, seed, AgeBand.Age6To8, Species.Owl);
            foreach (var (b, tier, line) in Lines(family))
            {
                var text = writer.Fill(line);
                Expect(!ArticleRx().IsMatch(text), $"{id}/{b.Step} {tier} seed {seed}: {text}");
                Expect(!LowerStartRx().IsMatch(text), $"{id}/{b.Step} {tier} seed {seed}: {text}");
            }
        }
        Report();
    }

    [GeneratedRegex(@"\b[Aa] (?:owl|elephant|octopus|ant)\b|\b[Aa]n (?:dog|cat|bear|fox|rabbit|child|girl|boy|robot|dragon)\b")]
    private static partial Regex ArticleRx();

    [GeneratedRegex(@"[.!?] (?:he|she|they|his|her|their)\b")]
    private static partial Regex LowerStartRx();

    // ---- The themes parents write choose the family ----

    [Theory]
    [InlineData("a dinosaur who is afraid of the dark", "dark", Species.Dinosaur)]
    [InlineData("scared of monsters under the bed", "dark", null)]
    [InlineData("nighttime fears", "dark", null)]
    [InlineData("first visit to the dentist", "dentist", null)]
    [InlineData("a bunny going to the dentist for the first time", "dentist", Species.Rabbit)]
    [InlineData("getting a shot at the doctor", "doctor", null)]
    [InlineData("a check-up", "doctor", null)]
    [InlineData("a little boy's first haircut", "haircut", Species.Child)]
    [InlineData("moving to a new house", "moving", null)]
    [InlineData("a fox getting a new baby sister", "new-baby", Species.Fox)]
    [InlineData("becoming a big brother", "new-baby", null)]
    [InlineData("potty training for a puppy", "potty", Species.Dog)]
    [InlineData("a calm bedtime story", "bedtime", null)]
    [InlineData("our old dog died", "pet-loss", null)]
    public void Themes_choose_their_family(string theme, string family, Species? hero)
    {
        var premise = PremiseReader.Read(new BookSpec { Theme = theme });
        premise.Family.Id.ShouldBe(family, theme);
        if (hero is not null) premise.HeroSpecies.ShouldBe(hero);
    }

    /// <summary>Writes sample books to STORYLOOM_DUMP (a folder) for reading; does nothing without it.</summary>
    [Fact]
    public void Dump_books_for_reading()
    {
        var dir = Environment.GetEnvironmentVariable("STORYLOOM_DUMP");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        var only = Environment.GetEnvironmentVariable("STORYLOOM_DUMP_FAMILY");
        foreach (var family in PlotFamilies.All.Where(f => string.IsNullOrEmpty(only) || f.Id == only))
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var writer = Writer(family, seed, age, Heroes[seed % Heroes.Length]);
            var pages = writer.Pages(4, 24, out _);
            var lines = new List<string> { $"# {writer.Title()} ({family.Id}, {age}, seed {seed}, hero {writer.Hero.Name} the {PlotWriter.Kind(writer.Hero)})" };
            lines.AddRange(pages.Select(p => $"[{p.Number} {p.Illustration!.Setting}/{p.Illustration.TimeOfDay}] {p.Text}"));
            File.WriteAllLines(Path.Combine(dir, $"{family.Id}-{(int)age}-{seed}.txt"), lines);
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex SlotRx();

    [GeneratedRegex(@"[""“][^""”]*[""”]")]
    private static partial Regex QuoteRx();

    [GeneratedRegex(@"[a-z][a-z'\-]*")]
    private static partial Regex WordRx();

    [GeneratedRegex(@"(?<=[.!?][""”]?)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceRx();

    [GeneratedRegex(@"\b(went|go|goes|walked|walk|drove|rode|ran|came|back|home|arrived|hurried|climbed|flew|swam|carried|took|headed|zoomed|stepped|into|out to|skipped|set off|tiptoed|bus|off to|again|reached|downstairs|upstairs|inside|outside|across|down to|up to|over to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TravelRx();
}
