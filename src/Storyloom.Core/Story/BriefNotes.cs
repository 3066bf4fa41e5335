using Storyloom.Core.Books;
using Storyloom.Core.Story.Plot;

namespace Storyloom.Core.Story;

/// <summary>What the offline engines will not do as the brief asks, and what they will do instead, said before anything is made.</summary>
public static class BriefNotes
{
    public static IReadOnlyList<string> For(BookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == BookKind.Coloring) return ColoringBookWriter.ThemeNote(spec.Theme, spec.Level) is { } note ? [note] : [];
        if (spec.Focus is not null) return [];
        return PremiseReader.Read(spec).Notes;
    }
}
