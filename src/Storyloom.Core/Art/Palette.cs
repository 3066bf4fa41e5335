using System.Globalization;

namespace Storyloom.Core.Art;

/// <summary>Colour helpers and the fixed colours every style shares.</summary>
internal static class Palette
{
    public const string Ink = "#2B2233";
    public const string Eye = "#2B2233";
    public const string Cheek = "#F4A3B4";
    public const string White = "#FFFFFF";

    public static string Mix(string a, string b, double t)
    {
        var (r1, g1, b1) = Parse(a);
        var (r2, g2, b2) = Parse(b);
        return Hex(r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t);
    }

    public static string Darken(string color, double t) => Mix(color, "#000000", t);

    public static string Lighten(string color, double t) => Mix(color, "#FFFFFF", t);

    private static (double R, double G, double B) Parse(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3) h = string.Concat(h.Select(c => $"{c}{c}"));
        if (h.Length != 6 || !int.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return (128, 128, 128);
        return ((v >> 16) & 255, (v >> 8) & 255, v & 255);
    }

    private static string Hex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(r):X2}{(int)Math.Round(g):X2}{(int)Math.Round(b):X2}");
}
