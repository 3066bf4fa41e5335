using Storyloom.Server.Storage;

namespace Storyloom.Server.Assets;

/// <summary>
/// The built output of a book, one folder per version in the store: <c>books/{id}/v{n}/</c> holds interior.pdf, cover.pdf,
/// listing.json, manuscript.json and preflight.json (and ebook.epub and ebook-cover.jpg for an eBook). Every build writes a new version; which versions exist (and which is
/// the latest) is kept in the book_versions table (<see cref="Files.BookVersions"/>).
/// </summary>
public sealed class BookFiles(IFileStore store)
{
    /// <summary>The files a client can ask for by name, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["interior.pdf"] = "application/pdf",
        ["cover.pdf"] = "application/pdf",
        ["listing.json"] = "application/json",
        ["manuscript.json"] = "application/json",
        ["preflight.json"] = "application/json",
        // The Kindle eBook and its own cover, when the brief asks for the ebook format.
        ["ebook.epub"] = "application/epub+zip",
        ["ebook-cover.jpg"] = "image/jpeg",
    };

    public IFileStore Store => store;

    public static string BookPrefix(Guid bookId) => $"books/{bookId:N}/";

    public static string VersionPrefix(Guid bookId, int version) => $"{BookPrefix(bookId)}v{version}/";

    /// <summary>The key of a known file; throws for any other name, so a name from a URL can never leave the version.</summary>
    public static string KeyOf(Guid bookId, int version, string name) =>
        Known.ContainsKey(name) ? VersionPrefix(bookId, version) + name : throw new ArgumentException($"'{name}' is not a book file", nameof(name));

    public Task WriteAsync(Guid bookId, int version, string name, Stream content, CancellationToken ct) =>
        store.PutAsync(KeyOf(bookId, version, name), content, ct);

    public Task<Stream?> OpenReadAsync(Guid bookId, int version, string name, CancellationToken ct) =>
        store.OpenReadAsync(KeyOf(bookId, version, name), ct);

    public Task<int> DeleteVersionAsync(Guid bookId, int version, CancellationToken ct) => store.DeleteAllAsync(VersionPrefix(bookId, version), ct);

    public Task<int> DeleteAllAsync(Guid bookId, CancellationToken ct) => store.DeleteAllAsync(BookPrefix(bookId), ct);
}
