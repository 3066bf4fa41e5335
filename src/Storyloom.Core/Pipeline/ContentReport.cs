using System.Text.Json.Nodes;
using Storyloom.Core.Books;

namespace Storyloom.Core.Pipeline;

/// <summary>
/// preflight.json's "content" section: what a vision model saw in every AI picture, beside the print rules. A picture that
/// still fails after its redraws is kept and listed here (Passed false), never printed as if it were fine.
/// </summary>
public sealed record ContentReport(string Checker, int Checked, int Redrawn, int StillFailing, IReadOnlyList<PictureReview> Pictures)
{
    /// <summary>Every AI picture's source pixels per inch as printed (the print PDF is resampled, so its own ppi says nothing of the source).</summary>
    public IReadOnlyList<PictureResolution> Resolution { get; init; } = [];

    public bool Passed => StillFailing == 0;

    /// <summary>One line for a CLI summary or a task event.</summary>
    public string Summary() => (Resolution.Count(r => r.Finding is not null) is > 0 and var soft ? $"{soft} of {Resolution.Count} pictures under {PictureResolution.ShouldPpi} ppi from their source (least {Resolution.Min(r => r.Ppi)} ppi); " : "") + (StillFailing == 0
        ? $"{Checked} pictures checked by {Checker}: all match their pages ({Redrawn} redrawn)"
        : $"{Checked} pictures checked by {Checker}: {StillFailing} still wrong after redraws ({string.Join("; ", Pictures.Where(p => !p.Passed).Take(3).Select(p => $"{p.Picture}: {string.Join(", ", p.Problems.Take(2))}"))}); {Redrawn} redrawn. Regenerate those pictures or edit them before publishing");

    /// <summary>Adds (or replaces) the content section of a preflight.json already written, through a temp file.</summary>
    public static async Task AddToAsync(string preflightJson, ContentReport? content, CancellationToken ct)
    {
        if (content is null) return;
        var node = JsonNode.Parse(await File.ReadAllTextAsync(preflightJson, ct)) as JsonObject ?? throw new InvalidOperationException($"{preflightJson} is not a JSON object");
        node["content"] = System.Text.Json.JsonSerializer.SerializeToNode(content, BookBuilder.Json);
        await BookSteps.WriteTextAsync(preflightJson, node.ToJsonString(BookBuilder.Json), ct);
    }
}

/// <summary>One checked picture: its last verdict's problems, how many times it was redrawn, and the critique of each failed try.</summary>
/// <param name="Picture">"page 5", "cover".</param>
public sealed record PictureReview(string Picture, int? Page, bool Passed, int Redraws, IReadOnlyList<string> Problems, IReadOnlyList<string> Critiques);

/// <summary>One AI picture's source: its pixels and the inches it fills; a SHOULD finding under <see cref="ShouldPpi"/>.</summary>
public sealed record PictureResolution(string Picture, int WidthPx, int HeightPx, double WidthIn, double HeightIn, int Ppi, string? Finding)
{
    public const int ShouldPpi = 200;

    public static PictureResolution Of(string picture, int widthPx, int heightPx, double widthIn, double heightIn)
    {
        // Filled edge to edge (cropped to cover): the scale is set by the tighter side.
        var ppi = (int)Math.Floor(Math.Min(widthPx / widthIn, heightPx / heightIn));
        var finding = ppi < ShouldPpi
            ? $"SHOULD: {picture} is {ppi} ppi from its source ({widthPx}×{heightPx} px over {widthIn:0.##}×{heightIn:0.##} in); under {ShouldPpi} ppi it prints soft: upscale it or choose a smaller trim"
            : null;
        return new PictureResolution(picture, widthPx, heightPx, Math.Round(widthIn, 3), Math.Round(heightIn, 3), ppi, finding);
    }
}

/// <summary>An art engine that checks its own pictures; the report of a manuscript it painted in this process, else null.</summary>
public interface IReviewedArt
{
    ContentReport? ContentOf(Manuscript manuscript);
}
