using System.Diagnostics;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Kdp;
using Storyloom.Print.Preflight;
using Storyloom.Print.Printing;

namespace Storyloom.Core.Tests;

/// <summary>One warm Chromium for the sweep, and a folder for its books.</summary>
public sealed class SweepPrinter : IAsyncLifetime
{
    public ChromiumPrinter Printer { get; private set; } = null!;
    public string Root { get; } = Directory.CreateTempSubdirectory("storyloom-sweep-").FullName;

    public async ValueTask InitializeAsync() => Printer = await ChromiumPrinter.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Printer.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>
/// Every trim × story/coloring × bleed/no bleed (and the books a prepress check found failing), each with an ink and paper and a page count taken in turn from the allowed
/// ones and from {minimum, 78, 80, 120, 150, 152, 300, 302, 500, 502, 700, 702, maximum} (even: 151 is asked as 152), so that across the 64 books every ink/paper, every gutter band
/// and both sides of the spine-text limit appear. Each book is written whole but only its geometry-sensitive pages are drawn and
/// printed (title, copyright, first and last content page, colour test, the end, the last page; each at its own parity) with its
/// full wrap cover, and preflight checks them at the book's real page count: no rule may fail, MUST or SHOULD.
/// (The full product is about 2,000 books; at about 2 s each that is over an hour on this machine, so the sweep takes a turn.)
/// </summary>
public sealed class PrintSweepTests(SweepPrinter fixture) : IClassFixture<SweepPrinter>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (Ink Ink, Paper Paper)[] InkPapers =
        [(Ink.Bw, Paper.White), (Ink.Bw, Paper.Cream), (Ink.StandardColor, Paper.White), (Ink.PremiumColor, Paper.White)];

    // KDP's gutter bands change after 150, 300, 500 and 700 pages; page counts are even (151 is asked as 152).
    private static readonly int[] Counts = [0, 78, 80, 120, 150, 152, 300, 302, 500, 502, 700, 702, int.MaxValue];

    /// <summary>Rules that are about the whole file, not the pages a sample holds.</summary>
    private static readonly string[] WholeFileRules = ["R3", "R4", "R18", "R19"];

    public static TheoryData<string, string, bool, string, string, int> Books()
    {
        var data = new TheoryData<string, string, bool, string, string, int>();
        var i = 0;
        foreach (var trim in Trims.All)
        {
            var allowed = InkPapers.Where(ip => KdpRules.PageRange(trim, ip.Ink, ip.Paper).Max > 0).ToList();
            foreach (var kind in new[] { "story", "coloring" })
            {
                foreach (var bleed in new[] { true, false })
                {
                    var (ink, paper) = allowed[i % allowed.Count];
                    var (min, max) = KdpRules.PageRange(trim, ink, paper);
                    // Page counts walk at a different stride from inks, so the pairs differ from trim to trim.
                    var pages = Math.Clamp(Counts[(i * 3 + i / 8) % Counts.Length], min, max);
                    data.Add(kind, trim.Name, bleed, ink.ToCli(), paper.ToCli(), pages);
                    i++;
                }
            }
        }
        // The books a prepress check found failing: R10 on the colour-test heading, R29 on the spine, ink at the edge without bleed.
        data.Add("coloring", "6.69x9.61", false, "bw", "white", 100);
        data.Add("coloring", "7.44x9.69", false, "bw", "white", 100);
        data.Add("coloring", "8.27x11.69", false, "bw", "white", 100);
        data.Add("coloring", "8x10", false, "bw", "cream", 120);
        data.Add("story", "5.5x8.5", false, "bw", "cream", 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Books))]
    public async Task Every_combination_passes_its_own_preflight(string kind, string trim, bool bleed, string ink, string paper, int pages)
    {
        var clock = Stopwatch.StartNew();
        var spec = new BookSpecInput
        {
            Kind = kind, Trim = trim, Bleed = bleed, Ink = ink, Paper = paper, Pages = pages, Seed = pages,
            Theme = kind == "coloring" ? "ocean animals" : "the sea", Author = "Test Author", Imprint = "Acorn Press", Credit = true,
            Dedication = kind == "story" ? "For Ada, who reads under the covers" : null, MeetTheCharacters = kind == "story" ? true : null,
        }.ToSpec();
        var steps = new BookSteps(new OfflineStoryEngine(), new OfflineArtEngine());
        var whole = steps.WriteStory(spec);
        var sample = whole with { Pages = Sample(whole) };
        var dir = Path.Combine(fixture.Root, $"{kind}-{trim}-{(bleed ? "bleed" : "nobleed")}-{ink}-{paper}-{pages}");
        var build = Path.Combine(dir, "build");

        var plan = steps.PlanArt(spec, sample, build);
        foreach (var step in plan.Steps)
        {
            BookSteps.DrawArt(plan, step.Name);
        }
        var printed = await steps.PrintAsync(spec, sample, build, dir, fixture.Printer, null, Ct);
        var report = await PreflightRunner.RunOnSampleAsync(new PreflightRequest(printed.InteriorPdf, printed.CoverPdf, spec.PrintOptions), Ct);

        var failures = report.Failures.Where(f => !(f.File == "interior" && WholeFileRules.Contains(f.Rule))).ToList();
        TestContext.Current.SendDiagnosticMessage($"{sample.Pages.Count} of {pages} pages ({string.Join(", ", sample.Pages.Select(p => $"{p.Number} {p.Role}"))}) in {clock.Elapsed.TotalSeconds:0.0} s");
        failures.ShouldBeEmpty(string.Join("\n", failures.Select(f => $"{f.Rule} {f.Level} {f.File}: {f.Detail}")));
        report.Checks.ShouldContain(c => c.Rule == "R10" && c.Status == CheckStatus.Pass);
        if (!bleed)
        {
            report.Checks.ShouldContain(c => c.Title.Contains("ink", StringComparison.Ordinal) && c.Status == CheckStatus.Pass);
        }
    }

    /// <summary>The pages whose content sits against a margin or differs by kind, in order, each at the parity it has in the book
    /// (a page before it is added when needed, so page n of the sample is a left or right page as page n of the book is).</summary>
    private static List<ManuscriptPage> Sample(Manuscript m)
    {
        PageRole[] content = [PageRole.Story, PageRole.ColoringDesign, PageRole.Concept];
        var wanted = new SortedSet<int> { 1, 2, m.Pages.Count };
        foreach (var role in Enum.GetValues<PageRole>().Except(content))
        {
            if (m.Pages.FirstOrDefault(p => p.Role == role) is { } first) wanted.Add(first.Number);
        }
        var pages = m.Pages.Where(p => content.Contains(p.Role)).Select(p => p.Number).ToList();
        if (pages.Count > 0)
        {
            wanted.Add(pages[0]);
            wanted.Add(pages[^1]);
        }
        var chosen = new List<int>();
        foreach (var n in wanted)
        {
            if ((chosen.Count + 1) % 2 != n % 2)
            {
                chosen.Add(n - 1);
            }
            chosen.Add(n);
        }
        return [.. chosen.Distinct().Select(n => m.Pages[n - 1])];
    }
}
