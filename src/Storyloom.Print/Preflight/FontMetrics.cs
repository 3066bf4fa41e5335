using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Storyloom.Print.Preflight;

/// <summary>What the text interpreter needs of one font: code width, ascent/descent (1/1000 em), byte width of codes, Unicode text.</summary>
internal sealed class FontMetrics
{
    private readonly Dictionary<int, double> _widths = [];
    private readonly Dictionary<int, string> _unicode = [];
    private double _defaultWidth = 500;

    public string Name { get; private init; } = "?";
    public bool TwoByte { get; private init; }

    /// <summary>A Type0 font with an Identity encoding: code 0 is CID 0, the .notdef glyph (an empty box where a character had no glyph).</summary>
    public bool ZeroIsNotdef { get; private init; }
    public double Ascent { get; private set; } = 900;
    public double Descent { get; private set; } = -250;

    /// <summary>Glyph space to text space: 1/1000 for every font but Type 3, which gives its own /FontMatrix.</summary>
    public Matrix GlyphMatrix { get; private set; } = new(0.001, 0, 0, 0.001, 0, 0);

    public static readonly FontMetrics Unknown = new();

    public double Width(int code) => _widths.TryGetValue(code, out var w) ? w : _defaultWidth;

    public IEnumerable<int> Codes(byte[] s)
    {
        if (TwoByte)
        {
            for (var i = 0; i + 1 < s.Length; i += 2)
            {
                yield return (s[i] << 8) | s[i + 1];
            }
        }
        else
        {
            foreach (var b in s)
            {
                yield return b;
            }
        }
    }

    public string ToText(byte[] s)
    {
        var sb = new StringBuilder();
        foreach (var code in Codes(s))
        {
            if (_unicode.TryGetValue(code, out var u))
            {
                sb.Append(u);
            }
            else if (!TwoByte && code is >= 32 and < 127)
            {
                sb.Append((char)code);
            }
            else
            {
                sb.Append('?');
            }
        }
        return sb.ToString();
    }

    public static FontMetrics From(JsonElement? fontDict, QpdfObjects objects)
    {
        var subtype = QpdfObjects.Name(objects.Get(fontDict, "/Subtype"));
        var twoByte = subtype == "Type0";
        var metrics = new FontMetrics
        {
            Name = QpdfObjects.Name(objects.Get(fontDict, "/BaseFont")) ?? subtype ?? "?",
            TwoByte = twoByte,
            ZeroIsNotdef = twoByte && QpdfObjects.Name(objects.Get(fontDict, "/Encoding")) is "Identity-H" or "Identity-V",
        };
        JsonElement? descriptor;
        if (twoByte)
        {
            var descendant = QpdfObjects.ArrayItems(objects.Get(fontDict, "/DescendantFonts")).Select(e => objects.Resolve(e)).FirstOrDefault();
            descriptor = objects.Get(descendant, "/FontDescriptor");
            metrics._defaultWidth = QpdfObjects.Number(objects.Get(descendant, "/DW")) ?? 1000;
            ReadCidWidths(objects.Get(descendant, "/W"), objects, metrics._widths);
        }
        else
        {
            descriptor = objects.Get(fontDict, "/FontDescriptor");
            var first = (int)(QpdfObjects.Number(objects.Get(fontDict, "/FirstChar")) ?? 0);
            var i = 0;
            foreach (var w in QpdfObjects.ArrayItems(objects.Get(fontDict, "/Widths")))
            {
                metrics._widths[first + i++] = QpdfObjects.Number(objects.Resolve(w)) ?? 0;
            }
            // Base-14 fonts often come without /Widths: Helvetica's average is close to 556.
            metrics._defaultWidth = i == 0 ? 556 : QpdfObjects.Number(objects.Get(descriptor, "/MissingWidth")) ?? 500;
        }
        var ascent = QpdfObjects.Number(objects.Get(descriptor, "/Ascent"));
        var descent = QpdfObjects.Number(objects.Get(descriptor, "/Descent"));
        if (subtype == "Type3")
        {
            // Type 3 metrics are in the font's own glyph units: the matrix scales them, the FontBBox bounds the glyphs.
            var m = QpdfObjects.ArrayItems(objects.Get(fontDict, "/FontMatrix")).Select(e => QpdfObjects.Number(objects.Resolve(e)) ?? 0).ToArray();
            if (m.Length == 6 && Math.Abs(m[0] * m[3] - m[1] * m[2]) > 1e-12)
            {
                metrics.GlyphMatrix = new Matrix(m[0], m[1], m[2], m[3], 0, 0);
            }
            var bbox = QpdfObjects.ArrayItems(objects.Get(fontDict, "/FontBBox")).Select(e => QpdfObjects.Number(objects.Resolve(e)) ?? 0).ToArray();
            if (bbox.Length == 4 && Math.Abs(bbox[3] - bbox[1]) > 1e-9)
            {
                (metrics.Descent, metrics.Ascent) = (Math.Min(bbox[1], bbox[3]), Math.Max(bbox[1], bbox[3]));
            }
            else
            {
                (metrics.Descent, metrics.Ascent) = (-0.25 / metrics.GlyphMatrix.YScale, 0.9 / metrics.GlyphMatrix.YScale);
            }
            // Widths of a Type 3 font are glyph units too; without any, a glyph is about half an em wide.
            if (metrics._widths.Count == 0)
            {
                metrics._defaultWidth = 0.5 / Math.Max(1e-9, Math.Abs(metrics.GlyphMatrix.A));
            }
        }
        else
        {
            if (ascent is > 100 and < 2000)
            {
                metrics.Ascent = ascent.Value;
            }
            if (descent is < -10 and > -1000)
            {
                metrics.Descent = descent.Value;
            }
        }
        if (objects.Get(fontDict, "/ToUnicode") is not null && fontDict is { } fd)
        {
            var tuRef = objects.Resolve(fd) is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("/ToUnicode", out var r) ? r.GetString() : null;
            if (tuRef is not null && objects.StreamData(tuRef) is { } cmap)
            {
                ReadToUnicode(Encoding.Latin1.GetString(cmap), metrics._unicode);
            }
        }
        return metrics;
    }

    private static void ReadCidWidths(JsonElement? w, QpdfObjects objects, Dictionary<int, double> widths)
    {
        var items = QpdfObjects.ArrayItems(w).Select(e => objects.Resolve(e)).ToList();
        for (var i = 0; i < items.Count;)
        {
            var first = QpdfObjects.Number(items[i]);
            if (first is null || i + 1 >= items.Count)
            {
                return;
            }
            if (items[i + 1] is { ValueKind: JsonValueKind.Array } list)
            {
                var c = (int)first.Value;
                foreach (var v in list.EnumerateArray())
                {
                    widths[c++] = QpdfObjects.Number(v) ?? 0;
                }
                i += 2;
            }
            else if (i + 2 < items.Count && QpdfObjects.Number(items[i + 1]) is { } last && QpdfObjects.Number(items[i + 2]) is { } width)
            {
                for (var c = (int)first.Value; c <= (int)last && c - first.Value < 65536; c++)
                {
                    widths[c] = width;
                }
                i += 3;
            }
            else
            {
                return;
            }
        }
    }

    // Enough of a CMap parser for bfchar and bfrange with hex destinations.
    private static void ReadToUnicode(string cmap, Dictionary<int, string> map)
    {
        var tokens = cmap.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "beginbfchar")
            {
                for (i++; i + 1 < tokens.Length && tokens[i] != "endbfchar"; i += 2)
                {
                    if (Hex(tokens[i]) is { } src && HexText(tokens[i + 1]) is { } dst)
                    {
                        map[src] = dst;
                    }
                }
            }
            else if (tokens[i] == "beginbfrange")
            {
                for (i++; i + 2 < tokens.Length && tokens[i] != "endbfrange"; i += 3)
                {
                    if (Hex(tokens[i]) is { } lo && Hex(tokens[i + 1]) is { } hi && Hex(tokens[i + 2]) is { } dst && hi - lo < 65536)
                    {
                        for (var c = lo; c <= hi; c++)
                        {
                            map[c] = char.ConvertFromUtf32(Math.Clamp(dst + (c - lo), 0, 0xD7FF));
                        }
                    }
                    else if (tokens[i + 2].StartsWith('['))
                    {
                        // Array destinations are rare; skip to the closing bracket.
                        while (i + 2 < tokens.Length && !tokens[i + 2].EndsWith(']'))
                        {
                            i++;
                        }
                    }
                }
            }
        }
    }

    private static int? Hex(string token) =>
        token.Length > 2 && token[0] == '<' && token[^1] == '>'
        && int.TryParse(token[1..^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? HexText(string token)
    {
        if (token.Length < 3 || token[0] != '<' || token[^1] != '>')
        {
            return null;
        }
        try
        {
            return Encoding.BigEndianUnicode.GetString(Convert.FromHexString(token[1..^1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
