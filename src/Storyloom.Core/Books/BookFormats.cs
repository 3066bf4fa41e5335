using System.Text.Json.Serialization;

namespace Storyloom.Core.Books;

/// <summary>The arc of a narrative picture book.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StoryShape>))]
public enum StoryShape
{
    /// <summary>Looking for something lost or far away.</summary>
    Quest,
    /// <summary>Making a friend.</summary>
    Friend,
    /// <summary>A bedtime wind-down.</summary>
    Bedtime,
    /// <summary>Facing a fear.</summary>
    Fear,
    /// <summary>Sharing and kindness.</summary>
    Sharing,
    /// <summary>A first day somewhere new.</summary>
    NewPlace,
}

/// <summary>An educational concept book instead of a narrative one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EducationalFocus>))]
public enum EducationalFocus
{
    Abc,
    CountingTo10,
    CountingTo20,
    Colors,
    Shapes,
    Opposites,
    Feelings,
}

/// <summary>How much there is to color on a coloring page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColoringLevel>))]
public enum ColoringLevel
{
    /// <summary>Ages 3–5: few, large regions and thick lines.</summary>
    Simple,
    /// <summary>Ages 6–8: more parts, medium lines.</summary>
    Medium,
    /// <summary>Ages 9 and up and adults: many small regions (mandalas with hundreds).</summary>
    Detailed,
}

/// <summary>The CLI/JSON spelling of the format enums: kebab-case.</summary>
public static class BookFormatNames
{
    public static readonly IReadOnlyDictionary<string, StoryShape> Shapes = new Dictionary<string, StoryShape>
    {
        ["quest"] = StoryShape.Quest, ["friend"] = StoryShape.Friend, ["bedtime"] = StoryShape.Bedtime,
        ["fear"] = StoryShape.Fear, ["sharing"] = StoryShape.Sharing, ["new-place"] = StoryShape.NewPlace,
    };

    public static readonly IReadOnlyDictionary<string, EducationalFocus> Focuses = new Dictionary<string, EducationalFocus>
    {
        ["abc"] = EducationalFocus.Abc, ["counting-10"] = EducationalFocus.CountingTo10, ["counting-20"] = EducationalFocus.CountingTo20,
        ["colors"] = EducationalFocus.Colors, ["shapes"] = EducationalFocus.Shapes, ["opposites"] = EducationalFocus.Opposites,
        ["feelings"] = EducationalFocus.Feelings,
    };

    public static readonly IReadOnlyDictionary<string, ColoringLevel> Levels = new Dictionary<string, ColoringLevel>
    {
        ["simple"] = ColoringLevel.Simple, ["medium"] = ColoringLevel.Medium, ["detailed"] = ColoringLevel.Detailed,
    };

    /// <summary>Offline art styles of story books (coloring books are always line art).</summary>
    public static readonly IReadOnlyList<string> ArtStyles = ["flat-pastel", "bold-outline", "soft-shaded"];

    public static string ToCli(this StoryShape shape) => Shapes.First(p => p.Value == shape).Key;

    public static string ToCli(this EducationalFocus focus) => Focuses.First(p => p.Value == focus).Key;

    public static string ToCli(this ColoringLevel level) => Levels.First(p => p.Value == level).Key;

    /// <summary>The level a coloring book gets when none is asked for.</summary>
    public static ColoringLevel DefaultLevel(AgeBand age) => age switch
    {
        AgeBand.Age0To2 or AgeBand.Age3To5 => ColoringLevel.Simple,
        AgeBand.Age6To8 => ColoringLevel.Medium,
        _ => ColoringLevel.Detailed,
    };
}
