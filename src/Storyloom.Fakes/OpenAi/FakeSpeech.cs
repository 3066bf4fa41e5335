using System.Buffers.Binary;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// The fake's own speech: for each word a voiced buzz (a pitch of the voice with two vowel-like overtones, in and out smoothly)
/// as long as its letters, a short gap between words and a longer one after a sentence's end; 24 kHz 16-bit mono like OpenAI's pcm.
/// Deterministic, so the same text gives the same sound.
/// </summary>
public static class FakeSpeech
{
    public const int SampleRate = 24_000;

    public static readonly IReadOnlyList<string> Voices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"];

    public static byte[] Say(string text, string voice, double speed = 1.0)
    {
        var pitch = 150 + 10 * (Math.Abs(StringComparer.Ordinal.GetHashCode(voice)) % 8);
        speed = Math.Clamp(speed, 0.25, 4.0);
        var samples = new List<short>();
        void Silence(double seconds) => samples.AddRange(new short[(int)(seconds / speed * SampleRate)]);
        Silence(0.05);
        foreach (var word in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = word.Count(char.IsLetterOrDigit);
            var length = (int)((0.12 + 0.055 * Math.Max(1, letters)) / speed * SampleRate);
            for (var i = 0; i < length; i++)
            {
                var t = (double)i / SampleRate;
                var envelope = Math.Sin(Math.PI * i / length);
                var wave = Math.Sin(2 * Math.PI * pitch * t) + 0.5 * Math.Sin(2 * Math.PI * 3.2 * pitch * t) + 0.25 * Math.Sin(2 * Math.PI * 7.5 * pitch * t);
                samples.Add((short)(wave / 1.75 * envelope * 9000));
            }
            Silence(word[^1] is '.' or '!' or '?' ? 0.35 : 0.08);
        }
        var bytes = new byte[samples.Count * 2];
        for (var i = 0; i < samples.Count; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        return bytes;
    }

    /// <summary>The same samples with a WAV header, as the "wav" format answers.</summary>
    public static byte[] Wav(byte[] pcm) => new Core.Ebook.Pcm(pcm, SampleRate).ToWav();
}
