using System.Buffers.Binary;
using System.IO.Compression;

namespace Storyloom.Ai.Art;

/// <summary>
/// Brings a model's picture (about 1024 px) to print resolution: cropped to the frame's aspect ratio around the centre and
/// resampled (bilinear) to at least 300 ppi at its printed size, as 8-bit RGB (transparency flattened onto white).
/// Reads non-interlaced 8-bit PNGs (gray, RGB, gray+alpha, RGBA), which is what image models answer.
/// </summary>
public static class PngResampler
{
    public const double PrintPpi = 300;

    public static byte[] ToPrint(byte[] png, double widthPt, double heightPt, double ppi = PrintPpi)
    {
        // A hair over the target, so rounding in the PDF never reads 299 ppi.
        return Resample(png, (int)Math.Ceiling(widthPt / 72 * ppi * 1.01), (int)Math.Ceiling(heightPt / 72 * ppi * 1.01));
    }

    /// <summary>Cropped to <paramref name="tw"/>:<paramref name="th"/> around the centre and resampled (bilinear) to exactly that many pixels.</summary>
    private static byte[] Resample(byte[] png, int tw, int th)
    {
        var (w, h, rgb) = Decode(png);
        var scale = Math.Max((double)tw / w, (double)th / h);
        var ox = (w - tw / scale) / 2;
        var oy = (h - th / scale) / 2;
        var raw = new byte[th * (tw * 3 + 1)];
        Parallel.For(0, th, y =>
        {
            var row = y * (tw * 3 + 1);
            var sy = Math.Clamp(oy + (y + 0.5) / scale - 0.5, 0, h - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, h - 1);
            var fy = sy - y0;
            for (var x = 0; x < tw; x++)
            {
                var sx = Math.Clamp(ox + (x + 0.5) / scale - 0.5, 0, w - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, w - 1);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    var top = rgb[(y0 * w + x0) * 3 + c] * (1 - fx) + rgb[(y0 * w + x1) * 3 + c] * fx;
                    var bottom = rgb[(y1 * w + x0) * 3 + c] * (1 - fx) + rgb[(y1 * w + x1) * 3 + c] * fx;
                    raw[row + 1 + x * 3 + c] = (byte)Math.Round(top * (1 - fy) + bottom * fy);
                }
            }
        });
        return PngEncoder.Encode(tw, th, raw);
    }

    /// <summary>The picture scaled down (bilinear, whole, aspect kept) so its long side is at most <paramref name="maxSide"/>; as it is when already smaller.</summary>
    public static byte[] Fit(byte[] png, int maxSide)
    {
        if (png.Length < 24) return png;
        var w = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var h = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        if (Math.Max(w, h) <= maxSide) return png;
        var scale = (double)maxSide / Math.Max(w, h);
        return Resample(png, Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));
    }

    /// <summary>Width, height and RGB bytes (row-major, no filter bytes).</summary>
    internal static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        if (png.Length < 33 || png[1] != (byte)'P' || png[2] != (byte)'N' || png[3] != (byte)'G') throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var p = 8; p + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p));
            var type = System.Text.Encoding.ASCII.GetString(png, p + 4, 4);
            var data = png.AsSpan(p + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit non-interlaced PNGs are supported");
                channels = data[9] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"PNG color type {data[9]} is not supported") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
            p += 12 + length;
        }
        var stride = width * channels;
        var pixels = new byte[height * stride];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            var prev = new byte[stride];
            var line = new byte[stride + 1];
            for (var y = 0; y < height; y++)
            {
                z.ReadExactly(line);
                var cur = pixels.AsSpan(y * stride, stride);
                Unfilter(line[0], line.AsSpan(1), prev, channels);
                line.AsSpan(1).CopyTo(cur);
                cur.CopyTo(prev);
            }
        }
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            var s = pixels.AsSpan(i * channels, channels);
            var (r, g, b, a) = channels switch { 1 => (s[0], s[0], s[0], 255), 2 => (s[0], s[0], s[0], s[1]), 3 => (s[0], s[1], s[2], 255), _ => (s[0], s[1], s[2], s[3]) };
            rgb[i * 3] = (byte)((r * a + 255 * (255 - a)) / 255);
            rgb[i * 3 + 1] = (byte)((g * a + 255 * (255 - a)) / 255);
            rgb[i * 3 + 2] = (byte)((b * a + 255 * (255 - a)) / 255);
        }
        return (width, height, rgb);
    }

    private static void Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> prev, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + a),
                2 => (byte)(line[i] + b),
                3 => (byte)(line[i] + (a + b) / 2),
                4 => (byte)(line[i] + Paeth(a, b, c)),
                _ => throw new InvalidDataException($"PNG filter {filter} is not valid"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
