using System.Globalization;
using System.Text;

namespace Storyloom.Print.Preflight;

/// <summary>A PDF name operand such as <c>/F1</c> (without the slash).</summary>
internal sealed record PdfName(string Value);

/// <summary>An operator keyword such as <c>Tj</c> or <c>cm</c>.</summary>
internal sealed record PdfOperator(string Value)
{
    /// <summary>For <c>BI</c>: the inline image's dictionary (keys without the slash, values as the lexer reads them).</summary>
    public IReadOnlyDictionary<string, object>? InlineImage { get; init; }
}

/// <summary>Splits a decoded content stream into operands (double, PdfName, byte[] string, List&lt;object&gt; array, dictionary placeholder) and operators.</summary>
internal sealed class ContentLexer(byte[] data)
{
    private int _pos;

    /// <summary>Marker for a skipped &lt;&lt; … &gt;&gt; dictionary operand (only used by BDC/DP, which we ignore).</summary>
    public static readonly object Dictionary = new();

    public object? Next()
    {
        SkipWhitespaceAndComments();
        if (_pos >= data.Length)
        {
            return null;
        }
        var c = data[_pos];
        switch (c)
        {
            case (byte)'/':
                _pos++;
                return new PdfName(ReadRegular());
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'<' when Peek(1) == '<':
                SkipDictionary();
                return Dictionary;
            case (byte)'<':
                return ReadHexString();
            case (byte)'[':
                _pos++;
                return ReadArray();
            case (byte)']' or (byte)'>' or (byte)')' or (byte)'{' or (byte)'}':
                _pos++;
                return Next();
        }
        // Numbers and operators are most of a page's tokens: read them from the bytes, and share one object per operator.
        var start = _pos;
        while (_pos < data.Length && !IsWhite(data[_pos]) && !IsDelimiter(data[_pos]))
        {
            _pos++;
        }
        var word = data.AsSpan(start, _pos - start);
        if (word.Length == 0)
        {
            _pos++;
            return Next();
        }
        if (IsNumberStart((char)word[0]) && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (word.SequenceEqual("BI"u8))
        {
            var dict = ReadInlineImageDict();
            SkipInlineImage();
            return new PdfOperator("BI") { InlineImage = dict };
        }
        return Operator(word);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, PdfOperator> Operators = new();

    private static PdfOperator Operator(ReadOnlySpan<byte> word)
    {
        if (word.Length > 3)
        {
            return new PdfOperator(Encoding.Latin1.GetString(word));
        }
        var key = word.Length;
        foreach (var b in word)
        {
            key = (key << 8) | b;
        }
        if (!Operators.TryGetValue(key, out var op))
        {
            op = Operators.GetOrAdd(key, new PdfOperator(Encoding.Latin1.GetString(word)));
        }
        return op;
    }

    private static bool IsNumberStart(char c) => char.IsAsciiDigit(c) || c is '-' or '+' or '.';

    private int Peek(int offset) => _pos + offset < data.Length ? data[_pos + offset] : -1;

    private static bool IsWhite(int b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(int b) => b is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    private void SkipWhitespaceAndComments()
    {
        while (_pos < data.Length)
        {
            if (IsWhite(data[_pos]))
            {
                _pos++;
            }
            else if (data[_pos] == '%')
            {
                while (_pos < data.Length && data[_pos] is not (10 or 13))
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private string ReadRegular()
    {
        var start = _pos;
        while (_pos < data.Length && !IsWhite(data[_pos]) && !IsDelimiter(data[_pos]))
        {
            _pos++;
        }
        return Encoding.Latin1.GetString(data, start, _pos - start);
    }

    private List<object> ReadArray()
    {
        var items = new List<object>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_pos >= data.Length)
            {
                return items;
            }
            if (data[_pos] == ']')
            {
                _pos++;
                return items;
            }
            var item = Next();
            if (item is null)
            {
                return items;
            }
            items.Add(item);
        }
    }

    private byte[] ReadLiteralString()
    {
        _pos++;
        var bytes = new List<byte>();
        var depth = 1;
        while (_pos < data.Length)
        {
            var b = data[_pos++];
            if (b == '\\' && _pos < data.Length)
            {
                var e = data[_pos++];
                switch (e)
                {
                    case (byte)'n': bytes.Add(10); break;
                    case (byte)'r': bytes.Add(13); break;
                    case (byte)'t': bytes.Add(9); break;
                    case (byte)'b': bytes.Add(8); break;
                    case (byte)'f': bytes.Add(12); break;
                    case 10: break;
                    case 13:
                        if (_pos < data.Length && data[_pos] == 10)
                        {
                            _pos++;
                        }
                        break;
                    case >= (byte)'0' and <= (byte)'7':
                        var value = e - '0';
                        for (var i = 0; i < 2 && _pos < data.Length && data[_pos] is >= (byte)'0' and <= (byte)'7'; i++)
                        {
                            value = value * 8 + (data[_pos++] - '0');
                        }
                        bytes.Add((byte)value);
                        break;
                    default: bytes.Add(e); break;
                }
                continue;
            }
            if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && --depth == 0)
            {
                break;
            }
            bytes.Add(b);
        }
        return [.. bytes];
    }

    private byte[] ReadHexString()
    {
        _pos++;
        var digits = new StringBuilder();
        while (_pos < data.Length && data[_pos] != '>')
        {
            if (Uri.IsHexDigit((char)data[_pos]))
            {
                digits.Append((char)data[_pos]);
            }
            _pos++;
        }
        _pos++;
        if (digits.Length % 2 == 1)
        {
            digits.Append('0');
        }
        return Convert.FromHexString(digits.ToString());
    }

    private void SkipDictionary()
    {
        var depth = 0;
        while (_pos < data.Length)
        {
            if (data[_pos] == '<' && Peek(1) == '<')
            {
                depth++;
                _pos += 2;
            }
            else if (data[_pos] == '>' && Peek(1) == '>')
            {
                depth--;
                _pos += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else if (data[_pos] == '(')
            {
                ReadLiteralString();
            }
            else
            {
                _pos++;
            }
        }
    }

    // Key-value pairs up to "ID"; the position is left before "ID" for SkipInlineImage.
    private Dictionary<string, object> ReadInlineImageDict()
    {
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        string? key = null;
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_pos + 2 >= data.Length || (data[_pos] == 'I' && data[_pos + 1] == 'D' && IsWhite(data[_pos + 2])))
            {
                return dict;
            }
            var before = _pos;
            var token = Next();
            if (token is PdfOperator { Value: "true" or "false" } flag)
            {
                token = flag.Value == "true";
            }
            if (token is null || token is PdfOperator || _pos == before)
            {
                return dict;
            }
            if (key is null && token is PdfName name)
            {
                key = name.Value;
            }
            else if (key is not null)
            {
                dict[key] = token;
                key = null;
            }
        }
    }

    // Inline image data is binary: skip from "ID" to a whitespace-delimited "EI".
    private void SkipInlineImage()
    {
        while (_pos + 2 < data.Length)
        {
            if (data[_pos] == 'I' && data[_pos + 1] == 'D' && (_pos == 0 || IsWhite(data[_pos - 1])) && IsWhite(data[_pos + 2]))
            {
                _pos += 3;
                break;
            }
            _pos++;
        }
        while (_pos + 1 < data.Length)
        {
            if (data[_pos] == 'E' && data[_pos + 1] == 'I' && IsWhite(data[_pos - 1]) && (_pos + 2 >= data.Length || IsWhite(data[_pos + 2])))
            {
                _pos += 2;
                return;
            }
            _pos++;
        }
        _pos = data.Length;
    }
}
