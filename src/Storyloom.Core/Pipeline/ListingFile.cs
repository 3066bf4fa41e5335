using Storyloom.Core.Books;
using Storyloom.Print.Kdp;

namespace Storyloom.Core.Pipeline;

/// <summary>listing.json: what the publisher types into KDP's title and print-options forms.</summary>
public sealed record ListingFile(
    string Title,
    string? Subtitle,
    string Author,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Categories,
    string ReadingAge,
    string Trim,
    int Pages,
    string Ink,
    string Paper,
    bool Bleed,
    double SpineWidthIn,
    AiDisclosure AiContent)
{
    public static ListingFile From(Manuscript m, BookSpec spec) => new(
        m.Listing.Title, m.Listing.Subtitle, m.Author, m.Listing.Description, m.Listing.Keywords, m.Listing.Categories,
        m.Listing.ReadingAge, spec.Trim.Name, spec.Pages, spec.Ink.ToCli(), spec.Paper.ToCli(), spec.Bleed,
        Math.Round(spec.PrintOptions.SpineWidthIn, 4),
        new AiDisclosure(false, false, "Text and pictures were made by Storyloom's offline procedural engines, not by an AI model."));
}

/// <summary>KDP asks whether text and images were AI-generated.</summary>
public sealed record AiDisclosure(bool TextAiGenerated, bool ImagesAiGenerated, string Note);
