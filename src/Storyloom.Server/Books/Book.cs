namespace Storyloom.Server.Books;

public static class BookStatus
{
    public const string Draft = "draft";
    public const string Generating = "generating";
    public const string Ready = "ready";
    public const string Failed = "failed";
    /// <summary>A run stopped at its budget; raising the cap and retrying the task goes on where it stopped.</summary>
    public const string Paused = "paused";

    /// <summary>The files were made, then a page's text or picture changed: they no longer match until a rebuild.</summary>
    public const string Outdated = "outdated";

    public static readonly IReadOnlyList<string> All = [Draft, Generating, Ready, Failed, Paused, Outdated];

    /// <summary>The status after an edit to the pages: a built book's files are out of date; a draft stays a draft.</summary>
    public static string AfterEdit(string status) => status is Ready or Outdated ? Outdated : status;
}

/// <summary>A book and its brief. Print options are kept as the CLI spells them ("8.5x8.5", "premium-color").</summary>
public sealed class Book
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public required string Title { get; set; }
    public required string Author { get; set; }
    public required string Kind { get; set; }
    public required string AgeGroup { get; set; }
    public required string Theme { get; set; }
    public string? EducationalFocus { get; set; }
    public string? Shape { get; set; }
    public string? Moral { get; set; }
    public required string Trim { get; set; }
    public int PageCount { get; set; }
    public required string Ink { get; set; }
    public required string Paper { get; set; }
    public bool Bleed { get; set; }
    public int Seed { get; set; }
    public string? ArtStyle { get; set; }
    /// <summary>Coloring books: simple | medium | detailed.</summary>
    public string? Level { get; set; }
    public string? Dedication { get; set; }
    public string? AboutAuthor { get; set; }
    public bool MeetTheCharacters { get; set; }
    /// <summary>The publisher's name printed in the book; null prints none.</summary>
    public string? Imprint { get; set; }
    /// <summary>The user said they reviewed the text and every picture; only then does the copyright page say so.</summary>
    public bool ReviewedByAuthor { get; set; }
    /// <summary>The user asked for "Made with Storyloom" in the book.</summary>
    public bool Credit { get; set; }
    /// <summary>Also make the Kindle eBook (ebook.epub, ebook-cover.jpg) after the print book; story books only.</summary>
    public bool Ebook { get; set; }
    /// <summary>Read the eBook aloud with each sentence highlighted (media overlays); implies <see cref="Ebook"/>.</summary>
    public bool Narrate { get; set; }
    public string? Language { get; set; }
    /// <summary>"offline" or "openai" (see <see cref="Engines.EngineChoice"/>).</summary>
    public string TextEngine { get; set; } = Engines.EngineChoice.Offline;
    public string ArtEngine { get; set; } = Engines.EngineChoice.Offline;
    /// <summary>Most the book may spend on a provider over all its tasks, in US dollars; null: the server's default (STORYLOOM_AI_BUDGET), if any.</summary>
    public decimal? BudgetUsd { get; set; }
    public string Status { get; set; } = BookStatus.Draft;
    public Guid? TemplateId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Page> Pages { get; set; } = [];
    public List<BookCharacter> Characters { get; set; } = [];
}

/// <summary>One interior page: its place, role, text and the illustration brief as JSON.</summary>
public sealed class Page
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookId { get; set; }
    public int Number { get; set; }
    public required string Role { get; set; }
    public string? Text { get; set; }
    public string? IllustrationJson { get; set; }
    public Guid? ImageAssetId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A character can appear in many books.</summary>
public sealed class BookCharacter
{
    public Guid BookId { get; set; }
    public Guid CharacterId { get; set; }
    public int Position { get; set; }
}
