using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Assets;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Books;

internal static class BooksApi
{
    public static RouteGroupBuilder MapBooksApi(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/books").WithTags("Books").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

        books.MapPost("/", CreateBook.Handle).WithName("CreateBook").WithJsonBodyErrors().WithIdempotency().WithSummary("Create a book from a brief (validated like `storyloom book new`)");
        books.MapPost("/check", CheckBrief.Handle).WithName("CheckBrief").WithJsonBodyErrors()
            .WithSummary("Check a brief without saving it: field errors as for POST /books, and what the offline engines will not do as asked (warnings)");
        books.MapGet("/", ListBooks.Handle).WithName("ListBooks").WithSummary("List your books: paging, sorting, filters and text search");
        books.MapGet("/{id:guid}", ReadBook.Handle).WithName("GetBook").WithSummary("Read a book with its characters and a summary of its pages (ETag; If-None-Match gets 304)");
        books.MapPatch("/{id:guid}", UpdateBook.Handle).WithName("UpdateBook").WithJsonBodyErrors().WithSummary("Change some fields of a book; the whole brief is checked again");
        books.MapPost("/{id:guid}/duplicate", DuplicateBook.Handle).WithName("DuplicateBook").WithIdempotency()
            .WithSummary("Copy a book: its brief, cast, pages (with edits), chosen pictures and latest build, as \"Copy of …\"; 409 while it is being made");
        books.MapDelete("/{id:guid}", Delete).WithName("DeleteBook").WithSummary("Delete a book, its pages and its files");

        books.MapPost("/{id:guid}/manuscript", WriteManuscript.Handle).WithName("WriteManuscript")
            .WithSummary("Write the pages and the cast with the offline story engine (replaces the pages; the status stays draft)");
        books.MapGet("/{id:guid}/pages", BookPages.List).WithName("ListPages").WithSummary("Every page of a book, in order");
        books.MapGet("/{id:guid}/pages/{number:int}", BookPages.Get).WithName("GetPage").WithSummary("One page");
        books.MapPut("/{id:guid}/pages/{number:int}/text", BookPages.EditText).WithName("EditPageText").WithJsonBodyErrors().WithSummary("Replace the text of one page");
        books.MapPost("/{id:guid}/pages/reorder", BookPages.Reorder).WithName("ReorderPages").WithJsonBodyErrors()
            .WithSummary("Put the story pages (coloring books: the design pages) in a new order; the other pages stay where they are");
        books.MapGet("/{id:guid}/pages/{number:int}/pictures", PictureChoice.ListForPage).WithName("ListPagePictures")
            .WithSummary("The pictures drawn again for a page (POST …/regenerate-picture), oldest first, and which one is chosen");
        books.MapPut("/{id:guid}/pages/{number:int}/picture", PictureChoice.ChooseForPage).WithName("ChoosePagePicture").WithJsonBodyErrors()
            .WithSummary("Choose one of the page's pictures (or the original); the book's files are out of date until a rebuild");
        books.MapGet("/{id:guid}/cover/pictures", PictureChoice.ListForCover).WithName("ListCoverPictures")
            .WithSummary("The pictures drawn again for the cover, oldest first, and which one is chosen");
        books.MapPut("/{id:guid}/cover/picture", PictureChoice.ChooseForCover).WithName("ChooseCoverPicture").WithJsonBodyErrors()
            .WithSummary("Choose one of the cover's pictures (or the original); the book's files are out of date until a rebuild");
        books.MapGet("/{id:guid}/pictures/{candidateId:guid}", PictureChoice.Image).WithName("GetPicture")
            .WithSummary("One drawn picture (SVG)").Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        return api;
    }

    /// <summary>The book if the caller may see it; null (→ 404) for anyone else, so ids do not leak.</summary>
    public static async Task<Book?> FindVisibleAsync(this StoryloomDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var book = await db.Books.FirstOrDefaultAsync(b => b.Id == id, ct);
        return book is not null && user.CanSee(book.OwnerId) ? book : null;
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, ClaimsPrincipal user, StoryloomDb db, BookFiles files, CancellationToken ct)
    {
        var book = await db.FindVisibleAsync(user, id, ct);
        if (book is null)
        {
            return TypedResults.NotFound();
        }
        db.Books.Remove(book);
        await db.SaveChangesAsync(ct);
        await files.DeleteAllAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<BookDto> DetailsAsync(this StoryloomDb db, Book book, CancellationToken ct)
    {
        // EF compiled queries would save a little more, but they bind to the first database provider they meet.
        var characters = await db.BookCharacters.AsNoTracking().Where(x => x.BookId == book.Id)
            .Join(db.Characters, x => x.CharacterId, c => c.Id, (x, c) => new { x.Position, c.Id, c.Name, c.Species })
            .OrderBy(x => x.Position)
            .Select(x => new BookCharacterDto(x.Id, x.Name, x.Species))
            .ToListAsync(ct);
        // 81 characters are enough to tell whether the excerpt needs its ellipsis; long pages stay in the database.
        var pages = await db.Pages.AsNoTracking().Where(p => p.BookId == book.Id).OrderBy(p => p.Number)
            .Select(p => new PageSummaryDto(p.Number, p.Role, p.Text == null ? null : p.Text.Substring(0, 81)))
            .ToListAsync(ct);
        return book.AsDto(characters, [.. pages.Select(p => p with { Excerpt = BookMapping.Excerpt(p.Excerpt) })]);
    }
}
