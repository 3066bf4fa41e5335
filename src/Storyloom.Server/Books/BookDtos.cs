using System.ComponentModel;
using System.Text.Json;
using Storyloom.Print.Kdp;

namespace Storyloom.Server.Books;

/// <summary>The brief of a book, the same fields as the CLI's flags and spec file. On create, missing fields take the template's
/// values, then the CLI's defaults; on PATCH, missing or null fields keep their value and "" clears an optional text
/// (moral, shape, educationalFocus, artStyle, level, dedication, aboutAuthor, imprint).</summary>
public sealed record BookRequest(
    [property: Description("Up to 120 characters; required on create.")] string? Title,
    [property: Description("Up to 120 characters; \"\" or none prints no author line.")] string? Author,
    [property: Description("story | coloring")] string? Kind,
    [property: Description("0-2 | 3-5 | 6-8 | 9-12")] string? AgeGroup,
    string? Theme,
    [property: Description("abc | counting-10 | counting-20 | colors | shapes | opposites | feelings (story books)")] string? EducationalFocus,
    [property: Description("quest | friend | bedtime | fear | sharing | new-place (story books)")] string? Shape,
    string? Moral,
    [property: Description("A KDP trim in inches, e.g. 8.5x8.5")] string? Trim,
    int? PageCount,
    [property: Description("bw | standard-color | premium-color")] string? Ink,
    [property: Description("white | cream")] string? Paper,
    bool? Bleed,
    int? Seed,
    [property: Description("flat-pastel | bold-outline | soft-shaded (story books)")] string? ArtStyle,
    Guid? TemplateId,
    [property: Description("Characters of the cast, in order; [] removes them all.")] IReadOnlyList<Guid>? CharacterIds,
    [property: Description("offline | openai: who writes (default offline; openai writes story and concept books and plans coloring books, which it then also draws)")] string? TextEngine = null,
    [property: Description("offline | openai: who draws (default offline)")] string? ArtEngine = null,
    [property: Description("Language of the story as a BCP-47 tag, e.g. es, fr, ar (other than English needs textEngine openai); \"\" clears it")] string? Language = null,
    [property: Description("Most the book may spend on the provider over all its runs, in US dollars; 0 removes the book's own cap")] decimal? BudgetUsd = null,
    [property: Description("simple | medium | detailed (coloring books; default by age)")] string? Level = null,
    [property: Description("Printed on the copyright page; up to 300 characters")] string? Dedication = null,
    [property: Description("Text of the about-the-author page; up to 1200 characters")] string? AboutAuthor = null,
    [property: Description("A page that introduces the cast (story books)")] bool? MeetTheCharacters = null,
    [property: Description("Your publishing imprint, printed where a publisher is named; up to 80 characters; none prints no publisher")] string? Imprint = null,
    [property: Description("You reviewed the text and every picture; only then does the copyright page say so")] bool? ReviewedByAuthor = null,
    [property: Description("Print \"Made with Storyloom\" and the software used on the copyright page (default false)")] bool? Credit = null,
    [property: Description("What to make: [\"print\"] (default) or [\"print\", \"ebook\"]: the Kindle eBook (ebook.epub, ebook-cover.jpg) is made from the print book; story books only")] IReadOnlyList<string>? Formats = null,
    [property: Description("Read the eBook aloud, each sentence highlighted as it is read (media overlays); implies the ebook format")] bool? Narrate = null);

public sealed record BookCharacterDto(Guid Id, string Name, string Species);

public sealed record PageSummaryDto(int Number, string Role, string? Excerpt);

public sealed record BookDto(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Author,
    string Kind,
    string AgeGroup,
    string Theme,
    string? EducationalFocus,
    string? Shape,
    string? Moral,
    string Trim,
    int PageCount,
    string Ink,
    string Paper,
    bool Bleed,
    int Seed,
    string? ArtStyle,
    string Status,
    Guid? TemplateId,
    [property: Description("Spine width of the paperback for these options, in inches.")] double SpineWidthIn,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<BookCharacterDto> Characters,
    [property: Description("Empty until the manuscript is written.")] IReadOnlyList<PageSummaryDto> Pages,
    string TextEngine,
    string ArtEngine,
    [property: Description("BCP-47 tag; null is English.")] string? Language,
    [property: Description("The book's own cap in US dollars; null: the server's default, if any.")] decimal? BudgetUsd,
    string? Level,
    string? Dedication,
    string? AboutAuthor,
    bool MeetTheCharacters,
    string? Imprint,
    bool ReviewedByAuthor,
    bool Credit,
    [property: Description("print, and ebook when the Kindle eBook is made too")] IReadOnlyList<string> Formats,
    bool Narrate)
{
    /// <summary>Create and update only: what the offline engines will not do as the brief asks, and what they will do instead.</summary>
    [Description("Create and update: what the offline engines cannot do as the brief asks and what they will do instead; absent when nothing.")]
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}

public sealed record BookSummaryDto(
    Guid Id,
    string Title,
    string Author,
    string Kind,
    string AgeGroup,
    string Theme,
    string Trim,
    int PageCount,
    string Ink,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record PageDto(int Number, string Role, string? Text, JsonElement? Illustration, Guid? ImageAssetId, DateTime UpdatedAt,
    [property: Description("The page's version, as its ETag: send it as If-Match with PUT …/text to be told (412) when it was saved elsewhere since.")] string ETag);

public sealed record PageTextRequest([property: Description("The page text; at most 2000 characters.")] string? Text);

public sealed record ReorderRequest(
    [property: Description("Every story-page number (coloring books: every design page) exactly once, in the new order.")] IReadOnlyList<int>? Order);

public static class BookMapping
{
    public static BookSummaryDto AsSummary(this Book b) =>
        new(b.Id, b.Title, b.Author, b.Kind, b.AgeGroup, b.Theme, b.Trim, b.PageCount, b.Ink, b.Status, b.CreatedAt, b.UpdatedAt);

    public static BookDto AsDto(this Book b, IReadOnlyList<BookCharacterDto> characters, IReadOnlyList<PageSummaryDto> pages) =>
        new(b.Id, b.OwnerId, b.Title, b.Author, b.Kind, b.AgeGroup, b.Theme, b.EducationalFocus, b.Shape, b.Moral, b.Trim, b.PageCount,
            b.Ink, b.Paper, b.Bleed, b.Seed, b.ArtStyle, b.Status, b.TemplateId, SpineWidth(b), b.CreatedAt, b.UpdatedAt, characters, pages,
            b.TextEngine, b.ArtEngine, b.Language, b.BudgetUsd, b.Level, b.Dedication, b.AboutAuthor, b.MeetTheCharacters, b.Imprint,
            b.ReviewedByAuthor, b.Credit, b.Ebook ? ["print", "ebook"] : ["print"], b.Narrate);

    public static PageDto AsDto(this Page p) =>
        new(p.Number, p.Role, p.Text, p.IllustrationJson is null ? null : JsonDocument.Parse(p.IllustrationJson).RootElement.Clone(),
            p.ImageAssetId, p.UpdatedAt, EditPreconditions.PageTag(p));

    /// <summary>The first 80 characters of a page's text, for lists.</summary>
    public static string? Excerpt(string? text) => text is { Length: > 80 } t ? t[..79] + "…" : text;

    private static double SpineWidth(Book b) =>
        Trims.TryParse(b.Trim) is { } trim && InkPaperNames.ParseInk(b.Ink) is { } ink && InkPaperNames.ParsePaper(b.Paper) is { } paper
            ? Math.Round(new PrintOptions(trim, ink, paper, b.PageCount, b.Bleed).SpineWidthIn, 4)
            : 0;
}
