using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// The fake's "model": answers a strict json_schema with JSON that validates against it, filled with plausible
/// children's-book content chosen by a hash of the prompt. It reads a few hints a real model would follow from the prompt:
/// "Language: xx", "exactly N pages|characters|beats|keywords", "A–B words", "at most N sentences" and a "Cast:" line. A
/// "Variation:" line (a page rewritten) picks other lines, never the ones after "Current words:".
/// </summary>
internal static partial class FakeWriter
{
    private static readonly string[] Names = ["Pip", "Luna", "Tomo", "Bea", "Kai", "Nell", "Otto", "Rosa", "Finn", "Mia"];
    private static readonly string[] Colors = ["#E8833A", "#F2D7B6", "#4A7FC1", "#7BBF6A", "#C94C4C", "#F4C542", "#8E6BBF", "#6B4E3A"];
    private static readonly string[] Settings = ["forest", "beach", "town", "farm", "meadow", "bedroom"];

    private static readonly Dictionary<string, string[]> Sentences = new(StringComparer.Ordinal)
    {
        ["en"] =
        [
            "{H} woke up with a big smile.", "The sun was warm and bright.", "{H} ran to see {F}.", "{F} had a red kite.",
            "They went up the green hill.", "The wind was soft and kind.", "{H} saw a little bird.", "The bird sang a happy song.",
            "{F} and {H} sat in the grass.", "They shared a sweet red apple.", "Then the kite flew up high.", "{H} held on tight.",
            "It was a good day to play.", "{F} gave {H} a big hug.", "They walked home side by side.", "The moon came up at night.",
        ],
        ["es"] =
        [
            "{H} se despertó con una gran sonrisa.", "El sol estaba tibio y brillante.", "{H} corrió a ver a {F}.", "{F} tenía una cometa roja.",
            "Subieron juntos la colina verde.", "El viento era suave y amable.", "{H} vio un pajarito.", "El pájaro cantó una canción feliz.",
            "{F} y {H} se sentaron en la hierba.", "Compartieron una manzana roja y dulce.", "La cometa voló muy alto.", "¡Qué día tan bonito para jugar!",
            "{F} le dio a {H} un gran abrazo.", "Volvieron a casa de la mano.", "La luna salió por la noche.", "{H} sonrió y dijo: «¡Gracias, amigo!»",
        ],
        ["ar"] =
        [
            "استيقظ {H} بابتسامة كبيرة.", "كانت الشمس دافئة ومشرقة.", "ركض {H} ليرى {F}.", "كان مع {F} طائرة ورقية حمراء.",
            "صعدا معًا التلة الخضراء.", "كانت الريح لطيفة وناعمة.", "رأى {H} عصفورًا صغيرًا.", "غنّى العصفور أغنية سعيدة.",
            "جلس {F} و{H} على العشب.", "تقاسما تفاحة حمراء حلوة.", "طارت الطائرة الورقية عاليًا.", "كان يومًا جميلًا للعب.",
            "عانق {F} صديقه {H}.", "عادا إلى البيت معًا.", "ظهر القمر في الليل.", "قال {H}: «شكرًا يا صديقي!»",
        ],
    };

    /// <summary>Lines for a page written again: none is in a book the fake wrote, so new words never repeat another page.</summary>
    private static readonly Dictionary<string, string[]> Again = new(StringComparer.Ordinal)
    {
        ["en"] =
        [
            "{H} looked up and laughed.", "A soft breeze came by.", "{F} waved hello to {H}.", "{H} felt warm and glad.",
            "They counted the clouds together.", "{H} picked a yellow flower.", "{F} hummed a little tune.", "Everything felt calm and bright.",
            "{H} took a slow, deep breath.", "{F} pointed at a busy bee.", "{H} and {F} smiled at each other.", "What a lovely time it was!",
        ],
        ["es"] =
        [
            "{H} miró arriba y se rió.", "Llegó una brisa suave.", "{F} saludó a {H} con la mano.", "{H} se sintió feliz.",
            "Contaron las nubes juntos.", "{H} recogió una flor amarilla.", "{F} tarareó una canción.", "Todo estaba en calma.",
            "{H} respiró hondo y despacio.", "{F} señaló una abeja.", "{H} y {F} se sonrieron.", "¡Qué rato tan bonito!",
        ],
        ["ar"] =
        [
            "نظر {H} إلى السماء وضحك.", "هبّت نسمة لطيفة.", "لوّح {F} إلى {H}.", "شعر {H} بالدفء والفرح.",
            "عدّا الغيوم معًا.", "قطف {H} زهرة صفراء.", "دندن {F} لحنًا صغيرًا.", "كان كل شيء هادئًا.",
            "تنفّس {H} ببطء.", "أشار {F} إلى نحلة.", "ابتسم {H} و{F}.", "يا له من وقت جميل!",
        ],
    };

    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["en"] = ["{H} and the Red Kite", "{H} Finds a Friend", "A Big Day for {H}"],
        ["es"] = ["{H} y la cometa roja", "{H} encuentra un amigo", "Un gran día para {H}"],
        ["ar"] = ["{H} والطائرة الورقية", "{H} يجد صديقًا", "يوم كبير مع {H}"],
    };

    private static readonly Dictionary<string, string> Morals = new(StringComparer.Ordinal)
    {
        ["en"] = "Good friends share the day.",
        ["es"] = "Los buenos amigos lo comparten todo.",
        ["ar"] = "الأصدقاء الطيبون يتقاسمون كل شيء.",
    };

    public static JsonNode? Answer(JsonNode schema, string prompt, string? name = null, FakeFaults? faults = null)
    {
        // Coloring and concept plans have answers of their own (a concrete subject per design, the words a concept page must say).
        if (name is not null && FakePlans.Answer(name, prompt, faults) is { } plan) return plan;
        var hints = Hints.Read(prompt);
        var answer = Generate(schema, hints, "", 0, "root");
        if (answer?["pages"] is JsonArray pages && pages.All(p => p is JsonObject { } o && o["text"] is not null && o["characters"] is JsonArray))
            Scenes(pages, hints, name, faults?.FlawedStory);
        return answer;
    }

    /// <summary>
    /// A page's picture holds whom its words name, as a model asked to do so answers; a story revision keeps the words it was given
    /// (after "Text:"), and page 1 says the brief's words it was asked to say. With <see cref="FakeFaults.FlawedStory"/> the pages
    /// answer carries two defects the story check finds, and "always" answers the revision with them still in.
    /// </summary>
    private static void Scenes(JsonArray pages, Hints h, string? step, string? flawed)
    {
        var revision = step == "story-revision";
        for (var i = 0; i < pages.Count; i++)
        {
            var page = (JsonObject)pages[i]!;
            if (revision && i < h.Texts.Count) page["text"] = h.Texts[i];
            else if (!revision && i == 0 && h.Say.Count > 0) page["text"] = $"This is a story about the {string.Join(" and the ", h.Say)}. " + Fill(Sentences[h.Language][0], h, 0);
            Cast(page, h);
        }
        if (flawed is null || !(step == "pages" || (revision && flawed == "always"))) return;
        var other = Settings[(int)((Hash(h.Seed) + 1) % (uint)Settings.Length)];
        if (revision)
        {
            // A model that does not fix what it was told: nobody in the pictures, and somewhere else without saying how.
            foreach (var page in pages.OfType<JsonObject>())
            {
                page["characters"] = new JsonArray();
                page["setting"] = other;
            }
            return;
        }
        if (pages.Count < 3 || h.Cast.Count < 2) return;
        pages[1]!["text"] = Fill("{H} and {F} sat in the grass. They shared a sweet red apple.", h, 1);
        Cast((JsonObject)pages[1]!, h);
        ((JsonArray)pages[1]!["characters"]!).RemoveAt(1);
        pages[2]!["text"] = Fill("The wind was soft and kind. {H} saw a little bird.", h, 2);
        pages[2]!["setting"] = other;
        Cast((JsonObject)pages[2]!, h);
    }

    /// <summary>The page's characters: every cast member its words name (the hero when they name nobody).</summary>
    private static void Cast(JsonObject page, Hints h)
    {
        if (h.Cast.Count == 0) return;
        var text = page["text"]?.GetValue<string>() ?? "";
        var named = h.Cast.Where(c => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(c)}(?!\p{{L}})")).ToList();
        if (named.Count == 0) named.Add(h.Cast[0]);
        var poses = new[] { "standing", "walking", "waving", "sitting", "holding" };
        page["characters"] = new JsonArray([.. named.Select((c, k) => (JsonNode)new JsonObject
        {
            ["character_name"] = c,
            ["pose"] = poses[(int)((Hash(h.Seed + c) + (uint)k) % (uint)poses.Length)],
        })]);
    }

    /// <summary>A plain-text answer when no schema was asked for.</summary>
    public static string PlainText(string prompt)
    {
        var hints = Hints.Read(prompt);
        return Fill(Pick(Sentences[hints.Language], hints.Seed, 0), hints, 0);
    }

    private static JsonNode? Generate(JsonNode schema, Hints hints, string name, int index, string path)
    {
        // Pages happen by day: a fake that chose night at random would speak of the sun at night.
        if (name == "time_of_day" && schema["enum"] is JsonArray times && times.Any(t => t?.GetValue<string>() == "day")) return JsonValue.Create("day");
        if (schema["enum"] is JsonArray choices && choices.Count > 0)
            return choices[(int)(Hash(hints.Seed + path + index) % (uint)choices.Count)]?.DeepClone();
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue v => v.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : "string",
        };
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema["properties"] is JsonObject props)
                    foreach (var (key, sub) in props)
                        if (sub is not null) obj[key] = Generate(sub, hints, key, index, path + "." + key);
                return obj;
            case "array":
                var count = Count(schema, hints, name);
                var items = schema["items"] ?? new JsonObject { ["type"] = "string" };
                var array = new JsonArray();
                for (var i = 0; i < count; i++) array.Add(Generate(items, hints, Singular(name), NestedIndex(name, index, i), path + "[" + i + "]"));
                return array;
            case "integer":
                return JsonValue.Create(schema["minimum"]?.GetValue<int>() is { } min ? min + index : index + 1);
            case "number":
                return JsonValue.Create(schema["minimum"]?.GetValue<double>() ?? 0.5);
            case "boolean":
                return JsonValue.Create(false);
            case "null":
                return null;
            default:
                return JsonValue.Create(Text(name, hints, index));
        }
    }

    private static int NestedIndex(string arrayName, int outer, int i) => arrayName is "characters" or "character_names" ? outer + i : i;

    private static int Count(JsonNode schema, Hints hints, string name)
    {
        if (schema["minItems"] is JsonValue min) return min.GetValue<int>();
        var key = name switch
        {
            "cast" or "characters" when hints.Counts.ContainsKey("characters") && name == "cast" => "characters",
            "characters" or "character_names" => "on-page",
            "beats" => hints.Counts.ContainsKey("beats") ? "beats" : "pages",
            _ => name,
        };
        if (key == "on-page") return Math.Min(2, Math.Max(1, hints.Cast.Count));
        return hints.Counts.TryGetValue(key, out var n) ? n : 3;
    }

    private static string Singular(string name) => name switch
    {
        "pages" => "page",
        "cast" => "character",
        "characters" or "character_names" => "character_name",
        "beats" => "beat",
        "keywords" => "keyword",
        "props" => "prop",
        _ => name,
    };

    private static string Text(string name, Hints h, int i)
    {
        var hero = h.Cast.Count > 0 ? h.Cast[0] : Pick(Names, h.Seed, 0);
        return name switch
        {
            "title" => Fill(Pick(Titles[h.Language], h.Seed, 0), h, 0),
            // The words of a book's matter: the fake does not translate; it answers the English lines it was given.
            "the_end" or "meet_the_characters" or "about_the_author" or "copyright" or "no_copying" or "first_edition" or "about_author"
                or "software_both" or "software_each" or "ai_model" or "no_ai_model" or "reviewed" or "made_with" or "about_book" => h.Given(name),
            "subtitle" => "",
            "text" or "page" => PageText(h, i),
            "beat" => $"Beat {i + 1}: {hero} {(i == 0 ? "wakes up" : i % 2 == 0 ? "tries again" : "meets a friend")}.",
            "blurb" => Fill(Pick(Sentences[h.Language], h.Seed, 1) + " " + Pick(Sentences[h.Language], h.Seed, 2), h, 0),
            "moral" => Morals[h.Language],
            "closing" => Fill(Pick(Sentences[h.Language], h.Seed, 15), h, 0),
            "name" => Names[(int)((Hash(h.Seed) + (uint)i) % (uint)Names.Length)],
            "character_name" => h.Cast.Count > 0 ? h.Cast[i % h.Cast.Count] : Pick(Names, h.Seed, i),
            "keyword" => $"picture book {i + 1}",
            // One book, one place: a real model keeps the place until the words travel.
            "setting" => Settings[(int)(Hash(h.Seed) % (uint)Settings.Length)],
            "prop" => i % 2 == 0 ? "kite" : "apple",
            _ when name.Contains("color", StringComparison.Ordinal) => Colors[(int)((Hash(h.Seed + name) + (uint)i) % (uint)Colors.Length)],
            "clothing" => i % 2 == 0 ? "scarf" : "overalls",
            "accessory" => i % 2 == 0 ? "backpack" : "hat",
            "visual_description" => $"{(h.Cast.Count > i ? h.Cast[i] : Names[i % Names.Length])} is a small round animal with soft fur, big kind eyes and a striped scarf.",
            "description" or "image_prompt" => $"{hero} and a friend on a sunny hill with a red kite, page {i + 1}.",
            _ => $"{name} {i + 1}",
        };
    }

    private static string PageText(Hints h, int page)
    {
        if (h.Variation is null) return PageText(h, page, Sentences[h.Language], (int)(Hash(h.Seed) % 5));
        // A rewrite: the variation picks the lines; a real model asked for other words does not answer the current ones.
        var offset = (int)(Hash(h.Seed + "/" + h.Variation) % (uint)Again[h.Language].Length);
        var text = PageText(h, page, Again[h.Language], offset);
        return text == h.Current ? PageText(h, page, Again[h.Language], offset + 1) : text;
    }

    private static string PageText(Hints h, int page, string[] bank, int offset)
    {
        var target = h.MinWords + Math.Max(0, (h.MaxWords - h.MinWords) / 4);
        var text = new StringBuilder();
        var words = 0;
        for (var s = 0; s < h.MaxSentences && (words < target || s == 0); s++)
        {
            var sentence = Fill(bank[(page * 3 + s + offset) % bank.Length], h, page);
            var n = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (s > 0 && words + n > h.MaxWords) break;
            if (text.Length > 0) text.Append(' ');
            text.Append(sentence);
            words += n;
        }
        return text.ToString();
    }

    private static string Fill(string template, Hints h, int i)
    {
        var hero = h.Cast.Count > 0 ? h.Cast[0] : Names[(int)(Hash(h.Seed) % (uint)Names.Length)];
        var friend = h.Cast.Count > 1 ? h.Cast[1] : Names[(int)((Hash(h.Seed) + 1) % (uint)Names.Length)];
        return template.Replace("{H}", hero, StringComparison.Ordinal).Replace("{F}", friend, StringComparison.Ordinal);
    }

    private static string Pick(string[] bank, string seed, int i) => bank[(int)((Hash(seed) + (uint)i) % (uint)bank.Length)];

    private static uint Hash(string s) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0);

    private sealed record Hints(string Language, string Seed, Dictionary<string, int> Counts, int MinWords, int MaxWords, int MaxSentences, List<string> Cast)
    {
        /// <summary>"field: text" lines of the prompt (the lines a translation step gives).</summary>
        public Dictionary<string, string> Lines { get; init; } = [];

        /// <summary>The "Variation:" of a page rewrite, and the words it must not repeat.</summary>
        public string? Variation { get; init; }

        public string? Current { get; init; }

        /// <summary>The words of the pages a story revision sends back ("Text: …" lines, in order).</summary>
        public List<string> Texts { get; init; } = [];

        /// <summary>The brief's words the story is asked to say.</summary>
        public List<string> Say { get; init; } = [];

        public string Given(string field) => Lines.TryGetValue(field, out var text) ? text : field;

        public static Hints Read(string prompt)
        {
            var lang = LanguageHint().Match(prompt) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : "en";
            if (!Sentences.ContainsKey(lang)) lang = "en";
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match c in CountHint().Matches(prompt)) counts[c.Groups[2].Value] = Math.Clamp(int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 64);
            var words = WordsHint().Match(prompt);
            var (min, max) = words.Success ? (int.Parse(words.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(words.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (8, 30);
            var sentences = SentencesHint().Match(prompt) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 3;
            var cast = CastHint().Match(prompt) is { Success: true } k
                ? k.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.Split(' ')[0]).Where(x => x.Length > 0).ToList()
                : [];
            // The seed ignores the instructions that vary between steps, so one book keeps one hero and one title.
            var seed = SeedHint().Match(prompt) is { Success: true } b ? b.Groups[1].Value : prompt;
            var lines = FieldLine().Matches(prompt).GroupBy(l => l.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim());
            return new Hints(lang, seed, counts, min, max, Math.Max(1, sentences), cast)
            {
                Lines = lines,
                Variation = VariationHint().Match(prompt) is { Success: true } v ? v.Groups[1].Value : null,
                Current = CurrentHint().Match(prompt) is { Success: true } w ? w.Groups[1].Value.Trim() : null,
                Texts = [.. TextLine().Matches(prompt).Select(t => t.Groups[1].Value.Trim())],
                Say = SayHint().Match(prompt) is { Success: true } say ? [.. Regex.Matches(say.Groups[1].Value, "\"([^\"]+)\"").Select(q => q.Groups[1].Value)] : [],
            };
        }
    }

    [GeneratedRegex(@"^([a-z_]+): (.+)$", RegexOptions.Multiline)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"Language:\s*([A-Za-z]{2,3})")]
    private static partial Regex LanguageHint();

    [GeneratedRegex(@"exactly (\d+) (pages|characters|beats|keywords)")]
    private static partial Regex CountHint();

    [GeneratedRegex(@"(\d+)\s*[–-]\s*(\d+) words")]
    private static partial Regex WordsHint();

    [GeneratedRegex(@"at most (\d+) sentences")]
    private static partial Regex SentencesHint();

    [GeneratedRegex(@"Cast:\s*([^\n]+)")]
    private static partial Regex CastHint();

    [GeneratedRegex(@"Variation:\s*(\S+)")]
    private static partial Regex VariationHint();

    [GeneratedRegex(@"Current words:\s*([^\n]*)")]
    private static partial Regex CurrentHint();

    [GeneratedRegex(@"^Text: (.+)$", RegexOptions.Multiline)]
    private static partial Regex TextLine();

    [GeneratedRegex(@"Say these words of the brief in the story: ([^\n]+)")]
    private static partial Regex SayHint();

    [GeneratedRegex(@"Brief:\s*([^\n]+)")]
    private static partial Regex SeedHint();
}
