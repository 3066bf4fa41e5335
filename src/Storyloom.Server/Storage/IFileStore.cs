namespace Storyloom.Server.Storage;

/// <summary>One stored file as a listing shows it.</summary>
public sealed record StoredFile(string Key, long Size, DateTime LastModified);

/// <summary>
/// Where assets and book files live: a folder on this machine (default) or an S3-compatible bucket. Keys are
/// '/'-separated ("assets/ab/abcd…", "books/{id}/v2/interior.pdf"). A put replaces the whole file at once, so a reader
/// sees the old bytes or the new ones, never half a file.
/// </summary>
public interface IFileStore
{
    /// <summary>Where the files are, for people (a folder, or s3://bucket at an endpoint); never holds a secret.</summary>
    string Location { get; }

    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The file's bytes as a stream the caller disposes; null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Removes the file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Every file whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken ct);

    /// <summary>Can the store be reached and written? A problem says what to change; start-up, /health/ready and doctor ask.</summary>
    Task<StorageProbe> ProbeAsync(CancellationToken ct);
}

/// <summary>The answer of <see cref="IFileStore.ProbeAsync"/>: free bytes are known for a folder only.</summary>
public sealed record StorageProbe(string Location, long? FreeBytes, string? Problem)
{
    public string Detail => FreeBytes is { } free ? $"{Location} writable, {free / (double)(1L << 30):0.0} GiB free" : $"{Location} readable and writable";
}

/// <summary>The storage cannot be used as configured; the message says what to change.</summary>
public sealed class StorageUnavailableException(string message) : Exception(message);

public static class FileStoreExtensions
{
    /// <summary>The whole file in memory (small files: JSON, probes); null when there is no such file.</summary>
    public static async Task<byte[]?> GetAsync(this IFileStore store, string key, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(key, ct);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public static Task PutAsync(this IFileStore store, string key, byte[] content, CancellationToken ct) =>
        store.PutAsync(key, new MemoryStream(content, writable: false), ct);

    public static async Task PutFileAsync(this IFileStore store, string key, string path, CancellationToken ct)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await store.PutAsync(key, input, ct);
    }

    /// <summary>Writes a stored file to <paramref name="path"/> (a temp name first, then renamed); false when there is no such file.</summary>
    public static async Task<bool> DownloadAsync(this IFileStore store, string key, string path, CancellationToken ct)
    {
        await using var source = await store.OpenReadAsync(key, ct);
        if (source is null)
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await source.CopyToAsync(target, ct);
        }
        File.Move(temp, path, overwrite: true);
        return true;
    }

    /// <summary>Deletes every file under <paramref name="prefix"/>; returns how many.</summary>
    public static async Task<int> DeleteAllAsync(this IFileStore store, string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var file in store.ListAsync(prefix, ct))
        {
            keys.Add(file.Key);
        }
        foreach (var key in keys)
        {
            await store.DeleteAsync(key, ct);
        }
        return keys.Count;
    }
}

/// <summary>Keys are checked once here, so a name from a URL can never leave the store's folder or bucket prefix.</summary>
internal static class StoreKeys
{
    public static string Check(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 900 || key[0] == '/' || key.Contains('\\', StringComparison.Ordinal)
            || key.Split('/').Any(s => s.Length == 0 || s is "." or ".." || s.Any(char.IsControl)))
        {
            throw new ArgumentException($"'{key}' is not a storage key (relative, '/'-separated, no empty, '.' or '..' parts)", nameof(key));
        }
        return key;
    }

    /// <summary>A prefix may end with '/' or be empty (everything).</summary>
    public static string CheckPrefix(string prefix) => prefix.Length == 0 ? prefix : prefix.EndsWith('/') ? Check(prefix[..^1]) + "/" : Check(prefix);
}
