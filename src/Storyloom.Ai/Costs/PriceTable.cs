namespace Storyloom.Ai.Costs;

/// <summary>Price of one model in US dollars: per million text tokens in and out, and per picture by quality.</summary>
/// <param name="PerAudioMinute">Speech models priced by the minute of sound they make (OpenAI's own per-minute figure for gpt-4o-mini-tts).</param>
/// <param name="PerMillionCharacters">Speech models priced by the characters they read (tts-1, tts-1-hd).</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion, IReadOnlyDictionary<string, decimal>? PerImage = null,
    decimal PerAudioMinute = 0, decimal PerMillionCharacters = 0)
{
    /// <summary>One spoken answer: the text in (tokens about a quarter of the characters, or the characters), and the minutes of sound out.</summary>
    public decimal ForSpeech(int characters, double seconds) =>
        ForTokens((characters + 3) / 4, 0) + characters * PerMillionCharacters / 1_000_000m + (decimal)seconds / 60m * PerAudioMinute;

    public decimal ForTokens(long input, long output) => (input * InputPerMillion + output * OutputPerMillion) / 1_000_000m;

    /// <summary>
    /// Price of one picture of this quality and size; "auto" and unknown qualities are priced as the dearest, so estimates err high.
    /// A portrait or landscape size is priced from the "quality tall" entry when the table has one (1024x1536 and 1536x1024 cost the same).
    /// </summary>
    public decimal ForImage(string quality, string? size = null)
    {
        if (PerImage is null || PerImage.Count == 0) return 0;
        var parts = size?.Split('x');
        var oblong = parts is [var w, var h] && w != h;
        if (oblong && PerImage.TryGetValue($"{quality} tall", out var tall)) return tall;
        return PerImage.TryGetValue(quality, out var p) ? p : PerImage.Values.Max();
    }
}

/// <summary>
/// Prices by model name, with the published list prices (square and 2:3 pictures) as defaults. Override any entry with
/// <see cref="With"/>; a model missing from the table costs nothing, which suits a local server.
/// </summary>
public sealed record PriceTable(IReadOnlyDictionary<string, ModelPrice> Models)
{
    public static PriceTable Default { get; } = new(new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-image-1"] = new(5.00m, 40.00m, new Dictionary<string, decimal>
        {
            ["low"] = 0.011m, ["medium"] = 0.042m, ["high"] = 0.167m, ["low tall"] = 0.016m, ["medium tall"] = 0.063m, ["high tall"] = 0.25m,
        }),
        ["gpt-image-1-mini"] = new(2.00m, 8.00m, new Dictionary<string, decimal>
        {
            ["low"] = 0.005m, ["medium"] = 0.011m, ["high"] = 0.036m, ["low tall"] = 0.006m, ["medium tall"] = 0.015m, ["high tall"] = 0.052m,
        }),
        ["dall-e-3"] = new(0, 0, new Dictionary<string, decimal> { ["standard"] = 0.040m, ["hd"] = 0.080m, ["standard tall"] = 0.080m, ["hd tall"] = 0.120m }),
        ["omni-moderation-latest"] = new(0, 0),
        // Text in at $0.60 a million tokens, sound out about $0.015 a minute (OpenAI's pricing page).
        ["gpt-4o-mini-tts"] = new(0.60m, 0, PerAudioMinute: 0.015m),
        ["tts-1"] = new(0, 0, PerMillionCharacters: 15.00m),
        ["tts-1-hd"] = new(0, 0, PerMillionCharacters: 30.00m),
    });

    public ModelPrice For(string model) => Models.TryGetValue(model, out var p) ? p : new ModelPrice(0, 0);

    public PriceTable With(string model, ModelPrice price)
    {
        var copy = new Dictionary<string, ModelPrice>(Models, StringComparer.OrdinalIgnoreCase) { [model] = price };
        return new PriceTable(copy);
    }
}
