using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>
/// Reads a story book as an editor would and measures what can be measured: the brief's nouns in the story, characters named
/// only where they are in the scene and introduced before they act, travel between places, words that name a creature or thing
/// the scene does not hold, the sky against the time of day, repeated sentences, and words per page against the age band.
/// Any engine's manuscript (offline or AI) is judged the same way; MUST findings fail the book. A model's scene names its things
/// in free words ("a red kite"), which hold the thing as the vocabulary's "kite" does. The word lists are English: a book in
/// another language is checked for its names, repetition and length only.
/// </summary>
public static partial class StoryCheck
{
    public const string Must = "MUST";
    public const string Should = "SHOULD";

    /// <summary>Words that name a thing of the scene vocabulary; ambiguous words ("present", "drawing", "star") are left out.</summary>
    private static readonly Dictionary<string, string[]> PropWords = new()
    {
        ["lantern"] = ["lantern"], ["kite"] = ["kite"], ["balloon"] = ["balloon", "balloons"], ["ball"] = ["ball"], ["shell"] = ["shell", "shells"],
        ["teddy"] = ["teddy"], ["night-light"] = ["night-light", "nightlight"], ["blanket"] = ["blanket"], ["toothbrush"] = ["toothbrush"],
        ["backpack"] = ["backpack"], ["lunchbox"] = ["lunchbox"], ["crayons"] = ["crayons", "crayon"], ["blocks"] = ["blocks"],
        ["cake"] = ["cake"], ["van"] = ["van"], ["suitcase"] = ["suitcase"], ["umbrella"] = ["umbrella"], ["bucket"] = ["bucket"],
        ["sandcastle"] = ["sandcastle"], ["map"] = ["map"], ["boat"] = ["boat"], ["rocket"] = ["rocket"], ["bike"] = ["bike", "bicycle"],
        ["sled"] = ["sled", "sledge"], ["snowman"] = ["snowman"], ["telescope"] = ["telescope"], ["watering-can"] = ["watering can"],
        ["drum"] = ["drum"], ["potty"] = ["potty"], ["crib"] = ["crib", "cot"], ["photo"] = ["photo", "photograph"], ["sticker"] = ["sticker"],
        ["toy-car"] = ["little red car", "toy car"], ["egg"] = ["egg"], ["nest"] = ["nest"], ["scissors"] = ["scissors"], ["comb"] = ["comb"],
        ["christmas-tree"] = ["christmas tree"], ["stocking"] = ["stocking", "stockings"],
        ["medal"] = ["medal"], ["finish-line"] = ["finish line"],
    };

    /// <summary>Words that name a creature, and the species they mean.</summary>
    private static readonly Dictionary<string, Species?> CreatureWords = new()
    {
        ["fox"] = Species.Fox, ["bear"] = Species.Bear, ["rabbit"] = Species.Rabbit, ["bunny"] = Species.Rabbit, ["cat"] = Species.Cat,
        ["kitten"] = Species.Cat, ["dog"] = Species.Dog, ["puppy"] = Species.Dog, ["owl"] = Species.Owl, ["mouse"] = Species.Mouse,
        ["dragon"] = Species.Dragon, ["robot"] = Species.Robot, ["baby"] = Species.Baby, ["dinosaur"] = Species.Dinosaur,
        ["unicorn"] = Species.Unicorn, ["horse"] = Species.Horse, ["pony"] = Species.Horse, ["elephant"] = Species.Elephant,
        ["lion"] = Species.Lion, ["monkey"] = Species.Monkey, ["penguin"] = Species.Penguin, ["frog"] = Species.Frog,
        ["duck"] = Species.Duck, ["pig"] = Species.Pig, ["cow"] = Species.Cow, ["sheep"] = Species.Sheep, ["turtle"] = Species.Turtle,
        ["grandma"] = Species.Grandparent, ["grandpa"] = Species.Grandparent, ["granny"] = Species.Grandparent,
        // Creatures the offline art does not draw as characters: naming one is always a finding for an offline picture.
        ["woodpecker"] = null, ["goat"] = null, ["squirrel"] = null, ["giraffe"] = null, ["tiger"] = null, ["wolf"] = null,
    };

    private static readonly string[] TravelWords =
        ["went", "walk", "reached", "off to", "up to", "home again", "out we go", "drove", "rode", "ran", "came", "back", "home", "arrived", "hurried", "climbed", "flew", "swam", "carried", "took",
         "headed", "off we go", "up we go", "zoomed", "stepped", "into", "out to", "skipped", "set off", "tiptoed", "bus", "upstairs", "downstairs", "inside", "outside"];

    public static StoryReport Run(Manuscript m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var findings = new List<StoryFinding>();
        var story = m.Pages.Where(p => p.Role == PageRole.Story && p.Text is not null).ToList();
        var all = string.Join("\n", story.Select(p => p.Text)).ToLowerInvariant();
        var english = m.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        // Theme: the premise's nouns are in the story.
        var keys = english ? m.Premise?.Keys ?? [] : [];
        var found = keys.Count(k => Regex.IsMatch(all, $@"\b{Regex.Escape(k)}", RegexOptions.CultureInvariant));
        var coverage = keys.Count == 0 ? 1 : (double)found / keys.Count;
        foreach (var key in keys.Where(k => !Regex.IsMatch(all, $@"\b{Regex.Escape(k)}", RegexOptions.CultureInvariant)))
            findings.Add(new(m.Premise!.Family == keys[0] || key == keys[0] ? "theme" : "theme", key == keys[0] ? Must : Should, 0, $"the brief is about \"{key}\" but the story never says it"));

        // Cast: named only where present, introduced where first present, never "met" after acting.
        var named = new Dictionary<string, int>();
        foreach (var page in story)
        {
            var present = page.Illustration?.Characters.Select(c => c.CharacterId).ToHashSet() ?? [];
            foreach (var ch in m.Cast)
            {
                if (!NameRx(ch.Name).IsMatch(page.Text!)) continue;
                if (page.Illustration is not null && !present.Contains(ch.Id))
                    findings.Add(new("names-not-in-scene", Must, page.Number, $"the words name {ch.Name}, who is not in the picture"));
                if (named.TryGetValue(ch.Name, out var first) && MeetRx(ch.Name).IsMatch(page.Text!))
                    findings.Add(new("introduced-late", Must, page.Number, $"{ch.Name} is met here but already appeared on page {first}"));
                named.TryAdd(ch.Name, page.Number);
            }
            foreach (var placement in page.Illustration?.Characters ?? [])
            {
                var ch = m.Cast.FirstOrDefault(c => c.Id == placement.CharacterId);
                if (ch is not null && !named.ContainsKey(ch.Name) && ch.Role != "hero")
                    findings.Add(new("acts-before-introduced", Should, page.Number, $"{ch.Name} is in the picture before the words introduce them"));
            }
        }

        // Creatures and things the words name must be in the scene.
        foreach (var page in story.Where(p => english && p.Illustration is not null))
        {
            var text = page.Text!.ToLowerInvariant();
            var brief = page.Illustration!;
            var species = brief.Characters.Select(c => m.Cast.FirstOrDefault(x => x.Id == c.CharacterId)?.Species).OfType<Species>().ToHashSet();
            var drawnNames = brief.Characters.Select(c => m.Cast.FirstOrDefault(x => x.Id == c.CharacterId)?.Name.ToLowerInvariant()).OfType<string>().ToList();
            // A model draws a character from its bible line: "a giraffe with a red scarf" is a giraffe in the picture.
            var drawnLooks = brief.Characters.Select(c => m.Cast.FirstOrDefault(x => x.Id == c.CharacterId)?.VisualDescription.ToLowerInvariant()).OfType<string>().ToList();
            foreach (var (word, kind) in CreatureWords)
            {
                // "Grandma" the bear is the grandma the words name.
                if (WordRx(word).IsMatch(text) && (kind is null || !species.Contains(kind.Value))
                    && !drawnNames.Any(n => WordRx(word).IsMatch(n)) && !brief.Props.Any(p => WordRx(word).IsMatch(p))
                    && !drawnLooks.Any(l => WordRx(word).IsMatch(l)))
                    findings.Add(new("named-not-drawn", Must, page.Number, $"the words name a {word}, but no {word} is in the picture"));
            }
            var things = brief.Props.Concat(brief.Characters.Select(c => c.Holding).OfType<string>()).ToHashSet();
            var landmarks = SceneVocabulary.Settings.TryGetValue(brief.Setting, out var l) ? l : [];
            foreach (var (prop, forms) in PropWords)
            {
                // A character called Teddy is not a teddy.
                if (things.Contains(prop) || things.Any(t => forms.Any(f => WordRx(f).IsMatch(t))) || m.Cast.Any(c => forms.Any(f => f.Equals(c.Name, StringComparison.OrdinalIgnoreCase)))) continue;
                var said = forms.FirstOrDefault(w => WordRx(w).IsMatch(text));
                if (said is not null && !landmarks.Any(x => x.Contains(said, StringComparison.Ordinal)))
                    findings.Add(new("named-not-drawn", Must, page.Number, $"the words name a {said}, but the scene holds none"));
            }
            if (brief.TimeOfDay == "night" && SunRx().IsMatch(text))
                findings.Add(new("sky", Must, page.Number, "the words speak of the sun on a night page"));
            if (brief.Setting == "underwater" && SunRx().IsMatch(text))
                findings.Add(new("sky", Should, page.Number, "the words speak of the sun under the sea"));
        }

        // Places change only with travel the words tell.
        for (var i = 1; i < story.Count && english; i++)
        {
            var (before, after) = (story[i - 1].Illustration?.Setting, story[i].Illustration?.Setting);
            if (before is null || after is null || before == after || story[i].Number != story[i - 1].Number + 1) continue;
            if (!TravelWords.Any(w => story[i].Text!.Contains(w, StringComparison.OrdinalIgnoreCase)))
                findings.Add(new("travel", Must, story[i].Number, $"the story moves from the {before} to the {after} without saying how"));
        }

        // Repetition: a sentence said three times or more is filler unless it is the refrain.
        var sentences = story.SelectMany(p => ReadabilityMeter.Sentences(p.Text!)).Select(s => s.Trim()).Where(s => s.Split(' ').Length >= 4).ToList();
        var counts = sentences.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var repeated = sentences.Count == 0 ? 0 : (double)sentences.Count(s => counts[s] > 1) / sentences.Count;
        foreach (var (line, n) in counts.Where(c => c.Value >= 3))
            findings.Add(new("repeated", Should, 0, $"\"{line}\" is said {n} times"));

        // Length against the band.
        var target = ReadabilityTarget.For(m.Age);
        var words = story.Select(p => ReadabilityMeter.Words(p.Text!)).ToList();
        var perPage = words.Count == 0 ? 0 : words.Average();
        foreach (var (page, n) in story.Zip(words).Where(x => x.Second > target.MaxWordsPerPage * 1.25))
            findings.Add(new("length", Should, page.Number, $"{n} words on one page; ages {m.Age.ToCli()} read at most {target.MaxWordsPerPage}"));
        if (m.Readability is { InBand: false } r)
            findings.Add(new("reading-level", Should, 0, string.Create(CultureInfo.InvariantCulture, $"the reading level is outside the band (grade {r.FleschKincaidGrade:0.0}, {r.WordsPerPage:0} words a page)")));

        return new StoryReport(findings.All(f => f.Level != Must), Math.Round(coverage, 3), Math.Round(repeated, 3), Math.Round(perPage, 1), words.Sum(), findings);
    }

    /// <summary>Whether a word names a creature the story check looks for in the pictures.</summary>
    internal static bool IsCreatureWord(string word) => CreatureWords.ContainsKey(word);

    private static Regex NameRx(string name) => new($@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])", RegexOptions.CultureInvariant);

    private static Regex MeetRx(string name) => new($@"\b(met|meet|meets|named|called)\s+{Regex.Escape(name)}\b", RegexOptions.CultureInvariant);

    private static Regex WordRx(string word) => new($@"(?<![\p{{L}}-]){Regex.Escape(word)}(?![\p{{L}}-])", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(the sun|sunshine|sunny)\b")]
    private static partial Regex SunRx();
}
