using System.Text.Json;
using System.Text.RegularExpressions;

namespace Storyloom.Core.Books;

/// <summary>Species as the brief spells them: kebab-case ("fox", "grandparent").</summary>
public static class SpeciesNames
{
    public static readonly IReadOnlyList<string> All =
        Enum.GetValues<Species>().Select(ToName).ToList();

    public static string ToName(this Species species) => JsonNamingPolicy.KebabCaseLower.ConvertName(species.ToString());

    public static Species? Parse(string? text)
    {
        var name = text?.Trim().ToLowerInvariant();
        return Enum.GetValues<Species>().Cast<Species?>().FirstOrDefault(s => s!.Value.ToName() == name);
    }
}

/// <summary>
/// One member of the cast as the user gave it: a <c>--character "Pip:fox:purple scarf"</c> flag, an object in the spec
/// file's <c>characters</c> array, or a saved character of the web app. Validated into a <see cref="CastMember"/>.
/// </summary>
public sealed partial record CharacterInput(
    string? Name,
    string? Species,
    string? Role = null,
    string? Pronoun = null,
    string? Look = null,
    IReadOnlyList<string>? Traits = null,
    string? BodyColor = null,
    string? AccentColor = null,
    string? Clothing = null,
    string? ClothingColor = null,
    string? Accessory = null)
{
    public static readonly IReadOnlyList<string> Fields =
        ["name", "species", "role", "pronoun", "look", "traits", "bodyColor", "accentColor", "clothing", "clothingColor", "accessory"];

    /// <summary>"name:species[:look]"; the look may itself hold colons.</summary>
    public static CharacterInput FromFlag(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
        {
            throw new SpecException([new BriefProblem(BriefField.Characters,
                $"'{text}' is not name:species[:look]; write e.g. \"Pip:fox:purple scarf\"")]);
        }
        return new CharacterInput(parts[0].Trim(), parts[1].Trim(), Look: parts.Length > 2 ? parts[2].Trim() : null);
    }

    public static CharacterInput FromJson(JsonElement e, string source)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Problem($"each of \"characters\" in {source} must be an object such as {{\"name\": \"Pip\", \"species\": \"fox\"}}");
        }
        var c = new CharacterInput(null, null);
        foreach (var p in e.EnumerateObject())
        {
            c = p.Name.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) switch
            {
                "name" => c with { Name = Str(p) },
                "species" => c with { Species = Str(p) },
                "role" => c with { Role = Str(p) },
                "pronoun" => c with { Pronoun = Str(p) },
                "look" => c with { Look = Str(p) },
                "traits" => c with { Traits = Words(p) },
                "bodycolor" => c with { BodyColor = Str(p) },
                "accentcolor" => c with { AccentColor = Str(p) },
                "clothing" => c with { Clothing = Str(p) },
                "clothingcolor" => c with { ClothingColor = Str(p) },
                "accessory" => c with { Accessory = Str(p) },
                _ => throw Problem($"unknown field \"{p.Name}\" in a character of {source}; known fields: {string.Join(", ", Fields)}"),
            };
        }
        return c;

        string? Str(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Null => null,
            _ => throw Problem($"\"{p.Name}\" of a character in {source} must be a string"),
        };

        IReadOnlyList<string>? Words(JsonProperty p) => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Array when p.Value.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) =>
                p.Value.EnumerateArray().Select(x => x.GetString()!).ToList(),
            _ => throw Problem($"\"traits\" of a character in {source} must be an array of short words, e.g. [\"brave\", \"curious\"]"),
        };
    }

    /// <summary>The member, or null after adding what is wrong to <paramref name="problems"/>.</summary>
    public CastMember? ToMember(int index, List<BriefProblem> problems)
    {
        var before = problems.Count;
        var who = string.IsNullOrWhiteSpace(Name) ? $"character {index + 1}" : $"'{Name.Trim()}'";
        void Add(string message) => problems.Add(new BriefProblem(BriefField.Characters, message));

        var name = Clean(Name);
        if (name is null || name.Length > BriefLimits.CharacterName)
        {
            Add($"{who}: give the character a name of 1 to {BriefLimits.CharacterName} characters");
        }
        else if (PrintableText.Problem(name, "the name") is { } unprintable)
        {
            Add($"{who}: {unprintable}");
        }
        var species = SpeciesNames.Parse(Species);
        if (species is null)
        {
            Add($"{who}: unknown species '{Species}'; use one of {string.Join(", ", SpeciesNames.All)}");
        }
        var look = Clean(Look);
        if (look is { Length: > BriefLimits.CharacterLook })
        {
            Add($"{who}: the look is {look.Length} characters long; keep it to {BriefLimits.CharacterLook}");
        }
        foreach (var (what, value, max) in new[]
        {
            ("role", Role, BriefLimits.CharacterRole), ("pronoun", Pronoun, BriefLimits.CharacterPronoun),
            ("clothing", Clothing, BriefLimits.CharacterClothing), ("accessory", Accessory, BriefLimits.CharacterClothing),
        })
        {
            if (Clean(value) is { } v && v.Length > max)
            {
                Add($"{who}: the {what} is {v.Length} characters long; keep it to {max}");
            }
        }
        var traits = (Traits ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (traits.Count > BriefLimits.CharacterTraits)
        {
            Add($"{who}: {traits.Count} traits; keep the {BriefLimits.CharacterTraits} that matter most");
        }
        foreach (var t in traits.Where(t => !TraitPattern().IsMatch(t)))
        {
            Add($"{who}: trait '{t}' is not a short word; use letters, spaces or hyphens, up to {BriefLimits.CharacterTrait} characters (\"brave\", \"kind-hearted\")");
        }
        foreach (var (what, value) in new[] { ("body color", BodyColor), ("accent color", AccentColor), ("clothing color", ClothingColor) })
        {
            if (Clean(value) is { } v && !ColorPattern().IsMatch(v))
            {
                Add($"{who}: the {what} '{v}' is not a color; write it as #rrggbb, e.g. #d9822b");
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        return new CastMember(name!, species!.Value, Clean(Role), Clean(Pronoun), look, traits.Count == 0 ? null : traits,
            Clean(BodyColor)?.ToLowerInvariant(), Clean(AccentColor)?.ToLowerInvariant(), Clean(Clothing),
            Clean(ClothingColor)?.ToLowerInvariant(), Clean(Accessory));
    }

    private static SpecException Problem(string message) => new([new BriefProblem(BriefField.Characters, message)]);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^[\p{L}][\p{L} \-']{0,29}$")]
    private static partial Regex TraitPattern();

    [GeneratedRegex("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")]
    public static partial Regex ColorPattern();
}
