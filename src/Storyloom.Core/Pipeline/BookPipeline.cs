using System.Globalization;
using Storyloom.Core.Books;

namespace Storyloom.Core.Pipeline;

/// <summary>When a declared step runs: always, when the brief asks for the eBook, or when the owner chose Canva brand templates.</summary>
public enum StepCondition
{
    Always,
    EbookAsked,
    CanvaChosen,
}

/// <summary>
/// One declared step of making a book: its name (the server's saved step row), what a progress bar says, the files it reads
/// and the files it writes (relative to the book's work folder; "build/" is the book's art folder), and when it runs.
/// </summary>
public sealed record PipelineStep(string Name, string Label, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, StepCondition When = StepCondition.Always);

/// <summary>
/// The steps of one book, declared once, in order. The CLI (<see cref="BookBuilder"/>) runs them in memory; the server's task
/// runner runs them as saved, resumable steps, the art step as one saved step per picture (art-p001 …, art-cover). Both take
/// their progress labels and totals from here, so the same brief makes the same book with the same progress.
/// </summary>
public static class BookPipeline
{
    public const string Story = "story";
    public const string Safety = "safety";
    public const string Art = "art";
    public const string Layout = "layout";
    public const string Canva = "canva";
    public const string Preflight = "preflight";
    public const string Previews = "previews";
    public const string Ebook = "ebook";
    public const string Package = "package";

    /// <summary>Every step, in the order it runs. The story check runs inside the story step (the engine revises once) and its verdict is part of safety.</summary>
    public static readonly IReadOnlyList<PipelineStep> Steps =
    [
        new(Story, "Writing the story", ["brief"], ["manuscript.json", "listing.json"]),
        new(Safety, "Checking the text", ["brief", "manuscript.json"], ["safety.json"]),
        new(Art, "Drawing the pictures", ["brief", "manuscript.json"], ["build/"]),
        // Layout, print and exact boxes are one step: the cover prints while the interior does, and boxes need the layout's geometry.
        new(Layout, "Laying out and printing the PDFs", ["manuscript.json", "build/"], ["out/interior.pdf", "out/cover.pdf", "build/interior.html"]),
        new(Canva, "Filling the Canva brand templates", ["manuscript.json", "build/"], ["out/interior.canva.pdf", "out/cover.canva.pdf"], StepCondition.CanvaChosen),
        new(Preflight, "Checking the PDFs against the KDP rules", ["out/interior.pdf", "out/cover.pdf", "manuscript.json"], ["out/preflight.json"]),
        new(Previews, "Rendering previews", ["out/interior.pdf", "out/cover.pdf"], ["out/preview/"]),
        new(Ebook, "Making the Kindle eBook", ["manuscript.json", "build/interior.html", "out/preflight.json"], ["ebook/ebook.epub", "ebook/ebook-cover.jpg"], StepCondition.EbookAsked),
        new(Package, "Saving the files", ["out/", "manuscript.json", "listing.json"], []),
    ];

    /// <summary>Whether the brief asks for an eBook that its kind can have.</summary>
    public static bool EbookAsked(BookSpec spec) => (spec.Ebook || spec.Narrate) && global::Storyloom.Core.Ebook.EbookBuilder.CanMake(spec.Kind);

    /// <summary>The steps one book runs, in order.</summary>
    public static IReadOnlyList<PipelineStep> For(bool ebook, bool canva = false) =>
        Steps.Where(s => s.When switch
        {
            StepCondition.EbookAsked => ebook,
            StepCondition.CanvaChosen => canva,
            _ => true,
        }).ToList();

    /// <summary>How many saved steps a book has: its steps, with the art step counted once per picture step.</summary>
    public static int Total(bool ebook, bool canva, int artSteps) => For(ebook, canva).Count - 1 + artSteps;

    /// <summary>The saved step of one picture: art-p001 … for pages, art-cover for the cover.</summary>
    public static string ArtStepName(int? page) => page is { } n ? $"art-p{n:000}" : "art-cover";

    /// <summary>A step as a user would say it; picture steps name their page. Unknown names are shown as they are.</summary>
    public static string Label(string? step) => step switch
    {
        null => "Starting",
        "art-cover" => "Drawing the cover",
        _ when step.StartsWith("art-p", StringComparison.Ordinal) && int.TryParse(step[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            => $"Drawing page {page}",
        _ => Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step,
    };
}
