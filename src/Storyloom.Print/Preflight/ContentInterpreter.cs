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
        public FontMetrics Font = FontMetrics.Unknown;

        public State Clone() => (State)MemberwiseClone();
    }

    private readonly Dictionary<string, FontMetrics> _fontCache = new(StringComparer.Ordinal);
    private Matrix _tm = Matrix.Identity;
    private Matrix _tlm = Matrix.Identity;

    public List<PdfTextRun> Text { get; } = [];
    public List<PdfStroke> Strokes { get; } = [];
    public int PaintedPaths { get; private set; }
    public int ImagesDrawn => ImageBoxes.Count;
    public List<PdfRect> ImageBoxes { get; } = [];

    public void Run(byte[] content, JsonElement? resources) => Run(content, resources, new State(), 0);

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
                    var lw = QpdfObjects.Number(objects.Get(objects.Get(objects.Get(resources, "/ExtGState"), "/" + n.Value), "/LW"));
                    if (lw is { } l) { gs.LineWidth = l; }
                    break;
                case "S" or "s": Strokes.Add(new PdfStroke(pageNumber, gs.LineWidth * gs.Ctm.LinearScale)); break;
                case "f" or "F" or "f*" or "sh": PaintedPaths++; break;
                case "B" or "B*" or "b" or "b*":
                    PaintedPaths++;
                    Strokes.Add(new PdfStroke(pageNumber, gs.LineWidth * gs.Ctm.LinearScale));
                    break;
                case "BI": ImageBoxes.Add(UnitSquare(gs.Ctm)); break;
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
            advance += (font.Width(code) / 1000 * gs.FontSize + gs.CharSpacing + wordSpace) * gs.HScale;
        }
        var trm = _tm * gs.Ctm;
        var y0 = gs.Rise + font.Descent / 1000 * gs.FontSize;
        var y1 = gs.Rise + font.Ascent / 1000 * gs.FontSize;
        var corners = new[] { trm.Apply(0, y0), trm.Apply(advance, y0), trm.Apply(0, y1), trm.Apply(advance, y1) };
        var box = new PdfRect(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
        var size = Math.Abs(gs.FontSize) * trm.YScale;
        var text = font.ToText(s);
        if (s.Length > 0)
        {
            AddRun(new PdfTextRun(pageNumber, box, size, font.Name, text));
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
        if (subtype == "Image")
        {
            ImageBoxes.Add(UnitSquare(gs.Ctm));
            return;
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
