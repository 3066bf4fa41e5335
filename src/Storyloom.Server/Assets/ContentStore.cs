using System.Security.Cryptography;
using Storyloom.Server.Storage;

namespace Storyloom.Server.Assets;

/// <summary>
/// Files stored by the SHA-256 of their bytes under <c>assets/ab/abcdef…</c> in the store: a step's output is saved once,
/// read back by any worker (a shared folder or the bucket), and never written twice with different bytes under one name.
/// </summary>
public sealed class ContentStore(IFileStore files)
{
    public static string KeyOf(string sha256) => $"assets/{sha256[..2]}/{sha256}";

    public Task<bool> HasAsync(string sha256, CancellationToken ct) => files.ExistsAsync(KeyOf(sha256), ct);

    /// <summary>The stored bytes as a stream the caller disposes; null when the store does not have them.</summary>
    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct) => files.OpenReadAsync(KeyOf(sha256), ct);

    /// <summary>Stores a file unless the store has its bytes already, and returns its SHA-256.</summary>
    public async Task<string> PutFileAsync(string source, CancellationToken ct)
    {
        string sha;
        await using (var input = File.OpenRead(source))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct));
        }
        if (!await HasAsync(sha, ct))
        {
            await files.PutFileAsync(KeyOf(sha), source, ct);
        }
        return sha;
    }

    /// <summary>Puts a stored file at <paramref name="target"/> on this machine unless it is there already.</summary>
    public async Task CopyToAsync(string sha256, string target, CancellationToken ct)
    {
        if (File.Exists(target))
        {
            return;
        }
        if (!await files.DownloadAsync(KeyOf(sha256), target, ct))
        {
            throw new FileNotFoundException($"asset {sha256} is missing from {files.Location}", KeyOf(sha256));
        }
    }
}
