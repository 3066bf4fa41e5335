using System.Text;

namespace Storyloom.Tests.Shared;

/// <summary>A binary PPM (P6) or PGM (P5) as pdftoppm writes it.</summary>
internal sealed class Ppm
{
    private readonly byte[] _data;
    private readonly int _offset;
    private readonly int _channels;

    private Ppm(byte[] data, int offset, int width, int height, int channels)
    {
        _data = data;
        _offset = offset;
        Width = width;
        Height = height;
        _channels = channels;
    }

    public int Width { get; }
    public int Height { get; }

    public static Ppm Read(string path)
    {
        var data = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[pos])) { pos++; }
            var start = pos;
            while (!char.IsWhiteSpace((char)data[pos])) { pos++; }
            return Encoding.ASCII.GetString(data, start, pos - start);
        }
        var magic = Token();
        var w = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        _ = Token();
        pos++;
        return new Ppm(data, pos, w, h, magic == "P6" ? 3 : 1);
    }

    public (int R, int G, int B) Pixel(int x, int y)
    {
        var i = _offset + (y * Width + x) * _channels;
        return _channels == 3 ? (_data[i], _data[i + 1], _data[i + 2]) : (_data[i], _data[i], _data[i]);
    }

    /// <summary>Mean absolute difference per channel (0–255) against another image of the same size.</summary>
    public double MeanDifference(Ppm other)
    {
        if (other.Width != Width || other.Height != Height || other._channels != _channels)
        {
            return double.PositiveInfinity;
        }
        long sum = 0;
        var n = Width * Height * _channels;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Abs(_data[_offset + i] - other._data[other._offset + i]);
        }
        return (double)sum / n;
    }
}
