using System.Security.Cryptography;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Assets;

/// <summary>
/// Files stored by the SHA-256 of their bytes under <c>{DataDirectory}/assets/ab/abcdef…</c>: a step's output is saved once,
/// read back by any worker that shares the folder, and never written twice with different bytes under one name.
/// </summary>
public sealed class ContentStore(StoryloomOptions options)
{
    private string Root => Path.Combine(options.DataDirectory, "assets");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    public bool Has(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Stores a file (copied to a temp name, then renamed) and returns its SHA-256.</summary>
    public async Task<string> PutFileAsync(string source, CancellationToken ct)
    {
        string sha;
        await using (var input = File.OpenRead(source))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct));
        }
        var target = PathOf(sha);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = $"{target}.{Guid.NewGuid():N}.tmp";
            File.Copy(source, temp);
            File.Move(temp, target, overwrite: true);
        }
        return sha;
    }

    /// <summary>Puts a stored file at <paramref name="target"/> unless it is there already.</summary>
    public void CopyTo(string sha256, string target)
    {
        if (File.Exists(target))
        {
            return;
        }
        var source = PathOf(sha256);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"asset {sha256} is missing from {Root}", source);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        File.Copy(source, temp);
        File.Move(temp, target, overwrite: true);
    }
}
