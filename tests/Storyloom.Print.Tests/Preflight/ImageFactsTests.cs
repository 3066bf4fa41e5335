using Storyloom.Print.Preflight;

namespace Storyloom.Print.Tests.Preflight;

/// <summary>Preflight reads images while it interprets the pages instead of running pdfimages: the facts must be pdfimages' own.</summary>
public sealed class ImageFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Image(int width, int height, string colorSpace, int bpc = 8, string extra = "")
    {
        var components = colorSpace switch { "/DeviceRGB" => 3, "/DeviceCMYK" => 4, _ when colorSpace.StartsWith("[/DeviceN [/Cyan /Gold]", StringComparison.Ordinal) => 2, _ => 1 };
        var bytes = (width * components * bpc + 7) / 8 * height;
        return TestPdfs.Stream(string.Concat(Enumerable.Repeat("7f", bytes)) + ">",
            $"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent {bpc} /Filter /ASCIIHexDecode {extra}");
    }

    [Fact]
    public async Task Images_read_from_the_pages_are_what_pdfimages_lists()
    {
        // Objects from 3: page, content, then the XObjects in order (5 …).
        var content = string.Join(' ',
            "q 30 0 0 20 10 10 cm /Rgb Do Q",                       // 4x2 at 30x20 pt: 9.6 and 7.2 ppi
            "q 25.98 15 -10 17.32 100 100 cm /Gray Do Q",           // turned 30° and sheared
            "q 0.5 0 0 0.5 200 0 cm /Fm Do Q",                      // the same image inside a form, at half size
            "q 40 0 0 40 300 300 cm /Masked Do Q",                  // an explicit stencil mask is listed beside its image
            "q 40 0 0 40 350 300 cm /Alpha Do Q",                   // a soft mask is not
            "q 33 0 0 21 10 400 cm /Cmyk Do Q q 17 0 0 9 60 400 cm /Icc Do Q q 10 0 0 10 90 400 cm /Indexed Do Q",
            "q 12 0 0 12 120 400 cm /Spot Do Q q 12 0 0 12 140 400 cm /Stencil Do Q",
            "q 7 0 0 5 500 500 cm BI /W 3 /H 2 /CS /G /BPC 8 /F /AHx ID 00ff7f00ff7f> EI Q",
            "q 9 0 0 4 520 500 cm BI /IM true /W 8 /H 1 /F /AHx ID ff> EI Q");
        var xobjects = "/XObject << /Rgb 5 0 R /Gray 6 0 R /Fm 7 0 R /Masked 8 0 R /Alpha 10 0 R /Cmyk 12 0 R /Icc 13 0 R /Indexed 15 0 R /Spot 16 0 R /Stencil 17 0 R >>";
        var pdf = await TestPdfs.RawAsync("images",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 600] /Resources << {xobjects} >> /Contents 4 0 R >>",
            TestPdfs.Stream(content),
            Image(4, 2, "/DeviceRGB"),
            Image(5, 3, "/DeviceGray"),
            TestPdfs.Stream("q 60 0 0 60 0 0 cm /Gray Do Q", "/Type /XObject /Subtype /Form /BBox [0 0 600 600] /Resources << /XObject << /Gray 6 0 R >> >>"),
            Image(6, 6, "/DeviceRGB", extra: "/Mask 9 0 R"),
            Image(12, 12, "/DeviceGray", 1, "/ImageMask true"),
            Image(7, 7, "/DeviceRGB", extra: "/SMask 11 0 R"),
            Image(7, 7, "/DeviceGray"),
            Image(3, 3, "/DeviceCMYK"),
            Image(5, 5, "[/ICCBased 14 0 R]"),
            TestPdfs.Stream(string.Concat(Enumerable.Repeat("7f", 3)) + ">", "/N 1 /Filter /ASCIIHexDecode"),
            Image(4, 4, "[/Indexed /DeviceRGB 1 <ff000000ff00>]"),
            Image(2, 2, "[/DeviceN [/Cyan /Gold] /DeviceCMYK 18 0 R]"),
            Image(16, 16, "/DeviceGray", 1, "/ImageMask true"),
            "<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 1 0] /N 1 >>");

        var facts = await PdfInspector.InspectAsync(pdf, Ct);
        var listed = await PdfInspector.ReadImagesAsync(pdf, Ct);

        listed.Count.ShouldBe(13);
        facts.Images.ShouldBe(listed);
        facts.Images[0].ShouldBe(new PdfImageFact(1, 4, 2, 10, 7, "rgb", 8) { Components = 3 });
        // pdfimages prints "[inline]" in place of an object number and generation: the columns after it are read one earlier.
        facts.Images[^2].ShouldBe(new PdfImageFact(1, 3, 2, 31, 29, "gray", 8));
    }

    [Fact]
    public async Task Images_in_a_chromium_pdf_are_what_pdfimages_lists()
    {
        var bmp = TestPdfs.BmpDataUri(97, 53);
        var body = "<div class=\"page\">"
            + $"<img class=\"abs\" style=\"left:50pt;top:50pt;width:100.3pt;height:37pt\" src=\"{bmp}\">"
            + $"<img class=\"abs\" style=\"left:250pt;top:250pt;width:71pt;height:73pt;transform:rotate(30deg)\" src=\"{bmp}\">"
            + $"<img class=\"abs\" style=\"left:50pt;top:350pt;width:23.3pt;height:12.7pt;opacity:0.5\" src=\"{bmp}\">"
            + "</div>";
        var pdf = await TestPdfs.FromHtmlAsync("chromium-images", 576, 576, body);

        var facts = await PdfInspector.InspectAsync(pdf, Ct);

        var listed = await PdfInspector.ReadImagesAsync(pdf, Ct);
        listed.Count.ShouldBe(3);
        facts.Images.ShouldBe(listed);
    }
}
