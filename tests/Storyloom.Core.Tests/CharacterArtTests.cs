using System.Diagnostics;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Tests.Shared;

namespace Storyloom.Core.Tests;

/// <summary>
/// The cast as drawn: every species in every pose, sizes between people, and a few characters compared with
/// checked-in images. To accept a deliberate change: STORYLOOM_UPDATE_VISUALS=1, look at the new images in
/// tests/Storyloom.Core.Tests/Visual/expected, and commit them. STORYLOOM_CHARACTER_SHEET=dir writes contact sheets there.
/// </summary>
public sealed class CharacterArtTests
{
    private static readonly string[] Moods = ["happy", "sad", "angry", "scared", "surprised", "calm", "proud", "shy", "excited", "sleepy"];

    internal static Character Cast(Species sp, int variant = 0)
    {
        var (body, accent) = sp switch
        {
            Species.Child or Species.Adult or Species.Baby => (new[] { "#F8D5B8", "#E9B48A", "#C68B59", "#8D5A3B", "#5C3A24" }[variant % 5], new[] { "#2B1E16", "#D9A441", "#B5562C", "#1A1A1A", "#6B3E26" }[variant % 5]),
            Species.Grandparent => (new[] { "#F3D2B6", "#86563A", "#BE8556" }[variant % 3], new[] { "#D9D9D9", "#F2F2F2", "#B8B8B8" }[variant % 3]),
            Species.Fox => ("#E8793A", "#FFF3E0"),
            Species.Bear => ("#8B5A3C", "#E8C9A0"),
            Species.Rabbit => ("#F2EDE6", "#F7B6C2"),
            Species.Cat => ("#F4A259", "#FFF1E0"),
            Species.Dog => ("#C98B52", "#5B3E2B"),
            Species.Owl => ("#9C7A5B", "#F3E1C0"),
            Species.Mouse => ("#A9A4A0", "#F7B6C2"),
            Species.Dragon => ("#6CC57B", "#F9E07F"),
            Species.Robot => ("#9FB4C7", "#5EC2D6"),
            Species.Dinosaur => ("#7CC36B", "#F9E07F"),
            Species.Unicorn => ("#FFFFFF", "#C9A3F0"),
            Species.Horse => ("#A8744A", "#3A2A20"),
            Species.Elephant => ("#A3A8B5", "#F4B8C0"),
            Species.Lion => ("#E3B55B", "#B5642C"),
            Species.Monkey => ("#8A5E3C", "#E8C9A0"),
            Species.Penguin => ("#2F3645", "#FFFFFF"),
            Species.Frog => ("#6CC05B", "#F3F0A0"),
            Species.Duck => ("#F6D547", "#F29B38"),
            Species.Pig => ("#F4B8C0", "#E68A9A"),
            Species.Cow => ("#FFFFFF", "#2B2B2B"),
            Species.Sheep => ("#F5F1E8", "#3A3A3A"),
            Species.Turtle => ("#7DBE7A", "#9C7A4B"),
            _ => ("#999999", "#555555"),
        };
        var clothes = new[] { "overalls", "dress", "jacket", "sweater", "scarf", "cape" };
        var accessories = new[] { null, "hat", "glasses", "bow", "backpack" };
        var colors = new[] { "#3FA7A3", "#E4574C", "#F2B705", "#5B7FD6", "#9B6BC7" };
        var name = sp == Species.Grandparent ? (variant % 2 == 0 ? "Grandpa" : "Grandma") : sp + variant.ToString();
        var pronoun = name == "Grandpa" ? "he" : variant % 2 == 0 ? "she" : "he";
        return new Character("c" + (int)sp, name, "hero", sp, body, accent, clothes[((int)sp + variant) % clothes.Length], colors[((int)sp + variant) % colors.Length],
            accessories[((int)sp + variant * 2) % accessories.Length], "", pronoun);
    }

    /// <summary>A grid of characters on one canvas, each cell drawn with the adult height given.</summary>
    internal static string Sheet(IReadOnlyList<(Character Ch, Pose Pose, string? Mood, string? Holding)> cells, int columns, double cell = 160, InkMode mode = InkMode.FlatPastel)
    {
        var rows = (cells.Count + columns - 1) / columns;
        var c = new SvgCanvas(columns * cell, rows * cell, mode);
        c.Rect(0, 0, columns * cell, rows * cell, "#FFFFFF", Role.Background);
        for (var i = 0; i < cells.Count; i++)
        {
            var (ch, pose, mood, holding) = cells[i];
            var x = i % columns * cell;
            var y = i / columns * cell;
            c.Rect(x + 2, y + cell * 0.86, cell - 4, cell * 0.12, "#E4EFD9", Role.Background);
            CharacterPainter.Draw(c, ch, pose, x + cell / 2, y + cell * 0.9, cell * 0.7, false, holding, mood);
        }
        return c.ToString();
    }

    internal static void Rasterise(string svg, string png, int widthPx)
    {
        var src = Path.ChangeExtension(png, ".svg");
        File.WriteAllText(src, svg);
        var psi = new ProcessStartInfo("rsvg-convert", ["-w", $"{widthPx}", "-b", "white", "-o", png, src]) { RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("rsvg-convert did not start (install librsvg2-bin)");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, err);
    }

    [Fact]
    public void Contact_sheets_when_asked()
    {
        var dir = Environment.GetEnvironmentVariable("STORYLOOM_CHARACTER_SHEET");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        var all = Enum.GetValues<Species>();
        foreach (var pose in Enum.GetValues<Pose>())
        {
            var cells = all.Select(sp => (Cast(sp), pose, (string?)Moods[(int)sp % Moods.Length], pose == Pose.Holding ? "balloon" : (string?)null)).ToList();
            Rasterise(Sheet(cells, 7), Path.Combine(dir, $"pose-{pose}.png"), 1120);
        }
        var moods = Moods.SelectMany(m => new[] { Species.Child, Species.Adult, Species.Lion, Species.Penguin }.Select(sp => (Cast(sp), Pose.Standing, (string?)m, (string?)null))).ToList();
        Rasterise(Sheet(moods, 8), Path.Combine(dir, "moods.png"), 1280);
        var people = Enumerable.Range(0, 5).SelectMany(v => new[] { Species.Adult, Species.Grandparent, Species.Child, Species.Baby }.Select(sp => (Cast(sp, v), Pose.Standing, (string?)"happy", (string?)null))).ToList();
        Rasterise(Sheet(people, 10), Path.Combine(dir, "people.png"), 1600);
    }
}
