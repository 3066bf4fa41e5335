using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>
/// The pages around a story or concept book's content: title, copyright and an optional "meet the characters" in
/// front; "The End" and "about the author" at the back. The content gets what is left of <c>spec.Pages</c>.
/// </summary>
internal static class FrontMatter
{
    /// <summary>"The End" on the last right-hand page, "about the author" on the final left-hand page, as printed books do.</summary>
    public const int BackPages = 2;

    /// <summary>Where the content starts and how many pages it has.</summary>
    public sealed record Plan(int FirstContentPage, int ContentPages, bool MeetTheCharacters);

    public static Plan PlanFor(BookSpec spec, IReadOnlyList<Character> cast)
    {
        var meet = spec.MeetTheCharacters && cast.Count > 0;
        var front = meet ? 3 : 2;
        return new Plan(front + 1, Math.Max(1, spec.Pages - front - BackPages), meet);
    }

    /// <summary>Title page (1), copyright page (2) and, when asked for, the cast (3, a right-hand page).</summary>
    public static List<ManuscriptPage> Front(BookSpec spec, Plan plan, string title, IReadOnlyList<Character> cast, string setting)
    {
        var pages = new List<ManuscriptPage>
        {
            new(1, PageRole.Title, title, null),
            new(2, PageRole.Copyright, BookWords.English.Fill(BookWords.English.Copyright, DateTime.UtcNow.Year, BookWords.Holder(spec)), null),
        };
        if (plan.MeetTheCharacters)
        {
            pages.Add(MeetTheCharacters(3, cast, setting));
        }
        return pages;
    }

    /// <summary>"The End" with the closing line and the moral, then the author's page.</summary>
    public static List<ManuscriptPage> Back(BookSpec spec, string closing, string? moral, Character? hero, string setting)
    {
        var end = string.IsNullOrWhiteSpace(moral) ? closing : $"{closing}\n\n{moral}";
        var wave = hero is null ? null : new IllustrationBrief(setting, "day", "clear",
            [new CharacterPlacement(hero.Id, Pose.Waving, 0.5, FacingLeft: false)], [], "top", $"{hero.Name} waves goodbye.");
        return
        [
            new(spec.Pages - 1, PageRole.TheEnd, end, null),
            new(spec.Pages, PageRole.AboutTheAuthor, AboutAuthor(spec), wave),
        ];
    }

    /// <summary>The given text, or a neutral line that says nothing about the author's life (nothing about anyone with no author).</summary>
    public static string AboutAuthor(BookSpec spec) => BookWords.English.AboutAuthorText(spec);

    private static ManuscriptPage MeetTheCharacters(int number, IReadOnlyList<Character> cast, string setting)
    {
        var shown = cast.Take(4).ToList();
        var placements = shown.Select((c, i) => new CharacterPlacement(c.Id, i == 0 ? Pose.Waving : Pose.Standing,
            shown.Count == 1 ? 0.5 : 0.15 + 0.7 * i / (shown.Count - 1), FacingLeft: false)).ToList();
        var brief = new IllustrationBrief(setting, "day", "clear", placements, [], "top",
            "The cast in a row, each on a card: " + string.Join("; ", shown.Select(c => c.VisualDescription)));
        var text = string.Join("\n\n", shown.Select(c => $"{c.Name}: {OneLine(c)}"));
        return new ManuscriptPage(number, PageRole.MeetTheCharacters, text, brief);
    }

    /// <summary>"our hero, a small orange fox with a cream belly" from the character bible's description.</summary>
    internal static string OneLine(Character c)
    {
        var look = c.VisualDescription;
        var prefix = c.Name + " is ";
        if (look.StartsWith(prefix, StringComparison.Ordinal)) look = look[prefix.Length..];
        var wearing = look.IndexOf(", wearing", StringComparison.Ordinal);
        look = (wearing > 0 ? look[..wearing] : look).TrimEnd('.');
        var role = c.Role switch
        {
            "hero" => "our hero",
            "friend" => "a good friend",
            "grown-up" => "a loving grown-up",
            "helper" => "a helper",
            _ => null,
        };
        return role is null ? look + "." : $"{role}, {look}.";
    }
}
