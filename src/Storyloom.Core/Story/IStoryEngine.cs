using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>Writes a manuscript from a brief. Deterministic: the same spec (including seed) gives the same manuscript.</summary>
public interface IStoryEngine
{
    /// <summary>Returns exactly <c>spec.Pages</c> pages, numbered 1..Pages, with the page plan for <c>spec.Kind</c>.</summary>
    Manuscript Write(BookSpec spec);

    /// <summary>Who writes the text: printed on the copyright page and declared in the listing's AI disclosure.</summary>
    ContentCredit Credit { get; }
}
