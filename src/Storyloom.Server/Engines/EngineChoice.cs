using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Core.Books;
using Storyloom.Server.Books;

namespace Storyloom.Server.Engines;

/// <summary>
/// A book's engines, language and budget, checked by the same rules as <c>book new --engine/--language</c>: the offline writer
/// writes English story books; the AI writer writes story and concept books in any language and plans coloring books (drawn by the image model).
/// </summary>
internal static partial class EngineChoice
{
    public const string Offline = "offline";
    public const string OpenAi = "openai";

    /// <summary>Largest budget a book or a month may have, in US dollars (a typo guard, not a policy).</summary>
    public const decimal MaxBudget = 10_000m;

    public static readonly IReadOnlyList<string> All = [Offline, OpenAi];

    public static bool UsesAi(this Book b) => b.TextEngine == OpenAi || b.ArtEngine == OpenAi;

    /// <summary>
    /// Applies the request's engine fields to <paramref name="book"/> (null keeps a value; "" clears the language; a budget of 0
    /// removes the book's own cap) and checks them against the validated <paramref name="spec"/>; field errors, or null.
    /// </summary>
    public static Dictionary<string, string[]>? Apply(Book book, BookRequest r, BookSpec spec)
    {
        var errors = new Dictionary<string, string[]>();
        var text = Engine(r.TextEngine, book.TextEngine, "textEngine", errors);
        var art = Engine(r.ArtEngine, book.ArtEngine, "artEngine", errors);
        var language = r.Language is null ? book.Language : r.Language.Trim() is { Length: > 0 } l ? l : null;
        if (language is not null && (language.Length > 35 || !LanguageTag().IsMatch(language)))
        {
            errors["language"] = [$"language '{language}' is not a language tag; use a BCP-47 tag such as en, es, fr, ar or pt-BR"];
        }
        else if (language is not null && text != OpenAi && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            errors["language"] = [$"language {language} needs the AI writer: set textEngine to openai (the offline engine writes English)"];
        }
        if (text == OpenAi && art != OpenAi && spec.Kind == BookKind.Coloring)
        {
            errors["textEngine"] = ["a coloring book planned by the model is drawn by the image model: set artEngine to openai too, or textEngine to offline to keep the offline designs"];
        }
        var budget = r.BudgetUsd switch
        {
            null => book.BudgetUsd,
            0 => null,
            var b => b,
        };
        if (budget is < 0 or > MaxBudget)
        {
            errors["budgetUsd"] = [string.Create(CultureInfo.InvariantCulture, $"budgetUsd is {budget}; give 0.01 to {MaxBudget} US dollars, or 0 to remove the book's cap")];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        book.TextEngine = text;
        book.ArtEngine = art;
        book.Language = language;
        book.BudgetUsd = budget is { } x ? Math.Round(x, 4) : null;
        return null;
    }

    private static string Engine(string? requested, string current, string field, Dictionary<string, string[]> errors)
    {
        if (requested is null)
        {
            return current;
        }
        var name = requested.Trim().ToLowerInvariant();
        if (All.Contains(name))
        {
            return name;
        }
        errors[field] = [$"unknown {(field == "textEngine" ? "text" : "art")} engine '{requested}'; use offline or openai"];
        return current;
    }

    /// <summary>Merges two sets of field errors (either may be null).</summary>
    public static Dictionary<string, string[]>? Merge(Dictionary<string, string[]>? a, Dictionary<string, string[]>? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }
        foreach (var (field, messages) in b)
        {
            a[field] = a.TryGetValue(field, out var had) ? [.. had, .. messages] : messages;
        }
        return a;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
