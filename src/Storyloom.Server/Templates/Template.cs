namespace Storyloom.Server.Templates;

/// <summary>A starting point for a book: built-in ones (no owner) for every story shape and coloring theme, or a user's own.</summary>
public sealed class Template
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Null for built-in templates, which everyone can read and only admins change.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>Stable key of a built-in template ("story-quest", "coloring-dinosaurs"); null for users' own.</summary>
    public string? Key { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    /// <summary>The book fields this template fills in, as a spec JSON object (same fields as `book new --spec`).</summary>
    public string SpecJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
