using System.Security.Cryptography;
using System.Text;
using Storyloom.Ai.Art;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// Real PNGs for the fake server: a solid background with one shape (circle, square or diamond), colors and shape taken
/// from a hash of the prompt, plus a band along the top whose color comes from the reference images, so a test can see that
/// the references reached the picture. Same prompt and references, same bytes.
/// </summary>
public static class FakePng
{
    /// <param name="gap">Coloring line art: the width in pixels of a gap cut through every outline (a model that leaves shapes open); 0 for none.</param>
    public static byte[] Paint(string prompt, int width, int height, IReadOnlyList<byte[]> references, int gap = 0)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(prompt));
        if (prompt.Contains("Coloring page line art", StringComparison.Ordinal)) return Outlines(h, width, height, gap);
        byte[] bg = [(byte)(140 + h[0] % 100), (byte)(140 + h[1] % 100), (byte)(140 + h[2] % 100)];
        byte[] fg = [(byte)(h[3] % 120), (byte)(h[4] % 120), (byte)(h[5] % 120)];
        var shape = h[6] % 3;
        byte[]? band = null;
        if (references.Count > 0)
        {
            var r = SHA256.HashData(references.SelectMany(x => x).ToArray());
            band = [r[0], r[1], r[2]];
        }
        var cx = width / 2;
        var cy = height / 2;
        var radius = Math.Min(width, height) * (20 + h[7] % 15) / 100;
        var stride = 1 + width * 3;
        var raw = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * stride;
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var dx = x - cx;
                var dy = y - cy;
                var inside = shape switch
                {
                    0 => dx * dx + dy * dy <= radius * radius,
                    1 => Math.Abs(dx) <= radius && Math.Abs(dy) <= radius,
                    _ => Math.Abs(dx) + Math.Abs(dy) <= radius,
                };
                var c = band is not null && y < height / 16 ? band : inside ? fg : bg;
                var p = row + 1 + x * 3;
                raw[p] = c[0];
                raw[p + 1] = c[1];
                raw[p + 2] = c[2];
            }
        }
        return PngEncoder.Encode(width, height, raw);
    }

    /// <summary>Line art as a coloring prompt asks for it: black rings (an outer shape and a smaller one inside it) on white.</summary>
    private static byte[] Outlines(byte[] h, int width, int height, int gap)
    {
        var (cx, cy) = (width / 2, height / 2);
        var outer = Math.Min(width, height) * (30 + h[7] % 10) / 100;
        var inner = outer * (35 + h[8] % 20) / 100;
        var line = Math.Max(2, Math.Min(width, height) / 90);
        var shape = h[6] % 3;
        var stride = 1 + width * 3;
        var raw = new byte[stride * height];
        bool In(int dx, int dy, int r) => shape switch
        {
            0 => dx * dx + dy * dy <= r * r,
            1 => Math.Abs(dx) <= r && Math.Abs(dy) <= r,
            _ => Math.Abs(dx) + Math.Abs(dy) <= r,
        };
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (dx, dy) = (x - cx, y - cy);
                var ink = ((In(dx, dy, outer) && !In(dx, dy, outer - line)) || (In(dx, dy, inner) && !In(dx, dy, inner - line))) && (gap == 0 || Math.Abs(dx) * 2 >= gap);
                var v = ink ? (byte)0 : (byte)255;
                var p = y * stride + 1 + x * 3;
                raw[p] = raw[p + 1] = raw[p + 2] = v;
            }
        }
        return PngEncoder.Encode(width, height, raw);
    }
}
