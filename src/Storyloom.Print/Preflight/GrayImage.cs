namespace Storyloom.Print.Preflight;

/// <summary>A binary PGM (P5, 8 bit) as written by <c>pdftoppm -gray</c>.</summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;

    public byte this[int x, int y] => pixels[y * Width + x];

    public static GrayImage Read(byte[] pgm)
    {
        var pos = 0;
        string Token()
        {
            while (pos < pgm.Length && (char.IsWhiteSpace((char)pgm[pos]) || pgm[pos] == '#'))
            {
                if (pgm[pos] == '#')
                {
                    while (pos < pgm.Length && pgm[pos] != '\n')
                    {
                        pos++;
                    }
                }
                pos++;
            }
            var start = pos;
            while (pos < pgm.Length && !char.IsWhiteSpace((char)pgm[pos]))
            {
                pos++;
            }
            return System.Text.Encoding.ASCII.GetString(pgm, start, pos - start);
        }
        if (Token() != "P5")
        {
            throw new FormatException("not a binary PGM");
        }
        var w = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (max > 255 || w <= 0 || h <= 0)
        {
            throw new FormatException("unsupported PGM");
        }
        pos++; // single whitespace after maxval
        var pixels = new byte[w * h];
        Array.Copy(pgm, pos, pixels, 0, Math.Min(pixels.Length, pgm.Length - pos));
        return new GrayImage(w, h, pixels);
    }

    public bool IsWhite(byte threshold) => Region(0, 0, Width, Height).All(p => p >= threshold);

    /// <summary>Pixels of a rectangle given in pixel coordinates with a top-left origin, clamped to the image.</summary>
    public IEnumerable<byte> Region(int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, Width);
        x1 = Math.Clamp(x1, 0, Width);
        y0 = Math.Clamp(y0, 0, Height);
        y1 = Math.Clamp(y1, 0, Height);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                yield return this[x, y];
            }
        }
    }
}
