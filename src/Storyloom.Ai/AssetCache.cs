using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Storyloom.Ai;

/// <summary>
/// Content-addressed paid answers (pictures and structured text): the key hashes everything that shapes the answer (model,
/// size, quality, prompt, the bytes of every reference; for text the schema and messages), so what was
/// paid for is never asked for again (a retry after a failure, a resumed run, a rebuild). Kept in memory and,
/// with a directory, on disk (written to a temp file, then renamed). Concurrent requests for one key share one call.
/// </summary>
public sealed class AssetCache(string? directory = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);

    public static string ImageKey(string model, string size, string quality, string prompt, IEnumerable<byte[]> references)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{model}\n{size}\n{quality}\n{prompt}\n"));
        foreach (var r in references) sha.AppendData(SHA256.HashData(r));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string TextKey(string model, string schema, IEnumerable<string> messages) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{schema}\n" + string.Join("\n\u0001", messages))));

    public bool TryGet(string key, out byte[] png)
    {
        if (_memory.TryGetValue(key, out png!)) return true;
        if (directory is not null && File.Exists(PathOf(key)))
        {
            png = File.ReadAllBytes(PathOf(key));
            _memory[key] = png;
            return true;
        }
        png = [];
        return false;
    }

    /// <summary>The cached picture, or the result of <paramref name="make"/> stored under the key; <c>fromCache</c> says which.</summary>
    public async Task<(byte[] Png, bool FromCache)> GetOrAddAsync(string key, Func<Task<byte[]>> make)
    {
        if (TryGet(key, out var hit)) return (hit, true);
        var mine = new Lazy<Task<byte[]>>(async () =>
        {
            var png = await make();
            Store(key, png);
            return png;
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

    private void Store(string key, byte[] png)
    {
        _memory[key] = png;
        if (directory is null) return;
        Directory.CreateDirectory(directory);
        var tmp = PathOf(key) + ".tmp";
        File.WriteAllBytes(tmp, png);
        File.Move(tmp, PathOf(key), overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(directory!, key + ".bin");
}
