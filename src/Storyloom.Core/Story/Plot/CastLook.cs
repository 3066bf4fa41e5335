using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Plot;

/// <summary>Applies what the user said of a character (its colours, clothes and pronoun) over the engine's defaults for its species.</summary>
internal static class CastLook
{
    private static readonly (string Word, string Hex)[] Colors =
    [
        ("purple", "#9B6BC7"), ("violet", "#8A5CC2"), ("red", "#E4574C"), ("blue", "#5B7FD6"), ("teal", "#3FA7A3"), ("green", "#4CAF6A"),
        ("yellow", "#F2C84B"), ("mustard", "#D9A72B"), ("orange", "#F08A3B"), ("pink", "#F28DB2"), ("white", "#F7F5F0"),
        ("black", "#2B2B2B"), ("grey", "#9A9AA5"), ("gray", "#9A9AA5"), ("brown", "#8B5A3C"), ("gold", "#E3B44B"), ("silver", "#C0C7D0"),
    ];

    private static readonly string[] Clothes = ["scarf", "overalls", "dress", "cape", "jacket", "sweater"];
    private static readonly string[] Accessories = ["backpack", "hat", "glasses", "bow", "crown"];

    public static Character Apply(Character made, CastMember m, Rng rng)
    {
        var look = (m.Look ?? "").ToLowerInvariant();
        var clothing = m.Clothing ?? Clothes.FirstOrDefault(look.Contains) ?? made.Clothing;
        var accessory = m.Accessory ?? Accessories.FirstOrDefault(look.Contains) ?? made.Accessory;
        // The colour said next to the clothes dresses them ("purple scarf"); a colour alone colours the clothes too.
        var clothColor = m.ClothingColor ?? ColorBefore(look, clothing) ?? Colors.FirstOrDefault(c => look.Contains(c.Word)).Hex ?? made.ClothingColor;
        var pronoun = m.Pronoun is "she" or "he" or "they" ? m.Pronoun : PlotWriter.PronounOf(m.Name.Trim(), StoryWords.PronounFor(m.Name.Trim(), rng));
        var said = string.IsNullOrWhiteSpace(m.Look) ? null : m.Look.Trim().TrimEnd('.');
        // "purple scarf" reads "with a purple scarf".
        if (said is not null && !said.Contains(',', StringComparison.Ordinal) && !said.StartsWith("a ", StringComparison.OrdinalIgnoreCase)
            && !said.StartsWith("an ", StringComparison.OrdinalIgnoreCase) && (Colors.Any(c => said.StartsWith(c.Word, StringComparison.OrdinalIgnoreCase)) || Clothes.Any(c => said.StartsWith(c, StringComparison.OrdinalIgnoreCase))))
        {
            said = (said.EndsWith('s') && !said.EndsWith("ss", StringComparison.Ordinal) ? "" : "a ") + said;
        }
        var description = said is null
            ? made.VisualDescription
            : $"{made.Name} is a {PlotWriter.KindWord(made.Species, pronoun)} with {said}.";
        if (m.Traits is { Count: > 0 } traits) description += $" {Cap(string.Join(", ", traits))}.";
        // A "he" the user did not dress is not given the dress or bow the species' defaults may have drawn.
        if (pronoun == "he" && m.Accessory is null && accessory == "bow") accessory = null;
        if (pronoun == "he" && m.Clothing is null && clothing == "dress") clothing = "jacket";
        return made with
        {
            Pronoun = pronoun,
            Clothing = made.Species == Species.Robot && m.Clothing is null && !Clothes.Any(look.Contains) ? "none" : clothing,
            ClothingColor = clothColor,
            Accessory = accessory,
            BodyColor = m.BodyColor ?? made.BodyColor,
            AccentColor = m.AccentColor ?? made.AccentColor,
            VisualDescription = description,
        };
    }

    private static string? ColorBefore(string look, string clothing)
    {
        var at = look.IndexOf(clothing, StringComparison.Ordinal);
        if (at <= 0) return null;
        var before = look[..at];
        return Colors.Where(c => before.Contains(c.Word)).OrderByDescending(c => before.LastIndexOf(c.Word, StringComparison.Ordinal)).Select(c => c.Hex).FirstOrDefault();
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
