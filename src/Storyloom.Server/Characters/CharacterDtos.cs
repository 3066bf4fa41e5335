using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Server.Characters;

public sealed record CharacterRequest(
    [property: Description("1–60 characters")] string? Name,
    [property: Description("A species as the brief spells it: child, adult, grandparent, baby, fox, bear, rabbit, dinosaur … (kebab-case)")] string? Species,
    [property: Description("hero, friend, helper … (default hero)")] string? Role,
    string? Pronoun,
    [property: Description("Up to 12 short words, e.g. [\"brave\", \"curious\"]")] IReadOnlyList<string>? Traits,
    [property: Description("How the character looks, used on every page; up to 1000 characters")] string? VisualDescription,
    [property: Description("#rrggbb")] string? BodyColor,
    [property: Description("#rrggbb")] string? AccentColor,
    [property: Description("scarf, overalls, dress, cape, jacket, none …")] string? Clothing,
    [property: Description("#rrggbb")] string? ClothingColor,
    [property: Description("backpack, hat, glasses, bow, lantern …")] string? Accessory);

public sealed record CharacterBookDto(Guid Id, string Title);

public sealed record CharacterDto(
    Guid Id,
    Guid OwnerId,
    string Name,
    string Species,
    string Role,
    string? Pronoun,
    IReadOnlyList<string> Traits,
    string VisualDescription,
    string? BodyColor,
    string? AccentColor,
    string? Clothing,
    string? ClothingColor,
    string? Accessory,
    Guid? ChosenImageAssetId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: Description("The books this character appears in")] IReadOnlyList<CharacterBookDto> Books);

public static partial class CharacterMapping
{
    public static IReadOnlyList<string> SpeciesNames => Core.Books.SpeciesNames.All;

    public static CharacterDto AsDto(this Character c, IReadOnlyList<CharacterBookDto> books) =>
        new(c.Id, c.OwnerId, c.Name, c.Species, c.Role, c.Pronoun, JsonSerializer.Deserialize<List<string>>(c.TraitsJson) ?? [],
            c.VisualDescription, c.BodyColor, c.AccentColor, c.Clothing, c.ClothingColor, c.Accessory, c.ChosenImageAssetId,
            c.CreatedAt, c.UpdatedAt, books);

    /// <summary>Every problem of the request, by field; empty when it can be saved.</summary>
    public static Dictionary<string, string[]> Problems(this CharacterRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > BriefLimits.CharacterName)
        {
            Add("name", $"give the character a name of 1 to {BriefLimits.CharacterName} characters");
        }
        if (r.Species is null || !SpeciesNames.Contains(r.Species.Trim().ToLowerInvariant()))
        {
            Add("species", $"unknown species '{r.Species}'; use {string.Join(", ", SpeciesNames)}");
        }
        if (string.IsNullOrWhiteSpace(r.VisualDescription) || r.VisualDescription.Trim().Length > BriefLimits.CharacterLook)
        {
            Add("visualDescription", $"describe how the character looks in 1 to {BriefLimits.CharacterLook} characters (colors, clothes, size), so every page draws the same character");
        }
        if (r.Traits is { Count: > BriefLimits.CharacterTraits })
        {
            Add("traits", $"{r.Traits.Count} traits; keep the {BriefLimits.CharacterTraits} that matter most");
        }
        foreach (var t in r.Traits ?? [])
        {
            if (t is null || !TraitPattern().IsMatch(t.Trim()))
            {
                Add("traits", $"trait '{t}' is not a short word; use letters, spaces or hyphens, up to 30 characters (\"brave\", \"kind-hearted\")");
            }
        }
        foreach (var (field, value) in new[] { ("bodyColor", r.BodyColor), ("accentColor", r.AccentColor), ("clothingColor", r.ClothingColor) })
        {
            if (value is not null && !ColorPattern().IsMatch(value.Trim()))
            {
                Add(field, $"'{value}' is not a color; write it as #rrggbb, e.g. #d9822b");
            }
        }
        foreach (var (field, value, max) in new[]
        {
            ("role", r.Role, BriefLimits.CharacterRole), ("pronoun", r.Pronoun, BriefLimits.CharacterPronoun),
            ("clothing", r.Clothing, BriefLimits.CharacterClothing), ("accessory", r.Accessory, BriefLimits.CharacterClothing),
        })
        {
            if (value is { } v && v.Trim().Length > max)
            {
                Add(field, $"{field} is {v.Trim().Length} characters long; keep it to {max}");
            }
        }
        return errors;
    }

    /// <summary>Copies a valid request onto the entity (create and full update).</summary>
    public static void Apply(this Character c, CharacterRequest r)
    {
        c.Name = r.Name!.Trim();
        c.Species = r.Species!.Trim().ToLowerInvariant();
        c.Role = string.IsNullOrWhiteSpace(r.Role) ? "hero" : r.Role.Trim();
        c.Pronoun = Clean(r.Pronoun);
        c.TraitsJson = JsonSerializer.Serialize((r.Traits ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList());
        c.VisualDescription = r.VisualDescription!.Trim();
        c.BodyColor = Clean(r.BodyColor)?.ToLowerInvariant();
        c.AccentColor = Clean(r.AccentColor)?.ToLowerInvariant();
        c.Clothing = Clean(r.Clothing);
        c.ClothingColor = Clean(r.ClothingColor)?.ToLowerInvariant();
        c.Accessory = Clean(r.Accessory);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^[\p{L}][\p{L} \-']{0,29}$")]
    private static partial Regex TraitPattern();

    [GeneratedRegex("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")]
    private static partial Regex ColorPattern();
}
