using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Core.Ebook;

namespace Storyloom.Ai.Speech;

/// <summary>
/// The paid narrator: each sentence is one POST /audio/speech, so the read-along highlights sentence by sentence with the exact
/// length of each (the endpoint gives no word timings). Answers are cached by model, voice and text like every paid answer (a
/// rebuild never pays twice for a sentence), and each is reserved against the book's budget before it is asked and priced after.
/// </summary>
public sealed class OpenAiVoice(OpenAiProvider provider, AssetCache cache, CostMeter meter, string language) : IVoice
{
    /// <summary>OpenAI's "pcm" answer: 24 kHz, 16-bit, mono.</summary>
    public const int SampleRate = 24_000;

    /// <summary>Seconds of speech a character takes, for the reservation only (about 14 characters a second read slowly).</summary>
    private const double SecondsPerCharacter = 1 / 12.0;

    private readonly string _model = provider.Options.SpeechModel;
    private readonly string _voice = provider.Options.SpeechVoice;

    public string Narrator => $"OpenAI {_model}, voice {_voice}";

    public bool IsAiModel => true;

    public async Task<Pcm> SpeakAsync(string sentence, CancellationToken ct)
    {
        var key = AssetCache.SpeechKey(_model, _voice, "pcm", $"{language}\n{sentence}");
        if (await cache.TryGetAsync(key, ct) is { } saved)
        {
            meter.RecordCacheHit("narration", _model);
            return new Pcm(saved, SampleRate);
        }
        var price = meter.Prices.For(_model);
        using (meter.Reserve("narration", price.ForSpeech(sentence.Length, sentence.Length * SecondsPerCharacter)))
        {
            var pcm = await provider.SpeakAsync(sentence, Instructions(language), ct);
            var spoken = new Pcm(pcm, SampleRate);
            meter.RecordSpeech("narration", _model, sentence.Length, spoken.Seconds);
            await cache.StoreAsync(key, pcm, ct);
            return spoken;
        }
    }

    /// <summary>How to read: slowly and warmly, as to a small child, in the book's language.</summary>
    public static string Instructions(string language) =>
        $"Read this children's picture book aloud to a young child, warmly and slowly, with a short pause after each sentence. The text is in {LanguageName(language)}.";

    private static string LanguageName(string language)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(language).EnglishName;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return language;
        }
    }
}
