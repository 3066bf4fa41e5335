using System.Globalization;
using System.Text.RegularExpressions;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;
using Storyloom.Print.Tools;
using Storyloom.Tests.Shared;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>Books in other scripts: every letter set in an embedded TrueType font, right-to-left text turned within its page,
/// and the headings in the book's language.</summary>
public sealed partial class LanguageLayoutTests(PrinterFixture fixture) : IClassFixture<PrinterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Arabic = "جلست سلمى تحت الشجرة الكبيرة وقرأت قصة طويلة عن القمر والنجوم، ثم نادت صديقها الثعلب ليجلس معها ويستمع إلى نهايتها السعيدة.";

    /// <summary>One line in each script whose font the layout names, on the story pages after the Arabic one.</summary>
    private static readonly (string Text, string Font)[] Lines =
    [
        ("كان الثعلب سعيدًا جدًا.", "NotoNaskhArabic"),
        ("הילדה שרה שיר שמח.", "NotoSansHebrew"),
        ("बच्चे बगीचे में खेलते हैं।", "NotoSansDevanagari"),
        ("แมวตัวเล็กนอนหลับ", "NotoSansThai"),
        ("小さな猫が眠っています。", "DroidSansFallback"),
        ("小猫在花园里玩。", "WenQuanYiMicroHei"),
        // In an Arabic book the Japanese font comes first of the Han fonts and has Hangul too; a Korean book puts NanumGothic first.
        ("작은 고양이가 잠을 자요.", "DroidSansFallback"),
        ("Маленький лис спит.", "Andika"),
    ];

    [Fact]
    public async Task An_arabic_book_turns_its_text_right_to_left_and_every_script_gets_an_embedded_truetype_font()
    {
        var spec = new BookSpecInput { Kind = "story", Trim = "8.5x8.5", Pages = 24, Age = "6-8", Author = "سلمى", Seed = 3, MeetTheCharacters = true }.ToSpec();
        var dir = Path.Combine(fixture.Root, "arabic");

        var result = await new BookBuilder(new Translated(), new OfflineArtEngine()).BuildAsync(spec, dir, printer: fixture.Printer, ct: Ct);

        result.Preflight.Passed.ShouldBeTrue(string.Join("\n", result.Preflight.Failures.Select(f => $"{f.Rule}: {f.Detail}")));
        var interior = Path.Combine(dir, "interior.pdf");
        var fonts = (await ExternalTool.RunCheckedAsync("pdffonts", [interior], Ct)).StdoutText;
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        rows.ShouldAllBe(r => r.Contains("CID TrueType", StringComparison.Ordinal) && r.Contains(" yes yes yes ", StringComparison.Ordinal), fonts);
        foreach (var (_, font) in Lines)
        {
            fonts.ShouldContain(font, Case.Sensitive, $"no {font} in\n{fonts}");
        }

        var m = result.Manuscript;
        var first = m.Pages.First(p => p.Role == PageRole.Story).Number;
        var words = BookWords.For("ar")!;
        (await Text(interior, m.Pages.Single(p => p.Role == PageRole.TheEnd).Number)).ShouldContain(Bare(words.TheEnd));
        (await Text(interior, m.Pages.Single(p => p.Role == PageRole.MeetTheCharacters).Number)).ShouldContain(Bare(words.MeetTheCharacters));
        (await Text(interior, m.Pages.Single(p => p.Role == PageRole.AboutTheAuthor).Number)).ShouldContain(Bare(words.AboutTheAuthor));
        (await Text(interior, 2)).ShouldContain(Bare("جميع الحقوق محفوظة"));

        // The long Arabic paragraph wraps; right-to-left, its lines end flush on the right and the last, shorter one starts further in.
        var lines = await LinesOf(interior, first);
        lines.Count.ShouldBeGreaterThan(1, "the paragraph should wrap");
        lines.Max(l => l.XMax).ShouldBe(lines.Min(l => l.XMax), 2.0, "every line ends at the right edge of the panel");
        lines[^1].XMin.ShouldBeGreaterThan(lines[0].XMin + 10, "the short last line starts away from the left edge");
    }

    /// <summary>The text of a page as pdftotext reads it, without Arabic vowel marks, direction marks and spaces (pdftotext
    /// leaves a space where a mark sat).</summary>
    private static async Task<string> Text(string pdf, int page) =>
        Bare((await ExternalTool.RunCheckedAsync("pdftotext", ["-f", $"{page}", "-l", $"{page}", pdf, "-"], Ct)).StdoutText);

    private static string Bare(string text) => ArabicMarks().Replace(text, "");

    [GeneratedRegex(@"[\u064B-\u065F\u0670\u200E\u200F\u202A-\u202E\u2066-\u2069\s]")]
    private static partial Regex ArabicMarks();

    private static async Task<List<(double XMin, double XMax)>> LinesOf(string pdf, int page)
    {
        var html = (await ExternalTool.RunCheckedAsync("pdftotext", ["-bbox-layout", "-f", $"{page}", "-l", $"{page}", pdf, "-"], Ct)).StdoutText;
        return [.. LineBox().Matches(html).Select(x => (Num(x.Groups[1].Value), Num(x.Groups[2].Value)))];
    }

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex("""<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" """)]
    private static partial Regex LineBox();

    /// <summary>The offline story with its text replaced, as an AI writer in Arabic would hand it over.</summary>
    private sealed class Translated : IStoryEngine
    {
        private readonly OfflineStoryEngine _offline = new();

        public ContentCredit Credit => _offline.Credit;

        public Manuscript Write(BookSpec spec)
        {
            var m = _offline.Write(spec);
            var story = 0;
            var pages = m.Pages.Select(p => p.Role switch
            {
                PageRole.Story => p with { Text = story++ switch { 0 => Arabic, var i when i <= Lines.Length => Lines[i - 1].Text, _ => "وعاد الجميع إلى البيت." } },
                PageRole.TheEnd => p with { Text = "نام الجميع بسلام." },
                PageRole.AboutTheAuthor => p with { Text = "تكتب سلمى قصصًا للأطفال." },
                _ => p,
            }).ToList();
            return m with { Title = "سلمى والقمر", Pages = pages, Language = "ar" };
        }
    }
}
