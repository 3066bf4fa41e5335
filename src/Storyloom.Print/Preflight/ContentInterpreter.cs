using System.Globalization;
using System.Text.Json;
using Storyloom.Print.Geometry;

namespace Storyloom.Print.Preflight;

/// <summary>An affine PDF matrix [a b c d e f]; points are row vectors, so <c>A * B</c> applies A first.</summary>
internal readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

    public static Matrix operator *(Matrix m, Matrix n) => new(
        m.A * n.A + m.B * n.C, m.A * n.B + m.B * n.D,
        m.C * n.A + m.D * n.C, m.C * n.B + m.D * n.D,
        m.E * n.A + m.F * n.C + n.E, m.E * n.B + m.F * n.D + n.F);

    public (double X, double Y) Apply(double x, double y) => (x * A + y * C + E, x * B + y * D + F);

    /// <summary>Length of the transformed unit y vector: how much a font size grows.</summary>
    public double YScale => Math.Sqrt(C * C + D * D);

    /// <summary>Mean linear scale, for line widths.</summary>
    public double LinearScale => Math.Sqrt(Math.Abs(A * D - B * C));

    public static Matrix Translate(double x, double y) => new(1, 0, 0, 1, x, y);
}

/// <summary>Walks one page's content streams (and the Form XObjects they draw) and records text boxes, strokes and painted paths.</summary>
internal sealed class ContentInterpreter(QpdfObjects objects, int pageNumber)
{
    private const int MaxFormDepth = 12;

    private sealed class State
    {
        public Matrix Ctm = Matrix.Identity;
        public double LineWidth = 1;
        public double CharSpacing;
        public double WordSpacing;
        public double HScale = 1;
        public double Leading;
        public double Rise;
        public double FontSize;
        public int TextRender;
        public FontMetrics Font = FontMetrics.Unknown;
        public string FillSpace = "DeviceGray";
        public string StrokeSpace = "DeviceGray";
        // Paint that leaves no ink (white): a page's white background is not art in the margins.
        public bool FillWhite;
        public bool StrokeWhite;

        public State Clone() => (State)MemberwiseClone();
    }

    private readonly Dictionary<string, FontMetrics> _fontCache = new(StringComparer.Ordinal);
    private Matrix _tm = Matrix.Identity;
    private Matrix _tlm = Matrix.Identity;
    private PathBox _path;

    public List<PdfTextRun> Text { get; } = [];
    public List<PdfStroke> Strokes { get; } = [];
    public int PaintedPaths { get; private set; }
    public int ImagesDrawn => ImageBoxes.Count;
    public List<PdfRect> ImageBoxes { get; } = [];

    /// <summary>Every raster image drawn, as <c>pdfimages -list</c> reports it (explicit masks beside their image, soft masks not).</summary>
    public List<PdfImageFact> Images { get; } = [];

    /// <summary>The image XObjects drawn ("N G R"), to tell whether any image in the file was drawn some other way.</summary>
    public HashSet<string> DrawnImages { get; } = new(StringComparer.Ordinal);

    /// <summary>An image whose colour space or size could not be read exactly: its facts must come from pdfimages.</summary>
    public bool ImagesUnread { get; private set; }

    /// <summary>Live transparency met while drawing (R14): "constant alpha 0.5", "blend mode Multiply", "soft mask" …</summary>
    public HashSet<string> Transparency { get; } = [];

    /// <summary>Colour that is not gray (R21): "RGB 0.9 0.2 0.1", "CMYK …", "spot colour Gold" …</summary>
    public HashSet<string> Colors { get; } = [];

    /// <summary>Text shown with an invisible rendering mode (Tr 3 or 7): a hidden object (R13).</summary>
    public int InvisibleText { get; private set; }

    /// <summary>Characters drawn as the .notdef glyph, by font: text the font had no glyph for (an emoji, a symbol).</summary>
    public Dictionary<string, int> MissingGlyphs { get; } = new(StringComparer.Ordinal);

    /// <summary>The union of everything painted in a colour other than white (paths with their line width, text, images);
    /// null when nothing is. Over-estimates (clipping is ignored), so ink outside it is impossible.</summary>
    public PdfRect? InkBounds { get; private set; }

    /// <summary>A shading was painted over its clip region, whose extent is not tracked: the ink may be anywhere.</summary>
    public bool InkUnbounded { get; private set; }

    /// <summary>Runs the page's content; <paramref name="pageMatrix"/> maps user space to the page as printed (/UserUnit, /Rotate).</summary>
    public void Run(byte[] content, JsonElement? resources, Matrix pageMatrix) => Run(content, resources, new State { Ctm = pageMatrix }, 0);

    private void Run(byte[] content, JsonElement? resources, State initial, int depth)
    {
        var lexer = new ContentLexer(content);
        var stack = new Stack<State>();
        var gs = initial;
        var operands = new List<object>();
        while (lexer.Next() is { } token)
        {
            if (token is not PdfOperator op)
            {
                operands.Add(token);
                continue;
            }
            switch (op.Value)
            {
                case "q": stack.Push(gs.Clone()); break;
                case "Q": if (stack.Count > 0) { gs = stack.Pop(); } break;
                case "cm" when Nums(operands, 6) is { } m: gs.Ctm = new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]) * gs.Ctm; break;
                case "w" when Nums(operands, 1) is { } w: gs.LineWidth = w[0]; break;
                case "gs" when operands.LastOrDefault() is PdfName n:
                    var extGState = objects.Get(objects.Get(resources, "/ExtGState"), "/" + n.Value);
                    if (QpdfObjects.Number(objects.Get(extGState, "/LW")) is { } l) { gs.LineWidth = l; }
                    ReadTransparency(extGState);
                    break;
                case "m" when Nums(operands, 2) is { } p: _path.Add(gs.Ctm, p[0], p[1]); break;
                case "l" when Nums(operands, 2) is { } p: _path.Add(gs.Ctm, p[0], p[1]); break;
                case "c" when Nums(operands, 6) is { } p: _path.Curve(gs.Ctm, p); break;
                case "v" or "y" when Nums(operands, 4) is { } p: _path.Curve(gs.Ctm, p); break;
                case "re" when Nums(operands, 4) is { } r:
                    _path.Add(gs.Ctm, r[0], r[1]);
                    _path.Add(gs.Ctm, r[0] + r[2], r[1] + r[3]);
                    _path.Add(gs.Ctm, r[0], r[1] + r[3]);
                    _path.Add(gs.Ctm, r[0] + r[2], r[1]);
                    break;
                case "n": _path = default; break;
                case "S" or "s":
                    Strokes.Add(new PdfStroke(pageNumber, gs.LineWidth * gs.Ctm.LinearScale) { Box = _path.Box, Straight = !_path.Curved });
                    if (!gs.StrokeWhite) { Ink(_path.Box, gs.LineWidth * gs.Ctm.LinearScale / 2); }
                    _path = default;
                    break;
                case "f" or "F" or "f*":
                    PaintedPaths++;
                    if (!gs.FillWhite) { Ink(_path.Box, 0); }
                    _path = default;
                    break;
                case "sh":
                    PaintedPaths++;
                    InkUnbounded = true;
                    if (operands.LastOrDefault() is PdfName sh) { Shading(objects.Get(objects.Get(resources, "/Shading"), "/" + sh.Value)); }
                    break;
                case "B" or "B*" or "b" or "b*":
                    PaintedPaths++;
                    Strokes.Add(new PdfStroke(pageNumber, gs.LineWidth * gs.Ctm.LinearScale) { Box = _path.Box, Straight = !_path.Curved });
                    if (!gs.FillWhite || !gs.StrokeWhite) { Ink(_path.Box, gs.LineWidth * gs.Ctm.LinearScale / 2); }
                    _path = default;
                    break;
                case "g" when Nums(operands, 1) is { } c: gs.FillWhite = c[0] >= 0.999; break;
                case "G" when Nums(operands, 1) is { } c: gs.StrokeWhite = c[0] >= 0.999; break;
                case "rg" when Nums(operands, 3) is { } c: Rgb(c); gs.FillWhite = IsWhite("RGB", c); break;
                case "RG" when Nums(operands, 3) is { } c: Rgb(c); gs.StrokeWhite = IsWhite("RGB", c); break;
                case "k" when Nums(operands, 4) is { } c: Cmyk(c); gs.FillWhite = IsWhite("CMYK", c); break;
                case "K" when Nums(operands, 4) is { } c: Cmyk(c); gs.StrokeWhite = IsWhite("CMYK", c); break;
                case "cs" when operands.LastOrDefault() is PdfName cs: gs.FillSpace = SpaceKind(resources, cs.Value); gs.FillWhite = false; Space(gs.FillSpace, cs.Value); break;
                case "CS" when operands.LastOrDefault() is PdfName cs: gs.StrokeSpace = SpaceKind(resources, cs.Value); gs.StrokeWhite = false; Space(gs.StrokeSpace, cs.Value); break;
                case "sc" or "scn": Components(gs.FillSpace, operands, resources); gs.FillWhite = IsWhite(gs.FillSpace, [.. operands.OfType<double>()]); break;
                case "SC" or "SCN": Components(gs.StrokeSpace, operands, resources); gs.StrokeWhite = IsWhite(gs.StrokeSpace, [.. operands.OfType<double>()]); break;
                case "Tr" when Nums(operands, 1) is { } v: gs.TextRender = (int)v[0]; break;
                case "BI":
                    ImageBoxes.Add(UnitSquare(gs.Ctm));
                    Ink(UnitSquare(gs.Ctm), 0);
                    InlineImage(op.InlineImage, resources, gs.Ctm);
                    break;
                case "BT": _tm = _tlm = Matrix.Identity; break;
                case "Tc" when Nums(operands, 1) is { } v: gs.CharSpacing = v[0]; break;
                case "Tw" when Nums(operands, 1) is { } v: gs.WordSpacing = v[0]; break;
                case "Tz" when Nums(operands, 1) is { } v: gs.HScale = v[0] / 100; break;
                case "TL" when Nums(operands, 1) is { } v: gs.Leading = v[0]; break;
                case "Ts" when Nums(operands, 1) is { } v: gs.Rise = v[0]; break;
                case "Tf" when operands.Count >= 2 && operands[^2] is PdfName f && operands[^1] is double size:
                    gs.Font = Font(resources, f.Value);
                    gs.FontSize = size;
                    break;
                case "Tm" when Nums(operands, 6) is { } m: _tm = _tlm = new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]); break;
                case "Td" when Nums(operands, 2) is { } t: NextLine(t[0], t[1]); break;
                case "TD" when Nums(operands, 2) is { } t: gs.Leading = -t[1]; NextLine(t[0], t[1]); break;
                case "T*": NextLine(0, -gs.Leading); break;
                case "Tj" when operands.LastOrDefault() is byte[] s: Show(gs, s); break;
                case "'" when operands.LastOrDefault() is byte[] s: NextLine(0, -gs.Leading); Show(gs, s); break;
                case "\"" when operands.Count >= 3 && operands[^1] is byte[] s && operands[^2] is double ac && operands[^3] is double aw:
                    gs.WordSpacing = aw;
                    gs.CharSpacing = ac;
                    NextLine(0, -gs.Leading);
                    Show(gs, s);
                    break;
                case "TJ" when operands.LastOrDefault() is List<object> items:
                    foreach (var item in items)
                    {
                        if (item is byte[] s) { Show(gs, s); }
                        else if (item is double adj) { _tm = Matrix.Translate(-adj / 1000 * gs.FontSize * gs.HScale, 0) * _tm; }
                    }
                    break;
                case "Do" when operands.LastOrDefault() is PdfName x: Draw(resources, x.Value, gs, depth); break;
            }
            operands.Clear();
        }
    }

    private void NextLine(double tx, double ty)
    {
        _tlm = Matrix.Translate(tx, ty) * _tlm;
        _tm = _tlm;
    }

    private void Show(State gs, byte[] s)
    {
        var font = gs.Font;
        double advance = 0;
        foreach (var code in font.Codes(s))
        {
            var wordSpace = !font.TwoByte && code == 32 ? gs.WordSpacing : 0;
            advance += (font.Width(code) * font.GlyphMatrix.A * gs.FontSize + gs.CharSpacing + wordSpace) * gs.HScale;
        }
        var trm = _tm * gs.Ctm;
        // Glyph space is 1/1000 em, except in Type 3 fonts, whose /FontMatrix says how big a glyph unit is.
        var y0 = gs.Rise + font.Descent * font.GlyphMatrix.D * gs.FontSize;
        var y1 = gs.Rise + font.Ascent * font.GlyphMatrix.D * gs.FontSize;
        var corners = new[] { trm.Apply(0, y0), trm.Apply(advance, y0), trm.Apply(0, y1), trm.Apply(advance, y1) };
        var box = new PdfRect(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
        var size = Math.Abs(gs.FontSize) * font.GlyphMatrix.YScale * 1000 * trm.YScale;
        var text = font.ToText(s);
        if (gs.TextRender is 3 or 7 && s.Length > 0)
        {
            InvisibleText++;
        }
        else if (s.Length > 0)
        {
            if (font.ZeroIsNotdef && font.Codes(s).Count(c => c == 0) is > 0 and var missing)
            {
                MissingGlyphs[font.Name] = MissingGlyphs.GetValueOrDefault(font.Name) + missing;
            }
            AddRun(new PdfTextRun(pageNumber, box, size, font.Name, text));
            Ink(box, 0);
        }
        _tm = Matrix.Translate(advance, 0) * _tm;
    }

    // Chromium shows many lines glyph by glyph; join runs that continue the same line so details quote words, not letters.
    private void AddRun(PdfTextRun run)
    {
        if (Text.Count > 0 && Text[^1] is var last && last.FontName == run.FontName
            && Math.Abs(last.FontSizePt - run.FontSizePt) < 0.01
            && Math.Abs(last.Box.Y0 - run.Box.Y0) < 0.5 && Math.Abs(last.Box.Y1 - run.Box.Y1) < 0.5
            && run.Box.X0 >= last.Box.X1 - run.FontSizePt * 0.5 && run.Box.X0 - last.Box.X1 < run.FontSizePt)
        {
            var gap = run.Box.X0 - last.Box.X1 > run.FontSizePt * 0.15 ? " " : "";
            Text[^1] = last with
            {
                Box = new PdfRect(last.Box.X0, Math.Min(last.Box.Y0, run.Box.Y0), run.Box.X1, Math.Max(last.Box.Y1, run.Box.Y1)),
                Text = last.Text + gap + run.Text,
            };
            return;
        }
        Text.Add(run);
    }

    private FontMetrics Font(JsonElement? resources, string name)
    {
        var dict = objects.Get(objects.Get(resources, "/Font"), "/" + name);
        var key = dict?.GetRawText() ?? name;
        if (!_fontCache.TryGetValue(key, out var metrics))
        {
            metrics = dict is null ? FontMetrics.Unknown : FontMetrics.From(dict, objects);
            _fontCache[key] = metrics;
        }
        return metrics;
    }

    private void Draw(JsonElement? resources, string name, State gs, int depth)
    {
        var xobjects = objects.Resolve(objects.Get(resources, "/XObject"));
        if (xobjects is not { ValueKind: JsonValueKind.Object } xo || !xo.TryGetProperty("/" + name, out var reference))
        {
            return;
        }
        var dict = objects.Resolve(reference);
        var subtype = QpdfObjects.Name(objects.Get(dict, "/Subtype"));
        if (objects.Get(dict, "/OC") is not null)
        {
            Transparency.Add("optional content (a layer)");
        }
        if (subtype == "Image")
        {
            ImageBoxes.Add(UnitSquare(gs.Ctm));
            Ink(UnitSquare(gs.Ctm), 0);
            ImageXObject(dict, reference, gs.Ctm);
            if (objects.Get(dict, "/SMask") is not null)
            {
                Transparency.Add("an image with a soft mask (alpha channel)");
            }
            return;
        }
        if (subtype == "Form" && QpdfObjects.Name(objects.Get(objects.Get(dict, "/Group"), "/S")) == "Transparency")
        {
            Transparency.Add("a transparency group");
        }
        if (subtype != "Form" || depth >= MaxFormDepth || !QpdfObjects.IsReference(reference)
            || objects.StreamData(reference.GetString()!) is not { } data)
        {
            return;
        }
        var m = QpdfObjects.ArrayItems(objects.Get(dict, "/Matrix")).Select(e => QpdfObjects.Number(e) ?? 0).ToArray();
        var formState = gs.Clone();
        if (m.Length == 6)
        {
            formState.Ctm = new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]) * gs.Ctm;
        }
        var (savedTm, savedTlm) = (_tm, _tlm);
        Run(data, objects.Get(dict, "/Resources") ?? resources, formState, depth + 1);
        (_tm, _tlm) = (savedTm, savedTlm);
    }

    private void ImageXObject(JsonElement? dict, JsonElement reference, Matrix ctm)
    {
        if (QpdfObjects.IsReference(reference))
        {
            DrawnImages.Add(reference.GetString()!);
        }
        var stencil = objects.Get(dict, "/ImageMask") is { ValueKind: JsonValueKind.True };
        var (color, components) = stencil ? ("-", 1) : ImageSpace(objects.Get(dict, "/ColorSpace"));
        AddImage(QpdfObjects.Number(objects.Get(dict, "/Width")), QpdfObjects.Number(objects.Get(dict, "/Height")), color, components,
            stencil ? 1 : QpdfObjects.Number(objects.Get(dict, "/BitsPerComponent")), ctm);
        // An explicit (stencil) mask is listed by pdfimages as an image of its own at the same place; a colour-key array is not.
        if (objects.Get(dict, "/Mask") is { ValueKind: JsonValueKind.Object } mask)
        {
            AddImage(QpdfObjects.Number(objects.Get(mask, "/Width")), QpdfObjects.Number(objects.Get(mask, "/Height")), "-", 1, 1, ctm);
        }
    }

    private void InlineImage(IReadOnlyDictionary<string, object>? dict, JsonElement? resources, Matrix ctm)
    {
        if (dict is null)
        {
            ImagesUnread = true;
            return;
        }
        object? Value(string abbreviation, string full) => dict.TryGetValue(abbreviation, out var v) || dict.TryGetValue(full, out v) ? v : null;
        var stencil = Value("IM", "ImageMask") is true;
        var (color, components) = stencil ? ("-", 1) : Value("CS", "ColorSpace") switch
        {
            PdfName { Value: "G" or "DeviceGray" or "CalGray" } => ("gray", 1),
            PdfName { Value: "RGB" or "DeviceRGB" or "CalRGB" } => ("rgb", 3),
            PdfName { Value: "CMYK" or "DeviceCMYK" } => ("cmyk", 4),
            PdfName named => ImageSpace(objects.Get(objects.Get(resources, "/ColorSpace"), "/" + named.Value)),
            List<object> { Count: > 0 } array when array[0] is PdfName { Value: "I" or "Indexed" } => ("index", 1),
            _ => ((string?)null, 0),
        };
        AddImage(Value("W", "Width") as double?, Value("H", "Height") as double?, color, components,
            stencil ? 1 : Value("BPC", "BitsPerComponent") as double?, ctm);
    }

    /// <summary>pdfimages' name and pixel components of an image colour space; a null name when it is not one this reads exactly.</summary>
    private (string? Color, int Components) ImageSpace(JsonElement? space)
    {
        switch (QpdfObjects.Name(space))
        {
            case "DeviceGray" or "CalGray": return ("gray", 1);
            case "DeviceRGB" or "CalRGB": return ("rgb", 3);
            case "DeviceCMYK": return ("cmyk", 4);
            case { }: return (null, 0);
        }
        var items = QpdfObjects.ArrayItems(space).ToList();
        return QpdfObjects.Name(items.Count > 0 ? objects.Resolve(items[0]) : null) switch
        {
            "ICCBased" when QpdfObjects.Number(objects.Get(items.ElementAtOrDefault(1), "/N")) is { } n => ("icc", (int)n),
            "CalGray" => ("gray", 1),
            "CalRGB" => ("rgb", 3),
            "Lab" => ("lab", 3),
            "Indexed" => ("index", 1),
            "Separation" => ("sep", 1),
            "DeviceN" => ("devn", QpdfObjects.ArrayItems(objects.Resolve(items.ElementAtOrDefault(1))).Count()),
            _ => (null, 0),
        };
    }

    // pdfimages' resolution: pixels over the image's drawn length along each axis of the CTM, rounded to whole ppi.
    private void AddImage(double? width, double? height, string? color, int components, double? bitsPerComponent, Matrix ctm)
    {
        if (width is not { } w || height is not { } h || color is null || bitsPerComponent is not { } bpc)
        {
            ImagesUnread = true;
            return;
        }
        var x = Math.Sqrt(ctm.A * ctm.A + ctm.B * ctm.B);
        var y = Math.Sqrt(ctm.C * ctm.C + ctm.D * ctm.D);
        Images.Add(new PdfImageFact(pageNumber, (int)w, (int)h, x > 0 ? Math.Round(w * 72 / x) : 0, y > 0 ? Math.Round(h * 72 / y) : 0, color, (int)bpc)
        {
            Components = components,
        });
    }

    private void ReadTransparency(JsonElement? extGState)
    {
        foreach (var key in new[] { "/ca", "/CA" })
        {
            if (QpdfObjects.Number(objects.Get(extGState, key)) is { } alpha && alpha < 0.999)
            {
                Transparency.Add(string.Create(CultureInfo.InvariantCulture, $"constant alpha {alpha:0.###}"));
            }
        }
        var blend = objects.Get(extGState, "/BM");
        var modes = blend is { ValueKind: JsonValueKind.Array } ? QpdfObjects.ArrayItems(blend).Select(e => QpdfObjects.Name(e)) : [QpdfObjects.Name(blend)];
        if (modes.FirstOrDefault() is { } mode && mode is not ("Normal" or "Compatible"))
        {
            Transparency.Add($"blend mode {mode}");
        }
        if (objects.Get(extGState, "/SMask") is { } mask && QpdfObjects.Name(mask) != "None")
        {
            Transparency.Add("a soft mask");
        }
    }

    // Neutral when the components differ by less than 1 %: what Chromium writes for a CSS gray.
    private void Rgb(IReadOnlyList<double> c)
    {
        if (c.Max() - c.Min() > 0.01)
        {
            Colors.Add(string.Create(CultureInfo.InvariantCulture, $"RGB {c[0]:0.###} {c[1]:0.###} {c[2]:0.###}"));
        }
    }

    private void Cmyk(IReadOnlyList<double> c)
    {
        if (c[0] > 0.01 || c[1] > 0.01 || c[2] > 0.01)
        {
            Colors.Add(string.Create(CultureInfo.InvariantCulture, $"CMYK {c[0]:0.###} {c[1]:0.###} {c[2]:0.###} {c[3]:0.###}"));
        }
    }

    /// <summary>"Gray", "RGB", "CMYK", "Pattern" or "Spot" for a colour space given by name or in the page's /ColorSpace resources.</summary>
    private string SpaceKind(JsonElement? resources, string name) => name switch
    {
        "DeviceGray" or "CalGray" or "G" => "Gray",
        "DeviceRGB" or "CalRGB" or "RGB" => "RGB",
        "DeviceCMYK" or "CMYK" => "CMYK",
        "Pattern" => "Pattern",
        _ => SpaceKind(objects.Get(objects.Get(resources, "/ColorSpace"), "/" + name)),
    };

    private string SpaceKind(JsonElement? space)
    {
        if (QpdfObjects.Name(space) is { } plain)
        {
            return SpaceKind(null, plain);
        }
        var items = QpdfObjects.ArrayItems(space).Select(e => objects.Resolve(e)).ToList();
        return QpdfObjects.Name(items.FirstOrDefault()) switch
        {
            "ICCBased" => QpdfObjects.Number(objects.Get(items.ElementAtOrDefault(1), "/N")) switch { 1 => "Gray", 4 => "CMYK", _ => "RGB" },
            "CalGray" => "Gray",
            "CalRGB" or "Lab" => "RGB",
            "Indexed" => SpaceKind(items.ElementAtOrDefault(1)) is "Gray" ? "Gray" : "RGB",
            "Pattern" => "Pattern",
            // A separation on the black plate prints as gray; any other named ink is a colour.
            "Separation" => QpdfObjects.Name(items.ElementAtOrDefault(1)) is "Black" or "All" ? "Gray" : "Spot " + QpdfObjects.Name(items.ElementAtOrDefault(1)),
            "DeviceN" => "Spot DeviceN",
            _ => "RGB",
        };
    }

    private void Space(string kind, string name)
    {
        if (kind.StartsWith("Spot", StringComparison.Ordinal))
        {
            Colors.Add($"spot colour {kind[5..]} ({name})");
        }
    }

    private void Ink(PdfRect box, double spread)
    {
        var b = box.Inset(-spread, -spread, -spread, -spread);
        InkBounds = InkBounds is { } u ? new PdfRect(Math.Min(u.X0, b.X0), Math.Min(u.Y0, b.Y0), Math.Max(u.X1, b.X1), Math.Max(u.Y1, b.Y1)) : b;
    }

    /// <summary>Whether colour components in a space leave the paper white (patterns and spot inks never count as white).</summary>
    private static bool IsWhite(string space, IReadOnlyList<double> c) => space switch
    {
        "Gray" => c.Count >= 1 && c[0] >= 0.999,
        "RGB" => c.Count >= 3 && c.Take(3).All(v => v >= 0.999),
        "CMYK" => c.Count >= 4 && c.Take(4).All(v => v <= 0.001),
        _ => false,
    };

    private void Components(string space, List<object> operands, JsonElement? resources)
    {
        var numbers = operands.OfType<double>().ToList();
        switch (space)
        {
            case "RGB" when numbers.Count >= 3: Rgb(numbers); break;
            case "CMYK" when numbers.Count >= 4: Cmyk(numbers); break;
            case "Pattern" when operands.LastOrDefault() is PdfName p:
                Shading(objects.Get(objects.Get(objects.Get(resources, "/Pattern"), "/" + p.Value), "/Shading"));
                break;
        }
    }

    /// <summary>A shading's colours: its colour space, and for RGB or CMYK the end colours of its functions (what Chromium writes for a gradient).</summary>
    private void Shading(JsonElement? shading)
    {
        if (shading is null)
        {
            return;
        }
        var kind = SpaceKind(objects.Get(shading, "/ColorSpace"));
        if (kind is "Gray")
        {
            return;
        }
        if (kind.StartsWith("Spot", StringComparison.Ordinal))
        {
            Colors.Add($"spot colour {kind[5..]} in a gradient");
            return;
        }
        var functions = new Stack<JsonElement?>([objects.Get(shading, "/Function")]);
        var seen = 0;
        while (functions.Count > 0 && seen++ < 256)
        {
            var f = objects.Resolve(functions.Pop());
            if (f is { ValueKind: JsonValueKind.Array } list)
            {
                foreach (var item in list.EnumerateArray()) functions.Push(item);
                continue;
            }
            switch (QpdfObjects.Number(objects.Get(f, "/FunctionType")))
            {
                case 2:
                    foreach (var key in new[] { "/C0", "/C1" })
                    {
                        var c = QpdfObjects.ArrayItems(objects.Get(f, key)).Select(e => QpdfObjects.Number(e) ?? 0).ToList();
                        if (kind == "RGB" && c.Count == 3) Rgb(c);
                        else if (kind == "CMYK" && c.Count == 4) Cmyk(c);
                    }
                    break;
                case 3:
                    foreach (var item in QpdfObjects.ArrayItems(objects.Get(f, "/Functions"))) functions.Push(item);
                    break;
                default:
                    // A sampled or PostScript function cannot be read cheaply: say what its space is.
                    Colors.Add($"a gradient in {kind}");
                    break;
            }
        }
    }

    private static PdfRect UnitSquare(Matrix ctm)
    {
        var c = new[] { ctm.Apply(0, 0), ctm.Apply(1, 0), ctm.Apply(0, 1), ctm.Apply(1, 1) };
        return new PdfRect(c.Min(p => p.X), c.Min(p => p.Y), c.Max(p => p.X), c.Max(p => p.Y));
    }

    private static double[]? Nums(List<object> operands, int count)
    {
        if (operands.Count < count)
        {
            return null;
        }
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (operands[operands.Count - count + i] is not double d)
            {
                return null;
            }
            result[i] = d;
        }
        return result;
    }
}

/// <summary>The bounding box of the path being built, in page space; whether it has curves.</summary>
internal struct PathBox
{
    private double _x0, _y0, _x1, _y1;
    private bool _any;

    public bool Curved { get; private set; }

    public readonly PdfRect Box => _any ? new PdfRect(_x0, _y0, _x1, _y1) : default;

    public void Add(Matrix ctm, double x, double y)
    {
        var (px, py) = ctm.Apply(x, y);
        if (!_any)
        {
            (_x0, _y0, _x1, _y1, _any) = (px, py, px, py, true);
            return;
        }
        (_x0, _y0, _x1, _y1) = (Math.Min(_x0, px), Math.Min(_y0, py), Math.Max(_x1, px), Math.Max(_y1, py));
    }

    public void Curve(Matrix ctm, double[] points)
    {
        Curved = true;
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            Add(ctm, points[i], points[i + 1]);
        }
    }
}
