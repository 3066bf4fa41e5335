namespace Storyloom.Core.Layout;

/// <summary>
/// Fonts and direction for a book's language. Andika (made for early readers) sets Latin, Cyrillic and Greek; every other
/// script gets a TrueType font from Debian's font packages (an OpenType/CFF font can turn into Type 3 in Chromium's PDF),
/// and Chromium picks, letter by letter, the first font of the stack that has it. The book's own script comes first among
/// the rest, so that Chinese, Japanese and Korean each get their own forms of the shared Han characters.
/// KDP prints left-to-right books only, so a right-to-left language keeps the binding and turns the text within each page.
/// </summary>
public static class Scripts
{
    private static readonly string[] RightToLeft = ["ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb"];

    private static readonly (string[] Languages, string Font)[] Fonts =
    [
        (["ar", "fa", "ur", "ps", "sd", "ug", "ckb"], "Noto Naskh Arabic"),
        (["he", "yi"], "Noto Sans Hebrew"),
        (["hi", "mr", "ne", "sa"], "Noto Sans Devanagari"),
        (["bn", "as"], "Noto Sans Bengali"),
        (["ta"], "Noto Sans Tamil"),
        (["th"], "Noto Sans Thai"),
        (["am", "ti"], "Noto Sans Ethiopic"),
        (["ja"], "Droid Sans Fallback"),
        (["zh"], "WenQuanYi Micro Hei"),
        (["ko"], "NanumGothic"),
    ];

    /// <summary>The Debian packages these fonts come from (installed by ./storyloom, checked by doctor).</summary>
    public static readonly string[] Packages = ["fonts-sil-andika", "fonts-noto-core", "fonts-dejavu-core", "fonts-droid-fallback", "fonts-wqy-microhei", "fonts-nanum"];

    /// <summary>The font families the stack names, for doctor.</summary>
    public static IEnumerable<string> Families => ["Andika", .. Fonts.Select(f => f.Font).Distinct(), "Noto Sans", "DejaVu Sans"];

    /// <summary>The font family the language's own script is set in, beyond Andika; null for Latin, Cyrillic and Greek.</summary>
    public static string? OwnFont(string language) => Fonts.FirstOrDefault(f => f.Languages.Contains(Primary(language))).Font;

    public static bool IsRightToLeft(string language) => RightToLeft.Contains(Primary(language));

    public static string Direction(string language) => IsRightToLeft(language) ? "rtl" : "ltr";

    /// <summary>A CSS font-family list for the language.</summary>
    public static string FontStack(string language)
    {
        var primary = Primary(language);
        var own = Fonts.Where(f => f.Languages.Contains(primary)).Select(f => f.Font);
        var rest = Fonts.Select(f => f.Font).Except(own);
        return string.Join(", ", new[] { "Andika" }.Concat(own).Concat(rest).Distinct().Concat(["Noto Sans", "DejaVu Sans"]).Select(f => $"'{f}'"));
    }

    /// <summary>The language attribute of the &lt;html&gt; element (hyphenation, the forms of Han characters). The direction goes on
    /// each page instead: a right-to-left document would place its pages against the right edge of Chromium's slightly larger paper.</summary>
    public static string HtmlAttributes(string language) => $"""lang="{Html.E(language)}" """.TrimEnd();

    private static string Primary(string language) => language.Split('-', '_')[0].ToLowerInvariant();
}
