using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Cli.Bench;

/// <summary>
/// <c>storyloom bench stories</c> (hidden): what an editor's reading measures, over many offline books per theme — the story
/// check's pass rate and findings, the brief's nouns covered, words per page by band, and how many sentences (names removed)
/// books of one theme share. Markdown, for bench/RESULTS.md.
/// </summary>
internal static partial class StoryBenchCommand
{
    private static readonly string[] DefaultThemes =
    [
        "a dinosaur who is afraid of the dark", "first day of school", "being brave at the dentist", "saying goodbye to our old dog",
        "a new baby sister", "moving house", "my first haircut", "going to the doctor", "friendship", "a bunny who loses her teddy",
        "a sleepover at my friend's house", "learning to share", "visiting grandma", "a trip to the moon", "a day at the beach",
        "a penguin who wants to fly", "a puppy who is afraid of thunder",
    ];

    public static Command Create(IAnsiConsole console)
    {
        var books = new Option<int>("--books") { Description = "Books (seeds) per theme and age", DefaultValueFactory = _ => 40 };
        var themes = new Option<string[]>("--theme") { Description = "Themes to measure (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("stories", "Measure the offline story engine over many books per theme.") { books, themes };
        command.SetAction(parse =>
        {
            var n = Math.Max(2, parse.GetValue(books));
            var list = parse.GetValue(themes) is { Length: > 0 } given ? given : DefaultThemes;
            var engine = new OfflineStoryEngine();
            console.WriteLine("| theme | ages | family | check passed | MUST / SHOULD per 100 pages | theme nouns | words/page | sentences in >3 books | most shared | share with another book (max) |");
            console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var theme in list)
            {
                foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
                {
                    var made = Enumerable.Range(1, n).Select(seed => engine.Write(new BookSpec { Theme = theme, Age = age, Seed = seed })).ToList();
                    var pages = made.Sum(m => m.Pages.Count(p => p.Role == PageRole.Story));
                    var must = made.Sum(m => m.Check!.Findings.Count(f => f.Level == StoryCheck.Must));
                    var should = made.Sum(m => m.Check!.Findings.Count(f => f.Level == StoryCheck.Should));
                    var sentences = made.Select(Sentences).ToList();
                    var inBooks = sentences.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
                    var overThree = inBooks.Count(x => x.Value > 3);
                    var mostShared = inBooks.Values.DefaultIfEmpty(0).Max();
                    // For each book, the largest share of its sentences found in any one other book.
                    var overlap = sentences.Select((s, i) => sentences.Where((_, j) => j != i).Select(o => s.Count == 0 ? 0 : (double)s.Count(o.Contains) / s.Count).DefaultIfEmpty(0).Max()).ToList();
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {theme} | {age.ToCli()} | {made[0].Premise?.Family} | {made.Count(m => m.Check!.Passed)}/{n} | {100.0 * must / pages:0.0} / {100.0 * should / pages:0.0} | " +
                        $"{made.Average(m => m.Check!.ThemeCoverage):P0} | {made.Average(m => m.Check!.WordsPerPage):0.0} | {overThree} of {inBooks.Count} | {mostShared} of {n} | {overlap.Average():P0} ({overlap.Max():P0}) |"));
                }
            }
            console.WriteLine();
            console.WriteLine($"{n} books per theme and age (seeds 1–{n}), 32 pages; sentences compared with the cast's names removed.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HashSet<string> Sentences(Manuscript m)
    {
        var names = m.Cast.Select(c => c.Name).OrderByDescending(x => x.Length).ToList();
        return m.Pages.Where(p => p.Role == PageRole.Story).SelectMany(p => SentenceRx().Split(p.Text!))
            .Select(s => names.Aggregate(s, (t, name) => Regex.Replace(t, $@"\b{Regex.Escape(name)}\b", "<name>")))
            .Where(s => s.Split(' ').Length >= 4).ToHashSet();
    }

    [GeneratedRegex(@"(?<=[.!?][\u201D""]?)\s+(?=[A-Z\u201C""])")]
    private static partial Regex SentenceRx();
}
