using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Draws pictures as standalone SVG documents. Same manuscript, page and frame give the same bytes.</summary>
public interface IArtEngine
{
    /// <summary>Who draws the pictures: printed on the copyright page and declared in the listing's AI disclosure.</summary>
    ContentCredit Credit { get; }

    /// <summary>A full-bleed color illustration of a story page; never contains text.</summary>
    string DrawStoryPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame);

    /// <summary>The front-cover illustration (the layout adds title and author on top, inside frame.TextZone).</summary>
    string DrawCover(Manuscript manuscript, ArtFrame frame);

    /// <summary>Black line art for a coloring page: white fill, black strokes of at least 1 pt, closed shapes, nothing outside frame.SafeArea.</summary>
    string DrawColoringPage(Manuscript manuscript, ManuscriptPage page, ArtFrame frame);
}
