using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Tests;

/// <summary>
/// Every reading of every authored line (each whole-line variant times each combination of its inline choices), filled with a
/// cast (and with a hero called "they"), reads as correct English on the points a machine can see: "a"/"an" before the right
/// sound, a capital after a full stop, no doubled word, no "?!", no question that ends with "!", no sentence said twice in one
/// reading, no "they was".
/// </summary>
public sealed partial class FamilyGrammarTests
{
    /// <summary>Readings per whole-line variant expanded in full (every line today is far below it).</summary>
    private const int AllReadings = 1 << 16;

    private static readonly Species[] Heroes = [Species.Rabbit, Species.Owl, Species.Child];

    private static PlotWriter Writer(PlotFamily family, Species hero, string? pronoun = null)
    {
        var spec = new BookSpec { Theme = family.Triggers[0], Seed = 3, Age = AgeBand.Age6To8, Author = "Test" };
        // A hero given in the brief with a pronoun keeps it ("they" as much as "she").
        if (pronoun is not null) spec = spec with { Cast = [new CastMember("Sam", hero, Pronoun: pronoun)] };
        var premise = PremiseReader.Read(spec) with { Family = family, HeroSpecies = hero };
        return new PlotWriter(spec, premise, Rng.For(3, "plot"), Rng.For(3, "words"));
    }

    /// <summary>Every authored line of a family with where it sits: beat/tier#index, titles, morals, the blurb.</summary>
    internal static IEnumerable<(string Where, string Line)> Lines(PlotFamily family) =>
        family.Beats.SelectMany(b =>
                b.Tiny.Select((l, i) => ($"{b.Step}/tiny#{i}", l))
                    .Concat(b.Core.Select((l, i) => ($"{b.Step}/core#{i}", l)))
                    .Concat(b.More.Select((l, i) => ($"{b.Step}/more#{i}", l)))
                    .Concat(b.Hook is null ? [] : new[] { ($"{b.Step}/hook", b.Hook) }))
            .Concat(family.Titles.Select((l, i) => ($"title#{i}", l)))
            .Concat(family.Morals.Select((l, i) => ($"moral#{i}", l)))
            .Append(("blurb", family.Blurb));

    internal static IEnumerable<string> Readings(PlotWriter writer, string line) =>
        Variation.Readings(line, AllReadings).Select(writer.Fill).Distinct();

    /// <summary>
    /// Writes every filled reading of every line of every family, for reading as a copy editor: set STORYLOOM_LINES_OUT to the
    /// file (optionally STORYLOOM_LINES_FAMILY to one family id, STORYLOOM_LINES_PRONOUN to the hero's pronoun). Does nothing without it.
    /// </summary>
    [Fact]
    public void Write_every_reading_for_reading()
    {
        var path = Environment.GetEnvironmentVariable("STORYLOOM_LINES_OUT");
        if (string.IsNullOrWhiteSpace(path)) return;
        var only = Environment.GetEnvironmentVariable("STORYLOOM_LINES_FAMILY");
        var pronoun = Environment.GetEnvironmentVariable("STORYLOOM_LINES_PRONOUN") is { Length: > 0 } p ? p : null;
        var output = new List<string>();
        foreach (var family in PlotFamilies.All.Where(f => string.IsNullOrWhiteSpace(only) || f.Id == only))
        {
            var writer = Writer(family, Species.Rabbit, pronoun);
            output.Add($"#### {family.Id} — cast: {string.Join(", ", writer.Cast.Select(c => $"{c.Name} ({c.Species}, {c.Pronoun})"))}");
            foreach (var (where, line) in Lines(family))
            {
                output.Add($"== {family.Id}/{where}: {line}");
                output.AddRange(Readings(writer, line).Select(r => "   " + r));
            }
        }
        File.WriteAllLines(path, output);
    }

    [Theory]
    [MemberData(nameof(PlotFamilyTests.FamilyIds), MemberType = typeof(PlotFamilyTests))]
    public void Every_reading_of_every_line_is_grammatical(string id)
    {
        var family = PlotFamilies.All.Single(f => f.Id == id);
        var problems = new List<string>();
        foreach (var (hero, pronoun) in Heroes.Select(h => (h, (string?)null)).Append((Species.Fox, "they")))
        {
            var writer = Writer(family, hero, pronoun);
            foreach (var (where, line) in Lines(family))
            foreach (var reading in Readings(writer, line))
            foreach (var problem in Problems(reading))
            {
                var found = $"{id}/{where}: {problem} — \"{reading}\"";
                if (problems.Count < 300 && !problems.Contains(found)) problems.Add(found);
            }
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    /// <summary>The mechanical faults of one sentence or run of sentences.</summary>
    internal static IEnumerable<string> Problems(string text)
    {
        foreach (Match m in ArticleRx().Matches(text))
        {
            var article = m.Groups[1].Value.ToLowerInvariant();
            var word = m.Groups[2].Value;
            var wantsAn = StartsWithVowelSound(word);
            if (article == "a" && wantsAn) yield return $"\"a {word}\" wants \"an\"";
            if (article == "an" && !wantsAn) yield return $"\"an {word}\" wants \"a\"";
        }
        foreach (Match m in LowerAfterStopRx().Matches(text))
            yield return $"\"{m.Value.Trim()}\": a sentence starts lower-case";
        foreach (Match m in DoubledRx().Matches(text))
            if (!DoubledOnPurpose.Contains(m.Groups[1].Value.ToLowerInvariant()))
                yield return $"\"{m.Value}\": a doubled word";
        foreach (Match m in TheyIsRx().Matches(text))
            yield return $"\"{m.Value}\": \"they\" takes the plural verb";
        if (text.Contains("?!", StringComparison.Ordinal) || text.Contains("!?", StringComparison.Ordinal))
            yield return "\"?!\"";
        foreach (var sentence in Sentences(text))
            if (QuestionEndsBangRx().IsMatch(sentence))
                yield return $"\"{sentence}\": a question ending with \"!\"";
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sentence in Sentences(text).Select(s => s.Trim('"', '\'', ' ')))
            if (sentence.Split(' ').Length >= 4 && !seen.Add(sentence))
                yield return $"\"{sentence}\": said twice";
    }

    /// <summary>Words a picture book repeats on purpose ("fast, fast", "again, again" have a comma; these have none).</summary>
    private static readonly HashSet<string> DoubledOnPurpose = ["night", "had", "aye", "very", "round", "far", "on", "higher", "ha", "la", "tap", "pat", "hop", "knock", "boo", "choo", "no", "yes", "bye", "away", "more", "up", "down", "in", "out", "puff", "splash", "drip", "tick", "tock", "ding", "beep", "zoom", "buzz", "bang", "boom", "crunch", "snip", "drum", "shh", "flap", "wiggle", "swish", "whoosh", "brush", "slowly", "slow", "nearly", "splish", "stomp", "rumble", "stamp", "roar", "rock", "toot", "woof", "quack", "baa", "moo", "oink", "hush", "peep", "shine", "twinkle", "bounce", "clap", "jump", "hug", "nod", "sniff", "splosh", "plop", "pop", "bump", "wobble", "yay", "oh", "hip"];

    /// <summary>The sentences of a text, split after . ! ? (and their closing quote).</summary>
    private static IEnumerable<string> Sentences(string text) => SentenceRx().Matches(text).Select(m => m.Value.Trim()).Where(s => s.Length > 0);

    private static bool StartsWithVowelSound(string word)
    {
        // A letter said by name: "an X", "an M", "a B".
        if (word.Length == 1 && char.IsUpper(word[0])) return "AEFHILMNORSX".Contains(word[0]);
        var w = word.ToLowerInvariant();
        // Consonant sounds spelled with a vowel, and vowel sounds spelled with a consonant.
        if (w.StartsWith("one", StringComparison.Ordinal) || w.StartsWith("uni", StringComparison.Ordinal) || w.StartsWith("use", StringComparison.Ordinal)
            || w.StartsWith("usu", StringComparison.Ordinal) || w.StartsWith("eu", StringComparison.Ordinal) || w.StartsWith("ewe", StringComparison.Ordinal)
            || w.StartsWith("ufo", StringComparison.Ordinal) || w.StartsWith("uk", StringComparison.Ordinal) && w.Length == 2) return false;
        if (w.StartsWith("hour", StringComparison.Ordinal) || w.StartsWith("honest", StringComparison.Ordinal) || w.StartsWith("honour", StringComparison.Ordinal)
            || w.StartsWith("heir", StringComparison.Ordinal)) return true;
        return "aeiou".Contains(w[0]);
    }

    // "a"/"an" as a word, then the next word (letters only; "a {kind}" is checked filled).
    [GeneratedRegex(@"(?<![\w'’-])(a|an|A|An)\s+[""“']?([A-Za-z][A-Za-z'’-]*)")]
    private static partial Regex ArticleRx();

    // A sentence end (not a title like "Mr." or "Dr.", not "...") and then a lower-case letter.
    // "GRR! goes Zeke", "Baa! said Puffin": a sound said, like a quote, may be followed by its speech verb.
    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|St))(?<!\.)[.!?]\s+(?!(?:said|says|goes|went|called|cried|shouted|sang)\b)[a-z]")]
    private static partial Regex LowerAfterStopRx();

    // A hero called "they" ({he} is filled with it): "they was", "they is", "they digs" read wrong; {was} and {s} are the slots.
    [GeneratedRegex(@"\b[Tt]hey (was|is|has|does|wasn't|isn't|hasn't|doesn't|digs|wants|loves|likes|needs|knows|goes|says)\b")]
    private static partial Regex TheyIsRx();

    [GeneratedRegex(@"\b(\w+)\s+\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledRx();

    // A question (at a sentence's start or a quote's) that ends with "!": "Shall we go and look!". Not "What a day!", "How big!":
    // "what" and "how" ask only before a verb.
    [GeneratedRegex(@"(?:^[""“'‘]?|[\s,:][""“'‘])(?:(?:Shall|Can|Could|Will|Would|Where|Why|Is|Are|Does|Did|Should|May)\b|(?:What|How|Who)\s+(?:could|can|did|do|does|will|would|should|shall|is|are|was|were|about|if)\b)[^.!?""”]*!")]
    private static partial Regex QuestionEndsBangRx();

    [GeneratedRegex(@"[^.!?]*(?:[.!?]+[""”'’]?|$)")]
    private static partial Regex SentenceRx();
}
