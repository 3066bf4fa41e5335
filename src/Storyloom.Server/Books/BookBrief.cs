using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Print.Kdp;
using Storyloom.Server.Data;

namespace Storyloom.Server.Books;

/// <summary>
/// The book's brief is checked by exactly the code the CLI runs (<see cref="BookSpecInput.ToSpec"/>); this class only
/// translates between the API's field names and the brief's (<see cref="BriefField.Json"/>) and loads the saved cast.
/// </summary>
internal static class BookBrief
{
    public static BookSpecInput ToInput(this BookRequest r) => new()
    {
        Title = r.Title, Author = r.Author, Kind = r.Kind, Age = r.AgeGroup, Theme = r.Theme, Focus = r.EducationalFocus,
        Shape = r.Shape, Moral = r.Moral, Trim = r.Trim, Pages = r.PageCount, Ink = r.Ink, Paper = r.Paper, Bleed = r.Bleed,
        Seed = r.Seed, Style = r.ArtStyle, Level = r.Level, Dedication = r.Dedication, AboutAuthor = r.AboutAuthor,
        MeetTheCharacters = r.MeetTheCharacters, Imprint = r.Imprint, ReviewedByAuthor = r.ReviewedByAuthor, Credit = r.Credit,
        Formats = r.Formats, Narrate = r.Narrate,
    };

    /// <summary>The saved brief without its cast; <see cref="BriefAsync"/> adds the cast.</summary>
    public static BookSpecInput ToInput(this Book b) => new()
    {
        Title = b.Title, Author = b.Author, Kind = b.Kind, Age = b.AgeGroup, Theme = b.Theme, Focus = b.EducationalFocus,
        Shape = b.Shape, Moral = b.Moral, Trim = b.Trim, Pages = b.PageCount, Ink = b.Ink, Paper = b.Paper, Bleed = b.Bleed,
        Seed = b.Seed, Style = b.ArtStyle, Level = b.Level, Dedication = b.Dedication, AboutAuthor = b.AboutAuthor,
        MeetTheCharacters = b.MeetTheCharacters, Imprint = b.Imprint, ReviewedByAuthor = b.ReviewedByAuthor, Credit = b.Credit,
        Formats = b.Ebook ? ["print", "ebook"] : ["print"], Narrate = b.Narrate,
    };

    /// <summary>The saved brief with the characters the user chose for the book, in their order: what the engines are given.</summary>
    public static async Task<BookSpecInput> BriefAsync(this StoryloomDb db, Book book, CancellationToken ct)
    {
        // A coloring book draws its theme; the characters its writing saved are a record, not a brief.
        if (book.Kind == "coloring")
        {
            return book.ToInput();
        }
        var chosen = await db.BookCharacters.Where(x => x.BookId == book.Id)
            .Join(db.Characters, x => x.CharacterId, c => c.Id, (x, c) => new { x.Position, Character = c })
            .ToListAsync(ct);
        return book.ToInput() with { Characters = chosen.OrderBy(x => x.Position).Select(x => x.Character.AsInput()).ToList() };
    }

    /// <summary>
    /// What the offline engines will not do as this brief asks (a theme with no plot, a creature they cannot draw …), said when
    /// the brief is saved, before anything is made; null when nothing, or when a model writes the words.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> WarningsAsync(this StoryloomDb db, Book book, CancellationToken ct)
    {
        if (book.TextEngine != Engines.EngineChoice.Offline) return null;
        var spec = (await db.BriefAsync(book, ct)).TryToSpec(out _);
        return spec is null || Core.Story.BriefNotes.For(spec) is not { Count: > 0 } notes ? null : notes;
    }

    /// <summary>A saved character as a member of a brief's cast: its look is the character bible's description.</summary>
    public static CharacterInput AsInput(this Characters.Character c) => new(
        c.Name, c.Species, c.Role, c.Pronoun, c.VisualDescription, JsonSerializer.Deserialize<List<string>>(c.TraitsJson) ?? [],
        c.BodyColor, c.AccentColor, c.Clothing, c.ClothingColor, c.Accessory);

    /// <summary>PATCH: "" clears an optional field, null keeps it.</summary>
    public static BookSpecInput PatchedBy(this BookSpecInput current, BookRequest r)
    {
        var merged = current.OverriddenBy(r.ToInput());
        return merged with
        {
            Moral = r.Moral is "" ? null : merged.Moral,
            Shape = r.Shape is "" ? null : merged.Shape,
            Focus = r.EducationalFocus is "" ? null : merged.Focus,
            Style = r.ArtStyle is "" ? null : merged.Style,
            // A coloring book turned into a story drops its level rather than failing on it.
            Level = r.Level is "" || (r.Level is null && merged.Kind?.Trim().ToLowerInvariant() is "story" or "picture") ? null : merged.Level,
            Dedication = r.Dedication is "" ? null : merged.Dedication,
            AboutAuthor = r.AboutAuthor is "" ? null : merged.AboutAuthor,
            Imprint = r.Imprint is "" ? null : merged.Imprint,
        };
    }

    /// <summary>The validated spec, or the field errors (by JSON field) that say what to change.</summary>
    public static (BookSpec? Spec, Dictionary<string, string[]>? Errors) Validate(BookSpecInput input)
    {
        var problems = new List<BriefProblem>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(new(BriefField.Title, $"the title is missing; give the book a title (up to {BriefLimits.Title} characters)"));
        }
        var spec = input.TryToSpec(out var found);
        problems.AddRange(found);
        return problems.Count == 0 ? (spec, null) : (null, Errors(problems));
    }

    /// <summary>The cast's problems are filed under characterIds: on the API the cast is given as saved characters.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<BriefProblem> problems) => problems
        .GroupBy(p => p.Field == BriefField.Characters ? "characterIds" : BriefField.Json(p.Field))
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    /// <summary>Stores the normalised values, spelled as the CLI spells them (the cast is stored as book_characters).</summary>
    public static void Apply(this Book b, BookSpec spec)
    {
        b.Title = spec.Title!;
        b.Author = spec.Author;
        b.Kind = spec.Kind == BookKind.Coloring ? "coloring" : "story";
        b.AgeGroup = spec.Age.ToCli();
        b.Theme = spec.Theme;
        b.EducationalFocus = spec.Focus?.ToCli();
        b.Shape = spec.Shape?.ToCli();
        b.Moral = spec.Moral;
        b.Trim = spec.Trim.Name;
        b.PageCount = spec.Pages;
        b.Ink = spec.Ink.ToCli();
        b.Paper = spec.Paper.ToCli();
        b.Bleed = spec.Bleed;
        b.Seed = spec.Seed;
        b.ArtStyle = spec.ArtStyle;
        // Only a coloring book has a level; a story book's is implied by its age.
        b.Level = spec.Kind == BookKind.Coloring ? spec.Level.ToCli() : null;
        b.Dedication = spec.Dedication;
        b.AboutAuthor = spec.AboutAuthor;
        b.MeetTheCharacters = spec.MeetTheCharacters;
        b.Imprint = spec.Imprint;
        b.ReviewedByAuthor = spec.ReviewedByAuthor;
        b.Credit = spec.Credit;
        b.Ebook = spec.Ebook;
        b.Narrate = spec.Narrate;
    }

    /// <summary>Replaces the cast with <paramref name="ids"/> (in order); each must be a character of the book's owner.</summary>
    public static async Task<Dictionary<string, string[]>?> SetCharactersAsync(StoryloomDb db, Book book, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.Characters.Where(c => c.OwnerId == book.OwnerId && wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = wanted.Except(found).ToList();
        if (missing.Count > 0)
        {
            return MissingCharacters(missing);
        }
        var existing = await db.BookCharacters.Where(x => x.BookId == book.Id).ToListAsync(ct);
        db.BookCharacters.RemoveRange(existing);
        db.BookCharacters.AddRange(wanted.Select((id, i) => new BookCharacter { BookId = book.Id, CharacterId = id, Position = i }));
        return null;
    }

    /// <summary>The field error for characters that are not the caller's.</summary>
    public static Dictionary<string, string[]> MissingCharacters(IEnumerable<Guid> missing) => new()
    {
        ["characterIds"] = missing.Select(id => $"character {id} does not exist; create it with POST /api/v1/characters or leave it out").ToArray(),
    };

    /// <summary>A template's spec is the CLI's spec-file JSON; the request's own values win over it.</summary>
    public static BookSpecInput WithTemplate(BookSpecInput request, string templateSpecJson) =>
        BookSpecInput.FromJson(templateSpecJson, "the template's spec").OverriddenBy(request);

    internal static readonly JsonSerializerOptions ManuscriptJson = Core.Pipeline.BookBuilder.Json;
}
