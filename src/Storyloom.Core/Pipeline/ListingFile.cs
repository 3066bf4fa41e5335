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
    public static ListingFile From(Manuscript m, BookSpec spec, ContentCredit text, ContentCredit images, HumanEdits? edits = null)
    {
        var (min, max) = Ages(m.Age);
        return new(m.Listing.Title, m.Listing.Subtitle, m.Author, m.Listing.Description, m.Listing.Keywords, m.Listing.Categories,
            m.Listing.ReadingAge, min, max,
            new ListingPrint(spec.Trim.Name, spec.Pages, spec.Ink.ToCli(), spec.Paper.ToCli(), spec.Bleed, Math.Round(spec.PrintOptions.SpineWidthIn, 4)),
            AiDisclosure.For(text, images, m, edits ?? HumanEdits.None));
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

/// <summary>What a person changed in what the engines made: story pages whose words were rewritten by hand.</summary>
public sealed record HumanEdits(int EditedPages)
{
    public static HumanEdits None { get; } = new(0);
}

/// <summary>
/// KDP's "AI-generated content" questions, answered from what was made: texts (entire work or some sections), images (many, or
/// one or a few) and translations, each with minimal or extensive editing. Translations are the book's fixed words (The End,
/// the copyright page) that a model put into a language Storyloom has no words for; a story written in its language is not one.
/// </summary>
public sealed record AiDisclosure(AiAnswer Text, AiAnswer Images, AiAnswer Translations, string Note)
{
    /// <summary>Pictures above this many are KDP's "many".</summary>
    public const int FewImages = 3;

    public static AiDisclosure For(ContentCredit text, ContentCredit images, Manuscript m, HumanEdits edits)
    {
        var storyPages = m.Pages.Count(p => p.Role == PageRole.Story);
        // Half the story rewritten by hand is "extensive"; a word changed here and there is not.
        var editing = storyPages > 0 && edits.EditedPages * 2 >= storyPages ? "with extensive editing" : "with minimal or no editing";
        var pictures = m.Kind == BookKind.Story ? m.Pages.Count(p => p.Illustration is not null && p.Role != PageRole.ColoringDesign) + 1 : 0;
        var textAnswer = text.IsAiModel ? new AiAnswer(true, text.Tool, $"Entire work, {editing}") : AiAnswer.No;
        var imageAnswer = images.IsAiModel && pictures > 0
            ? new AiAnswer(true, images.Tool, $"{(pictures > FewImages ? "Many AI-generated images" : "One or a few AI-generated images")}, with minimal or no editing")
            : AiAnswer.No;
        var translated = text.IsAiModel && m.Words is not null;
        var translation = translated ? new AiAnswer(true, text.Tool, "Some sections, with minimal or no editing") : AiAnswer.No;
        var note = text.IsAiModel || images.IsAiModel
            ? $"Answer Yes on KDP's AI-generated content form for the parts marked aiGenerated, name the tool and pick the extent given (from this build: {storyPages} story pages, {edits.EditedPages} edited by hand; {(images.IsAiModel ? pictures : 0)} AI pictures)."
            : "Made by procedural software, not by an AI model: KDP's AI-generated content questions are answered No. The copyright page still says the book was generated with software.";
        return new AiDisclosure(textAnswer, imageAnswer, translation, note);
    }
}

/// <param name="Extent">KDP's extent choice when AI-generated, e.g. "Entire work, with minimal or no editing".</param>
public sealed record AiAnswer(bool AiGenerated, string? Tool, string? Extent)
{
    public static AiAnswer No { get; } = new(false, null, null);
}
