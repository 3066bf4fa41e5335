using Storyloom.Server.Hosting;

namespace Storyloom.Server.Assets;

/// <summary>
/// The built output of a book: <c>{DataDirectory}/books/{id}/current/</c> holds interior.pdf, cover.pdf, listing.json,
/// manuscript.json and preflight.json. The job engine writes here (each file to a temp name, then renamed); the files API reads.
/// </summary>
public sealed class BookFiles(StoryloomOptions options)
{
    /// <summary>The files a client can ask for by name, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["interior.pdf"] = "application/pdf",
        ["cover.pdf"] = "application/pdf",
        ["listing.json"] = "application/json",
        ["manuscript.json"] = "application/json",
        ["preflight.json"] = "application/json",
    };

    public string BookFolder(Guid bookId) => Path.Combine(options.DataDirectory, "books", bookId.ToString("N"));

    public string CurrentFolder(Guid bookId) => Path.Combine(BookFolder(bookId), "current");

    /// <summary>The path of a known file; throws for any other name, so a name from a URL can never leave the folder.</summary>
    public string PathOf(Guid bookId, string name) =>
        Known.ContainsKey(name) ? Path.Combine(CurrentFolder(bookId), name) : throw new ArgumentException($"'{name}' is not a book file", nameof(name));

    /// <summary>The existing files of the current build, in the order of <see cref="Known"/>; empty when not built yet.</summary>
    public IReadOnlyList<(string Name, string Path)> Existing(Guid bookId) =>
        Known.Keys.Select(n => (Name: n, Path: PathOf(bookId, n))).Where(f => File.Exists(f.Path)).ToList();

    /// <summary>Writes one file of the current build: to a temp name first, then renamed, so a reader never sees half a file.</summary>
    public async Task WriteAsync(Guid bookId, string name, Stream content, CancellationToken ct)
    {
        var path = PathOf(bookId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
        }
        File.Move(temp, path, overwrite: true);
    }

    public Task WriteAsync(Guid bookId, string name, byte[] content, CancellationToken ct) =>
        WriteAsync(bookId, name, new MemoryStream(content, writable: false), ct);

    public void DeleteAll(Guid bookId)
    {
        var folder = BookFolder(bookId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
