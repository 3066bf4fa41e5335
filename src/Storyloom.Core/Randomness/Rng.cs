namespace Storyloom.Core.Randomness;

/// <summary>SplitMix64: tiny, fast and identical on every platform and process, unlike System.Random's unspecified algorithm.</summary>
internal sealed class Rng(ulong state)
{
    private ulong _state = state;

    /// <summary>A generator for one purpose of one book; salts keep streams independent (e.g. "art", page number).</summary>
    public static Rng For(int seed, string salt, int index = 0)
    {
        var mixed = StableHash.Fnv1a(salt) ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)index << 32);
        var rng = new Rng(mixed);
        rng.NextU64();
        return rng;
    }

    public ulong NextU64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextU64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextU64() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}

/// <summary>FNV-1a: string.GetHashCode is randomized per process, so it cannot seed reproducible output.</summary>
internal static class StableHash
{
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
