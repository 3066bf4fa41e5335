using System.Globalization;
using System.Text;

namespace Storyloom.Core.Art;

/// <summary>How shapes are painted; one mode per book so every page looks alike.</summary>
internal enum InkMode
{
    FlatPastel,
    BoldOutline,
    SoftShaded,
    LineArt,
}

/// <summary>What a shape is, so each mode can paint it: outlines for contours, thin lines for details, dark fills for eyes.</summary>
internal enum Role
{
    Contour,
    Detail,
    Dark,
    Background,
}

/// <summary>2D affine transform; shapes are emitted in absolute coordinates so the SVG carries no transforms.</summary>
internal readonly record struct Affine(double A, double B, double C, double D, double E, double F)
{
    public static readonly Affine Identity = new(1, 0, 0, 1, 0, 0);

    public static Affine Translate(double x, double y) => new(1, 0, 0, 1, x, y);

    public static Affine Scale(double sx, double sy) => new(sx, 0, 0, sy, 0, 0);

    public static Affine Rotate(double degrees)
    {
        var r = degrees * Math.PI / 180;
        return new(Math.Cos(r), Math.Sin(r), -Math.Sin(r), Math.Cos(r), 0, 0);
    }

    /// <summary>This transform applied after <paramref name="inner"/>.</summary>
    public Affine Then(Affine inner) => new(
        A * inner.A + C * inner.B, B * inner.A + D * inner.B,
        A * inner.C + C * inner.D, B * inner.C + D * inner.D,
        A * inner.E + C * inner.F + E, B * inner.E + D * inner.F + F);

    public (double X, double Y) Map(double x, double y) => (A * x + C * y + E, B * x + D * y + F);

    public double UniformScale => Math.Sqrt(Math.Abs(A * D - B * C));

    public bool AxisAligned => Math.Abs(B) < 1e-9 && Math.Abs(C) < 1e-9;
}

/// <summary>A small SVG writer: invariant numbers rounded to 2 decimals, solid colours and gradients only (no transparency).</summary>
internal sealed class SvgCanvas(double width, double height, InkMode mode)
{
    private readonly StringBuilder _body = new(32_000);
    private readonly SortedDictionary<string, string> _defs = new(StringComparer.Ordinal);
    private readonly Stack<Affine> _stack = new();

    public InkMode Mode { get; } = mode;
    public double Width { get; } = width;
    public double Height { get; } = height;
    public Affine Transform { get; private set; } = Affine.Identity;
    public bool LineArt => Mode == InkMode.LineArt;

    /// <summary>Line art stroke widths in points: outlines, and inner details and open strokes (a coloring level sets them).</summary>
    public (double Contour, double Detail) LineWidths { get; set; } = (3, 1.8);

    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public void Push(Affine local)
    {
        _stack.Push(Transform);
        Transform = Transform.Then(local);
    }

    public void Pop() => Transform = _stack.Pop();

    /// <summary>A colour every fill is mixed towards while set (a room at night), as solid colours: no live transparency in print.</summary>
    public (string Color, double Amount)? Tint { get; set; }

    /// <summary>Opens a &lt;g&gt; that marks one drawn thing (data-object="apple"), so tests and tools can count them.</summary>
    public void BeginObject(string kind) => _body.Append($"<g data-object=\"{kind}\">");

    public void EndObject() => _body.Append("</g>");

    public string LinearGradient(string id, string top, string bottom)
    {
        _defs[id] = $"<linearGradient id=\"{id}\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"{top}\"/><stop offset=\"1\" stop-color=\"{bottom}\"/></linearGradient>";
        return $"url(#{id})";
    }

    public void Rect(double x, double y, double w, double h, string color, Role role = Role.Contour, double r = 0)
    {
        var t = Transform;
        if (t.AxisAligned)
        {
            var (x0, y0) = t.Map(x, y);
            var (x1, y1) = t.Map(x + w, y + h);
            var rr = r * t.UniformScale;
            var radius = rr > 0 ? $" rx=\"{N(rr)}\"" : "";
            _body.Append($"<rect x=\"{N(Math.Min(x0, x1))}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(Math.Abs(x1 - x0))}\" height=\"{N(Math.Abs(y1 - y0))}\"{radius}{Paint(color, role)}/>");
            return;
        }
        Polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], color, role);
    }

    public void Circle(double cx, double cy, double r, string color, Role role = Role.Contour)
    {
        var (x, y) = Transform.Map(cx, cy);
        _body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r * Transform.UniformScale)}\"{Paint(color, role)}/>");
    }

    public void Ellipse(double cx, double cy, double rx, double ry, string color, Role role = Role.Contour, double rotate = 0)
    {
        if (rotate == 0 && Transform.AxisAligned)
        {
            var (x, y) = Transform.Map(cx, cy);
            _body.Append($"<ellipse cx=\"{N(x)}\" cy=\"{N(y)}\" rx=\"{N(rx * Math.Abs(Transform.A))}\" ry=\"{N(ry * Math.Abs(Transform.D))}\"{Paint(color, role)}/>");
            return;
        }
        // Rotated or flipped ellipses become four cubic arcs through the transform.
        Push(Affine.Translate(cx, cy).Then(Affine.Rotate(rotate)));
        const double k = 0.5523;
        Path(p => p.M(rx, 0).C(rx, ry * k, rx * k, ry, 0, ry).C(-rx * k, ry, -rx, ry * k, -rx, 0)
            .C(-rx, -ry * k, -rx * k, -ry, 0, -ry).C(rx * k, -ry, rx, -ry * k, rx, 0).Z(), color, role);
        Pop();
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string color, Role role = Role.Contour)
    {
        var pts = string.Join(" ", points.Select(p => Transform.Map(p.X, p.Y)).Select(p => $"{N(p.X)},{N(p.Y)}"));
        _body.Append($"<polygon points=\"{pts}\"{Paint(color, role)}/>");
    }

    /// <summary>A closed path; the builder maps points through the current transform.</summary>
    public void Path(Action<PathBuilder> build, string color, Role role = Role.Contour)
    {
        var p = new PathBuilder(Transform);
        build(p);
        _body.Append($"<path d=\"{p}\"{Paint(color, role)}/>");
    }

    /// <summary>An open stroke (rain, whiskers). In line art it is a decorative line (class "deco") that must lie inside a closed shape.</summary>
    public void Stroke(Action<PathBuilder> build, string color, double width)
    {
        var p = new PathBuilder(Transform);
        build(p);
        // Never thinner than KDP's thinnest printable line (R17), however small the figure is drawn.
        var w = Math.Max(Print.Kdp.KdpRules.MinStrokePt, width * Math.Max(0.6, Math.Min(1.6, Transform.UniformScale)));
        if (LineArt)
        {
            _body.Append($"<path class=\"deco\" d=\"{p}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{N(LineWidths.Detail)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
            return;
        }
        _body.Append($"<path d=\"{p}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{N(w)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
    }

    private string Paint(string color, Role role)
    {
        if (LineArt)
        {
            var fill = role == Role.Dark ? "#000" : color == "none" ? "none" : "white";
            var sw = role == Role.Contour ? LineWidths.Contour : LineWidths.Detail;
            return $" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"{N(sw)}\" stroke-linejoin=\"round\"";
        }
        if (color == "none")
            return $" fill=\"none\" stroke=\"{Palette.Ink}\" stroke-width=\"1.6\"";
        if (color.StartsWith("url(", StringComparison.Ordinal)) return $" fill=\"{color}\"";
        if (Tint is { } tint) color = Palette.Mix(color, tint.Color, tint.Amount);
        return Mode switch
        {
            InkMode.FlatPastel => $" fill=\"{(role == Role.Dark ? color : Palette.Mix(color, "#FFFFFF", 0.22))}\"",
            InkMode.BoldOutline when role is Role.Contour => $" fill=\"{color}\" stroke=\"{Palette.Ink}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"",
            InkMode.BoldOutline when role is Role.Detail => $" fill=\"{color}\" stroke=\"{Palette.Ink}\" stroke-width=\"1.5\" stroke-linejoin=\"round\"",
            InkMode.SoftShaded when role is Role.Contour or Role.Background => $" fill=\"{Shade(color)}\" stroke=\"{Palette.Mix(color, "#000000", 0.22)}\" stroke-width=\"{(role == Role.Background ? "0" : "1")}\"",
            _ => $" fill=\"{color}\"",
        };
    }

    /// <summary>
    /// A per-colour soft shading: lighter at the top-left, deeper at the bottom-right, like gouache. Not an SVG
    /// pattern: Chromium writes one full tiling pattern per use into the PDF (1,300 of them, 1.5 GB uncompressed,
    /// for one 32-page book), while a gradient becomes one small shading.
    /// </summary>
    private string Shade(string color)
    {
        var id = "sh" + color.TrimStart('#');
        if (!_defs.ContainsKey(id))
        {
            var light = Palette.Mix(color, "#FFFFFF", 0.18);
            var dark = Palette.Mix(color, "#000000", 0.12);
            _defs[id] = $"<linearGradient id=\"{id}\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"{light}\"/><stop offset=\"1\" stop-color=\"{dark}\"/></linearGradient>";
        }
        return $"url(#{id})";
    }

    public override string ToString()
    {
        var sb = new StringBuilder(_body.Length + 2000);
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}pt\" height=\"{N(Height)}pt\" viewBox=\"0 0 {N(Width)} {N(Height)}\">");
        if (_defs.Count > 0) sb.Append("<defs>").AppendJoin("", _defs.Values).Append("</defs>");
        sb.Append(_body).Append("</svg>");
        return sb.ToString();
    }
}

internal sealed class PathBuilder(Affine t)
{
    private readonly StringBuilder _d = new();

    private PathBuilder Cmd(char c, params double[] xy)
    {
        _d.Append(_d.Length == 0 ? "" : " ").Append(c);
        for (var i = 0; i < xy.Length; i += 2)
        {
            var (x, y) = t.Map(xy[i], xy[i + 1]);
            _d.Append(' ').Append(SvgCanvas.N(x)).Append(' ').Append(SvgCanvas.N(y));
        }
        return this;
    }

    public PathBuilder M(double x, double y) => Cmd('M', x, y);
    public PathBuilder L(double x, double y) => Cmd('L', x, y);
    public PathBuilder Q(double cx, double cy, double x, double y) => Cmd('Q', cx, cy, x, y);
    public PathBuilder C(double c1x, double c1y, double c2x, double c2y, double x, double y) => Cmd('C', c1x, c1y, c2x, c2y, x, y);

    public PathBuilder Z()
    {
        _d.Append(" Z");
        return this;
    }

    public override string ToString() => _d.ToString();
}
