using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storyloom.Server.Books;
using Storyloom.Server.Files;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Tasks;

/// <summary>The Kindle eBook through the API: asked in the brief, made by the task after the print book (real Chromium, espeak-ng, epubcheck).</summary>
public abstract class EbookTests(TaskFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync() => fixture.Server.CreateClient(await fixture.Server.CreateUserAsync());

    [Fact]
    public async Task A_narrated_ebook_is_a_step_after_the_print_book_and_its_files_are_in_the_version_and_the_zip()
    {
        var client = await SignedInAsync();
        var title = $"Pip Reads Aloud {Guid.NewGuid():N}"[..28];
        var book = await client.CreateBookAsync(("title", title), ("pageCount", 24), ("formats", new[] { "print", "ebook" }), ("narrate", true));
        book.Formats.ShouldBe(["print", "ebook"]);
        book.Narrate.ShouldBeTrue();

        var queued = await client.GenerateAsync(book.Id);
        var live = await client.ReadEventsAsync(queued.Id);
        var task = await client.GetTaskAsync(queued.Id);
        task.Status.ShouldBe("succeeded", task.Error);
        var names = task.Steps!.Select(s => s.Name).ToList();
        names[^5..].ShouldBe(["layout", "preflight", "previews", "ebook", "package"]);
        task.StepsTotal.ShouldBe(names.Count);
        task.Steps!.Single(s => s.Name == "ebook").Text.ShouldBe("Making the Kindle eBook");
        // The step reports its parts as it goes, and the percent moves inside it.
        var parts = live.Where(e => e.Type == "ebook").ToList();
        parts.Select(e => e.Data.Message).ShouldBe(["Laying out the eBook pages", "Drawing the eBook cover", "Reading the pages aloud", "Packing and checking the EPUB"]);
        parts.Select(e => e.Data.Percent).ShouldBeInOrder(SortDirection.Ascending);
        live.Single(e => e.Type == "check" && e.Data.Message.StartsWith("eBook", StringComparison.Ordinal)).Data.Message
            .ShouldContain("epubcheck 0 errors, 0 warnings");

        var epub = await client.GetAsync($"/api/v1/books/{book.Id}/files/ebook.epub", Ct);
        epub.StatusCode.ShouldBe(HttpStatusCode.OK);
        epub.Content.Headers.ContentType!.MediaType.ShouldBe("application/epub+zip");
        await using (var zip = new ZipArchive(new MemoryStream(await epub.Content.ReadAsByteArrayAsync(Ct))))
        {
            zip.Entries[0].FullName.ShouldBe("mimetype");
            zip.Entries.Count(e => e.FullName.StartsWith("EPUB/smil/", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
            zip.Entries.Count(e => e.FullName.StartsWith("EPUB/audio/", StringComparison.Ordinal) && e.FullName.EndsWith(".mp3", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        }
        var cover = await client.GetAsync($"/api/v1/books/{book.Id}/files/ebook-cover.jpg", Ct);
        cover.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        JpegSize(await cover.Content.ReadAsByteArrayAsync(Ct)).ShouldBe((1600, 2560));

        using var preflight = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/preflight.json", Ct));
        var ebook = preflight.RootElement.GetProperty("ebook");
        ebook.GetProperty("passed").GetBoolean().ShouldBeTrue(ebook.ToString());
        ebook.GetProperty("narrated").GetBoolean().ShouldBeTrue();
        ebook.GetProperty("epubcheck").GetProperty("errors").GetInt32().ShouldBe(0);
        ebook.GetProperty("epubcheck").GetProperty("warnings").GetInt32().ShouldBe(0);
        preflight.RootElement.GetProperty("checks").GetArrayLength().ShouldBeGreaterThan(0);
        using var listing = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/books/{book.Id}/files/listing.json", Ct));
        listing.RootElement.GetProperty("ebook").GetProperty("narrator").GetString().ShouldNotBeNull().ShouldStartWith("espeak-ng");

        var versions = await (await client.GetAsync($"/api/v1/books/{book.Id}/versions", Ct)).ReadAsync<List<BookVersionDto>>();
        versions.Single().Files.Select(f => f.Name).ShouldBe(["interior.pdf", "cover.pdf", "listing.json", "manuscript.json", "preflight.json", "ebook.epub", "ebook-cover.jpg"]);
        using (var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/files.zip", Ct))))
        {
            zip.Entries.Select(e => e.Name).ShouldContain("ebook.epub");
            zip.Entries.Select(e => e.Name).ShouldContain("ebook-cover.jpg");
        }

        // The read-along: the pages in order with their live text, each narrated page with its sound and the time of each sentence.
        var along = await (await client.GetAsync($"/api/v1/books/{book.Id}/ebook/read-along", Ct)).ReadAsync<ReadAlongDto>();
        // An 8.5 x 8.5 in book keeps its square pages: 1600 px wide, as tall as the page is.
        (along.Width, along.Height, along.Direction, along.Narrated).ShouldBe((1600, 1600, "ltr", true));
        along.Pages.Select(p => p.Number).ShouldBeInOrder(SortDirection.Ascending);
        var spoken = along.Pages.Where(p => p.Audio is not null).ToList();
        spoken.Count.ShouldBeGreaterThan(10);
        foreach (var page in spoken)
        {
            page.Clips.ShouldNotBeEmpty();
            page.Clips.ShouldAllBe(c => c.End > c.Begin);
            page.Clips.Zip(page.Clips.Skip(1)).ShouldAllBe(p => p.Second.Begin >= p.First.End);
            foreach (var clip in page.Clips)
            {
                string.Concat(page.Blocks.Select(b => b.Html)).ShouldContain($"id=\"{clip.Id}\"");
            }
        }
        var sound = await client.GetAsync($"/api/v1/books/{book.Id}/ebook/items/{spoken[0].Audio}", Ct);
        sound.StatusCode.ShouldBe(HttpStatusCode.OK);
        sound.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
        var picture = await client.GetByteArrayAsync($"/api/v1/books/{book.Id}/ebook/items/{spoken[0].Image}", Ct);
        picture[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/ebook/items/EPUB/package.opf", Ct)).ProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldContain("no item");
        (await client.GetAsync($"/api/v1/books/{book.Id}/ebook/items/..%2F..%2Fstoryloom.db", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stranger = await SignedInAsync();
        (await stranger.GetAsync($"/api/v1/books/{book.Id}/files/ebook.epub", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/books/{book.Id}/ebook/read-along", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/books/{book.Id}/ebook/items/{spoken[0].Audio}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_brief_asking_an_ebook_of_a_coloring_book_or_an_unknown_format_says_what_to_change()
    {
        var client = await SignedInAsync();
        var coloring = await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(("kind", "coloring"), ("trim", "8.5x11"), ("pageCount", 100),
            ("ink", "bw"), ("bleed", false), ("formats", new[] { "print", "ebook" })), ApiCalls.Json, Ct);
        (await coloring.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("formats")[0].GetString()
            .ShouldNotBeNull().ShouldContain("a coloring book has no eBook");
        var narrated = await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(("kind", "coloring"), ("trim", "8.5x11"), ("pageCount", 100),
            ("ink", "bw"), ("bleed", false), ("narrate", true)), ApiCalls.Json, Ct);
        (await narrated.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("narrate")[0].GetString()
            .ShouldNotBeNull().ShouldContain("print only");
        var unknown = await client.PostAsJsonAsync("/api/v1/books", ApiCalls.Brief(("formats", new[] { "print", "audiobook" })), ApiCalls.Json, Ct);
        (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("formats")[0].GetString()
            .ShouldNotBeNull().ShouldContain("unknown format 'audiobook'");

        // Narration alone asks for the eBook; PATCH formats [print] drops both, and a book without an eBook has no read-along.
        var book = await client.CreateBookAsync(("narrate", true));
        book.Formats.ShouldBe(["print", "ebook"]);
        book.Narrate.ShouldBeTrue();
        var patched = await (await client.PatchAsJsonAsync($"/api/v1/books/{book.Id}", new { formats = new[] { "print" }, narrate = false }, ApiCalls.Json, Ct)).ReadAsync<BookDto>();
        patched.Formats.ShouldBe(["print"]);
        patched.Narrate.ShouldBeFalse();
        (await (await client.GetAsync($"/api/v1/books/{book.Id}/ebook/read-along", Ct)).ProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldContain("not built yet");
    }

    /// <summary>Width and height from a JPEG's start-of-frame marker.</summary>
    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        jpeg[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
        var pos = 2;
        while (pos + 9 < jpeg.Length)
        {
            var marker = jpeg[pos + 1];
            var length = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[pos + 7] << 8) | jpeg[pos + 8], (jpeg[pos + 5] << 8) | jpeg[pos + 6]);
            }
            pos += 2 + length;
        }
        throw new InvalidDataException("no start-of-frame marker in the JPEG");
    }
}

[Collection("tasks")]
public sealed class SqliteEbookTests(SqliteTaskApp fixture) : EbookTests(fixture), IClassFixture<SqliteTaskApp>;

[Collection("tasks")]
public sealed class PostgresEbookTests(PostgresTaskApp fixture) : EbookTests(fixture), IClassFixture<PostgresTaskApp>;
