using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Core.Books;

namespace Storyloom.Ai.Art;

/// <summary>What a picture must show: the page's scene, who is in it (with their sheets' descriptions), what they hold, where.</summary>
public sealed record PictureSubject(string Label, string Style, string Scene, string Setting, IReadOnlyList<(string Name, string Looks)> Characters, IReadOnlyList<string> Objects)
{
    public static PictureSubject ForPage(Manuscript m, int page, IllustrationBrief b) => m.Kind == BookKind.Coloring
        // Line art has no sheet to match: its creatures are objects, and the brief's level tags are not things to find.
        ? new($"page {page}", OpenAiPainter.StyleLine("line-art"), b.Description, b.Setting, [],
            [.. b.Characters.Select(p => m.Cast.FirstOrDefault(c => c.Id == p.CharacterId)?.Species.ToString().ToLowerInvariant()).OfType<string>(),
             .. b.Props.Where(p => !p.Contains(':', StringComparison.Ordinal) && p != "facing-left")])
        : new($"page {page}", OpenAiPainter.StyleLine(m.ArtStyle), b.Description, $"{b.Setting}, {b.TimeOfDay}, {b.Weather}",
            [.. b.Characters.Select(p => p.CharacterId).Distinct().Select(id => m.Cast.FirstOrDefault(c => c.Id == id)).OfType<Character>().Select(c => (c.Name, Looks(c)))],
            // A concept page's things are named with their count, so a picture with the wrong number fails its check.
            [.. b.Props, .. (b.Objects ?? []).Select(o => $"exactly {o.Count} {(o.Variant is { } v ? v + " " : "")}{o.Kind}{(o.Count == 1 ? "" : "s")}")]);

    public static PictureSubject ForCover(Manuscript m) => m.Kind == BookKind.Coloring
        ? new("cover", "Bold line art colored in with bright flat colors", OpenAiPainter.ColoringCoverPrompt(m), "any", [], [])
        : new(
        "cover", OpenAiPainter.StyleLine(m.ArtStyle), $"Front cover of a picture book about {m.Theme}: {m.Cast[0].Name} in the middle, smiling, with friends around.",
        "any friendly place from the story", [.. m.Cast.Take(3).Select(c => (c.Name, Looks(c)))], []);

    private static string Looks(Character c) =>
        $"a {c.Species.ToString().ToLowerInvariant()}, body {c.BodyColor}, accents {c.AccentColor}, wearing a {c.ClothingColor} {c.Clothing}{(c.Accessory is { } a ? $" and a {a}" : "")}";
}

/// <summary>One character as the vision model saw it.</summary>
public sealed record CharacterSeen(string Name, bool Present, bool MatchesSheet, string Problem);

/// <summary>One named object as the vision model saw it.</summary>
public sealed record ObjectSeen(string Name, bool Present);

/// <summary>The structured verdict of one look at one picture (the json_schema below, snake_case on the wire).</summary>
public sealed record PictureVerdict(
    IReadOnlyList<CharacterSeen> Characters,
    IReadOnlyList<ObjectSeen> Objects,
    bool SettingRight,
    string SettingProblem,
    IReadOnlyList<string> TextDrawn,
    string Unsafe,
    string Critique)
{
    /// <summary>What is wrong, in words; empty when the picture passes. Judged here from the fields, not from a model's own "ok".</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var c in Characters)
        {
            if (!c.Present) problems.Add($"{c.Name} is missing");
            else if (!c.MatchesSheet) problems.Add($"{c.Name} does not match the sheet{(c.Problem is { Length: > 0 } p ? $" ({p})" : "")}");
        }
        problems.AddRange(Objects.Where(o => !o.Present).Select(o => $"no {o.Name}"));
        if (!SettingRight) problems.Add($"wrong setting{(SettingProblem is { Length: > 0 } s ? $" ({s})" : "")}");
        if (TextDrawn.Count > 0) problems.Add($"letters drawn: {string.Join(", ", TextDrawn.Select(t => $"\"{t}\""))}");
        if (Unsafe is { Length: > 0 } u) problems.Add($"unsafe: {u}");
        return problems;
    }
}

/// <summary>
/// Looks at a painted picture with a vision chat model (<see cref="AiOptions.VisionModel"/>): the picture, then the reference
/// sheet of every character in it, with the page's scene and the style line; the answer is a strict json_schema verdict.
/// Verdicts are content-addressed like pictures (model, prompt and the bytes of every image), so a resumed run never pays twice.
/// </summary>
public sealed class PictureChecker(OpenAiProvider provider, AssetCache cache, CostMeter meter)
{
    public const string SchemaName = "picture_verdict";

    /// <summary>Long side, in pixels, of the picture and of each sheet as the vision model is shown them (scaled down here, so the tokens are known).</summary>
    public const int PicturePx = 768, SheetPx = 512;

    /// <summary>
    /// Image tokens of a picture at <see cref="PicturePx"/> and a sheet at <see cref="SheetPx"/> (gpt-4.1-mini: 32-px patches × 1.62;
    /// 576 and 256 patches), for estimates. A 1024-px picture would be 1,659: a sheet seen whole at 512 px still shows its colours,
    /// clothes and species, which is what it is compared for, and a check costs about half.
    /// </summary>
    public const int PictureTokens = 933, SheetTokens = 415;

    public const string Schema = """
        {"type":"object","properties":{
          "characters":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"present":{"type":"boolean"},"matches_sheet":{"type":"boolean"},"problem":{"type":"string"}},"required":["name","present","matches_sheet","problem"],"additionalProperties":false}},
          "objects":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"present":{"type":"boolean"}},"required":["name","present"],"additionalProperties":false}},
          "setting_right":{"type":"boolean"},"setting_problem":{"type":"string"},
          "text_drawn":{"type":"array","items":{"type":"string"}},
          "unsafe":{"type":"string"},"critique":{"type":"string"}},
         "required":["characters","objects","setting_right","setting_problem","text_drawn","unsafe","critique"],"additionalProperties":false}
        """;

    private const string System = "You are the art director of a children's picture book. You check each illustration against its page and its characters' reference sheets, strictly and briefly.";

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Model => provider.Options.VisionModel;

    /// <summary>Each sheet scaled down once for the book, not once for every page it is compared with.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], byte[]> _sheets = [];

    public static string Prompt(PictureSubject s) => $"""
        Check the first image, a picture for {s.Label} of a children's picture book.
        Style: {s.Style}
        Scene: {s.Scene}
        Setting: {s.Setting}
        Characters: {(s.Characters.Count == 0 ? "none" : string.Join("; ", s.Characters.Select(c => $"{c.Name} ({c.Looks})")))}
        Objects: {(s.Objects.Count == 0 ? "none" : string.Join("; ", s.Objects))}
        Each image after the first is the reference sheet of the character it names.
        For every character say whether it is present and whether its face, colours, clothes and species match its sheet (problem: what differs, else empty).
        For every object say whether it is present. Say whether the setting is right. List every letter, word or number drawn anywhere (there must be none).
        Name anything unsafe or frightening for a young child, else empty. Critique: one or two sentences telling the illustrator exactly what to fix, else empty.
        """;

    /// <param name="sheets">The reference sheets, each named by its character's name.</param>
    /// <summary>The verdict on <paramref name="png"/>, from the cache or the model; the budget is reserved before a paid look.</summary>
    public async Task<PictureVerdict> CheckAsync(string step, byte[] png, PictureSubject subject, IReadOnlyList<ReferenceImage> sheets, CancellationToken ct)
    {
        var o = provider.Options;
        var prompt = Prompt(subject);
        IReadOnlyList<ReferenceImage> images = [new ReferenceImage($"the picture for {subject.Label}", PngResampler.Fit(png, PicturePx)),
            .. sheets.Select(r => new ReferenceImage($"reference sheet of {r.Name}", _sheets.GetValue(r.Png, s => PngResampler.Fit(s, SheetPx))))];
        var key = AssetCache.TextKey(o.VisionModel, Schema, [System, prompt, .. images.Select(i => i.Name + ":" + Convert.ToHexStringLower(SHA256.HashData(i.Png)))]);
        if (await cache.TryGetAsync(key, ct) is { } hit)
        {
            meter.RecordCacheHit(step, o.VisionModel);
            return Parse(hit);
        }
        using var reservation = meter.Reserve(step, CostEstimator.CheckStep(o, images.Count));
        var (answer, _) = await cache.GetOrAddAsync(key, async () =>
        {
            var a = await provider.LookJsonAsync(o.VisionModel, SchemaName, Schema, System, prompt, images, 800, ct);
            Parse(Encoding.UTF8.GetBytes(a.Json)); // a broken answer is never cached
            meter.RecordTokens(step, o.VisionModel, a.InputTokens, a.OutputTokens);
            return Encoding.UTF8.GetBytes(a.Json);
        }, ct);
        return Parse(answer);
    }

    private static PictureVerdict Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<PictureVerdict>(json, Wire) ?? throw new JsonException("null verdict");
        }
        catch (JsonException e)
        {
            throw new OpenAiException(FailureKind.BadAnswer, 200, "bad_verdict", $"the picture check answered JSON that is not a verdict: {e.Message}");
        }
    }
}
