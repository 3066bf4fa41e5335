using System.Globalization;
using Storyloom.Core.Books;
using Storyloom.Core.Story;

namespace Storyloom.Core.Tests;

/// <summary>
/// How alike the books of one theme are, as <c>storyloom bench stories</c> measures it, without building the CLI: set
/// STORYLOOM_SAMENESS to themes separated by ';' (and STORYLOOM_SAMENESS_BOOKS, default 40) and read the report in
/// STORYLOOM_SAMENESS_OUT (default /tmp/sameness.txt), the most shared sentences under each line. Does nothing without it;
/// the numbers of record are the bench's.
/// </summary>
public sealed class SamenessReport
{
    [Fact]
    public void Report_sentences_shared_between_books_of_one_theme()
    {
        var themes = Environment.GetEnvironmentVariable("STORYLOOM_SAMENESS");
        if (string.IsNullOrWhiteSpace(themes)) return;
        var n = int.TryParse(Environment.GetEnvironmentVariable("STORYLOOM_SAMENESS_BOOKS"), out var b) ? b : 40;
        var engine = new OfflineStoryEngine();
        var report = new List<string>();
        foreach (var theme in themes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        foreach (var age in new[] { AgeBand.Age0To2, AgeBand.Age3To5, AgeBand.Age6To8 })
        {
            var made = Enumerable.Range(1, n).Select(seed => engine.Write(new BookSpec { Theme = theme, Age = age, Seed = seed })).ToList();
            var same = Sameness.Of(made);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"{theme} | {age.ToCli()} | {made[0].Premise?.Family} | passed {made.Count(m => m.Check!.Passed)}/{n} | in >3 books: {same.InMoreThanThree} of {same.InBooks.Count} | most shared {same.MostShared} | share with another {same.Overlap.Average():P0} (max {same.Overlap.Max():P0})"));
            foreach (var worst in same.InBooks.Where(x => x.Value > 3).OrderByDescending(x => x.Value).Take(12))
                report.Add($"    {worst.Value,2}× {worst.Key}");
        }
        File.WriteAllLines(Environment.GetEnvironmentVariable("STORYLOOM_SAMENESS_OUT") is { Length: > 0 } o ? o : "/tmp/sameness.txt", report);
    }
}

/// <summary>
/// Writes whole books for reading: STORYLOOM_READ holds briefs separated by ';' as "theme" or "theme|age|seed" (age 0-2,
/// 3-5, 6-8 or 9-12; default 3-5 and seed 1), into STORYLOOM_READ_DIR (default /tmp/read): the notes, the title, every
/// story page with its scene. Does nothing without it.
/// </summary>
public sealed class BooksForReading
{
    [Fact]
    public void Write_books_for_reading()
    {
        var briefs = Environment.GetEnvironmentVariable("STORYLOOM_READ");
        if (string.IsNullOrWhiteSpace(briefs)) return;
        var dir = Environment.GetEnvironmentVariable("STORYLOOM_READ_DIR") is { Length: > 0 } d ? d : "/tmp/read";
        Directory.CreateDirectory(dir);
        var engine = new OfflineStoryEngine();
        foreach (var (brief, i) in briefs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((b, i) => (b, i)))
        {
            var parts = brief.Split('|');
            var age = parts.Length > 1 ? AgeBandNames.Parse(parts[1]) ?? AgeBand.Age3To5 : AgeBand.Age3To5;
            var seed = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
            var m = engine.Write(new BookSpec { Theme = parts[0], Age = age, Seed = seed });
            var lines = new List<string> { $"# {m.Title} — \"{parts[0]}\" {age.ToCli()} seed {seed}, family {m.Premise?.Family}" };
            lines.AddRange((m.Notes ?? []).Select(n => "NOTE: " + n));
            lines.Add($"Cast: {string.Join(", ", m.Cast.Select(c => $"{c.Name} ({c.Species})"))}");
            lines.AddRange(m.Pages.Where(p => p.Role == PageRole.Story).Select(p =>
                $"[{p.Number} {p.Illustration?.Setting}/{p.Illustration?.TimeOfDay}: {string.Join(", ", p.Illustration?.Characters.Select(c => $"{c.CharacterId}:{c.Pose}") ?? [])}; {string.Join(", ", p.Illustration?.Props ?? [])}] {p.Text}"));
            lines.Add($"Check: {(m.Check?.Passed == true ? "passed" : "FAILED")} {string.Join(" / ", m.Check?.Findings.Select(f => $"{f.Level} p{f.Page} {f.Rule}: {f.Message}") ?? [])}");
            File.WriteAllLines(Path.Combine(dir, $"{i + 1:00}.txt"), lines);
        }
    }
}
