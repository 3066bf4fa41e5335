using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Story;

/// <summary>
/// A coloring book planned by the model: the offline planner's page plan (front matter, a design on every right-hand page with a
/// blank back), with the designs themselves (subject, scene, caption, details) asked of the model on the user's own theme. The
/// answer is checked (<see cref="ColoringPlanCheck"/>): what fails goes back once with the findings; a plan still failing, an
/// answer that does not parse or that the model refuses, and captions moderation flags leave the offline planner's designs,
/// with the reason in <see cref="Manuscript.Plan"/>.
/// </summary>
public sealed partial class OpenAiStoryWriter
{
    public async Task<WrittenStory> PlanColoringAsync(BookSpec spec, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != BookKind.Coloring) throw new NotSupportedException("only coloring books are planned as designs");
        language = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();
        var briefFindings = await _moderator.CheckAsync([("title", spec.Title ?? ""), ("theme", spec.Theme)], ct);
        if (briefFindings.Count > 0) throw new ContentRefusedException(briefFindings);

        var offline = ColoringBookWriter.Write(spec) with { Language = language };
        var slots = offline.Pages.Where(p => p.Role == PageRole.ColoringDesign).ToList();
        var model = provider.Options.TextModel;
        // The offline planner's own note (a theme it does not know, and what it mixes instead) goes with the reason.
        WrittenStory Fallback(string why, IReadOnlyList<string> findings, bool revised) =>
            new(offline with { Plan = new PlanReport("offline", model, findings, revised, ColoringBookWriter.ThemeNote(spec.Theme, spec.Level) is { } note ? $"{why}. {note}" : why) }, [], language);

        var level = spec.Level;
        var system = $"You plan coloring books for children aged {spec.Age.ToCli()}: black-and-white line art, one design a page. Captions are in the language with the BCP-47 tag '{language}'; every other field is in English. Answer only with JSON that matches the schema.";
        var ask = $"Brief: a {spec.Age.ToCli()} year olds' coloring book, level {level.ToCli()}, seed {spec.Seed}\nTheme: {spec.Theme.Trim()}\nLanguage: {language}\n" +
            $"Plan a title{(spec.Title is null ? "" : $" (use exactly \"{spec.Title}\")")} and exactly {slots.Count} designs for this coloring book, one a page, every one on the theme. " +
            "Each design: subject, one concrete thing a child can name and that can be drawn in outline (\"a sea turtle\", not \"ocean wonder\"); " +
            "kind, what part of the theme it is in the theme's own words; scene, where it is and what it does in a few words; " +
            $"caption, at most 8 words saying only what is drawn; details, {ColoringPlanCheck.DetailRule(level)}. " +
            "No two designs alike: a different subject on every page while the theme has more, else the same subject doing something clearly different in another scene. No text, letters or brand names in any picture.";
        var tokens = 200 + slots.Count * 70;
        ColoringPlanDto answer;
        var findings = new List<string>();
        var revised = false;
        try
        {
            answer = await StepAsync<ColoringPlanDto>("coloring-plan", StorySchemas.ColoringPlan, system, ask, tokens, ct);
            var first = ColoringPlanCheck.Findings(answer.Designs, slots.Count, spec.Theme, level);
            if (first.Count > 0)
            {
                findings.AddRange(first);
                revised = true;
                answer = await StepAsync<ColoringPlanDto>("coloring-plan-revision", StorySchemas.ColoringPlan, system,
                    $"{ask}\nAn editor checked your first plan and found: {string.Join("; ", first)}. Answer the whole plan again with every finding fixed.\nFirst plan:\n" +
                    string.Join("\n", answer.Designs.Select((d, i) => $"{i + 1}. {d.Caption} ({d.Subject}, {d.Scene})")), tokens, ct);
                var second = ColoringPlanCheck.Findings(answer.Designs, slots.Count, spec.Theme, level);
                if (second.Count > 0)
                    return Fallback($"the model's plan still failed its check after one revision ({string.Join("; ", second.Take(3))})", [.. findings, .. second], revised);
            }
        }
        catch (OpenAiException e) when (e.Kind is FailureKind.BadAnswer or FailureKind.ContentPolicy)
        {
            return Fallback($"the model's answer failed: {e.Message.Split('\n')[0]}", findings, revised);
        }

        var designs = answer.Designs.Take(slots.Count).ToList();
        var flagged = await _moderator.CheckAsync([.. designs.Select((d, i) => ($"design {i + 1}", $"{d.Caption}. {d.Subject}, {d.Scene}. {string.Join(", ", d.Details)}"))], ct);
        if (flagged.Count > 0)
            return Fallback($"moderation flagged {string.Join(", ", flagged.Select(f => f.Where))} of the model's plan", findings, revised);

        var byNumber = slots.Select((p, i) => (p.Number, Design: designs[i])).ToDictionary(x => x.Number, x => x.Design);
        var pages = offline.Pages.Select(p => byNumber.TryGetValue(p.Number, out var d)
            ? p with { Text = Caption(d.Caption), Illustration = ColoringPlanCheck.Brief(d, level, p.Number) }
            : p).ToList();
        var title = string.IsNullOrWhiteSpace(spec.Title) ? (string.IsNullOrWhiteSpace(answer.Title) ? offline.Title : answer.Title.Trim()) : spec.Title.Trim();
        var captions = pages.Where(p => p.Role == PageRole.ColoringDesign).Select(p => p.Text!).ToList();
        var blurb = $"{captions.Count} designs to color, from {Lower(captions[0])} to {Lower(captions[^1])}. Every design sits on its own page with a blank back, so markers never bleed through.";
        var listing = offline.Listing with
        {
            Title = title,
            Description = $"{captions.Count} designs about {spec.Theme.Trim()}, one per page with a blank back so markers never bleed through: {string.Join(", ", captions.Take(5).Select(Lower))} and more. Starts with a \"this book belongs to\" page and a page to test your colors.",
        };
        // A plan of the model's own: the offline planner's cast and its note about themes it does not know no longer apply.
        var manuscript = offline with
        {
            Title = title, Cast = [], Pages = pages, Blurb = blurb, Listing = listing,
            Readability = ReadabilityMeter.Measure(captions, [], spec.Age),
            Plan = new PlanReport("model", model, findings, revised, null),
        };
        return new WrittenStory(manuscript, [], language);
    }

    private static string Caption(string caption)
    {
        var c = caption.Trim().TrimEnd('.');
        return c.Length == 0 ? c : char.ToUpper(c[0], CultureInfo.InvariantCulture) + c[1..];
    }

    private static string Lower(string caption) =>
        caption.Length > 1 && Regex.IsMatch(caption, "^(A|An|The|Two|Three) ") ? char.ToLowerInvariant(caption[0]) + caption[1..] : caption;

    internal sealed record ColoringPlanDto(string Title, IReadOnlyList<DesignDto> Designs);

    internal sealed record DesignDto(string Subject, string Kind, string Scene, string Caption, IReadOnlyList<string> Details);
}

/// <summary>
/// The check of a model's coloring plan, measurable without another model: the count, every design with a subject and a short
/// caption, no two designs alike (the same caption, or the same subject in the same scene), each on the theme (a word of the
/// theme in its subject, kind, scene or caption) and no more details than the level allows.
/// </summary>
internal static partial class ColoringPlanCheck
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "and", "the", "with", "for", "book", "books", "coloring", "colouring", "pages", "page", "kids", "children", "cute", "fun", "little", "big", "lots",
        "all", "kinds", "our", "your", "from", "that", "this", "about", "things", "simple", "easy", "toddlers", "adults", "teens",
    };

    public static int MaxDetails(ColoringLevel level) => level switch { ColoringLevel.Simple => 2, ColoringLevel.Medium => 4, _ => 8 };

    public static string DetailRule(ColoringLevel level) => level switch
    {
        ColoringLevel.Simple => "0 to 2 big simple things beside the subject, no background (thick outlines, large spaces for little hands)",
        ColoringLevel.Medium => "2 to 4 things of a simple background",
        _ => "4 to 8 things of a detailed background, with patterns and textures to fill",
    };

    /// <summary>The words of the theme a design must say one of (stems: "dinosaurs" is "dinosaur"); empty when the theme has none.</summary>
    public static IReadOnlyList<string> ThemeWords(string theme) =>
        [.. Word().Matches(theme.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !Filler.Contains(w)).Select(Stem).Distinct()];

    public static List<string> Findings(IReadOnlyList<OpenAiStoryWriter.DesignDto>? designs, int count, string theme, ColoringLevel level)
    {
        var findings = new List<string>();
        designs ??= [];
        if (designs.Count < count) findings.Add($"{designs.Count} designs, not {count}");
        var words = ThemeWords(theme);
        var seenCaption = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenScene = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(designs.Count, count); i++)
        {
            var d = designs[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(d.Subject)) { findings.Add($"design {n} has no subject"); continue; }
            if (string.IsNullOrWhiteSpace(d.Caption)) { findings.Add($"design {n} has no caption"); continue; }
            if (Word().Matches(d.Caption).Count > 12) findings.Add($"design {n}'s caption is longer than 8 words");
            if (Word().Matches(d.Subject).Count > 8) findings.Add($"design {n}'s subject is not one concrete thing (\"{d.Subject}\")");
            var caption = Normal(d.Caption);
            var scene = Normal(d.Subject) + "|" + Normal(d.Scene);
            if (seenCaption.TryGetValue(caption, out var same) || seenScene.TryGetValue(scene, out same))
                findings.Add($"design {n} repeats design {same} (\"{d.Caption.Trim()}\")");
            else
            {
                seenCaption[caption] = n;
                seenScene[scene] = n;
            }
            var said = Word().Matches($"{d.Subject} {d.Kind} {d.Scene} {d.Caption}".ToLowerInvariant()).Select(m => m.Value).ToList();
            if (words.Count > 0 && !words.Any(w => said.Any(s => s.StartsWith(w, StringComparison.Ordinal))))
                findings.Add($"design {n} (\"{d.Caption.Trim()}\") is not about {theme.Trim()}");
            if ((d.Details?.Count ?? 0) > MaxDetails(level))
                findings.Add($"design {n} has {d.Details!.Count} details; a {level.ToCli()} page has at most {MaxDetails(level)}");
        }
        return findings;
    }

    /// <summary>The picture brief of one design, as the offline planner writes it: the subject is the thing to find, the level a tag.</summary>
    public static IllustrationBrief Brief(OpenAiStoryWriter.DesignDto d, ColoringLevel level, int page)
    {
        var background = level switch
        {
            ColoringLevel.Simple => "no background, a few big shapes, thick lines",
            ColoringLevel.Medium => "a simple background, medium lines",
            _ => "a detailed background with textures, fine lines",
        };
        var details = d.Details is { Count: > 0 } list ? $", with {string.Join(", ", list.Select(x => x.Trim()))}" : "";
        var scene = d.Scene.Trim();
        return new IllustrationBrief(scene.Length > 0 ? scene : "none", "day", "clear", [],
            [d.Subject.Trim(), ColoringTags.Level + level.ToCli(), ColoringTags.Variant + page.ToString(CultureInfo.InvariantCulture)], "none",
            $"{d.Caption.Trim().TrimEnd('.')}: {d.Subject.Trim()} {scene}{details}; bold black outlines on white, {background}, no shading, for children to color.");
    }

    private static string Normal(string? text) => string.Join(' ', Word().Matches((text ?? "").ToLowerInvariant()).Select(m => m.Value)
        .Where(w => w is not ("a" or "an" or "the")).Select(Stem));

    private static string Stem(string w) => w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w;

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
