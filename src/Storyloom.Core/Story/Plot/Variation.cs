using System.Text;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Plot;

/// <summary>
/// The two kinds of choice an authored line can hold, so that forty books of one theme do not share their sentences:
/// whole variants of the line, <c>a | b | c</c> (spaces around the bar), and choices inside a sentence,
/// <c>[tucked|wrapped] the blanket [around|over] {him}</c> (no spaces around the bar, never nested). Each is chosen by the
/// book's seed, independently, so one line of four variants with two three-way choices reads 36 ways.
/// </summary>
public static class Variation
{
    /// <summary>The whole-line variants of an authored line (bars inside <c>[...]</c> are not split).</summary>
    public static IReadOnlyList<string> Lines(string line)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '[') depth++;
            else if (line[i] == ']') depth--;
            else if (depth == 0 && line[i] == '|' && i > 0 && line[i - 1] == ' ' && i + 1 < line.Length && line[i + 1] == ' ')
            {
                parts.Add(line[start..(i - 1)]);
                start = i + 2;
            }
        }
        parts.Add(line[start..]);
        return parts;
    }

    /// <summary>One reading of an authored line: a whole variant, then each <c>[a|b]</c> choice, picked by <paramref name="rng"/>.</summary>
    internal static string Choose(string line, Rng rng)
    {
        var lines = Lines(line);
        return Resolve(lines[rng.Next(lines.Count)], options => rng.Next(options));
    }

    /// <summary>
    /// Every reading of an authored line, for checks that must see each sentence a book could print. Choices are expanded in
    /// full up to <paramref name="cap"/> readings per variant; beyond that each option of each choice still appears at least once.
    /// </summary>
    public static IEnumerable<string> Readings(string line, int cap = 64)
    {
        foreach (var variant in Lines(line))
        {
            var choices = Choices(variant);
            var total = choices.Aggregate(1L, (n, c) => n * c);
            if (total <= cap)
            {
                for (long k = 0; k < total; k++)
                {
                    var rest = k;
                    yield return Resolve(variant, options => { var pick = (int)(rest % options); rest /= options; return pick; });
                }
            }
            else
            {
                var widest = choices.Max();
                for (var k = 0; k < widest; k++) yield return Resolve(variant, options => k % options);
            }
        }
    }

    private static List<int> Choices(string text)
    {
        var counts = new List<int>();
        for (var i = text.IndexOf('['); i >= 0; i = text.IndexOf('[', i + 1))
        {
            var end = text.IndexOf(']', i);
            if (end < 0) throw new FormatException($"unclosed [ in \"{text}\"");
            counts.Add(text[(i + 1)..end].Split('|').Length);
        }
        return counts;
    }

    private static string Resolve(string text, Func<int, int> pick)
    {
        if (!text.Contains('[', StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('[', i);
            if (open < 0) { sb.Append(text, i, text.Length - i); break; }
            var close = text.IndexOf(']', open);
            if (close < 0) throw new FormatException($"unclosed [ in \"{text}\"");
            sb.Append(text, i, open - i);
            var options = text[(open + 1)..close].Split('|');
            sb.Append(options[pick(options.Length)]);
            i = close + 1;
        }
        // An empty option ("[very |]") may leave two spaces or a space before a comma.
        return sb.ToString().Replace("  ", " ", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);
    }
}
