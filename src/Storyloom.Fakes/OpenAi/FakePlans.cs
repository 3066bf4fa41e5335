using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// The fake's answers to the plans of coloring and concept books (schemas "coloring-plan", "concept-pages" and their revisions),
/// as a model that follows the prompt answers them: exactly the designs asked for, each a concrete subject of the theme in its own
/// scene; a concept page's words saying what the page must say. With <see cref="FakeFaults.FlawedStory"/> "once" the first answer
/// has defects the plan's check finds (a repeated design and one off the theme; a concept page that does not name its thing) and
/// the revision fixes them; "always" answers the revision with them too.
/// </summary>
internal static partial class FakePlans
{
    private static readonly Dictionary<string, string[]> Banks = new(StringComparer.Ordinal)
    {
        ["instrument"] = ["a drum", "a violin", "a guitar", "a piano", "a trumpet", "a flute", "a harp", "a tuba", "a xylophone", "a banjo", "a tambourine", "an accordion"],
        ["music"] = ["a drum", "a violin", "a guitar", "a piano", "a trumpet", "a flute", "a harp", "a tuba", "a xylophone", "a banjo", "a tambourine", "an accordion"],
        ["dinosaur"] = ["a T. rex", "a triceratops", "a stegosaurus", "a long-neck dinosaur", "a pterodactyl", "a baby dinosaur", "an ankylosaurus", "a raptor"],
        ["ocean"] = ["a whale", "a sea turtle", "an octopus", "a crab", "a seahorse", "a jellyfish", "a dolphin", "a starfish"],
        ["sea"] = ["a whale", "a sea turtle", "an octopus", "a crab", "a seahorse", "a jellyfish", "a dolphin", "a starfish"],
        ["space"] = ["a rocket", "an astronaut", "a friendly alien", "a ringed planet", "a satellite", "a moon buggy", "a comet", "a space station"],
        ["bird"] = ["an owl", "a parrot", "a robin", "a duck", "a penguin", "a flamingo", "a toucan", "a swan"],
        ["garden"] = ["a sunflower", "a watering can", "a snail", "a tulip", "a wheelbarrow", "a bird house", "a bee", "a scarecrow"],
    };

    private static readonly string[] Scenes =
    [
        "in a sunny meadow", "by a little pond", "under a rainbow", "at the beach", "in a cozy room", "on a snowy hill",
        "in the garden", "in a busy town", "in the forest", "under the stars", "on a picnic blanket", "at the park",
    ];

    private static readonly string[] Extras = ["a big sun", "a round cloud", "a tall tree", "a flower", "a little hill", "a fence", "a path", "a bush"];

    public static JsonNode? Answer(string name, string prompt, FakeFaults? faults)
    {
        var revision = name.EndsWith("-revision", StringComparison.Ordinal);
        var flawed = faults?.FlawedStory is "always" || (faults?.FlawedStory is "once" && !revision);
        return name.StartsWith("coloring-plan", StringComparison.Ordinal) ? Coloring(prompt, flawed)
            : name.StartsWith("concept-pages", StringComparison.Ordinal) ? Concept(prompt, flawed)
            : null;
    }

    private static JsonObject Coloring(string prompt, bool flawed)
    {
        var theme = Theme().Match(prompt) is { Success: true } t ? t.Groups[1].Value.Trim() : "friends";
        var count = Designs().Match(prompt) is { Success: true } c ? Math.Clamp(int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 200) : 10;
        var level = Level().Match(prompt) is { Success: true } l ? l.Groups[1].Value : "simple";
        var lower = theme.ToLowerInvariant();
        var key = Banks.Keys.FirstOrDefault(k => lower.Contains(k, StringComparison.Ordinal));
        var word = Regex.Match(lower, @"\p{L}{3,}").Value is { Length: > 0 } w ? w.TrimEnd('s') : "friend";
        var subjects = key is not null ? Banks[key]
            : [$"a happy {word}", $"a baby {word}", $"a sleepy {word}", $"a dancing {word}", $"a {word} family", $"a {word} with a hat"];
        var details = level switch { "simple" => 1, "medium" => 3, _ => 6 };
        var designs = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var subject = subjects[i % subjects.Length];
            var scene = Scenes[(i / subjects.Length + i % subjects.Length) % Scenes.Length];
            var caption = char.ToUpperInvariant(subject[0]) + subject[1..] + " " + scene;
            designs.Add(new JsonObject
            {
                ["subject"] = subject,
                ["kind"] = lower,
                ["scene"] = scene,
                ["caption"] = caption,
                ["details"] = new JsonArray([.. Enumerable.Range(0, details).Select(k => (JsonNode)JsonValue.Create(Extras[(i + k) % Extras.Length])!)]),
            });
        }
        if (flawed && designs.Count >= 3)
        {
            // A model that repeats itself and wanders off the theme.
            designs[1] = designs[0]!.DeepClone();
            designs[2] = new JsonObject { ["subject"] = "a school bus", ["kind"] = "vehicle", ["scene"] = "on a road", ["caption"] = "A school bus on a road", ["details"] = new JsonArray() };
        }
        var title = $"My Big {char.ToUpperInvariant(theme[0])}{theme[1..]} Coloring Book";
        return new JsonObject { ["title"] = title, ["designs"] = designs };
    }

    /// <summary>Every "Page N … say: …" line of the prompt answered with words that say them (lines of the offline words kept as the model's).</summary>
    private static JsonObject Concept(string prompt, bool flawed)
    {
        var pages = new JsonArray();
        var lines = PageLine().Matches(prompt).ToList();
        var spoiled = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var m = lines[i];
            var now = m.Groups[3].Value.Trim();
            var said = Quoted().Matches(m.Groups[2].Value).Select(q => q.Groups[1].Value).ToList();
            var text = Opener(prompt, i) + now;
            // The flaw: the first page that must say a thing says something else.
            if (flawed && said.Count > 0 && !spoiled)
            {
                text = "What a lovely day it was!";
                spoiled = true;
            }
            pages.Add(new JsonObject { ["text"] = text, ["picture"] = $"A bright, friendly picture of page {m.Groups[1].Value}, everything it names drawn apart." });
        }
        return new JsonObject { ["title"] = "A Book of Bright Things", ["pages"] = pages };
    }

    private static string Opener(string prompt, int i) => ((Hash(prompt[..Math.Min(200, prompt.Length)]) + (uint)i) % 3) switch { 0 => "Look! ", 1 => "See? ", _ => "Oh! " };

    private static uint Hash(string s) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0);

    [GeneratedRegex(@"^Theme: (.+)$", RegexOptions.Multiline)]
    private static partial Regex Theme();

    [GeneratedRegex(@"exactly (\d+) designs")]
    private static partial Regex Designs();

    [GeneratedRegex(@"level ([a-z]+)")]
    private static partial Regex Level();

    [GeneratedRegex(@"^Page (\d+)[^\n]*? say: ([^\n|]*)\| now: ([^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex PageLine();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();
}
