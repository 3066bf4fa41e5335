using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storyloom.Cli.Server;
using Storyloom.Server.Assets;
using Storyloom.Server.Books;
using Storyloom.Server.Data;
using Storyloom.Server.Files;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Ops;

/// <summary><c>storyloom books list|show|export</c>: the server's books, from the command line of the machine that runs it.</summary>
internal static class BooksCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var books = new Command("books", "The server's books: list, show, export.");
        books.Subcommands.Add(List(console));
        books.Subcommands.Add(Show(console));
        books.Subcommands.Add(Export(console));
        return books;
    }

    private static Command List(IAnsiConsole console)
    {
        var owner = new Option<string?>("--user") { Description = "Only the books of this account (email)" };
        var status = new Option<string?>("--status") { Description = "draft | generating | ready | failed" };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List books, newest first.") { owner, status, limit, ServerHost.Data };
        command.SetAction(async (parse, ct) => await UsersCommand.WithDb(parse.GetValue(ServerHost.Data), async (db, _) =>
        {
            if (parse.GetValue(status) is { } s && !BookStatus.All.Contains(s))
            {
                throw new UsageException($"unknown status '{s}'; use {string.Join(", ", BookStatus.All)}");
            }
            var query = db.Books.AsNoTracking().Join(db.Users, b => b.OwnerId, u => u.Id, (b, u) => new { Book = b, u.Email });
            if (parse.GetValue(owner) is { } email)
            {
                var normalized = Storyloom.Server.Accounts.Passwords.NormalizeEmail(email);
                query = query.Where(x => x.Email == normalized);
            }
            if (parse.GetValue(status) is { } wanted)
            {
                query = query.Where(x => x.Book.Status == wanted);
            }
            var rows = await query.OrderByDescending(x => x.Book.UpdatedAt).Take(Math.Clamp(parse.GetValue(limit), 1, 10_000)).ToListAsync(ct);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "title", "owner", "kind", "ages", "pages", "status", "updated");
            foreach (var x in rows)
            {
                table.AddRow(x.Book.Id.ToString(), Markup.Escape(x.Book.Title), Markup.Escape(x.Email), x.Book.Kind, x.Book.AgeGroup,
                    x.Book.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Book.Status, $"{x.Book.UpdatedAt:yyyy-MM-dd HH:mm}");
            }
            console.Write(table);
            console.WriteLine(rows.Count == 0 ? "No books." : $"{rows.Count} book(s).");
        }, ct));
        return command;
    }

    private static readonly Argument<string> Id = new("id") { Description = "The book's id (see `storyloom books list`)" };

    private static Command Show(IAnsiConsole console)
    {
        var command = new Command("show", "A book's brief, cast, pages and built files.") { Id, ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithBook(parse, async (db, book, files) =>
        {
            var details = await db.DetailsAsync(book, ct);
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string k, string? v) => grid.AddRow($"[grey]{k}[/]", Markup.Escape(v ?? "—"));
            Row("title", book.Title);
            Row("author", book.Author);
            Row("kind", $"{book.Kind}, ages {book.AgeGroup}, theme {book.Theme}{(book.Shape is null ? "" : $", {book.Shape}")}");
            Row("print", $"{book.Trim} in, {book.PageCount} pages, {book.Ink} on {book.Paper}{(book.Bleed ? ", bleed" : "")}, spine {details.SpineWidthIn:0.###} in");
            Row("status", book.Status);
            Row("cast", details.Characters.Count == 0 ? null : string.Join(", ", details.Characters.Select(c => $"{c.Name} ({c.Species})")));
            Row("pages", details.Pages.Count == 0 ? "no manuscript yet" : $"{details.Pages.Count} written");
            var latest = await BookVersions.LatestAsync(db, book.Id, ct);
            var versions = await db.BookVersions.CountAsync(v => v.BookId == book.Id && v.DeletedAt == null, ct);
            Row("files", latest is null ? "not built yet" : $"version {latest.Number} of {versions}: {string.Join(", ", latest.Files().Select(f => f.Name))}");
            Row("stored", latest is null ? null : $"{files.Store.Location} {BookFiles.VersionPrefix(book.Id, latest.Number)}");
            console.Write(grid);
        }, ct));
        return command;
    }

    private static Command Export(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "Zip file to write (default ./<title>.zip)" };
        var command = new Command("export", "Write a book's brief, pages and built files to one zip.") { Id, output, ServerHost.Data };
        command.SetAction(async (parse, ct) => await WithBook(parse, async (db, book, files) =>
        {
            var details = await db.DetailsAsync(book, ct);
            var pages = await db.Pages.AsNoTracking().Where(p => p.BookId == book.Id).OrderBy(p => p.Number).Select(p => p.AsDto()).ToListAsync(ct);
            var target = Path.GetFullPath(parse.GetValue(output) ?? $"{Slug(book.Title)}.zip");
            var temp = target + ".partial";
            try
            {
                await using (var zip = new ZipArchive(File.Create(temp), ZipArchiveMode.Create))
                {
                    await using (var entry = zip.CreateEntry("book.json").Open())
                    {
                        await JsonSerializer.SerializeAsync(entry, new { book = details, pages }, Json, ct);
                    }
                    // The latest build's files, read from the store (a folder or a bucket).
                    var latest = await BookVersions.LatestAsync(db, book.Id, ct);
                    foreach (var file in latest?.Files() ?? [])
                    {
                        await using var source = await files.OpenReadAsync(book.Id, latest!.Number, file.Name, ct);
                        if (source is not null)
                        {
                            await using var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest).Open();
                            await source.CopyToAsync(entry, ct);
                        }
                    }
                }
                File.Move(temp, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {target} ({e.Message.TrimEnd('.')}); choose another --out");
            }
            finally
            {
                File.Delete(temp);
            }
            console.WriteLine($"Exported “{book.Title}” to {target}");
        }, ct));
        return command;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static Task<int> WithBook(ParseResult parse, Func<StoryloomDb, Book, BookFiles, Task> action, CancellationToken ct) =>
        UsersCommand.WithServices(parse.GetValue(ServerHost.Data), async (services, _) =>
        {
            var db = services.GetRequiredService<StoryloomDb>();
            var text = parse.GetValue(Id)!;
            if (!Guid.TryParse(text, out var id))
            {
                throw new UsageException($"'{text}' is not a book id; see `storyloom books list`");
            }
            var book = await db.Books.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
                ?? throw new UsageException($"no book has the id {id}; see `storyloom books list`");
            await action(db, book, services.GetRequiredService<BookFiles>());
        }, ct);

    private static string Slug(string title)
    {
        var slug = new string([.. title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        return slug.Length == 0 ? "book" : slug;
    }
}
