using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Story;

/// <summary>The written manuscript, what safety found that the rewrite could not fix, and whether the text met the age band.</summary>
/// <param name="Findings">Pages still flagged after one rewrite: the job must stop for the user, never print them silently.</param>
public sealed record WrittenStory(Manuscript Manuscript, IReadOnlyList<SafetyFinding> Findings, string Language);

/// <summary>One page with new words, and what moderation found in them (the words must not be saved when it found anything).</summary>
public sealed record RewrittenPage(ManuscriptPage Page, IReadOnlyList<SafetyFinding> Findings);

/// <summary>
/// Writes a story book with a language model in the steps a good writer takes: an outline (title, cast as a character
/// bible, one beat per page), the pages, then one revision pass for pages outside the age band's length and sentence limits
/// (and, in English, the band's grade). The brief is moderated first; flagged pages are rewritten once. Returns the same
/// <see cref="Manuscript"/> shape as the offline engine. Every answer is cached by its request, so a resumed run pays
/// only for steps it has not done.
/// </summary>
public sealed partial class OpenAiStoryWriter(OpenAiProvider provider, AssetCache cache, CostMeter meter)
{
    private readonly Moderator _moderator = new(provider, cache);

    public ContentCredit Credit => new($"OpenAI {provider.Options.TextModel} (with Storyloom)", IsAiModel: true);

    public async Task<WrittenStory> WriteAsync(BookSpec spec, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != BookKind.Story) throw new NotSupportedException("coloring books are planned by the offline engine; only their pictures can be painted by a model");
        if (spec.Focus is not null) throw new NotSupportedException("concept books (ABC, counting …) are written by the offline engine");
        language = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();

        var briefFindings = await _moderator.CheckAsync(
            [("title", spec.Title ?? ""), ("theme", spec.Theme), ("moral", spec.Moral ?? ""), ("dedication", spec.Dedication ?? ""), ("about the author", spec.AboutAuthor ?? "")], ct);
        if (briefFindings.Count > 0) throw new ContentRefusedException(briefFindings);

        var target = ReadabilityTarget.For(spec.Age);
        var castSize = spec.Pages <= 12 ? 2 : 3;
        var plan = FrontMatter.PlanFor(spec, [.. Enumerable.Range(0, castSize).Select(i => Placeholder(i))]);
        var brief = Brief(spec, language);
        var system = System(language, spec.Age);
        var keys = IsEnglish(language) ? BriefKeys(spec) : [];

        var outline = await StepAsync<OutlineDto>("outline", StorySchemas.Outline, system,
            $"{brief}\nPlan the book: a title{(spec.Title is null ? "" : $" (use exactly \"{spec.Title}\")")}, a blurb of two sentences, a moral, a closing line, exactly 7 keywords (English, for the store listing, each a phrase a parent would search for this very story), 2 or 3 store categories from the schema's list that fit this story best, exactly {castSize} characters (the first is the hero; give each a visual description that an illustrator can draw the same way on every page, with hex colors), and exactly {plan.ContentPages} beats, one per story page.",
            800 + plan.ContentPages * 60, ct);
        var cast = Cast(outline.Cast);
        var names = cast.Select(c => c.Name).ToList();
        var castLine = $"Cast: {string.Join(", ", names)}";
        var bible = string.Join("\n", cast.Select(c => $"- {c.Name} ({c.Role}, {c.Pronoun}): {c.VisualDescription}"));

        var pagesDto = await StepAsync<PagesDto>("pages", StorySchemas.Pages, system,
            $"{brief}\n{castLine}\nTitle: {outline.Title}\nCharacters:\n{bible}\nBeats:\n{string.Join("\n", outline.Beats.Select((b, i) => $"{i + 1}. {b}"))}\nWrite exactly {plan.ContentPages} pages, one per beat. Each page: {target.MinWordsPerPage}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences of at most {target.MaxWordsPerSentence} words. For each page also describe its picture in English (setting, time of day, weather, who is in it by name and pose, props, and where the text sits so the picture keeps that area calm). {SceneRules}{Say(keys)}",
            plan.ContentPages * (target.MaxWordsPerPage * 3 + 150), ct);
        var texts = Fit(pagesDto.Pages.Select(p => p.Text).ToList(), plan.ContentPages);

        texts = await ReviseAsync(brief, system, castLine, texts, target, language, names, spec.Age, ct);
        var scenes = Enumerable.Range(0, plan.ContentPages).Select(i => Brief(i < pagesDto.Pages.Count ? pagesDto.Pages[i] : pagesDto.Pages[^1], cast, i)).ToList();

        var setting0 = scenes[0].Setting;
        var moral = string.IsNullOrWhiteSpace(spec.Moral) ? outline.Moral : spec.Moral.Trim();
        var listing = new Listing(outline.Title, null, outline.Blurb, [.. outline.Keywords.Take(ListingWriter.KeywordCount)],
            ListingCategories.For(outline.Categories ?? [], spec.Theme, cast[0].Species == Species.Child ? null : cast[0].Species.ToString()), ListingWriter.ReadingAge(spec.Age));
        var style = spec.ArtStyle ?? BookFormatNames.ArtStyles[Math.Abs(spec.Seed) % BookFormatNames.ArtStyles.Count];
        var builtIn = BookWords.For(language);
        Manuscript Book(IReadOnlyList<string> storyTexts, IReadOnlyList<IllustrationBrief> storyScenes, BookWords words)
        {
            var pages = FrontMatter.Front(spec, plan, outline.Title, cast, setting0);
            for (var i = 0; i < plan.ContentPages; i++) pages.Add(new ManuscriptPage(plan.FirstContentPage + i, PageRole.Story, storyTexts[i], storyScenes[i]));
            pages.AddRange(FrontMatter.Back(spec, outline.Closing, moral, cast[0], setting0));
            var readability = Measure([.. pages.Where(p => p.Role is PageRole.Story or PageRole.TheEnd).Select(p => p.Text!)], names, spec.Age, language);
            return new Manuscript(outline.Title, null, spec.Author, BookKind.Story, spec.Age, spec.Theme, spec.Seed, style, cast,
                [.. pages.Take(spec.Pages).Select(p => InLanguage(p, spec, words, language))], outline.Blurb, spec.Dedication, moral, readability, listing)
            {
                Language = language,
                Words = builtIn is null ? words : null,
                Premise = new PremiseSummary("model", keys),
            };
        }

        // The offline engine's story check on the draft; what it finds goes back to the model once, then moderation sees the final words.
        (texts, scenes, var revision) = await CheckStoryAsync(brief, system, castLine, bible, Book(texts, scenes, builtIn ?? BookWords.English), texts, scenes,
            plan.FirstContentPage, target, cast, ct);
        var (safeTexts, findings) = await ModeratePagesAsync(brief, system, castLine, texts, plan.FirstContentPage, target, ct);
        var manuscript = Book(safeTexts, scenes, builtIn ?? await WordsAsync(system, language, ct));
        return new WrittenStory(manuscript with { Check = StoryCheck.Run(manuscript) with { Revision = revision } }, findings, language);
    }

    /// <summary>How a page's scene is written so the story check can read it (and the pictures stay in one world).</summary>
    private const string SceneRules = "The setting is a short name of the place, written the same way on every page set there; when the place changes, the words say how they got there. " +
        "A page's words name only characters listed in its picture and things its scene holds (props, or what a character holds); list every character the words name.";

    private static string Say(IReadOnlyList<string> keys) => keys.Count == 0 ? "" : $" Say these words of the brief in the story: {string.Join(", ", keys.Select(k => $"\"{k}\""))}.";

    /// <summary>The brief's own nouns the offline engine's premise reader finds, kept only when the brief says them (the model plans its own plot).</summary>
    internal static List<string> BriefKeys(BookSpec spec)
    {
        var text = string.Join(" ", spec.Theme, spec.Title, spec.Moral).ToLowerInvariant();
        return [.. Core.Story.Plot.PremiseReader.Read(spec).Keys.Where(k => Regex.IsMatch(text, $@"\b{Regex.Escape(k)}", RegexOptions.CultureInvariant)).Distinct()];
    }

    /// <summary>
    /// Runs the story check on the draft; when it fails, the pages it names (and the first page, for a finding about the whole
    /// book) go back to the model once with the findings, and the answer replaces their words and scenes. What the revision does
    /// not fix stays in the final report (<see cref="StoryRevision"/>): it is reported, never hidden.
    /// </summary>
    private async Task<(List<string> Texts, List<IllustrationBrief> Scenes, StoryRevision Revision)> CheckStoryAsync(string brief, string system, string castLine,
        string bible, Manuscript draft, List<string> texts, List<IllustrationBrief> scenes, int firstPage, ReadabilityTarget target, IReadOnlyList<Character> cast,
        CancellationToken ct)
    {
        var report = StoryCheck.Run(draft);
        if (report.Passed) return (texts, scenes, new StoryRevision([], []));
        var whole = report.Findings.Where(f => f.Page == 0 && f.Level == StoryCheck.Must).ToList();
        var numbers = report.Findings.Where(f => f.Page >= firstPage && f.Page < firstPage + texts.Count).Select(f => f.Page)
            .Concat(whole.Count > 0 ? [firstPage] : []).Distinct().Order().ToList();
        var listing = new StringBuilder();
        foreach (var n in numbers)
        {
            var said = report.Findings.Where(f => f.Page == n).Concat(n == numbers[0] ? whole : []).Select(f => $"{f.Level} {f.Message}");
            listing.Append(CultureInfo.InvariantCulture, $"Page {n}\nFindings: {string.Join("; ", said)}\nText: {texts[n - firstPage]}\nPicture: {Picture(scenes[n - firstPage], cast)}\n");
        }
        var story = string.Join("\n", texts.Select((t, i) => $"Page {firstPage + i} ({scenes[i].Setting}): {t}"));
        var revised = await StepAsync<PagesDto>("story-revision", StorySchemas.Pages, system,
            $"{brief}\n{castLine}\nCharacters:\n{bible}\nAn editor checked the story and found what is listed below. Revise exactly {numbers.Count} pages so every finding is fixed: change a page's words, its picture, or both. " +
            $"{SceneRules} Keep the plot, names and language, and each page within {target.MinWordsPerPage}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences. Answer the pages in the same order, each with its whole picture.\n" +
            $"{listing}The story, page by page:\n{story}",
            numbers.Count * (target.MaxWordsPerPage * 3 + 150), ct);
        var newTexts = texts.ToList();
        var newScenes = scenes.ToList();
        for (var k = 0; k < numbers.Count && k < revised.Pages.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(revised.Pages[k].Text)) continue;
            newTexts[numbers[k] - firstPage] = revised.Pages[k].Text.Trim();
            newScenes[numbers[k] - firstPage] = Brief(revised.Pages[k], cast, numbers[k] - firstPage);
        }
        return (newTexts, newScenes, new StoryRevision(numbers, report.Findings));
    }

    /// <summary>
    /// New words for story page <paramref name="number"/> of <paramref name="book"/> (the book as it is now): one paid step that sees
    /// the brief, cast, title, the whole story and the page's picture (which stays), asked to say something other than the current
    /// words within the age band's limits; one revision ask when the answer breaks them; then moderation. <paramref name="seed"/> is
    /// sent as a variation, so asking again is a new request while the same task resumed is the same request, served from the cache.
    /// Null for a page that is not a story page of a story book.
    /// </summary>
    public async Task<RewrittenPage?> RewritePageAsync(BookSpec spec, Manuscript book, int number, int seed, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(book);
        var current = book.Pages.FirstOrDefault(p => p.Number == number);
        if (spec.Kind != BookKind.Story || spec.Focus is not null || current is not { Role: PageRole.Story }) return null;
        language = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();

        var target = ReadabilityTarget.For(spec.Age);
        var brief = Brief(spec, language);
        var system = System(language, spec.Age);
        var castLine = $"Cast: {string.Join(", ", book.Cast.Select(c => c.Name))}";
        var bible = string.Join("\n", book.Cast.Select(c => $"- {c.Name} ({c.Role}, {c.Pronoun}): {c.VisualDescription}"));
        var limits = $"{target.MinWordsPerPage}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences of at most {target.MaxWordsPerSentence} words";
        var story = string.Join("\n", book.Pages.Where(p => p.Role is PageRole.Story or PageRole.TheEnd && !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => $"Page {p.Number}{(p.Number == number ? " (this page)" : "")}: {p.Text}"));
        var answer = await StepAsync<RewriteDto>($"rewrite-page {number}", StorySchemas.Rewrite, system,
            $"{brief}\n{castLine}\nTitle: {book.Title}\nCharacters:\n{bible}\n" +
            $"Write new words for page {number}: {limits}, and simple, common words for the age band. Say something other than its current words, in the book's language; keep the plot, the names and the page's place in the story, and fit its picture, which does not change.\n" +
            $"Picture: {Picture(current.Illustration, book.Cast)}\nCurrent words: {current.Text}\nVariation: {seed.ToString(CultureInfo.InvariantCulture)}\nThe story, page by page:\n{story}",
            target.MaxWordsPerPage * 3 + 40, ct);
        var text = answer.Text.Trim();
        if (text.Length == 0) throw new OpenAiException(FailureKind.BadAnswer, 200, "no_text", $"the new words for page {number} are empty");
        if (PageProblem(text, target) is { } problem)
        {
            var revised = await StepAsync<RewriteDto>($"rewrite-page-revision {number}", StorySchemas.Rewrite, system,
                $"{brief}\n{castLine}\nRevise this page ({problem}) so it has {limits}, and simple, common words for the age band. Keep its meaning, names and language.\nPage: {text}",
                target.MaxWordsPerPage * 3 + 40, ct);
            if (!string.IsNullOrWhiteSpace(revised.Text)) text = revised.Text.Trim();
        }
        var findings = await _moderator.CheckAsync([($"page {number}", text)], ct);
        return new RewrittenPage(current with { Text = text }, findings);
    }

    /// <summary>A page's picture in words: what the new text must still fit.</summary>
    private static string Picture(IllustrationBrief? p, IReadOnlyList<Character> cast)
    {
        if (p is null) return "(none)";
        var who = p.Characters.Select(c => $"{cast.FirstOrDefault(x => x.Id == c.CharacterId)?.Name ?? c.CharacterId} {c.Pose.ToString().ToLowerInvariant()}");
        return $"{p.Description} (setting: {p.Setting}, {p.TimeOfDay}, {p.Weather}; in it: {string.Join(", ", who)}; props: {string.Join(", ", p.Props)})";
    }

    /// <summary>The headings and copyright lines in the book's language, when they are not built in; English where an answer drops a placeholder.</summary>
    private async Task<BookWords> WordsAsync(string system, string language, CancellationToken ct)
    {
        var en = BookWords.English;
        var dto = await StepAsync<WordsDto>("words", StorySchemas.Words, system,
            $"Language: {language}\nTranslate these lines of a children's picture book into the language above. Keep every placeholder in braces ({{year}}, {{author}}, {{tool}}, {{text}}, {{pictures}}, {{seed}}) exactly as written.\n" +
            $"the_end: {en.TheEnd}\nmeet_the_characters: {en.MeetTheCharacters}\nabout_the_author: {en.AboutTheAuthor}\ncopyright: {en.Copyright}\nno_copying: {en.NoCopying}\nfirst_edition: {en.FirstEdition}\nabout_author: {en.AboutAuthor}\n" +
            $"software_both: {en.SoftwareBoth}\nsoftware_each: {en.SoftwareEach}\nai_model: {en.AiModel}\nno_ai_model: {en.NoAiModel}\nreviewed: {en.Reviewed}\nmade_with: {en.MadeWith}\nabout_book: {en.AboutBook}",
            900, ct);
        return new BookWords(Keep(dto.TheEnd, en.TheEnd), Keep(dto.MeetTheCharacters, en.MeetTheCharacters), Keep(dto.AboutTheAuthor, en.AboutTheAuthor), Keep(dto.Copyright, en.Copyright),
            Keep(dto.NoCopying, en.NoCopying), Keep(dto.FirstEdition, en.FirstEdition), Keep(dto.AboutAuthor, en.AboutAuthor))
        {
            SoftwareBoth = Keep(dto.SoftwareBoth, en.SoftwareBoth),
            SoftwareEach = Keep(dto.SoftwareEach, en.SoftwareEach),
            AiModel = Keep(dto.AiModel, en.AiModel),
            NoAiModel = Keep(dto.NoAiModel, en.NoAiModel),
            Reviewed = Keep(dto.Reviewed, en.Reviewed),
            MadeWith = Keep(dto.MadeWith, en.MadeWith),
            AboutBook = Keep(dto.AboutBook, en.AboutBook),
        };
    }

    /// <summary>The answer, or the English line when the answer is empty or dropped one of its placeholders.</summary>
    private static string Keep(string? answer, string english) =>
        string.IsNullOrWhiteSpace(answer) || Placeholder().Matches(english).Any(p => !answer.Contains(p.Value, StringComparison.Ordinal))
            ? english
            : answer.Trim();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();

    /// <summary>Front and back matter that the story steps did not write, in the book's language: the author's page (unless the
    /// brief gave one) and the cast cards, which show only the names when the character bible's English lines would not fit the book.</summary>
    private static ManuscriptPage InLanguage(ManuscriptPage page, BookSpec spec, BookWords words, string language) => page.Role switch
    {
        _ when IsEnglish(language) => page,
        PageRole.AboutTheAuthor when string.IsNullOrWhiteSpace(spec.AboutAuthor) => page with { Text = words.AboutAuthorText(spec) },
        PageRole.MeetTheCharacters => page with { Text = string.Join("\n\n", (page.Text ?? "").Split("\n\n").Select(l => l.Split(':')[0].Trim())) },
        _ => page,
    };

    /// <summary>One revision pass: pages outside the band's length or sentence limits (and, for English, the whole book when its grade is out of band).</summary>
    private async Task<List<string>> ReviseAsync(string brief, string system, string castLine, List<string> texts, ReadabilityTarget target, string language,
        IReadOnlyList<string> names, AgeBand band, CancellationToken ct)
    {
        var bad = Enumerable.Range(0, texts.Count).Where(i => PageProblem(texts[i], target) is not null).ToList();
        if (bad.Count == 0 && IsEnglish(language) && !Measure(texts, names, band, language).InBand) bad = [.. Enumerable.Range(0, texts.Count)];
        if (bad.Count == 0) return texts;
        var listing = new StringBuilder();
        foreach (var i in bad) listing.Append(CultureInfo.InvariantCulture, $"Page {i + 1} ({PageProblem(texts[i], target) ?? "reading level too hard or too easy for the age band"}): {texts[i]}\n");
        var revised = await StepAsync<RevisionDto>("revision", StorySchemas.Revision, system,
            $"{brief}\n{castLine}\nRevise exactly {bad.Count} pages so each has {target.MinWordsPerPage}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences of at most {target.MaxWordsPerSentence} words, and simple, common words for the age band. Keep the plot, names and language. Answer the pages in the same order.\n{listing}",
            bad.Count * (target.MaxWordsPerPage * 3 + 40), ct);
        var result = texts.ToList();
        for (var k = 0; k < bad.Count && k < revised.Pages.Count; k++)
            if (!string.IsNullOrWhiteSpace(revised.Pages[k].Text)) result[bad[k]] = revised.Pages[k].Text.Trim();
        return result;
    }

    /// <summary>Moderates every story page; a flagged page is rewritten once and checked again; what is still flagged is returned.</summary>
    private async Task<(List<string> Texts, IReadOnlyList<SafetyFinding> Findings)> ModeratePagesAsync(string brief, string system, string castLine,
        List<string> texts, int firstPage, ReadabilityTarget target, CancellationToken ct)
    {
        var findings = await _moderator.CheckAsync([.. texts.Select((t, i) => ($"page {firstPage + i}", t))], ct);
        if (findings.Count == 0) return (texts, []);
        var result = texts.ToList();
        var flagged = findings.Select(f => int.Parse(f.Where["page ".Length..], CultureInfo.InvariantCulture) - firstPage).Distinct().ToList();
        foreach (var i in flagged)
        {
            var reasons = string.Join(", ", findings.Where(f => f.Where == $"page {firstPage + i}").SelectMany(f => f.Reasons));
            var rewrite = await StepAsync<RewriteDto>($"rewrite page {firstPage + i}", StorySchemas.Rewrite, system,
                $"{brief}\n{castLine}\nThis page was flagged as unsuitable for young children ({reasons}). Rewrite it gently for a picture book, keeping the plot, names and language: {target.MinWordsPerPage}–{target.MaxWordsPerPage} words, at most {target.MaxSentencesPerPage} sentences.\nPage: {texts[i]}",
                target.MaxWordsPerPage * 3 + 40, ct);
            result[i] = rewrite.Text.Trim();
        }
        var again = await _moderator.CheckAsync([.. flagged.Select(i => ($"page {firstPage + i}", result[i]))], ct);
        return (result, again);
    }

    /// <summary>A paid text step: served from the cache when this exact request was answered before, else reserved against the budget, asked and recorded.</summary>
    private async Task<T> StepAsync<T>(string step, string schema, string system, string user, int maxOutputTokens, CancellationToken ct)
    {
        var model = provider.Options.TextModel;
        var key = AssetCache.TextKey(model, schema, [system, user]);
        if (await cache.TryGetAsync(key, ct) is { } hit)
        {
            meter.RecordCacheHit(step, model);
            return Parse<T>(Encoding.UTF8.GetString(hit), step);
        }
        using var reservation = meter.Reserve(step, CostEstimator.TextStep(provider.Options, maxOutputTokens));
        var (bytes, _) = await cache.GetOrAddAsync(key, async () =>
        {
            var answer = await provider.CompleteJsonAsync(step.Split(' ')[0], schema, [new ChatTurn("system", system), new ChatTurn("user", user)], maxOutputTokens, ct);
            Parse<T>(answer.Json, step);
            meter.RecordTokens(step, model, answer.InputTokens, answer.OutputTokens);
            return Encoding.UTF8.GetBytes(answer.Json);
        }, ct);
        return Parse<T>(Encoding.UTF8.GetString(bytes), step);
    }

    private static T Parse<T>(string json, string step)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new OpenAiException(FailureKind.BadAnswer, 200, "bad_json", $"the {step} answer does not match its schema: {e.Message}", null, e);
        }
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Brief(BookSpec spec, string language) =>
        $"Brief: a {spec.Age.ToCli()} year olds' picture book about {spec.Theme}{(spec.Moral is { } m ? $", moral: {m}" : "")}{(spec.Shape is { } s ? $", shape: {s.ToCli()}" : "")}, seed {spec.Seed}\nLanguage: {language}";

    private static string System(string language, AgeBand band) =>
        $"You write warm, gentle picture books for children aged {band.ToCli()}. Write every story word in the language with the BCP-47 tag '{language}' (names may stay as they are); picture descriptions and keywords stay in English. Pages read aloud well: concrete, kind, no violence, no scary detail, no brand names. Answer only with JSON that matches the schema.";

    private static List<Character> Cast(IReadOnlyList<CastDto> dtos)
    {
        var cast = new List<Character>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dtos.Count; i++)
        {
            var d = dtos[i];
            var name = string.IsNullOrWhiteSpace(d.Name) || !used.Add(d.Name.Trim()) ? $"Friend {i + 1}" : d.Name.Trim();
            var species = Enum.TryParse<Species>(d.Species, ignoreCase: true, out var sp) ? sp : Species.Child;
            cast.Add(new Character($"c{i + 1}", name, i == 0 ? "hero" : d.Role, species, Hex(d.BodyColor, "#E8833A"), Hex(d.AccentColor, "#F2D7B6"),
                d.Clothing, Hex(d.ClothingColor, "#4A7FC1"), string.IsNullOrWhiteSpace(d.Accessory) ? null : d.Accessory, d.VisualDescription,
                d.Pronoun is "she" or "he" ? d.Pronoun : "they"));
        }
        if (cast.Count == 0) throw new OpenAiException(FailureKind.BadAnswer, 200, "no_cast", "the outline has no characters");
        return cast;
    }

    private static IllustrationBrief Brief(PageDto p, IReadOnlyList<Character> cast, int index)
    {
        var present = p.Characters
            .Select(c => (Character: cast.FirstOrDefault(x => x.Name.Equals(c.CharacterName?.Trim(), StringComparison.OrdinalIgnoreCase)), c.Pose))
            .Where(x => x.Character is not null).DistinctBy(x => x.Character!.Id).ToList();
        var placements = present.Select((x, i) => new CharacterPlacement(x.Character!.Id,
            Enum.TryParse<Pose>(x.Pose, ignoreCase: true, out var pose) ? pose : Pose.Standing,
            present.Count == 1 ? 0.5 : 0.25 + 0.5 * i / (present.Count - 1), FacingLeft: i % 2 == 1)).ToList();
        // One place, one name: the story check reads a change of setting as travel.
        return new IllustrationBrief((p.Setting ?? "").Trim().ToLowerInvariant(), p.TimeOfDay, p.Weather, placements, p.Props, p.TextPlacement is "top" ? "top" : "bottom", p.Description);
    }

    /// <summary>What is wrong with one page's length or sentences for the band, or null.</summary>
    internal static string? PageProblem(string text, ReadabilityTarget t)
    {
        var words = ReadabilityMeter.Words(text);
        var sentences = SentenceSplit().Split(text.Trim()).Where(s => s.Length > 0).ToList();
        var longest = sentences.Select(ReadabilityMeter.Words).DefaultIfEmpty(0).Max();
        if (words < t.MinWordsPerPage) return $"{words} words, fewer than {t.MinWordsPerPage}";
        if (words > t.MaxWordsPerPage) return $"{words} words, more than {t.MaxWordsPerPage}";
        if (sentences.Count > t.MaxSentencesPerPage) return $"{sentences.Count} sentences, more than {t.MaxSentencesPerPage}";
        if (longest > t.MaxWordsPerSentence) return $"a sentence of {longest} words, longer than {t.MaxWordsPerSentence}";
        return null;
    }

    /// <summary>Core's meter for English; other languages get length figures only (Flesch–Kincaid and the common-word lists are English).</summary>
    private static Readability Measure(IReadOnlyList<string> texts, IEnumerable<string> names, AgeBand band, string language)
    {
        var r = ReadabilityMeter.Measure(texts, names, band);
        if (IsEnglish(language)) return r;
        var t = ReadabilityTarget.For(band);
        var storyPages = texts.Take(Math.Max(1, texts.Count - 1)).ToList();
        return r with { RareWordShare = 0, FleschKincaidGrade = 0, InBand = storyPages.All(p => PageProblem(p, t) is null) };
    }

    private static bool IsEnglish(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static List<string> Fit(List<string> texts, int count)
    {
        if (texts.Count == 0) throw new OpenAiException(FailureKind.BadAnswer, 200, "no_pages", "the pages answer has no pages");
        while (texts.Count < count) texts.Add(texts[^1]);
        return texts.Take(count).Select(t => t.Trim()).ToList();
    }

    private static string Hex(string? value, string fallback) => value is not null && HexColor().IsMatch(value.Trim()) ? value.Trim().ToUpperInvariant() : fallback;

    private static Character Placeholder(int i) => new($"c{i + 1}", $"c{i + 1}", "friend", Species.Fox, "#000000", "#000000", "none", "#000000", null, "");

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"(?<=[.!?؟…。])[”»""]?\s+")]
    private static partial Regex SentenceSplit();

    private sealed record OutlineDto(string Title, string Blurb, string Moral, string Closing, IReadOnlyList<string> Keywords, IReadOnlyList<CastDto> Cast, IReadOnlyList<string> Beats, IReadOnlyList<string>? Categories = null);

    private sealed record CastDto(string Name, string Role, string Species, string Pronoun, string BodyColor, string AccentColor, string Clothing,
        string ClothingColor, string? Accessory, string VisualDescription);

    private sealed record PagesDto(IReadOnlyList<PageDto> Pages);

    private sealed record PageDto(string Text, string Setting, string TimeOfDay, string Weather, string TextPlacement, string Description,
        IReadOnlyList<PlacementDto> Characters, IReadOnlyList<string> Props);

    private sealed record PlacementDto(string CharacterName, string Pose);

    private sealed record RevisionDto(IReadOnlyList<RevisionPageDto> Pages);

    private sealed record RevisionPageDto(string Text);

    private sealed record RewriteDto(string Text);

    private sealed record WordsDto(string TheEnd, string MeetTheCharacters, string AboutTheAuthor, string Copyright, string NoCopying, string FirstEdition, string AboutAuthor,
        string? SoftwareBoth, string? SoftwareEach, string? AiModel, string? NoAiModel, string? Reviewed, string? MadeWith, string? AboutBook);
}
