using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Storyloom.Fakes.Canva;

/// <summary>What the fake draws for one design page: its size in points, a background, an optional picture and lines of text.</summary>
internal sealed record FakeDesignPage(double Width, double Height, string Background, byte[]? Picture, double PictureHeightShare, int TextLines, string TextColor);

/// <summary>
/// A small, valid PDF for an exported fake design. Text is drawn as bars (a font would have to be embedded for print), the
/// picture is the uploaded PNG itself when it is 8-bit RGB (embedded as is, with the PNG predictor), else a tinted panel.
/// </summary>
internal static class FakeDesignPdf
{
    public static byte[] Write(IReadOnlyList<FakeDesignPage> pages)
    {
        var objects = new List<byte[]>();
        var pageIds = new List<int>();
        // 1: catalog, 2: pages; the rest follow.
        objects.Add([]);
        objects.Add([]);
        foreach (var page in pages)
        {
            string? image = null;
            if (page.Picture is { } png && Png(png) is { } decoded)
            {
                var dict = F($"<< /Type /XObject /Subtype /Image /Width {decoded.Width} /Height {decoded.Height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns {decoded.Width} >> /Length {decoded.Data.Length} >>");
                objects.Add(Stream(dict, decoded.Data));
                image = F($"/Im{objects.Count} {objects.Count} 0 R");
                var content = Content(page, objects.Count, decoded.Width, decoded.Height);
                objects.Add(Stream(F($"<< /Length {content.Length} >>"), content));
            }
            else
            {
                var content = Content(page, null, 0, 0);
                objects.Add(Stream(F($"<< /Length {content.Length} >>"), content));
            }
            var contentId = objects.Count;
            objects.Add(Encoding.ASCII.GetBytes(F($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(page.Width)} {N(page.Height)}] /Contents {contentId} 0 R /Resources << /XObject << {image ?? ""} >> >> >>")));
            pageIds.Add(objects.Count);
        }
        objects[0] = Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>");
        objects[1] = Encoding.ASCII.GetBytes(F($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {pageIds.Count} >>"));

        using var output = new MemoryStream();
        void Put(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        Put("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Put($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Put("\nendobj\n");
        }
        var xref = output.Position;
        Put($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Put(F($"{offset:0000000000} 00000 n \n"));
        }
        Put(F($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    private static byte[] Content(FakeDesignPage page, int? imageId, int imageWidth, int imageHeight)
    {
        var s = new StringBuilder();
        var (w, h) = (page.Width, page.Height);
        s.Append(F($"{Rgb(page.Background)} rg 0 0 {N(w)} {N(h)} re f\n"));
        var pictureHeight = h * page.PictureHeightShare;
        var pictureBottom = h - pictureHeight;
        if (pictureHeight > 0)
        {
            s.Append(F($"q 0 {N(pictureBottom)} {N(w)} {N(pictureHeight)} re W n\n"));
            if (imageId is { } id)
            {
                // Cover the panel, keeping the picture's shape, centred.
                var scale = Math.Max(w / imageWidth, pictureHeight / imageHeight);
                var (iw, ih) = (imageWidth * scale, imageHeight * scale);
                s.Append(F($"{N(iw)} 0 0 {N(ih)} {N((w - iw) / 2)} {N(pictureBottom + (pictureHeight - ih) / 2)} cm /Im{id} Do\n"));
            }
            else
            {
                s.Append(F($"0.55 0.75 0.9 rg 0 {N(pictureBottom)} {N(w)} {N(pictureHeight)} re f\n"));
            }
            s.Append("Q\n");
        }
        var margin = w * 0.12;
        var lineGap = Math.Max(14, (pictureBottom - 2 * margin) / Math.Max(1, page.TextLines + 1));
        for (var i = 0; i < page.TextLines; i++)
        {
            var y = pictureBottom - margin - i * lineGap;
            var length = (w - 2 * margin) * (i == page.TextLines - 1 ? 0.6 : 1);
            if (y < margin * 0.6)
            {
                break;
            }
            s.Append(F($"{Rgb(page.TextColor)} rg {N(margin + (w - 2 * margin - length) / 2)} {N(y)} {N(length)} 6 re f\n"));
        }
        return Encoding.ASCII.GetBytes(s.ToString());
    }

    private sealed record DecodedPng(int Width, int Height, byte[] Data);

    /// <summary>The IDAT stream of an 8-bit RGB, non-interlaced PNG (what pdftoppm and Chromium write); null for anything else.</summary>
    private static DecodedPng? Png(byte[] png)
    {
        if (png.Length < 33 || png[0] != 0x89 || png[1] != (byte)'P')
        {
            return null;
        }
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        if (png[24] != 8 || png[25] != 2 || png[28] != 0)
        {
            return null;
        }
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return new DecodedPng(width, height, idat.ToArray());
    }

    private static byte[] Stream(string dict, byte[] data)
    {
        var head = Encoding.ASCII.GetBytes(dict + "\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream");
        return [.. head, .. data, .. tail];
    }

    private static string Rgb(string hex)
    {
        var v = Convert.FromHexString(hex.TrimStart('#'));
        return F($"{N(v[0] / 255.0)} {N(v[1] / 255.0)} {N(v[2] / 255.0)}");
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
