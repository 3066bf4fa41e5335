using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Storyloom.Ai;

/// <summary>Where paid answers outlive one run: a folder for the CLI, the server's file store (folder or S3) for every worker.</summary>
public interface IAnswerStore
{
    /// <summary>The stored answer, or null when this request was never answered.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Stores the answer whole (a reader never sees half of it); storing a key again is harmless.</summary>
    Task PutAsync(string key, byte[] answer, CancellationToken ct);
}

/// <summary>Answers as files in one folder (written to a temp file, then renamed).</summary>
public sealed class FolderAnswerStore(string directory) : IAnswerStore
{
    public async Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
        File.Exists(PathOf(key)) ? await File.ReadAllBytesAsync(PathOf(key), ct) : null;

    public async Task PutAsync(string key, byte[] answer, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var tmp = $"{PathOf(key)}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(tmp, answer, ct);
        File.Move(tmp, PathOf(key), overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(directory, key + ".bin");
}

/// <summary>
/// Content-addressed paid answers (pictures, structured text, moderation verdicts): the key hashes everything that shapes the
/// answer (model, size, quality, prompt, the bytes of every reference; for text the schema and messages), so what was paid for
/// is never asked for again (a retry after a failure, a resumed run, a rebuild, another worker). Kept in memory and, with a
/// store, beyond this run. Concurrent requests for one key in this process share one call.
/// </summary>
public sealed class AssetCache(IAnswerStore? store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);

    /// <summary>In memory only (<paramref name="directory"/> null), or also in that folder.</summary>
    public AssetCache(string? directory = null)
        : this(directory is null ? null : new FolderAnswerStore(directory))
    {
    }

    public static string ImageKey(string model, string size, string quality, string prompt, IEnumerable<byte[]> references)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{model}\n{size}\n{quality}\n{prompt}\n"));
        foreach (var r in references) sha.AppendData(SHA256.HashData(r));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string TextKey(string model, string schema, IEnumerable<string> messages) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{schema}\n" + string.Join("\n\u0001", messages))));

    public static string SpeechKey(string model, string voice, string format, string text) =>
        TextKey(model, $"speech:{voice}:{format}", [text]);

    public static string ModerationKey(string model, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"moderation\n{model}\n{text}")));

    /// <summary>The answer stored under the key, or null.</summary>
    public async Task<byte[]?> TryGetAsync(string key, CancellationToken ct)
    {
        if (_memory.TryGetValue(key, out var hit)) return hit;
        if (store is null || await store.GetAsync(key, ct) is not { } stored) return null;
        _memory[key] = stored;
        return stored;
    }

    /// <summary>The cached answer, or the result of <paramref name="make"/> stored under the key; <c>FromCache</c> says which.</summary>
    public async Task<(byte[] Png, bool FromCache)> GetOrAddAsync(string key, Func<Task<byte[]>> make, CancellationToken ct = default)
    {
        if (await TryGetAsync(key, ct) is { } hit) return (hit, true);
        var mine = new Lazy<Task<byte[]>>(async () =>
        {
            var answer = await make();
            await StoreAsync(key, answer, ct);
            return answer;
        });
        var task = _inFlight.GetOrAdd(key, mine);
        try
        {
            return (await task.Value, !ReferenceEquals(task, mine));
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, task));
        }
    }

    /// <summary>Keeps an answer made outside <see cref="GetOrAddAsync"/> (one moderation call answers many keys).</summary>
    public async Task StoreAsync(string key, byte[] answer, CancellationToken ct)
    {
        _memory[key] = answer;
        // Paid for already: kept even when the caller is giving up.
        if (store is not null) await store.PutAsync(key, answer, CancellationToken.None);
    }
}
