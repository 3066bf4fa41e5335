namespace Storyloom.Core.Books;

/// <summary>Which software made the text or the pictures: printed on the copyright page and answered in KDP's AI-content questions.</summary>
/// <param name="Tool">The name as printed, e.g. "Storyloom's offline story engine".</param>
/// <param name="IsAiModel">True when a generative AI model made the content (KDP calls that "AI-generated").</param>
public sealed record ContentCredit(string Tool, bool IsAiModel);
