using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyloom.Core.Art;
using Storyloom.Core.Books;

namespace Storyloom.Core.Layout;

/// <summary>A picture the layout asks for, not drawn yet: its file inside the art folder and the page it belongs to (null: the cover).</summary>
internal sealed record PlannedPicture(string RelativePath, int? Page, Func<string> Draw);

/// <summary>
/// Content-addressed picture files: the name is a hash of engine, kind, manuscript facts, page and frame, so a
/// re-run (or a rebuild after a text edit) reuses every picture whose inputs did not change. With a
/// <paramref name="plan"/> list it only records what would be drawn, so each picture can be drawn as its own saved step.
/// </summary>
internal sealed partial class ArtStore(string directory, IArtEngine engine, string engineId, bool grayscale, List<PlannedPicture>? plan = null)
{
    public ContentCredit Credit => engine.Credit;

    public int Drawn { get; private set; }
    public int Reused { get; private set; }

    public string StoryPage(Manuscript m, ManuscriptPage page, ArtFrame frame) =>
        Get("story", m, page, frame, (s, p) => engine.DrawStoryPage(s, p!, frame));

    public string Cover(Manuscript m, ArtFrame frame, bool forceColor = false) =>
        Get(forceColor ? "cover-color" : "cover", m, null, frame, (s, _) => engine.DrawCover(s, frame), forceColor);

    public string ColoringPage(Manuscript m, ManuscriptPage page, ArtFrame frame) =>
        Get("coloring", m, page, frame, (s, p) => engine.DrawColoringPage(s, p!, frame));

    private string Get(string kind, Manuscript book, ManuscriptPage? page, ArtFrame frame, Func<Manuscript, ManuscriptPage?, string> drawWith, bool forceColor = false)
    {
        // A picture the user chose among regenerated ones is drawn (and keyed) with its own seed, wherever the page appears.
        var m = book.PictureSeeds is { } seeds && seeds.TryGetValue(page?.Number ?? 0, out var seed) && seed != book.Seed ? book with { Seed = seed } : book;
        Func<string> draw = ReferenceEquals(m, book) ? () => drawWith(m, page) : () => drawWith(Variant(m, page), Variant(page, m.Seed));
        var gray = grayscale && !forceColor;
        var key = JsonSerializer.Serialize(new
        {
            engineId, kind, gray, m.Seed, m.ArtStyle, m.Theme, m.Cast,
            Illustration = page?.Illustration, PageNumber = page?.Number, frame,
        });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        var relative = $"art/{hash}.svg";
        var path = Path.Combine(directory, relative);
        string Draw() => gray ? ToGray(draw()) : draw();
        if (plan is not null)
        {
            plan.Add(new PlannedPicture(relative, page?.Number, Draw));
            return relative;
        }
        if (File.Exists(path))
        {
            Reused++;
            return relative;
        }
        Save(path, Draw());
        Drawn++;
        return relative;
    }

    /// <summary>
    /// A picture drawn again should look different, not only in its scattered details: the cast stands elsewhere (and
    /// mirrored for half the seeds). Place, time and weather stay, as the page's text tells them.
    /// </summary>
    private static ManuscriptPage? Variant(ManuscriptPage? page, int seed)
    {
        if (page?.Illustration is not { Characters.Count: > 0 } brief) return page;
        var rng = Randomness.Rng.For(seed, "variant", page.Number);
        var mirror = rng.Chance(0.5);
        var shift = rng.Range(-0.18, 0.18);
        var cast = brief.Characters.Select(c => c with
        {
            X = Math.Clamp((mirror ? 1 - c.X : c.X) + shift, 0.12, 0.88),
            FacingLeft = mirror ? !c.FacingLeft : c.FacingLeft,
        }).ToList();
        return page with { Illustration = brief with { Characters = cast } };
    }

    /// <summary>A cover drawn again may show another place of the story: the cover takes its scene from the first illustrated page.</summary>
    private static Manuscript Variant(Manuscript m, ManuscriptPage? page)
    {
        if (page is not null) return m;
        var places = m.Pages.Where(p => p.Illustration is not null).GroupBy(p => p.Illustration!.Setting).Select(g => g.First()).ToList();
        if (places.Count < 2) return m;
        var first = Randomness.Rng.For(m.Seed, "cover-place").Pick(places);
        return m with { Pages = [first, .. m.Pages.Where(p => p != first)] };
    }

    /// <summary>Written to a temp name, then renamed: a killed process never leaves half a picture under its final name.</summary>
    public static void Save(string path, string svg)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(tmp, svg);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Black-ink books get gray pictures (R21): every #rrggbb becomes its luminance.</summary>
    internal static string ToGray(string svg) => HexColor().Replace(svg, m =>
    {
        var hex = m.Groups[1].Value;
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }
        var r = Convert.ToInt32(hex[..2], 16);
        var g = Convert.ToInt32(hex[2..4], 16);
        var b = Convert.ToInt32(hex[4..6], 16);
        var y = (int)Math.Round(0.299 * r + 0.587 * g + 0.114 * b);
        return $"#{y:x2}{y:x2}{y:x2}";
    });

    [GeneratedRegex("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b")]
    private static partial Regex HexColor();
}
