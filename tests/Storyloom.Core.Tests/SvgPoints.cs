using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Storyloom.Core.Tests;

/// <summary>The coordinates an SVG shape reaches: bounding corners of circles, ellipses and rects, every number pair of a path or polygon.</summary>
internal static class SvgPoints
{
    public static IEnumerable<(double X, double Y)> Of(XElement el)
    {
        double A(string n) => double.Parse(el.Attribute(n)!.Value, CultureInfo.InvariantCulture);
        switch (el.Name.LocalName)
        {
            case "circle": yield return (A("cx") - A("r"), A("cy") - A("r")); yield return (A("cx") + A("r"), A("cy") + A("r")); break;
            case "ellipse": yield return (A("cx") - A("rx"), A("cy") - A("ry")); yield return (A("cx") + A("rx"), A("cy") + A("ry")); break;
            case "rect": yield return (A("x"), A("y")); yield return (A("x") + A("width"), A("y") + A("height")); break;
            default:
                var text = el.Attribute("d")?.Value ?? el.Attribute("points")?.Value ?? "";
                var nums = Regex.Matches(text, @"-?\d+(\.\d+)?").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
                for (var i = 0; i + 1 < nums.Count; i += 2) yield return (nums[i], nums[i + 1]);
                break;
        }
    }
}
