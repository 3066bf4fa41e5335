using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Cli.Bench;

/// <summary>
/// <c>storyloom bench stories</c> (hidden): what an editor's reading measures, over many offline books per theme — the story
/// check's pass rate and findings, the brief's nouns covered, words per page by band, and how many sentences (names removed)
/// books of one theme share. Markdown, for bench/RESULTS.md.
/// </summary>
internal static class StoryBenchCommand
{
    private static readonly string[] DefaultThemes =
    [
        "a dinosaur who is afraid of the dark", "first day of school", "being brave at the dentist", "saying goodbye to our old dog",
        "a new baby sister", "moving house", "my first haircut", "going to the doctor", "friendship", "a bunny who loses her teddy",
        "a sleepover at my friend's house", "learning to share", "visiting grandma", "a trip to the moon", "a day at the beach",
        "a penguin who wants to fly", "a puppy who is afraid of thunder", "a kitten who is jealous of the new puppy", "a pirate adventure",
        "how we became a family through adoption", "learning to tie my shoelaces", "christmas eve with the reindeer",
        "a trip to the zoo with grandma",
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
                    var same = Sameness.Of(made);
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {theme} | {age.ToCli()} | {made[0].Premise?.Family} | {made.Count(m => m.Check!.Passed)}/{n} | {100.0 * must / pages:0.0} / {100.0 * should / pages:0.0} | " +
                        $"{made.Average(m => m.Check!.ThemeCoverage):P0} | {made.Average(m => m.Check!.WordsPerPage):0.0} | {same.InMoreThanThree} of {same.InBooks.Count} | {same.MostShared} of {n} | {same.Overlap.Average():P0} ({same.Overlap.Max():P0}) |"));
                }
            }
            console.WriteLine();
            console.WriteLine($"{n} books per theme and age (seeds 1–{n}), 32 pages; sentences compared with the cast's names removed.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
