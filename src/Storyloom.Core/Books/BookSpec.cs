using Storyloom.Print.Kdp;

namespace Storyloom.Core.Books;

public enum BookKind
{
    Story,
    Coloring,
}

/// <summary>Reading-age band; drives sentence length, vocabulary and words per page.</summary>
public enum AgeBand
{
    /// <summary>0–2: board-book style, one short sentence a page.</summary>
    Age0To2,
    /// <summary>3–5: one to three sentences a page.</summary>
    Age3To5,
    /// <summary>6–8: a short paragraph a page.</summary>
    Age6To8,
    /// <summary>9–12: longer text, fewer pictures.</summary>
    Age9To12,
}

public static class AgeBandNames
{
    public static string ToCli(this AgeBand band) => band switch
    {
        AgeBand.Age0To2 => "0-2",
        AgeBand.Age3To5 => "3-5",
        AgeBand.Age6To8 => "6-8",
        AgeBand.Age9To12 => "9-12",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static AgeBand? Parse(string? text) => text?.Trim() switch
    {
        "0-2" => AgeBand.Age0To2,
        "3-5" => AgeBand.Age3To5,
        "6-8" => AgeBand.Age6To8,
        "9-12" => AgeBand.Age9To12,
        _ => null,
    };
}

/// <summary>
/// A character the user gave (saved in the web app, inline in a spec file, or <c>--character "Pip:fox:purple scarf"</c>): used as
/// given on every page and the cover. Anything left null the story engine fills from the species, keeping what was given.
/// </summary>
/// <param name="Look">Free words about colours and clothes ("purple scarf", "red hair, green dress"); the engine reads colours and clothing from them.</param>
public sealed record CastMember(
    string Name,
    Species Species,
    string? Role = null,
    string? Pronoun = null,
    string? Look = null,
    IReadOnlyList<string>? Traits = null,
    string? BodyColor = null,
    string? AccentColor = null,
    string? Clothing = null,
    string? ClothingColor = null,
    string? Accessory = null);

/// <summary>The brief of one book, validated once at the edge (see <see cref="BookSpecValidator"/>).</summary>
public sealed record BookSpec
{
    /// <summary>Null lets the story engine choose a title.</summary>
    public string? Title { get; init; }
    /// <summary>The author as printed; "" (the default) prints no author line anywhere.</summary>
    public string Author { get; init; } = "";
    public BookKind Kind { get; init; } = BookKind.Story;
    public AgeBand Age { get; init; } = AgeBand.Age3To5;
    /// <summary>Free text such as "friendship", "the sea", "dinosaurs"; the engines pick settings and events from it.</summary>
    public string Theme { get; init; } = "friendship";
    public string? Moral { get; init; }
    public Trim Trim { get; init; } = Trims.Square85;
    public int Pages { get; init; } = 32;
    public Ink Ink { get; init; } = Ink.PremiumColor;
    public Paper Paper { get; init; } = Paper.White;
    public bool Bleed { get; init; } = true;
    public int Seed { get; init; } = 1;
    /// <summary>Story books: the arc; null lets the engine pick one that fits the theme.</summary>
    public StoryShape? Shape { get; init; }
    /// <summary>Story books: a concept book (ABC, counting …) instead of a narrative; wins over <see cref="Shape"/>.</summary>
    public EducationalFocus? Focus { get; init; }
    /// <summary>Coloring books: how detailed the designs are.</summary>
    public ColoringLevel Level { get; init; } = ColoringLevel.Simple;
    /// <summary>Story books: one of <see cref="BookFormatNames.ArtStyles"/>; null lets the engine pick by seed.</summary>
    public string? ArtStyle { get; init; }
    /// <summary>Printed on the copyright page; null prints none.</summary>
    public string? Dedication { get; init; }
    /// <summary>Text of the "about the author" page; null writes a short neutral one from the author's name.</summary>
    public string? AboutAuthor { get; init; }
    /// <summary>Story books: a "meet the characters" page after the title page.</summary>
    public bool MeetTheCharacters { get; init; }
    /// <summary>The cast the user chose, in order; the first is the hero. Empty lets the story engine cast the book from the theme.</summary>
    public IReadOnlyList<CastMember> Cast { get; init; } = [];
    /// <summary>The publisher's imprint printed where a publisher is named; null prints no publisher.</summary>
    public string? Imprint { get; init; }
    /// <summary>True only when the user says they reviewed the text and every picture; the copyright page says so only then.</summary>
    public bool ReviewedByAuthor { get; init; }
    /// <summary>True only when the user asks for it: the copyright page then names the software ("Made with Storyloom"); by default the book carries no Storyloom name or mark.</summary>
    public bool Credit { get; init; }

    /// <summary>Also make the Kindle eBook (ebook.epub and ebook-cover.jpg) from the print book; story and concept books only.</summary>
    public bool Ebook { get; init; }
    /// <summary>Read the eBook aloud: every page spoken, each sentence highlighted as it is read (media overlays). Implies <see cref="Ebook"/>.</summary>
    public bool Narrate { get; init; }

    public PrintOptions PrintOptions => new(Trim, Ink, Paper, Pages, Bleed);
}
