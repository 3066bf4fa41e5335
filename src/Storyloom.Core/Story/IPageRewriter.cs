using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>A story engine that can write new words for one story page of a book it wrote, keeping the page's picture.</summary>
public interface IPageRewriter
{
    /// <summary>
    /// New words for story page <paramref name="number"/> of <paramref name="book"/> (the book as it is now), from
    /// <paramref name="seed"/>: the same seed gives the same words. Null for a page it cannot rewrite.
    /// </summary>
    ManuscriptPage? RewritePage(BookSpec spec, Manuscript book, int number, int seed);
}
