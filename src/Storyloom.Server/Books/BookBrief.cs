using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Core.Books;
using Storyloom.Print.Kdp;
using Storyloom.Server.Data;

namespace Storyloom.Server.Books;

/// <summary>
/// The book's brief is checked by exactly the code the CLI runs (<see cref="BookSpecInput.ToSpec"/>); this class only
/// translates between the API's field names and the CLI's, and files each problem sentence under the field it is about.
/// </summary>
internal static class BookBrief
{
    public static BookSpecInput ToInput(this BookRequest r) => new()
    {
        Title = r.Title, Author = r.Author, Kind = r.Kind, Age = r.AgeGroup, Theme = r.Theme, Focus = r.EducationalFocus,
        Shape = r.Shape, Moral = r.Moral, Trim = r.Trim, Pages = r.PageCount, Ink = r.Ink, Paper = r.Paper, Bleed = r.Bleed,
        Seed = r.Seed, Style = r.ArtStyle,
    };

    public static BookSpecInput ToInput(this Book b) => new()
    {
        Title = b.Title, Author = b.Author, Kind = b.Kind, Age = b.AgeGroup, Theme = b.Theme, Focus = b.EducationalFocus,
        Shape = b.Shape, Moral = b.Moral, Trim = b.Trim, Pages = b.PageCount, Ink = b.Ink, Paper = b.Paper, Bleed = b.Bleed,
        Seed = b.Seed, Style = b.ArtStyle,
    };

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
        };
    }

    /// <summary>The validated spec, or the field errors that say what to change.</summary>
    public static (BookSpec? Spec, Dictionary<string, string[]>? Errors) Validate(BookSpecInput input)
    {
        var problems = new List<string>();
        BookSpec? spec = null;
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add("the title is missing; give the book a title (up to 120 characters)");
        }
        try
        {
            spec = input.ToSpec();
        }
        catch (SpecException e)
        {
            problems.AddRange(e.Problems);
        }
        return problems.Count == 0 ? (spec, null) : (null, Errors(problems));
    }

    public static Dictionary<string, string[]> Errors(IEnumerable<string> problems) => problems
        .Select(p => (Field: FieldOf(p), Message: ApiWords(p)))
        .GroupBy(p => p.Field)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    /// <summary>Stores the normalised values, spelled as the CLI spells them.</summary>
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
    }

    /// <summary>Replaces the cast with <paramref name="ids"/> (in order); each must be a character of the book's owner.</summary>
    public static async Task<Dictionary<string, string[]>?> SetCharactersAsync(StoryloomDb db, Book book, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.Characters.Where(c => c.OwnerId == book.OwnerId && wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = wanted.Except(found).ToList();
        if (missing.Count > 0)
        {
            return new()
            {
                ["characterIds"] = missing.Select(id => $"character {id} does not exist; create it with POST /api/v1/characters or leave it out").ToArray(),
            };
        }
        var existing = await db.BookCharacters.Where(x => x.BookId == book.Id).ToListAsync(ct);
        db.BookCharacters.RemoveRange(existing);
        db.BookCharacters.AddRange(wanted.Select((id, i) => new BookCharacter { BookId = book.Id, CharacterId = id, Position = i }));
        return null;
    }

    /// <summary>A template's spec is the CLI's spec-file JSON; the request's own values win over it.</summary>
    public static BookSpecInput WithTemplate(BookSpecInput request, string templateSpecJson) =>
        BookSpecInput.FromJson(templateSpecJson, "the template's spec").OverriddenBy(request);

    private static string FieldOf(string problem)
    {
        var p = problem.ToLowerInvariant();
        return p switch
        {
            _ when p.StartsWith("the title", StringComparison.Ordinal) => "title",
            _ when p.StartsWith("the author", StringComparison.Ordinal) => "author",
            _ when p.StartsWith("the theme", StringComparison.Ordinal) => "theme",
            _ when p.StartsWith("the moral", StringComparison.Ordinal) => "moral",
            _ when p.StartsWith("unknown kind", StringComparison.Ordinal) || p.StartsWith("--shape and --focus", StringComparison.Ordinal) => "kind",
            _ when p.StartsWith("unknown age", StringComparison.Ordinal) => "ageGroup",
            _ when p.Contains("not a kdp paperback trim", StringComparison.Ordinal) => "trim",
            _ when p.StartsWith("unknown ink", StringComparison.Ordinal) || p.StartsWith("standard color is not offered", StringComparison.Ordinal) => "ink",
            _ when p.StartsWith("unknown paper", StringComparison.Ordinal) || p.StartsWith("cream paper", StringComparison.Ordinal) => "paper",
            _ when p.StartsWith("unknown story shape", StringComparison.Ordinal) => "shape",
            _ when p.StartsWith("unknown educational focus", StringComparison.Ordinal) => "educationalFocus",
            _ when p.StartsWith("unknown art style", StringComparison.Ordinal) => "artStyle",
            _ when p.Contains("page", StringComparison.Ordinal) => "pageCount",
            _ => "body",
        };
    }

    /// <summary>The CLI's sentences name its flags; on the API the same advice names the JSON fields.</summary>
    private static string ApiWords(string problem) => problem
        .Replace("--pages", "pageCount", StringComparison.Ordinal)
        .Replace("--paper", "paper", StringComparison.Ordinal)
        .Replace("--ink", "ink", StringComparison.Ordinal)
        .Replace("--kind", "kind", StringComparison.Ordinal)
        .Replace("--author", "author", StringComparison.Ordinal)
        .Replace("--theme", "theme", StringComparison.Ordinal)
        .Replace("--shape", "shape", StringComparison.Ordinal)
        .Replace("--focus", "educationalFocus", StringComparison.Ordinal)
        .Replace("--age", "ageGroup", StringComparison.Ordinal)
        .Replace("--level", "level", StringComparison.Ordinal);

    internal static readonly JsonSerializerOptions ManuscriptJson = Core.Pipeline.BookBuilder.Json;
}
