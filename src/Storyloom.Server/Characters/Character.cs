namespace Storyloom.Server.Characters;

/// <summary>A reusable member of a cast: the character bible entry every page draws from.</summary>
public sealed class Character
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public required string Name { get; set; }
    public required string Species { get; set; }
    public string Role { get; set; } = "hero";
    public string? Pronoun { get; set; }
    /// <summary>Personality traits, as a JSON array of short words ("brave", "curious").</summary>
    public string TraitsJson { get; set; } = "[]";
    public required string VisualDescription { get; set; }
    public string? BodyColor { get; set; }
    public string? AccentColor { get; set; }
    public string? Clothing { get; set; }
    public string? ClothingColor { get; set; }
    public string? Accessory { get; set; }
    public Guid? ChosenImageAssetId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
