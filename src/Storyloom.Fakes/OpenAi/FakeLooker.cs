using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// The fake's eyes: answers a chat completion that carries pictures with a verdict in the requested "picture_verdict" schema.
/// It reads the "Characters:" and "Objects:" lines of the prompt and fails a share of pictures (<see cref="FakeFaults.VerdictFailRate"/>),
/// chosen by a hash of the seed and the picture's bytes: the same picture always gets the same verdict, a redrawn one rolls again.
/// </summary>
internal static class FakeLooker
{
    /// <summary>Vision tokens of one image (gpt-4.1-mini, 1024 × 1024: 1024 patches × 1.62).</summary>
    public const int ImageTokens = 1659;

    /// <summary>Vision tokens of one picture as gpt-4.1-mini counts them: 32-px patches (at most 1,536, scaled down to fit) × 1.62.</summary>
    public static int TokensOf(byte[] png)
    {
        if (png.Length < 24) return ImageTokens;
        double w = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        double h = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        var patches = Math.Ceiling(w / 32) * Math.Ceiling(h / 32);
        if (patches > 1536)
        {
            var shrink = Math.Sqrt(1536 * 32 * 32 / (w * h));
            patches = Math.Ceiling(w * shrink / 32) * Math.Ceiling(h * shrink / 32);
        }
        return (int)Math.Round(Math.Min(1536, patches) * 1.62);
    }

    public static bool Fails(byte[] picture, FakeFaults faults) => Roll(picture, faults.VerdictSeed, 0) < faults.VerdictFailRate;

    /// <summary>The verdict as JSON, or null when the schema is not the picture verdict's (the writer answers it then).</summary>
    public static JsonObject? Verdict(JsonObject schema, string prompt, byte[] picture, FakeFaults faults)
    {
        string[] fields = ["characters", "objects", "setting_right", "setting_problem", "text_drawn", "unsafe", "critique"];
        if (schema["properties"] is not JsonObject props || fields.Any(f => !props.ContainsKey(f))) return null;
        var characters = Names(prompt, "Characters:");
        var objects = Names(prompt, "Objects:");
        var fail = Fails(picture, faults);
        var mode = (int)(Roll(picture, faults.VerdictSeed, 1) * 3);
        string[] letters = [];
        var critique = "";
        var wrongCharacter = fail && characters.Count > 0 && mode < 2 ? characters[0] : null;
        var missingObject = fail && wrongCharacter is null && objects.Count > 0 && mode == 1 ? objects[0] : null;
        if (wrongCharacter is not null) critique = $"Draw {wrongCharacter} exactly as on the reference sheet: the same fur colours and the same clothes.";
        else if (missingObject is not null) critique = $"Show the {missingObject} clearly in the picture.";
        else if (fail)
        {
            letters = ["ABC"];
            critique = "Remove the letters ABC painted on the wall; no text anywhere.";
        }
        return new JsonObject
        {
            ["characters"] = new JsonArray([.. characters.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c, ["present"] = true, ["matches_sheet"] = c != wrongCharacter,
                ["problem"] = c == wrongCharacter ? "fur is a different colour and the scarf is missing" : "",
            })]),
            ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)new JsonObject { ["name"] = o, ["present"] = o != missingObject })]),
            ["setting_right"] = true,
            ["setting_problem"] = "",
            ["text_drawn"] = new JsonArray([.. letters.Select(l => (JsonNode)JsonValue.Create(l))]),
            ["unsafe"] = "",
            ["critique"] = critique,
        };
    }

    private static List<string> Names(string prompt, string label)
    {
        var line = prompt.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
        if (line is null) return [];
        var value = line[label.Length..].Trim();
        if (value is "" or "none") return [];
        return [.. value.Split("; ").Select(v => v.Split(" (")[0].Trim()).Where(v => v.Length > 0)];
    }

    private static double Roll(byte[] picture, int seed, int salt)
    {
        var h = SHA256.HashData([.. Encoding.UTF8.GetBytes($"{seed}/{salt}/"), .. SHA256.HashData(picture)]);
        return BitConverter.ToUInt64(h, 0) / (double)ulong.MaxValue;
    }
}
