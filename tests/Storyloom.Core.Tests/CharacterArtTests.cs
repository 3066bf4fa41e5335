using System.Diagnostics;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;
using Storyloom.Core.Randomness;
using Storyloom.Core.Story;
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
        // Dressed as CastBuilder would: no dress or bow for a "he", glasses for a grandparent.
        var clothing = clothes[((int)sp + variant) % clothes.Length];
        var accessory = accessories[((int)sp + variant * 2) % accessories.Length];
        if (pronoun == "he" && clothing == "dress") clothing = "overalls";
        if (pronoun == "he" && accessory == "bow") accessory = "hat";
        if (sp == Species.Grandparent && accessory is null or "backpack") accessory = "glasses";
        return new Character("c" + (int)sp, name, "hero", sp, body, accent, clothing, colors[((int)sp + variant) % colors.Length], accessory, "", pronoun);
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
            CharacterPainter.Draw(c, ch, pose, x + cell / 2, y + cell * 0.9, cell * 0.5, false, holding, mood);
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
            Rasterise(Sheet(cells, 7, 200), Path.Combine(dir, $"pose-{pose}.png"), 1400);
        }
        var poses = Enum.GetValues<Pose>();
        var gallery = all.Select((sp, i) => (Cast(sp, i), poses[i % poses.Length], (string?)Moods[i * 3 % Moods.Length], i % poses.Length == (int)Pose.Holding ? "balloon" : (string?)null))
            .Concat(Enumerable.Range(0, 5).Select(v => (Cast(Species.Adult, v), Pose.Standing, (string?)"happy", (string?)null)))
            .Concat(Enumerable.Range(0, 3).Select(v => (Cast(Species.Grandparent, v), Pose.Walking, (string?)"calm", (string?)null)))
            .Concat(Enumerable.Range(0, 5).Select(v => (Cast(Species.Child, v), v % 2 == 0 ? Pose.Waving : Pose.Jumping, (string?)"excited", (string?)null)))
            .Concat(Enumerable.Range(0, 1).Select(v => (Cast(Species.Baby, v), Pose.Sitting, (string?)"surprised", (string?)null)))
            .ToList();
        Rasterise(Sheet(gallery, 8, 200), Path.Combine(dir, "characters.png"), 1600);
        var moods = Moods.SelectMany(m => new[] { Species.Child, Species.Adult, Species.Lion, Species.Penguin }.Select(sp => (Cast(sp), Pose.Standing, (string?)m, (string?)null))).ToList();
        Rasterise(Sheet(moods, 8), Path.Combine(dir, "moods.png"), 1280);
        var people = Enumerable.Range(0, 5).SelectMany(v => new[] { Species.Adult, Species.Grandparent, Species.Child, Species.Baby }.Select(sp => (Cast(sp, v), Pose.Standing, (string?)"happy", (string?)null))).ToList();
        Rasterise(Sheet(people, 10), Path.Combine(dir, "people.png"), 1600);
    }

    private static string One(Character ch, Pose pose, string? mood = null, string? holding = null, InkMode mode = InkMode.FlatPastel, double cx = 300, double height = 200)
    {
        var c = new SvgCanvas(600, 400, mode);
        CharacterPainter.Draw(c, ch, pose, cx, 380, height, false, holding, mood);
        return c.ToString();
    }

    private static (double X0, double Y0, double X1, double Y1) Box(string svg)
    {
        var pts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName is "path" or "polygon" or "circle" or "ellipse" or "rect").SelectMany(SvgPoints.Of).ToList();
        return (pts.Min(p => p.X), pts.Min(p => p.Y), pts.Max(p => p.X), pts.Max(p => p.Y));
    }

    private static double Tall(Species sp) => 380 - Box(One(Cast(sp) with { Accessory = null }, Pose.Standing)).Y0;

    [Fact]
    public void Every_species_draws_every_pose_in_every_ink_and_no_two_species_look_alike()
    {
        foreach (var pose in Enum.GetValues<Pose>())
        {
            var drawn = new Dictionary<string, Species>();
            foreach (var sp in Enum.GetValues<Species>())
            {
                foreach (var mode in Enum.GetValues<InkMode>())
                    XDocument.Parse(One(Cast(sp), pose, "happy", pose == Pose.Holding ? "book" : null, mode));
                var svg = One(Cast(sp), pose);
                drawn.TryAdd(svg, sp).ShouldBeTrue($"{sp} {pose} is drawn exactly like {(drawn.TryGetValue(svg, out var other) ? other : sp)}");
            }
        }
    }

    [Fact]
    public void Every_mood_shows_on_the_face()
    {
        foreach (var sp in new[] { Species.Child, Species.Grandparent, Species.Lion, Species.Horse, Species.Penguin, Species.Frog })
        {
            var faces = Moods.Select(m => One(Cast(sp), Pose.Standing, m)).Append(One(Cast(sp), Pose.Standing)).ToList();
            faces.Distinct().Count().ShouldBe(faces.Count, $"{sp}: two moods draw the same face");
        }
    }

    [Fact]
    public void An_adult_is_drawn_taller_than_a_child_and_a_baby_smaller()
    {
        Tall(Species.Adult).ShouldBeGreaterThan(Tall(Species.Child) * 1.25);
        Tall(Species.Grandparent).ShouldBeGreaterThan(Tall(Species.Child) * 1.2);
        Tall(Species.Baby).ShouldBeLessThan(Tall(Species.Child) * 0.75);
        Tall(Species.Elephant).ShouldBeGreaterThan(Tall(Species.Adult));
        Tall(Species.Horse).ShouldBeGreaterThan(Tall(Species.Child));
        Tall(Species.Mouse).ShouldBeLessThan(Tall(Species.Child));
        Tall(Species.Frog).ShouldBeLessThan(Tall(Species.Child) * 0.75);
    }

    [Fact]
    public void A_sleeper_lies_flat_on_the_line_it_is_given()
    {
        foreach (var sp in Enum.GetValues<Species>())
        {
            var (x0, y0, x1, y1) = Box(One(Cast(sp), Pose.Sleeping));
            (x1 - x0).ShouldBeGreaterThan(y1 - y0, $"{sp} asleep is not lying down");
            y1.ShouldBeInRange(366, 398, $"{sp} asleep does not rest on its line");
        }
    }

    [Fact]
    public void A_big_animal_at_the_edge_stays_inside_the_canvas()
    {
        foreach (var sp in new[] { Species.Elephant, Species.Dinosaur, Species.Adult, Species.Unicorn })
        {
            var (x0, y0, x1, _) = Box(One(Cast(sp), Pose.Running, cx: 20, height: 900));
            x0.ShouldBeGreaterThan(-6, sp.ToString());
            x1.ShouldBeLessThan(606, sp.ToString());
            y0.ShouldBeGreaterThan(-6, sp.ToString());
        }
    }

    [Fact]
    public void Royals_wear_a_crown_a_named_queen_and_a_hero_the_brief_calls_a_princess()
    {
        One(Cast(Species.Adult) with { Accessory = "crown" }, Pose.Standing, mode: InkMode.BoldOutline).ShouldContain("#F2C230");
        One(Cast(Species.Adult), Pose.Standing, mode: InkMode.BoldOutline).ShouldNotContain("#F2C230");
        var engine = new OfflineStoryEngine();
        var princess = engine.Write(new BookSpec { Seed = 4, Theme = "a princess who is afraid of the dark" });
        princess.Cast[0].Accessory.ShouldBe("crown");
        princess.Cast[0].VisualDescription.ShouldEndWith("and a crown.");
        princess.Cast.Skip(1).ShouldAllBe(c => c.Accessory != "crown");
        princess.Pages.ShouldContain(p => p.Text != null && p.Text.Contains(" the little princess", StringComparison.Ordinal));
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var tale = engine.Write(new BookSpec { Seed = seed, Theme = "a brave knight and a friendly dragon" });
            tale.Cast.Where(c => CastBuilder.Royal(c.Name)).ShouldAllBe(c => c.Accessory == "crown");
            tale.Cast[0].Accessory.ShouldNotBe("crown");
        }
    }

    [Fact]
    public void The_same_inputs_draw_the_same_bytes()
    {
        var cells = Enum.GetValues<Species>().Select(sp => (Cast(sp), Pose.Waving, (string?)"proud", (string?)"flower")).ToList();
        Sheet(cells, 6).ShouldBe(Sheet(cells, 6));
    }

    [Fact]
    public void The_bible_dresses_only_bodies_that_take_clothes_and_a_grandpa_is_an_old_man()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var grandpa = CastBuilder.Make("c2", "Grandpa", "grown-up", Species.Child, Rng.For(seed, "cast"), new HashSet<string>());
            grandpa.Species.ShouldBe(Species.Grandparent);
            grandpa.Pronoun.ShouldBe("he");
            grandpa.Clothing.ShouldNotBe("dress");
            grandpa.Accessory.ShouldNotBe("bow");
            grandpa.Accessory.ShouldNotBeNull();
            CastBuilder.Make("c2", "Mama", "grown-up", Species.Child, Rng.For(seed, "cast"), new HashSet<string>()).Species.ShouldBe(Species.Adult);
            foreach (var sp in new[] { Species.Turtle, Species.Horse, Species.Penguin, Species.Cow })
            {
                var ch = CastBuilder.Make("c1", "Pip", "hero", sp, Rng.For(seed, "cast"), new HashSet<string>());
                ch.Clothing.ShouldBeOneOf("scarf", "none");
                ch.Accessory.ShouldNotBe("backpack");
                ch.VisualDescription.ShouldNotContain("overalls");
            }
        }
    }

    private static string ExpectedDir([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Visual", "expected");

    [Fact]
    public void A_few_characters_look_as_approved()
    {
        var cells = new (Character, Pose, string?, string?)[]
        {
            (Cast(Species.Child, 2), Pose.Waving, "happy", null), (Cast(Species.Adult, 3), Pose.Holding, "calm", "book"),
            (Cast(Species.Grandparent, 1), Pose.Standing, "proud", null), (Cast(Species.Baby, 4), Pose.Sitting, "surprised", null),
            (Cast(Species.Unicorn), Pose.Walking, "excited", null), (Cast(Species.Elephant), Pose.Sitting, "sad", null),
            (Cast(Species.Penguin), Pose.Jumping, "scared", null), (Cast(Species.Lion), Pose.Sleeping, null, null),
        };
        var dir = Directory.CreateTempSubdirectory("storyloom-characters-").FullName;
        try
        {
            var actual = Path.Combine(dir, "characters.png");
            Rasterise(Sheet(cells, 4, 200), actual, 800);
            var expected = Path.Combine(ExpectedDir(), "characters.png");
            if (Environment.GetEnvironmentVariable("STORYLOOM_UPDATE_VISUALS") == "1" || !File.Exists(expected))
            {
                Directory.CreateDirectory(ExpectedDir());
                File.Copy(actual, expected, overwrite: true);
                return;
            }
            var diff = Png.Read(actual).MeanDifference(Png.Read(expected));
            if (diff > 2.0) File.Copy(actual, Path.Combine(Path.GetTempPath(), "storyloom-visual-characters.png"), overwrite: true);
            diff.ShouldBeLessThan(2.0, "the characters differ from Visual/expected/characters.png; the actual image is kept in the temp folder");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
