using System.Buffers.Binary;
using System.IO.Compression;

namespace Storyloom.Tests.Shared;

/// <summary>Decodes the PNGs pdftoppm writes (8-bit gray or RGB, not interlaced) for visual comparisons.</summary>
internal sealed class Png
{
    private Png(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }
    public byte[] Pixels { get; }

    public static Png Read(string path)
    {
        var data = File.ReadAllBytes(path);
        var pos = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[12] != 0)
                {
                    throw new NotSupportedException($"{path}: only 8-bit, non-interlaced PNGs are read here");
                }
                channels = body[9] switch
                {
                    0 => 1,
                    2 => 3,
                    6 => 4,
                    _ => throw new NotSupportedException($"{path}: color type {body[9]} is not read here"),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }
            pos += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var v = raw[y * (stride + 1) + 1 + x];
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                pixels[y * stride + x] = (byte)(filter switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    4 => v + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: bad PNG filter {filter}"),
                });
            }
        }
        return new Png(width, height, channels, pixels);
    }

    public (int R, int G, int B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * Channels;
        return Channels >= 3 ? (Pixels[i], Pixels[i + 1], Pixels[i + 2]) : (Pixels[i], Pixels[i], Pixels[i]);
    }

    /// <summary>Mean absolute difference per channel (0–255); infinity when the sizes differ.</summary>
    public double MeanDifference(Png other)
    {
        if (other.Width != Width || other.Height != Height || other.Channels != Channels)
        {
            return double.PositiveInfinity;
        }
        long sum = 0;
        for (var i = 0; i < Pixels.Length; i++)
        {
            sum += Math.Abs(Pixels[i] - other.Pixels[i]);
        }
        return (double)sum / Pixels.Length;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
