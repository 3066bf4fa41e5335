using Storyloom.Core.Books;
using Storyloom.Print.Kdp;

namespace Storyloom.Core.Pipeline;

/// <summary>listing.json: what the publisher types into KDP's details, content and print-options forms.</summary>
public sealed record ListingFile(
    string Title,
    string? Subtitle,
    string Author,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Categories,
    string ReadingAge,
    int ReadingAgeMin,
    int ReadingAgeMax,
    ListingPrint Print,
    AiDisclosure AiContent)
{
    public static ListingFile From(Manuscript m, BookSpec spec, ContentCredit text, ContentCredit images)
    {
        var (min, max) = Ages(m.Age);
        return new(m.Listing.Title, m.Listing.Subtitle, m.Author, m.Listing.Description, m.Listing.Keywords, m.Listing.Categories,
            m.Listing.ReadingAge, min, max,
            new ListingPrint(spec.Trim.Name, spec.Pages, spec.Ink.ToCli(), spec.Paper.ToCli(), spec.Bleed, Math.Round(spec.PrintOptions.SpineWidthIn, 4)),
            AiDisclosure.For(text, images));
    }

    /// <summary>KDP's reading-age pickers, in years (0 is KDP's "Baby").</summary>
    public static (int Min, int Max) Ages(AgeBand band) => band switch
    {
        AgeBand.Age0To2 => (0, 2),
        AgeBand.Age3To5 => (3, 5),
        AgeBand.Age6To8 => (6, 8),
        _ => (9, 12),
    };
}

/// <summary>KDP's print options page: trim, page count, ink and paper, bleed; the spine width follows from them.</summary>
public sealed record ListingPrint(string Trim, int Pages, string Ink, string Paper, bool Bleed, double SpineWidthIn);

/// <summary>KDP's "AI-generated content" questions: for text, images and translations, yes or no and the tool used.</summary>
public sealed record AiDisclosure(AiAnswer Text, AiAnswer Images, AiAnswer Translations, string Note)
{
    public static AiDisclosure For(ContentCredit text, ContentCredit images)
    {
        var note = text.IsAiModel || images.IsAiModel
            ? "Answer Yes on KDP's AI-generated content form for the parts marked aiGenerated, name the tool, and pick the extent that matches how much you edited."
            : "Made by procedural software, not by an AI model: KDP's AI-generated content questions are answered No. The copyright page still says the book was generated with software.";
        return new AiDisclosure(AiAnswer.From(text), AiAnswer.From(images), new AiAnswer(false, null, null), note);
    }
}

/// <param name="Extent">KDP's extent choice when AI-generated, e.g. "Entire work, with minimal or no editing".</param>
public sealed record AiAnswer(bool AiGenerated, string? Tool, string? Extent)
{
    public static AiAnswer From(ContentCredit credit) =>
        new(credit.IsAiModel, credit.Tool, credit.IsAiModel ? "Entire work, with minimal or no editing" : null);
}
