using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Story;

/// <summary>
/// A concept book (ABC, counting, colors, shapes, opposites, feelings) with model-written words on the offline structure: the
/// offline engine plans the units, their order, the cast and what each picture shows (the things to count stay exact); the model
/// writes each page's words and adds to its picture. Each page is checked (<see cref="ConceptCheck"/>): it must still say what the
/// page teaches, within the age band's length; failing pages go back once with the findings, and a page still failing keeps the
/// plan's words (named in <see cref="Manuscript.Plan"/>). An answer that does not parse or has the wrong count keeps every page.
/// </summary>
public sealed partial class OpenAiStoryWriter
{
    public async Task<WrittenStory> WriteConceptAsync(BookSpec spec, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != BookKind.Story || spec.Focus is not { } focus) throw new NotSupportedException("only concept books (a focus) are written on the concept structure");
        language = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();
        var briefFindings = await _moderator.CheckAsync(
            [("title", spec.Title ?? ""), ("theme", spec.Theme), ("moral", spec.Moral ?? ""), ("dedication", spec.Dedication ?? ""), ("about the author", spec.AboutAuthor ?? "")], ct);
        if (briefFindings.Count > 0) throw new ContentRefusedException(briefFindings);

        var offline = new OfflineStoryEngine().Write(spec) with { Language = language };
        var model = provider.Options.TextModel;
        var target = ReadabilityTarget.For(spec.Age);
        var english = IsEnglish(language);
        var pages = offline.Pages.Where(p => p.Role is PageRole.Concept or PageRole.Story && !string.IsNullOrWhiteSpace(p.Text)).ToList();
        var must = pages.ToDictionary(p => p.Number, p => ConceptCheck.MustSay(p, english));
        var names = offline.Cast.Select(c => c.Name).ToList();
        string Line(ManuscriptPage p) =>
            $"Page {p.Number} ({(p.Role == PageRole.Concept ? $"concept \"{p.Headline}\"" : "story step")}; shows {Shows(p, offline.Cast)}) say: {string.Join(", ", must[p.Number].Select(w => $"\"{w}\""))} | now: {p.Text}";
        var system = System(language, spec.Age);
        var rules = $"Each page {ConceptCheck.MinWords(target)}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences of at most {target.MaxWordsPerSentence} words, simple common words for the age band. " +
            "A page's words must say every word in quotes after 'say:' (a concept page teaches exactly that: its letter, number, color, shape or feeling, and the thing drawn); 'now:' is the plan's words: keep what they teach and who is in them, and say it better. " +
            "Keep the names. For each page also describe its picture in English in one sentence (who, where, and the things listed, each whole and apart so a child can point at it).";
        var ask = $"{Brief(spec, language)}\nCast: {string.Join(", ", names)}\nThis is a {focus.ToCli()} concept book. Write a title{(spec.Title is null ? "" : $" (use exactly \"{spec.Title}\")")} and new words for exactly {pages.Count} pages, in order, in the book's language. {rules}\n" +
            string.Join("\n", pages.Select(Line));
        var tokens = pages.Count * (target.MaxWordsPerPage * 3 + 60) + 100;
        WrittenStory Fallback(string why) => new(offline with { Plan = new PlanReport("offline", model, [], false, why) }, [], language);

        ConceptDto answer;
        try
        {
            answer = await StepAsync<ConceptDto>("concept-pages", StorySchemas.ConceptPages, system, ask, tokens, ct);
        }
        catch (OpenAiException e) when (e.Kind is FailureKind.BadAnswer or FailureKind.ContentPolicy)
        {
            return Fallback($"the model's answer failed: {e.Message.Split('\n')[0]}");
        }
        if (answer.Pages is not { } written || written.Count != pages.Count)
            return Fallback($"the model wrote {answer.Pages?.Count ?? 0} pages, not {pages.Count}");

        var texts = pages.Select((p, i) => (p.Number, Text: written[i].Text?.Trim() ?? "", Picture: written[i].Picture?.Trim() ?? "")).ToDictionary(x => x.Number, x => (x.Text, x.Picture));
        var findings = new List<string>();
        List<int> Failing() => [.. texts.Where(t => ConceptCheck.Problems(t.Value.Text, must[t.Key], target).Count > 0).Select(t => t.Key)];
        var failing = Failing();
        var revised = false;
        if (failing.Count > 0)
        {
            revised = true;
            findings.AddRange(failing.Select(n => $"page {n}: {string.Join(", ", ConceptCheck.Problems(texts[n].Text, must[n], target))}"));
            var again = pages.Where(p => failing.Contains(p.Number)).ToList();
            try
            {
                var fix = await StepAsync<ConceptDto>("concept-pages-revision", StorySchemas.ConceptPages, system,
                    $"{Brief(spec, language)}\nCast: {string.Join(", ", names)}\nAn editor checked these pages of a {focus.ToCli()} concept book and found: {string.Join("; ", findings)}. Write exactly {again.Count} pages again, in order, with every finding fixed. {rules}\n" +
                    string.Join("\n", again.Select(Line)), again.Count * (target.MaxWordsPerPage * 3 + 60) + 100, ct);
                for (var k = 0; k < again.Count && k < (fix.Pages?.Count ?? 0); k++)
                    if (!string.IsNullOrWhiteSpace(fix.Pages![k].Text)) texts[again[k].Number] = (fix.Pages[k].Text.Trim(), fix.Pages[k].Picture?.Trim() ?? "");
            }
            catch (OpenAiException e) when (e.Kind is FailureKind.BadAnswer or FailureKind.ContentPolicy)
            {
                findings.Add($"the revision failed: {e.Message.Split('\n')[0]}");
            }
        }
        // What the revision did not fix, and what moderation flags, keeps the plan's words: reported, never printed wrong.
        var kept = Failing().ToHashSet();
        var flagged = await _moderator.CheckAsync([.. texts.Where(t => !kept.Contains(t.Key)).Select(t => ($"page {t.Key}", t.Value.Text))], ct);
        foreach (var f in flagged) kept.Add(int.Parse(f.Where["page ".Length..], CultureInfo.InvariantCulture));
        findings.AddRange(kept.Order().Select(n => $"page {n} keeps the plan's words ({(flagged.Any(f => f.Where == $"page {n}") ? "moderation flagged the model's" : string.Join(", ", ConceptCheck.Problems(texts[n].Text, must[n], target)))})"));

        var newPages = offline.Pages.Select(p => texts.TryGetValue(p.Number, out var t) && !kept.Contains(p.Number)
            ? p with { Text = t.Text, Illustration = p.Illustration is { } b && t.Picture.Length > 0 ? b with { Description = $"{t.Picture} {b.Description}" } : p.Illustration }
            : p).ToList();
        var title = string.IsNullOrWhiteSpace(spec.Title) ? (string.IsNullOrWhiteSpace(answer.Title) ? offline.Title : answer.Title.Trim()) : spec.Title.Trim();
        var measured = newPages.Where(p => p.Role is PageRole.Story or PageRole.Concept or PageRole.TheEnd).Select(p => p.Text!).ToList();
        var manuscript = offline with
        {
            Title = title,
            Pages = newPages,
            Listing = offline.Listing with { Title = title },
            Readability = Measure(measured, names, spec.Age, language),
            Plan = new PlanReport("model", model, findings, revised, null),
        };
        return new WrittenStory(manuscript, [], language);
    }

    private static string Shows(ManuscriptPage p, IReadOnlyList<Character> cast)
    {
        var b = p.Illustration;
        if (b is null) return "nothing";
        var who = b.Characters.Select(c => cast.FirstOrDefault(x => x.Id == c.CharacterId)?.Name).OfType<string>();
        var things = (b.Objects ?? []).Select(o => $"{o.Count} {o.Kind}{(o.Variant is null ? "" : $" ({o.Variant})")}");
        return string.Join(", ", who.Concat(things).DefaultIfEmpty(b.Setting));
    }

    private sealed record ConceptDto(string Title, IReadOnlyList<ConceptPageDto>? Pages);

    private sealed record ConceptPageDto(string Text, string? Picture);
}

/// <summary>
/// The check of a concept page's words: it says what the page teaches (its headline's letter, number, word or pair, and the things
/// the plan's words name), names no one outside the cast, and fits the age band's length.
/// </summary>
internal static partial class ConceptCheck
{
    /// <summary>Concept pages may be short (ages 0–2 read one line a page): half the band's least, and at least one word.</summary>
    public static int MinWords(ReadabilityTarget t) => Math.Max(1, t.MinWordsPerPage / 2);

    /// <summary>What a page's words must say: its headline's parts (a letter, a number, a word) and the things the plan's own words name.</summary>
    public static IReadOnlyList<string> MustSay(ManuscriptPage page, bool english)
    {
        var said = new List<string>();
        if (page.Role == PageRole.Concept && page.Headline is { } h && !h.Contains('?', StringComparison.Ordinal))
        {
            // "Aa", "3 three", "Red", "Big / Small": a look-back page's headline ("All the colors!") names no one thing.
            foreach (var part in h.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 2 && tokens[0].All(char.IsDigit)) said.Add(tokens[0]);
                if (tokens.Length != 1) continue;
                if (part.All(char.IsDigit)) said.Add(part);
                else if (english && part.Length == 2 && char.ToLowerInvariant(part[0]) == char.ToLowerInvariant(part[1])) said.Add(part[..1].ToUpperInvariant());
                else if (english && part.All(char.IsLetter)) said.Add(part.ToLowerInvariant());
            }
        }
        if (english && page.Illustration?.Objects is { } objects)
            foreach (var o in objects.Where(o => Says(page.Text ?? "", o.Kind) && !said.Contains(o.Kind)))
                said.Add(o.Kind);
        return said;
    }

    public static List<string> Problems(string text, IReadOnlyList<string> mustSay, ReadabilityTarget target)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return ["no words"];
        foreach (var w in mustSay.Where(w => !Says(text, w))) problems.Add($"does not say \"{w}\"");
        var words = ReadabilityMeter.Words(text);
        if (words < MinWords(target)) problems.Add($"{words} words, fewer than {MinWords(target)}");
        if (words > target.MaxWordsPerPage) problems.Add($"{words} words, more than {target.MaxWordsPerPage}");
        if (ReadabilityMeter.LongestSentence(text) > target.MaxWordsPerSentence) problems.Add($"a sentence longer than {target.MaxWordsPerSentence} words");
        return problems;
    }

    /// <summary>A letter: a word that starts with it; a number: its digits or (English) its word; a word: a word starting with it.</summary>
    public static bool Says(string text, string what)
    {
        if (what.Length == 1 && char.IsLetter(what[0]))
            return Word().Matches(text).Any(m => m.Value.Length > 1 && char.ToUpperInvariant(m.Value[0]) == what[0]);
        if (what.All(char.IsDigit))
        {
            var n = int.Parse(what, CultureInfo.InvariantCulture);
            return Regex.IsMatch(text, $@"(?<!\d){what}(?!\d)") || n < Core.Story.Concepts.CountingFormat.Words.Length
                && Regex.IsMatch(text, $@"(?<!\p{{L}}){Core.Story.Concepts.CountingFormat.Words[n]}(?!\p{{L}})", RegexOptions.IgnoreCase);
        }
        return Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(what)}", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
