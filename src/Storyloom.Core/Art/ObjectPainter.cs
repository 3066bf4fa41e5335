namespace Storyloom.Core.Art;

/// <summary>Big subjects for coloring designs (and scenery), drawn in a local box: x -50..50, bottom at y=0, top near y=-100.</summary>
internal static class ObjectPainter
{
    public static bool Knows(string key) => key is "car" or "train" or "rocket" or "boat" or "tractor" or "planet" or "fish" or "whale"
        or "turtle" or "octopus" or "crab" or "longneck" or "stego" or "butterfly" or "flower";

    /// <summary>The drawn extent of each object in its local box, so a coloring design can scale it to fill the page.</summary>
    public static (double MinX, double MinY, double MaxX, double MaxY) Bounds(string key) => key switch
    {
        "car" => (-48, -60, 50, -2),
        "train" => (-52, -102, 54, -3),
        "rocket" => (-30, -100, 30, 18),
        "boat" => (-50, -96, 50, 2),
        "tractor" => (-45, -76, 36, -2),
        "planet" => (-51, -86, 51, -18),
        "fish" => (-50, -86, 36, -26),
        "whale" => (-50, -92, 50, -16),
        "turtle" => (-40, -50, 46, 0),
        "octopus" => (-41, -92, 44, -4),
        "crab" => (-52, -74, 52, 0),
        "longneck" => (-50, -99, 49, 0),
        "stego" => (-50, -70, 48, 0),
        "butterfly" => (-44, -98, 44, -17),
        _ => (-34, -110, 34, 0),
    };

    /// <summary>Objects that float in the middle of the picture rather than stand on the ground.</summary>
    public static bool Floats(string key) => key is "fish" or "whale" or "octopus" or "planet" or "butterfly" or "rocket";

    public static void Draw(SvgCanvas c, string key)
    {
        const string eye = Palette.Eye;
        switch (key)
        {
            case "car":
                c.Path(p => p.M(-48, -14).L(-48, -34).Q(-46, -40, -36, -40).L(-24, -40).L(-14, -60).L(18, -60).L(30, -40).L(44, -38).Q(50, -36, 50, -28).L(50, -14).Z(), "#E4574C");
                c.Polygon([(-10, -56), (0, -56), (0, -42), (-18, -42)], "#BFE3F5", Role.Detail);
                c.Polygon([(4, -56), (16, -56), (24, -42), (4, -42)], "#BFE3F5", Role.Detail);
                c.Circle(-28, -14, 12, "#3B3340"); c.Circle(-28, -14, 5, "#C0C7D0", Role.Detail);
                c.Circle(30, -14, 12, "#3B3340"); c.Circle(30, -14, 5, "#C0C7D0", Role.Detail);
                c.Circle(46, -32, 3, "#FFD45C", Role.Detail);
                break;
            case "train":
                c.Rect(-50, -50, 56, 36, "#5B7FD6", Role.Contour, 4);
                c.Rect(-44, -78, 32, 30, "#E4574C", Role.Contour, 3);
                c.Rect(-38, -72, 20, 14, "#BFE3F5", Role.Detail, 2);
                c.Rect(-52, -84, 40, 7, "#3B3340", Role.Detail, 2);
                c.Rect(6, -44, 40, 30, "#4CAF6A", Role.Contour, 4);
                c.Rect(18, -62, 10, 18, "#3B3340", Role.Detail);
                c.Path(p => p.M(13, -62).L(33, -62).L(30, -72).L(16, -72).Z(), "#3B3340", Role.Detail);
                foreach (var x in new[] { -38.0, -14, 18, 36 }) { c.Circle(x, -12, 9, "#3B3340"); c.Circle(x, -12, 3.5, "#C0C7D0", Role.Detail); }
                c.Circle(36, -86, 6, "#FFFFFF", Role.Detail); c.Circle(46, -94, 8, "#FFFFFF", Role.Detail);
                break;
            case "rocket":
                c.Polygon([(-14, -30), (-30, -4), (-14, -10)], "#E4574C");
                c.Polygon([(14, -30), (30, -4), (14, -10)], "#E4574C");
                c.Path(p => p.M(-16, -8).L(-16, -60).C(-16, -80, 0, -100, 0, -100).C(0, -100, 16, -80, 16, -60).L(16, -8).Z(), "#EDEFF5");
                c.Circle(0, -58, 8, "#6FA8DC", Role.Detail);
                c.Path(p => p.M(-16, -8).L(16, -8).L(8, 4).L(-8, 4).Z(), "#9FB4C7", Role.Detail);
                c.Path(p => p.M(-7, 4).Q(0, 22, 7, 4).Z(), "#FF8A3D", Role.Detail);
                break;
            case "boat":
                c.Path(p => p.M(-48, -26).L(48, -26).L(36, -4).L(-36, -4).Z(), "#C98B52");
                c.Rect(-2, -96, 4, 70, "#6B5B4B", Role.Detail);
                c.Polygon([(4, -94), (40, -32), (4, -32)], "#FFFFFF");
                c.Polygon([(-4, -84), (-34, -32), (-4, -32)], "#E4574C");
                c.Path(p => p.M(-50, -4).Q(-38, -12, -25, -4).Q(-12, 4, 0, -4).Q(12, -12, 25, -4).Q(38, 4, 50, -4).L(50, 2).L(-50, 2).Z(), "#6FC3E8", Role.Detail);
                break;
            case "tractor":
                c.Rect(-44, -46, 50, 26, "#4CAF6A", Role.Contour, 4);
                c.Rect(-10, -76, 30, 34, "#4CAF6A", Role.Contour, 3);
                c.Rect(-4, -70, 18, 16, "#BFE3F5", Role.Detail, 2);
                c.Rect(-36, -62, 6, 16, "#3B3340", Role.Detail);
                c.Circle(14, -24, 22, "#3B3340"); c.Circle(14, -24, 9, "#F2B705", Role.Detail);
                c.Circle(-32, -14, 13, "#3B3340"); c.Circle(-32, -14, 5, "#F2B705", Role.Detail);
                break;
            case "planet":
                c.Ellipse(0, -50, 50, 14, "#F2B705", Role.Contour, -15);
                c.Circle(0, -50, 34, "#B48EDB");
                c.Path(p => p.M(-33, -58).Q(0, -50, 33, -62).L(34, -52).Q(0, -42, -34, -48).Z(), "#9B6BC7", Role.Detail);
                c.Circle(-12, -68, 5, "#D9C5F0", Role.Detail);
                c.Path(p => p.M(-50, -38).Q(-30, -24, 0, -30).Q(30, -36, 48, -62).Q(50, -58, 50, -56).Q(30, -30, 0, -24).Q(-34, -20, -50, -38).Z(), "#F2B705", Role.Detail);
                break;
            case "fish":
                c.Polygon([(-30, -50), (-50, -70), (-50, -30)], "#F28DB2");
                c.Ellipse(0, -50, 36, 24, "#FF9E5E");
                c.Path(p => p.M(-6, -72).Q(6, -86, 16, -70).Z(), "#F28DB2", Role.Detail);
                c.Path(p => p.M(-10, -72).Q(-16, -50, -10, -28).Q(-4, -50, -10, -72).Z(), "#FFD45C", Role.Detail);
                c.Circle(18, -56, 6, "#FFFFFF", Role.Detail); c.Circle(20, -56, 3, eye, Role.Dark);
                c.Path(p => p.M(26, -44).Q(30, -40, 34, -44).Q(30, -42, 26, -44).Z(), eye, Role.Dark);
                break;
            case "whale":
                c.Path(p => p.M(-50, -60).L(-38, -46).L(-50, -34).Q(-40, -40, -34, -42).C(-20, -10, 40, -10, 48, -40).C(50, -70, 10, -76, -10, -60).Q(-28, -46, -34, -48).Q(-40, -54, -50, -60).Z(), "#6FA8DC");
                c.Path(p => p.M(-20, -24).C(0, -14, 30, -16, 44, -30).Q(30, -22, -20, -24).Z(), "#D6ECF8", Role.Detail);
                c.Circle(30, -46, 3.2, eye, Role.Dark);
                c.Path(p => p.M(20, -34).Q(30, -28, 40, -36).Q(30, -31, 20, -34).Z(), eye, Role.Dark);
                c.Path(p => p.M(8, -72).Q(0, -88, -8, -92).Q(4, -90, 8, -84).Q(12, -90, 24, -92).Q(16, -88, 8, -72).Z(), "#BDEBF7", Role.Detail);
                break;
            case "turtle":
                c.Ellipse(34, -34, 12, 10, "#8CCB6B");
                foreach (var x in new[] { -26.0, 20 }) c.Ellipse(x, -12, 8, 12, "#8CCB6B");
                c.Path(p => p.M(-40, -18).C(-40, -60, 30, -60, 30, -18).Z(), "#4C9A52");
                c.Polygon([(-12, -44), (2, -44), (8, -32), (-5, -22), (-18, -32)], "#8CCB6B", Role.Detail);
                c.Circle(38, -36, 2.6, eye, Role.Dark);
                break;
            case "octopus":
                for (var i = 0; i < 6; i++)
                {
                    var x = -35 + i * 14;
                    c.Path(p => p.M(x - 5, -40).Q(x - 8, -18, x - 2, -6).Q(x + 4, 0, x + 7, -6).Q(x + 2, -18, x + 6, -40).Z(), "#B48EDB");
                }
                c.Ellipse(0, -62, 32, 30, "#B48EDB");
                c.Circle(-10, -62, 7, "#FFFFFF", Role.Detail); c.Circle(-9, -62, 3.5, eye, Role.Dark);
                c.Circle(12, -62, 7, "#FFFFFF", Role.Detail); c.Circle(13, -62, 3.5, eye, Role.Dark);
                c.Path(p => p.M(-5, -50).Q(1, -45, 7, -50).Q(1, -48, -5, -50).Z(), eye, Role.Dark);
                break;
            case "crab":
                foreach (var side in new[] { -1.0, 1 })
                {
                    for (var i = 0; i < 3; i++) c.Ellipse(side * (26 + i * 6), -12 + i * 2, 3, 10, "#E4574C", Role.Contour, side * 35);
                    c.Ellipse(side * 36, -60, 12, 10, "#E4574C");
                    c.Polygon([(side * 40, -66), (side * 48, -74), (side * 44, -60)], "#FFFFFF", Role.Detail);
                }
                c.Ellipse(0, -30, 34, 20, "#E4574C");
                c.Rect(-12, -58, 4, 16, "#E4574C", Role.Detail); c.Rect(8, -58, 4, 16, "#E4574C", Role.Detail);
                c.Circle(-10, -60, 5, "#FFFFFF", Role.Detail); c.Circle(-10, -60, 2.5, eye, Role.Dark);
                c.Circle(10, -60, 5, "#FFFFFF", Role.Detail); c.Circle(10, -60, 2.5, eye, Role.Dark);
                c.Path(p => p.M(-6, -26).Q(0, -20, 6, -26).Q(0, -23, -6, -26).Z(), eye, Role.Dark);
                break;
            case "longneck":
                c.Path(p => p.M(-30, -30).Q(-48, -34, -50, -20).Q(-40, -26, -28, -22).Z(), "#8CCB6B");
                foreach (var x in new[] { -24.0, -10, 8, 20 }) c.Rect(x - 5, -26, 10, 26, "#8CCB6B", Role.Contour, 4);
                c.Ellipse(-2, -34, 30, 18, "#8CCB6B");
                c.Path(p => p.M(14, -44).C(20, -70, 24, -86, 30, -92).L(40, -88).C(34, -80, 30, -64, 28, -36).Z(), "#8CCB6B");
                c.Ellipse(38, -92, 11, 7, "#8CCB6B");
                c.Circle(40, -94, 2, eye, Role.Dark);
                for (var i = 0; i < 3; i++) c.Circle(-12 + i * 10, -40, 3, "#4C9A52", Role.Detail);
                break;
            case "stego":
                for (var i = 0; i < 5; i++) c.Polygon([(-30 + i * 13, -44), (-24 + i * 13, -64 - (i == 2 ? 6 : 0)), (-18 + i * 13, -44)], "#F2B705");
                c.Path(p => p.M(-30, -30).L(-50, -24).L(-32, -20).Z(), "#6FA8DC");
                foreach (var x in new[] { -22.0, -6, 12, 24 }) c.Rect(x - 5, -24, 10, 24, "#6FA8DC", Role.Contour, 4);
                c.Ellipse(0, -34, 32, 16, "#6FA8DC");
                c.Ellipse(36, -30, 12, 9, "#6FA8DC");
                c.Circle(40, -32, 2, eye, Role.Dark);
                break;
            case "butterfly":
                foreach (var side in new[] { -1.0, 1 })
                {
                    c.Ellipse(side * 22, -66, 22, 20, "#F28DB2", Role.Contour, side * 20);
                    c.Ellipse(side * 18, -32, 16, 14, "#9B6BC7", Role.Contour, side * -20);
                    c.Circle(side * 22, -66, 7, "#FFD45C", Role.Detail);
                    c.Circle(side * 18, -32, 5, "#FFD45C", Role.Detail);
                }
                c.Ellipse(0, -48, 5, 30, "#3B3340");
                c.Circle(0, -82, 6, "#3B3340");
                c.Stroke(p => p.M(-2, -86).Q(-8, -98, -14, -98), "#3B3340", 1.4);
                c.Stroke(p => p.M(2, -86).Q(8, -98, 14, -98), "#3B3340", 1.4);
                break;
            default:
                c.Rect(-3, -50, 6, 50, "#4C9A52", Role.Contour, 2);
                c.Ellipse(-14, -24, 14, 6, "#4C9A52", Role.Contour, -25);
                c.Ellipse(14, -30, 14, 6, "#4C9A52", Role.Contour, 25);
                for (var i = 0; i < 8; i++)
                {
                    var a = i * Math.PI / 4;
                    c.Ellipse(Math.Sin(a) * 22, -72 - Math.Cos(a) * 22, 11, 16, "#F28DB2", Role.Contour, i * 45);
                }
                c.Circle(0, -72, 14, "#F9D65C");
                break;
        }
    }
}
