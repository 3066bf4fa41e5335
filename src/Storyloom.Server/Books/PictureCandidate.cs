using System.ComponentModel;

namespace Storyloom.Server.Books;

/// <summary>
/// A picture drawn again for one page (<see cref="PageNumber"/> 0: the cover) from its own seed, or the page's
/// <see cref="Original"/> picture kept beside them for comparison; the file is a content-addressed asset.
/// </summary>
public sealed class PictureCandidate
{
    public const int Cover = 0;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookId { get; set; }
    public int PageNumber { get; set; }
    public int Seed { get; set; }
    public Guid AssetId { get; set; }
    public Guid? TaskId { get; set; }
    /// <summary>At most one per page; the next rebuild draws the page with this seed.</summary>
    public bool Chosen { get; set; }
    /// <summary>The picture the book was made with (the book's own seed): one per page, never chosen; choosing it clears the choice.</summary>
    public bool Original { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed record PictureCandidateDto(
    Guid Id,
    int Seed,
    DateTime CreatedAt,
    bool Chosen,
    [property: Description("Fetch the picture (SVG) with the same credentials as the API.")] string Url);

/// <summary>The candidates of one page or of the cover, oldest first, and the picture the book was made with.</summary>
public sealed record PictureListDto(
    [property: Description("The page number, or null for the cover.")] int? Page,
    [property: Description("Null while the book uses the picture it was made with.")] Guid? ChosenId,
    IReadOnlyList<PictureCandidateDto> Candidates,
    [property: Description("The picture the book was made with, kept when new pictures are drawn (null before the first drawing task; " +
        "choosing it, or original: true, clears the choice). It is chosen while chosenId is null.")] PictureCandidateDto? Original = null);

/// <summary>POST …/regenerate-picture and …/cover/regenerate: how many new pictures to draw.</summary>
public sealed record RegeneratePictureRequest([property: Description("1 to 4; default 3.")] int? Count);

/// <summary>PUT …/picture: one of the page's candidates, or <c>original: true</c> (or the original's id) for the picture the book was made with.</summary>
public sealed record ChoosePictureRequest(Guid? CandidateId, bool? Original);

public static class PictureMapping
{
    public static PictureCandidateDto AsDto(this PictureCandidate c) =>
        new(c.Id, c.Seed, c.CreatedAt, c.Chosen, $"/api/v1/books/{c.BookId}/pictures/{c.Id}");
}
