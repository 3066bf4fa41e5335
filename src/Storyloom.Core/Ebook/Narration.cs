using System.Buffers.Binary;
using System.Collections.Concurrent;
using Storyloom.Print.Tools;

namespace Storyloom.Core.Ebook;

/// <summary>Speaks one sentence; returns 16-bit mono PCM and its sample rate.</summary>
public interface IVoice
{
    /// <summary>Who reads, for the EPUB's media:narrator and listing.json ("espeak-ng (en)", "OpenAI gpt-4o-mini-tts, voice coral").</summary>
    string Narrator { get; }

    /// <summary>True when a paid service made the sound: listing.json then answers KDP's AI questions for narration with Yes.</summary>
    bool IsAiModel { get; }

    Task<Pcm> SpeakAsync(string sentence, CancellationToken ct);
}

/// <summary>16-bit little-endian mono samples.</summary>
public sealed record Pcm(byte[] Samples, int SampleRate)
{
    public double Seconds => Samples.Length / 2.0 / SampleRate;

    /// <summary>Reads the data chunk of a PCM WAV file (what espeak-ng writes); fails on anything but 16-bit mono.</summary>
    public static Pcm FromWav(byte[] wav)
    {
        if (wav.Length < 44 || wav[0] != 'R' || wav[8] != 'W') throw new ExternalToolException("the speech engine wrote no WAV sound");
        int rate = 0, pos = 12;
        while (pos + 8 <= wav.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(wav, pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(pos + 4));
            if (id == "fmt ")
            {
                var channels = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(pos + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(pos + 12));
                var bits = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(pos + 22));
                if (channels != 1 || bits != 16) throw new ExternalToolException($"expected 16-bit mono speech, got {bits}-bit {channels} channels");
            }
            else if (id == "data")
            {
                // espeak-ng writing to a pipe leaves the size unset (0x7fffffff or 0): take the rest of the file.
                var length = size <= 0 || pos + 8 + size > wav.Length ? wav.Length - pos - 8 : size;
                return new Pcm(wav.AsSpan(pos + 8, length & ~1).ToArray(), rate);
            }
            pos += 8 + Math.Max(0, size) + (size & 1);
        }
        throw new ExternalToolException("the speech engine's WAV has no sound data");
    }

    public byte[] ToWav()
    {
        var wav = new byte[44 + Samples.Length];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + Samples.Length);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), Samples.Length);
        Samples.CopyTo(wav.AsSpan(44));
        return wav;
    }
}

/// <summary>The offline voice: espeak-ng (Debian), in the voice of the book's language.</summary>
public sealed class EspeakVoice(string language) : IVoice
{
    private static readonly ConcurrentDictionary<string, string> Known = new();

    public string Voice { get; } = VoiceFor(language);

    public string Narrator => $"espeak-ng ({Voice})";

    public bool IsAiModel => false;

    public async Task<Pcm> SpeakAsync(string sentence, CancellationToken ct)
    {
        var run = await ExternalTool.RunAsync("espeak-ng", ["-v", Voice, "-s", "140", "--stdout", "--", sentence], ct, TimeSpan.FromSeconds(60));
        if (run.ExitCode != 0) throw new ExternalToolException($"espeak-ng failed (exit code {run.ExitCode}): {run.Stderr.Trim()}");
        return Pcm.FromWav(run.Stdout);
    }

    /// <summary>espeak-ng's voice for a BCP-47 tag: the whole tag, then its language ("pt-BR" → "pt-br" → "pt"); Chinese is Mandarin.</summary>
    public static string VoiceFor(string language)
    {
        var tag = language.ToLowerInvariant().Replace('_', '-');
        var primary = tag.Split('-')[0];
        if (primary == "zh") return tag.Contains("hant") || tag.EndsWith("-hk") ? "yue" : "cmn";
        var voices = Voices();
        return voices.Contains(tag) ? tag : voices.Contains(primary) ? primary : "en";
    }

    private static HashSet<string> Voices()
    {
        var list = Known.GetOrAdd("list", _ =>
        {
            try
            {
                var run = ExternalTool.RunAsync("espeak-ng", ["--voices"], CancellationToken.None).GetAwaiter().GetResult();
                return string.Join(' ', run.StdoutText.Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 1).Select(p => p[1]));
            }
            catch (ExternalToolException)
            {
                return "en";
            }
        });
        return list.Split(' ').ToHashSet();
    }
}

/// <summary>
/// Reads every page aloud: each sentence spoken apart, joined with a short pause into one MP3 a page (lame, Debian), and the
/// time each sentence starts and ends in it kept for the media overlay.
/// </summary>
public static class Narration
{
    public const double PauseSeconds = 0.4;

    public static async Task<IReadOnlyList<EbookPage>> NarrateAsync(IReadOnlyList<EbookPage> pages, IVoice voice, string audioDir, CancellationToken ct)
    {
        Directory.CreateDirectory(audioDir);
        var result = new EbookPage[pages.Count];
        // Two at a time: the machine's other builds share its cores.
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, token) =>
        {
            var page = pages[i];
            var sentences = page.Role == Books.PageRole.Copyright ? [] : page.Blocks.SelectMany(b => b.Sentences).ToList();
            result[i] = sentences.Count == 0 ? page : page with { Audio = await SpeakPageAsync(page, sentences, voice, audioDir, token) };
        });
        return result;
    }

    private static async Task<PageAudio> SpeakPageAsync(EbookPage page, IReadOnlyList<Sentence> sentences, IVoice voice, string audioDir, CancellationToken ct)
    {
        using var all = new MemoryStream();
        var rate = 0;
        var clips = new List<(string, double, double)>();
        foreach (var sentence in sentences)
        {
            var pcm = await voice.SpeakAsync(sentence.Text, ct);
            if (rate == 0) rate = pcm.SampleRate;
            if (pcm.SampleRate != rate) throw new ExternalToolException($"the voice changed its sample rate within page {page.Number}");
            var begin = all.Length / 2.0 / rate;
            all.Write(pcm.Samples);
            clips.Add((sentence.Id, begin, all.Length / 2.0 / rate));
            all.Write(new byte[(int)(PauseSeconds * rate) * 2]);
        }
        var joined = new Pcm(all.ToArray(), rate);
        var wav = Path.Combine(audioDir, $"p{page.Number:000}.wav");
        var mp3 = Path.ChangeExtension(wav, ".mp3");
        await File.WriteAllBytesAsync(wav, joined.ToWav(), ct);
        var run = await ExternalTool.RunAsync("lame", ["--quiet", "-m", "m", "-V", "7", "--resample", "22.05", wav, mp3], ct);
        File.Delete(wav);
        if (run.ExitCode != 0 || !File.Exists(mp3)) throw new ExternalToolException($"lame could not encode the narration of page {page.Number}: {run.Stderr.Trim()}");
        return new PageAudio(mp3, joined.Seconds, clips);
    }
}
