using System.ComponentModel;
using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;

namespace Storyloom.Server.Files;

public sealed record ReadAlongClip(string Id, double Begin, double End);

public sealed record ReadAlongBlock(
    [property: Description("text (one box) or flow (boxes stacked in a column, each a div of class text)")] string Class,
    [property: Description("The box's CSS, as in the EPUB page (position in %, type in px of the viewport).")] string Style,
    [property: Description("The box's XHTML; each sentence is a span whose id a clip names.")] string Html);

public sealed record ReadAlongPage(int Number, string Image, string Alt, IReadOnlyList<ReadAlongBlock> Blocks, string? Audio, double Seconds, IReadOnlyList<ReadAlongClip> Clips);

public sealed record ReadAlongDto(
    int Version,
    [property: Description("The viewport of every page, in CSS px.")] int Width,
    int Height,
    string Language,
    [property: Description("ltr or rtl: the reading direction.")] string Direction,
    bool Narrated,
    [property: Description("The active class the EPUB's style sheet sets on the sentence being read.")] string ActiveClass,
    string Css,
    IReadOnlyList<ReadAlongPage> Pages);

/// <summary>
/// The eBook as a reading system sees it, for the web app's read-along preview: the pages in spine order with their picture
/// and live text, and the media overlays' clips (which sentence is read from when to when). Read from the stored EPUB itself,
/// so the preview shows what a Kindle gets. Items (pictures, sounds) come through <see cref="Item"/>, owner-checked like every file.
/// </summary>
internal static class ReadAlong
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Smil = "http://www.w3.org/ns/SMIL";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4",
        [".mp4"] = "audio/mp4", [".css"] = "text/css", [".ttf"] = "font/ttf",
    };

    public static async Task<Results<Ok<ReadAlongDto>, NotFound, ProblemHttpResult, ValidationProblem>> Pages(
        Guid id, string? version, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
    {
        var (zip, number, missing, problem, invalid) = await OpenAsync(id, version, user, db, files, ct);
        if (zip is null)
        {
            if (missing is not null) return missing;
            if (problem is not null) return problem;
            return invalid!;
        }
        using (zip)
        {
            var package = Xml(zip, "EPUB/package.opf");
            var items = package.Descendants(Opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => i);
            var pages = new List<ReadAlongPage>();
            foreach (var itemref in package.Descendants(Opf + "itemref"))
            {
                var item = items[(string)itemref.Attribute("idref")!];
                var href = "EPUB/" + (string)item.Attribute("href")!;
                if (!href.StartsWith("EPUB/pages/", StringComparison.Ordinal))
                {
                    continue;
                }
                var page = Xml(zip, href);
                var img = page.Descendants(Xhtml + "img").First();
                var sheet = page.Descendants(Xhtml + "div").First(d => (string?)d.Attribute("class") == "page");
                var blocks = sheet.Elements(Xhtml + "div").Where(d => (string?)d.Attribute("class") is "text" or "flow")
                    .Select(d => new ReadAlongBlock((string)d.Attribute("class")!, (string?)d.Attribute("style") ?? "", string.Concat(d.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
                        .Replace($" xmlns=\"{Xhtml}\"", "", StringComparison.Ordinal))).ToList();
                string? audio = null;
                var clips = new List<ReadAlongClip>();
                if ((string?)item.Attribute("media-overlay") is { } overlayId && items.TryGetValue(overlayId, out var overlay))
                {
                    var smil = Xml(zip, "EPUB/" + (string)overlay.Attribute("href")!);
                    foreach (var par in smil.Descendants(Smil + "par"))
                    {
                        var text = (string)par.Element(Smil + "text")!.Attribute("src")!;
                        var sound = par.Element(Smil + "audio")!;
                        audio ??= Resolve("EPUB/smil/", (string)sound.Attribute("src")!);
                        clips.Add(new ReadAlongClip(text[(text.IndexOf('#') + 1)..], Seconds((string)sound.Attribute("clipBegin")!), Seconds((string)sound.Attribute("clipEnd")!)));
                    }
                }
                var number1 = int.Parse(Path.GetFileNameWithoutExtension(href).TrimStart('p', '0') is { Length: > 0 } digits ? digits : "0", CultureInfo.InvariantCulture);
                pages.Add(new ReadAlongPage(number1, Resolve(href, (string)img.Attribute("src")!), (string?)img.Attribute("alt") ?? "", blocks, audio,
                    clips.Count == 0 ? 0 : clips[^1].End, clips));
            }
            var first = pages.Count == 0 ? null : Xml(zip, package.Descendants(Opf + "item").Select(i => "EPUB/" + (string)i.Attribute("href")!).First(h => h.StartsWith("EPUB/pages/", StringComparison.Ordinal)));
            var viewport = first?.Descendants(Xhtml + "meta").FirstOrDefault(m => (string?)m.Attribute("name") == "viewport")?.Attribute("content")?.Value ?? "";
            int Size(string key) => int.TryParse(viewport.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..],
                CultureInfo.InvariantCulture, out var v) ? v : 0;
            var html = first?.Root;
            var css = zip.GetEntry("EPUB/css/book.css") is { } cssEntry ? await ReadTextAsync(cssEntry, ct) : "";
            return TypedResults.Ok(new ReadAlongDto(number, Size("width"), Size("height"), (string?)html?.Attribute("lang") ?? "en",
                (string?)html?.Attribute("dir") ?? "ltr", pages.Any(p => p.Audio is not null), Core.Ebook.EpubWriter.ActiveClass, css, pages));
        }
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> Item(
        Guid id, string path, string? version, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
    {
        var (zip, _, missing, problem, invalid) = await OpenAsync(id, version, user, db, files, ct);
        if (zip is null)
        {
            if (missing is not null) return missing;
            if (problem is not null) return problem;
            return invalid!;
        }
        using (zip)
        {
            // Only the EPUB's own content, by its exact entry name: no path can climb out of the archive.
            if (!path.StartsWith("EPUB/", StringComparison.Ordinal) || !Types.TryGetValue(Path.GetExtension(path), out var type) || zip.GetEntry(path) is not { } entry)
            {
                return FilesApi.NotFound($"the eBook has no item '{path}'; ask for a picture or sound that GET …/ebook/read-along names");
            }
            await using var source = await entry.OpenAsync(ct);
            using var copy = new MemoryStream();
            await source.CopyToAsync(copy, ct);
            return TypedResults.File(copy.ToArray(), type, enableRangeProcessing: true);
        }
    }

    private static async Task<(ZipArchive? Zip, int Number, NotFound? Missing, ProblemHttpResult? Problem, ValidationProblem? Invalid)> OpenAsync(
        Guid id, string? version, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(user, id, ct) is null)
        {
            return (null, 0, TypedResults.NotFound(), null, null);
        }
        if (!FilesApi.TryVersion(version, out var wanted, out var invalid))
        {
            return (null, 0, null, null, invalid);
        }
        var build = await BookVersions.FindAsync(db, id, wanted, ct);
        if (build is null)
        {
            return (null, 0, null, FilesApi.NotFound(wanted is null ? "the book is not built yet; generate it first" : $"the book has no version {wanted}; GET /api/v1/books/{id}/versions lists them"), null);
        }
        var stream = build.Files().Any(f => f.Name == "ebook.epub") ? await files.OpenReadAsync(id, build.Number, "ebook.epub", ct) : null;
        if (stream is null)
        {
            return (null, 0, null, FilesApi.NotFound($"version {build.Number} has no eBook; ask for the formats print and ebook in the brief (PATCH formats) and build the book again"), null);
        }
        // A bucket's stream cannot seek; an EPUB is a few MB, so it is read into memory.
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            await stream.DisposeAsync();
            copy.Position = 0;
            stream = copy;
        }
        return (await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct), build.Number, null, null, null);
    }

    private static XDocument Xml(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidDataException($"the EPUB has no {name}")).Open();
        return XDocument.Load(stream);
    }

    private static async Task<string> ReadTextAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var stream = await entry.OpenAsync(ct);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>A href relative to the file that names it, as a path inside the archive.</summary>
    private static string Resolve(string from, string href)
    {
        var folder = from.EndsWith('/') ? from : from[..(from.LastIndexOf('/') + 1)];
        var parts = new List<string>(folder.TrimEnd('/').Split('/'));
        foreach (var part in href.Split('#')[0].Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else if (part != ".") parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static double Seconds(string clock) => clock.EndsWith("ms", StringComparison.Ordinal)
        ? double.Parse(clock[..^2], CultureInfo.InvariantCulture) / 1000
        : clock.EndsWith('s') ? double.Parse(clock[..^1], CultureInfo.InvariantCulture) : TimeSpan.Parse(clock, CultureInfo.InvariantCulture).TotalSeconds;
}
