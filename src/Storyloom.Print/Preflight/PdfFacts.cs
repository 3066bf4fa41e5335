using Storyloom.Print.Geometry;

namespace Storyloom.Print.Preflight;

/// <summary>One shown string: its box on the page (points, bottom-left origin) and its effective size (font size × CTM × text matrix).</summary>
public sealed record PdfTextRun(int Page, PdfRect Box, double FontSizePt, string FontName, string Text);

/// <summary>A stroked path and its effective line width in points.</summary>
public sealed record PdfStroke(int Page, double WidthPt)
{
    /// <summary>The path's bounding box on the page (control points included).</summary>
    public PdfRect Box { get; init; }

    /// <summary>Straight segments only (no curves): what crop and registration marks are made of.</summary>
    public bool Straight { get; init; }
}

/// <summary>One raster image placement as <c>pdfimages -list</c> reports it (read while the pages are interpreted, pdfimages only as a fallback).</summary>
public sealed record PdfImageFact(int Page, int WidthPx, int HeightPx, double XPpi, double YPpi, string Color, int BitsPerComponent)
{
    /// <summary>Colour components per pixel (1 for gray, 3 for RGB, 4 for CMYK).</summary>
    public int Components { get; init; } = 1;
}

/// <summary>One font as reported by <c>pdffonts</c>.</summary>
public sealed record PdfFontFact(string Name, string Type, bool Embedded, bool Subset);

public sealed record PdfPageFacts(
    int Number,
    PdfRect MediaBox,
    PdfRect TrimBox,
    PdfRect BleedBox,
    bool HasTrimBox,
    bool HasBleedBox,
    int AnnotationCount,
    bool RendersBlank)
{
    public IReadOnlyList<PdfTextRun> Text { get; init; } = [];
    public IReadOnlyList<PdfStroke> Strokes { get; init; } = [];
    public int PaintedPaths { get; init; }
    /// <summary>Where each raster image is drawn (its unit square through the CTM).</summary>
    public IReadOnlyList<PdfRect> ImageBoxes { get; init; } = [];
    public int ImagesDrawn => ImageBoxes.Count;

    /// <summary>/Rotate of the page (0, 90, 180, 270); the boxes and content above are already turned as the page prints.</summary>
    public int Rotate { get; init; }

    /// <summary>/UserUnit of the page (1 = 1/72 in); the boxes and content above are already scaled to points.</summary>
    public double UserUnit { get; init; } = 1;

    /// <summary>Live transparency or layers drawn on the page (R14).</summary>
    public IReadOnlyList<string> Transparency { get; init; } = [];

    /// <summary>Colours that are not gray (R21).</summary>
    public IReadOnlyList<string> Colors { get; init; } = [];

    /// <summary>Text runs drawn invisibly (rendering mode 3 or 7): hidden objects (R13).</summary>
    public int InvisibleText { get; init; }

    /// <summary>Characters printed as the .notdef glyph (an empty box), by font name.</summary>
    public IReadOnlyDictionary<string, int> MissingGlyphs { get; init; } = new Dictionary<string, int>();

    /// <summary>Where anything but white may be painted (an over-estimate); null when nothing is.</summary>
    public PdfRect? InkBounds { get; init; }

    /// <summary>A shading fills its clip region, which is not tracked: the page must be rendered to know where its ink is.</summary>
    public bool InkUnbounded { get; init; }

    /// <summary>No text, no images and nothing but white when rendered.</summary>
    public bool IsBlank => Text.Count == 0 && ImagesDrawn == 0 && RendersBlank;
}

/// <summary>Everything preflight reads from one PDF.</summary>
public sealed record PdfFacts(
    string Path,
    long FileBytes,
    int PageCount,
    bool Encrypted,
    bool HasOutlines,
    bool HasAcroForm,
    IReadOnlyList<PdfPageFacts> Pages,
    IReadOnlyList<PdfFontFact> Fonts,
    IReadOnlyList<PdfImageFact> Images)
{
    /// <summary>Problems met while reading content streams (malformed data); the checks report them instead of crashing.</summary>
    public IReadOnlyList<string> ContentErrors { get; init; } = [];

    /// <summary>The catalog declares optional content (layers), which KDP asks to flatten (R14).</summary>
    public bool HasOptionalContent { get; init; }

    public IEnumerable<PdfTextRun> AllText => Pages.SelectMany(p => p.Text);
}
