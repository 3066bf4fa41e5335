using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Storyloom.Server.Storage;

/// <summary>
/// The default store: files under one folder (the data directory unless Storyloom:Storage:Folder says otherwise). Each put
/// writes a temp file beside the target and renames it over, so a reader never sees half a file.
/// </summary>
internal sealed partial class LocalFolderStore(string root) : IFileStore
{
    private readonly string _root = Path.GetFullPath(root);

    public string Location => _root;

    private string PathOf(string key) => Path.Combine(_root, StoreKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            // FileShare.Delete: a version deleted while someone downloads it goes away when the download ends.
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }
        // Empty folders left behind (a deleted version, a deleted book) go too, up to the root.
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > _root.Length && dir.StartsWith(_root, StringComparison.Ordinal);
             dir = Path.GetDirectoryName(dir))
        {
            try
            {
                if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    break;
                }
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                break;
            }
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        StoreKeys.CheckPrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => (Path: p, Key: Path.GetRelativePath(_root, p).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && !TempName().IsMatch(f.Key))
            .OrderBy(f => f.Key, StringComparer.Ordinal);
        foreach (var (path, key) in files)
        {
            ct.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (info.Exists)
            {
                yield return new StoredFile(key, info.Length, info.LastWriteTimeUtc);
            }
        }
        await Task.CompletedTask;
    }

    public async Task<StorageProbe> ProbeAsync(CancellationToken ct)
    {
        try
        {
            var key = $".probe/{Guid.NewGuid():N}";
            await this.PutAsync(key, "ok"u8.ToArray(), ct);
            await DeleteAsync(key, ct);
            return new StorageProbe(_root, new DriveInfo(_root).AvailableFreeSpace, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StorageProbe(_root, 0, $"cannot write to {_root}: {e.Message}");
        }
    }

    [GeneratedRegex(@"\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();
}
