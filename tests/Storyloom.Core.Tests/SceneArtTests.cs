using System.Text.RegularExpressions;
using System.Xml.Linq;
using Storyloom.Core.Art;
using Storyloom.Core.Books;

namespace Storyloom.Core.Tests;

/// <summary>The places, props and composition of story pictures, held to the scene vocabulary the story engine writes in.</summary>
public sealed class SceneArtTests
{
    private static readonly OfflineArtEngine Art = new();
    private static readonly FrameRect Safe = new(36, 36, 549, 558);

    internal static ArtFrame Frame(string placement) =>
        new(621, 630, placement == "top" ? new FrameRect(36, 36, 549, 120) : new FrameRect(36, 474, 549, 120), Safe);

    internal static readonly Character Mia = new("c1", "Mia", "hero", Species.Child, "#C68A5E", "#3B2A20", "dress", "#F28DB2", null, "a girl");
    internal static readonly Character Bear = new("c2", "Bruno", "friend", Species.Bear, "#9A6A45", "#E8C9A0", "scarf", "#5B9BD5", null, "a bear");

    internal static Manuscript Book(params IllustrationBrief[] briefs) => new(
        "Test", null, "Author", BookKind.Story, AgeBand.Age3To5, "test", 3, "bold-outline", [Mia, Bear],
        briefs.Select((b, i) => new ManuscriptPage(i + 3, PageRole.Story, "Words.", b)).ToList(), "", null, null, null,
        new Listing("Test", null, "", [], [], "3-5"));

    internal static IllustrationBrief Brief(string setting, string time = "day", string weather = "clear", string[]? props = null, string? shot = null,
        params CharacterPlacement[] cast) =>
        new(setting, time, weather, cast.Length > 0 ? cast : [new("c1", Pose.Standing, 0.3, false), new("c2", Pose.Waving, 0.7, true)],
            props ?? [], "top", "", Shot: shot);

    internal static string Draw(IllustrationBrief brief, string placement = "top")
    {
        var m = Book(brief);
        return Art.DrawStoryPage(m, m.Pages[0], Frame(placement));
    }

    private static IEnumerable<XElement> Groups(string svg, string name) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Attribute("data-object")?.Value == name);

    [Fact]
    public void Every_setting_of_the_vocabulary_is_drawn_with_each_landmark_it_lists()
    {
        foreach (var (setting, landmarks) in SceneVocabulary.Settings)
        {
            OfflineArtEngine.Draws(setting).ShouldBeTrue(setting);
            foreach (var placement in new[] { "top", "bottom" })
            {
                var svg = Draw(Brief(setting), placement);
                foreach (var landmark in landmarks)
                    Groups(svg, landmark).SelectMany(g => g.Descendants()).Count().ShouldBeGreaterThan(0, $"{setting} ({placement}) shows no {landmark}");
            }
        }
        OfflineArtEngine.Draws("the moon's basement").ShouldBeFalse();
    }

    [Fact]
    public void Settings_look_different_from_each_other()
    {
        var pictures = SceneVocabulary.Settings.Keys.Select(s => Regex.Replace(Draw(Brief(s, cast: [])), "data-object=\"[^\"]*\"", "")).ToList();
        pictures.Distinct().Count().ShouldBe(pictures.Count);
    }

    [Fact]
    public void Every_prop_of_the_vocabulary_is_drawn_standing_in_the_scene_and_held()
    {
        foreach (var setting in new[] { "park", "bedroom", "kitchen" })
        {
            var without = Draw(Brief(setting));
            foreach (var prop in SceneVocabulary.Props)
            {
                OfflineArtEngine.DrawsProp(prop).ShouldBeTrue(prop);
                var svg = Draw(Brief(setting, props: [prop]));
                svg.ShouldNotBe(without, prop);
                var shapes = Groups(svg, prop).SelectMany(g => g.Descendants()).Where(e => e.Name.LocalName != "g").ToList();
                shapes.Count.ShouldBeGreaterThan(0, $"{prop} in the {setting}");
                shapes.ShouldContain(e => e.Attribute("fill") != null && e.Attribute("fill")!.Value != "none", $"{prop} has no filled shape");
            }
        }
        var empty = Draw(Brief("park", cast: [new("c1", Pose.Holding, 0.4, false)]));
        foreach (var prop in SceneVocabulary.Props)
            Draw(Brief("park", cast: [new("c1", Pose.Holding, 0.4, false, Holding: prop)])).Length.ShouldBeGreaterThan(empty.Length + 40, $"{prop} held");
        OfflineArtEngine.DrawsProp("spaceship-of-dreams").ShouldBeFalse();
    }

    [Fact]
    public void Several_props_are_all_drawn_and_small_ones_lie_on_the_table()
    {
        string[] props = ["cake", "cup", "present", "balloon", "ball", "teddy"];
        var svg = Draw(Brief("kitchen", props: props));
        foreach (var prop in props) Groups(svg, prop).ShouldHaveSingleItem(prop);
        var table = Groups(svg, "table").Single().Descendants().Select(e => SvgPoints.Of(e).Min(p => p.Y)).Min();
        var cake = Groups(svg, "cake").Single().Descendants().SelectMany(SvgPoints.Of).Max(p => p.Y);
        cake.ShouldBeInRange(table - 6, table + 6);
    }

    [Theory]
    [InlineData("rain")]
    [InlineData("snow")]
    [InlineData("windy")]
    public void Indoors_the_weather_shows_only_through_the_window(string weather)
    {
        foreach (var setting in SceneVocabulary.Indoors)
        {
            string Room(string w) => Regex.Replace(Draw(Brief(setting, "day", w)), "<g data-object=\"(window|opening)\">.*?</g>|<linearGradient id=\"window-sky\".*?</linearGradient>", "");
            var svg = Draw(Brief(setting, "day", weather));
            svg.ShouldNotContain("id=\"sky\"");
            Room(weather).ShouldBe(Room("clear"), $"{setting}: {weather} changed the room outside its window");
        }
        Draw(Brief("park", "day", "rain")).ShouldContain("#7FA3C8");
        Draw(Brief("bedroom", "night", "clear")).ShouldNotBe(Draw(Brief("bedroom", "day", "clear")));
    }

    [Fact]
    public void The_same_brief_gives_the_same_bytes()
    {
        foreach (var setting in SceneVocabulary.Settings.Keys)
            Draw(Brief(setting, "evening", "snow", ["kite", "cake"])).ShouldBe(Draw(Brief(setting, "evening", "snow", ["kite", "cake"])));
    }

    [Fact]
    public void A_close_shot_draws_bigger_figures_than_a_wide_one()
    {
        static double HeadWidth(string svg) => XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "circle" && e.Attribute("fill")?.Value == "#C68A5E")
            .Max(e => double.Parse(e.Attribute("r")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var wide = HeadWidth(Draw(Brief("park", shot: "wide")));
        var medium = HeadWidth(Draw(Brief("park", shot: "medium")));
        var close = HeadWidth(Draw(Brief("park", shot: "close")));
        wide.ShouldBeLessThan(medium * 0.8);
        close.ShouldBeGreaterThan(medium * 1.4);
    }

    [Theory]
    [InlineData("Mia sat very still on the bench and waited.", 2)]
    [InlineData("Mia and Bruno sat side by side.", 2)]
    [InlineData("They laughed until they had to sit down on the grass.", 1)]
    public void Sitters_in_a_park_sit_on_a_bench_unless_the_words_seat_them_on_the_grass(string words, int benches)
    {
        var brief = Brief("park", shot: "medium", cast: [new("c1", Pose.Sitting, 0.35, false), new("c2", Pose.Sitting, 0.65, true)]);
        var m = Book(brief);
        var svg = Art.DrawStoryPage(m, m.Pages[0] with { Text = words }, Frame("top"));
        // The park's own bench stands far off by the horizon; the sitters' bench is in front, under them.
        var found = Groups(svg, "bench").ToList();
        found.Count.ShouldBe(benches);
        if (benches == 1) return;
        var bench = found[^1].Descendants().SelectMany(SvgPoints.Of).ToList();
        var skin = XDocument.Parse(svg).Descendants().Where(e => e.Attribute("fill")?.Value == "#C68A5E").SelectMany(SvgPoints.Of).ToList();
        skin.Average(p => p.X).ShouldBeInRange(bench.Min(p => p.X), bench.Max(p => p.X));
        // Seated: the girl's lowest skin (her hands) is above the ground the bench stands on.
        skin.Max(p => p.Y).ShouldBeLessThan(bench.Max(p => p.Y));
    }

    [Theory]
    [InlineData("living-room", "rocket", "The rocket was ready! Mia climbed in.", true)]
    [InlineData("space", "rocket", "Stars sparkled everywhere.", true)]
    [InlineData("beach", "boat", "They climbed into the little boat and rowed out.", true)]
    [InlineData("snowy-mountains", "sled", "Mia whooshed down the hill on her sled.", true)]
    [InlineData("living-room", "box", "Mia climbed into the great big box.", true)]
    [InlineData("beach", "boat", "Mia sat down by the old boat.", false)]
    [InlineData("living-room", "box", "Mia looked at the box.", false)]
    public void Sitters_the_words_put_in_a_vehicle_ride_in_it(string setting, string vehicle, string words, bool rides)
    {
        var brief = Brief(setting, "day", props: [vehicle], cast: [new("c1", Pose.Sitting, 0.5, false)]);
        var m = Book(brief);
        var svg = Art.DrawStoryPage(m, m.Pages[0] with { Text = words }, Frame("top"));
        var drawn = Groups(svg, vehicle).SelectMany(g => g.Descendants()).SelectMany(SvgPoints.Of).ToList();
        drawn.ShouldNotBeEmpty($"{vehicle} not drawn");
        var skin = XDocument.Parse(svg).Descendants().Where(e => e.Attribute("fill")?.Value == "#C68A5E").SelectMany(SvgPoints.Of).ToList();
        var width = drawn.Max(p => p.X) - drawn.Min(p => p.X);
        var inside = skin.Average(p => p.X) >= drawn.Min(p => p.X) && skin.Average(p => p.X) <= drawn.Max(p => p.X);
        if (rides)
        {
            // Drawn big around the rider: wider than the rider is tall would be, the rider's face above its side.
            inside.ShouldBeTrue(words);
            width.ShouldBeGreaterThan(skin.Max(p => p.Y) - skin.Min(p => p.Y), words);
        }
        else
        {
            (inside && width > 2 * (skin.Max(p => p.Y) - skin.Min(p => p.Y))).ShouldBeFalse(words);
        }
    }

    [Theory]
    [InlineData("Quinn put Flop on the swing. \"Hold on tight!\"", "swing")]
    [InlineData("And there, at the bottom of the slide, lay Flop.", "slide")]
    public void A_thing_the_words_put_at_a_landmark_rests_there(string words, string landmark)
    {
        var brief = Brief("playground", "day", props: ["teddy"], cast: [new("c1", Pose.Standing, 0.3, false), new("c2", Pose.Standing, 0.7, true)]);
        var m = Book(brief);
        var svg = Art.DrawStoryPage(m, m.Pages[0] with { Text = words }, Frame("top"));
        var teddy = Groups(svg, "teddy").Single().Descendants().SelectMany(SvgPoints.Of).ToList();
        var place = Groups(svg, landmark).Single().Descendants().SelectMany(SvgPoints.Of).ToList();
        var (tx, ty) = (teddy.Average(p => p.X), teddy.Max(p => p.Y));
        tx.ShouldBeInRange(place.Min(p => p.X) - 10, place.Max(p => p.X) + 10, words);
        ty.ShouldBeInRange(place.Min(p => p.Y), place.Max(p => p.Y) + 10, words);
        // Without such words the teddy stands on the ground in front, not at the landmark.
        var plain = Art.DrawStoryPage(m, m.Pages[0] with { Text = "Off they went to the playground." }, Frame("top"));
        Groups(plain, "teddy").Single().Descendants().SelectMany(SvgPoints.Of).Max(p => p.Y).ShouldBeGreaterThan(place.Max(p => p.Y) + 10);
    }

    [Fact]
    public void A_rocket_nobody_rides_has_landed_on_the_ground_beside_them()
    {
        // "Maya climbed out onto the moon … higher than the rocket!" drew a speck of a rocket in the sky.
        var brief = Brief("space", "night", props: ["rocket"], cast: [new("c1", Pose.Jumping, 0.5, false)]);
        var svg = Draw(brief);
        var rocket = Groups(svg, "rocket").Single().Descendants().SelectMany(SvgPoints.Of).ToList();
        var skin = XDocument.Parse(svg).Descendants().Where(e => e.Attribute("fill")?.Value == "#C68A5E").SelectMany(SvgPoints.Of).ToList();
        rocket.Max(p => p.Y).ShouldBeGreaterThan(skin.Min(p => p.Y), "the rocket stands on the moon, not in the sky above the hero");
        (rocket.Max(p => p.Y) - rocket.Min(p => p.Y)).ShouldBeGreaterThan(0.6 * (skin.Max(p => p.Y) - skin.Min(p => p.Y)), "a rocket, not a speck");
    }

    [Fact]
    public void A_sleeper_lies_on_the_bed_under_the_blanket()
    {
        var svg = Draw(Brief("bedroom", "night", cast: [new("c1", Pose.Sleeping, 0.5, false)]));
        var doc = XDocument.Parse(svg);
        var bed = Groups(svg, "bed").Single().Descendants().SelectMany(SvgPoints.Of).ToList();
        var skin = doc.Descendants().Where(e => e.Attribute("fill")?.Value == "#C68A5E").SelectMany(SvgPoints.Of).ToList();
        skin.Average(p => p.X).ShouldBeInRange(bed.Min(p => p.X), bed.Max(p => p.X));
        skin.Max(p => p.Y).ShouldBeLessThan(bed.Max(p => p.Y));
    }

    [Fact]
    public void Consecutive_pages_in_one_place_are_framed_differently()
    {
        var b = Brief("classroom");
        var m = Book(b, b, b);
        var pictures = m.Pages.Select(p => Art.DrawStoryPage(m, p, Frame("top"))).ToList();
        pictures.Distinct().Count().ShouldBe(3);
    }

    /// <summary>Writes every setting's picture as SVG when STORYLOOM_GALLERY names a folder (for contact sheets; a no-op otherwise).</summary>
    [Fact]
    public void Gallery_of_settings()
    {
        if (Environment.GetEnvironmentVariable("STORYLOOM_GALLERY") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        var i = 0;
        string[][] props = [["teddy", "night-light"], ["cake", "cup"], ["book", "ball"], ["toothbrush", "bubbles"], ["backpack", "crayons"], ["kite", "ball"],
            ["sticker", "toothbrush"], ["teddy"], ["comb", "scissors"], ["apple", "present"], ["kite", "balloon"], ["watering-can", "flower"], ["lantern", "nest"],
            ["bucket", "sandcastle"], ["shell", "boat"], ["map", "suitcase"], ["toy-car", "van"], ["rocket", "star"], ["sled", "snowman"], ["lantern", "key"], ["map", "drum"]];
        string[] times = ["night", "morning", "day", "evening"];
        string[] weathers = ["clear", "rain", "cloudy", "snow", "windy"];
        foreach (var setting in SceneVocabulary.Settings.Keys)
        {
            var poses = setting == "bedroom" ? new CharacterPlacement[] { new("c1", Pose.Sleeping, 0.5, false), new("c2", Pose.Standing, 0.25, false, Mood: "happy") }
                : [new("c1", i % 3 == 0 ? Pose.Holding : Pose.Walking, 0.3, false, Holding: i % 3 == 0 ? props[i % props.Length][0] : null, Target: "c2"), new("c2", i % 2 == 0 ? Pose.Sitting : Pose.Waving, 0.7, true)];
            var brief = Brief(setting, times[i % 4], weathers[i % 5], props[i % props.Length], i % 4 == 1 ? "wide" : i % 7 == 3 ? "close" : null, poses);
            File.WriteAllText(Path.Combine(dir, $"{i:00}-{setting}.svg"), Draw(brief, i % 2 == 0 ? "top" : "bottom"));
            i++;
        }
        foreach (var (seed, theme) in new[] { (4, "a dinosaur who is afraid of the dark"), (7, "first day of school") })
        {
            var book = new Story.OfflineStoryEngine().Write(new BookSpec { Seed = seed, Theme = theme, Pages = 24 });
            foreach (var page in book.Pages.Where(p => p.Illustration is not null && p.Role != PageRole.Concept))
                File.WriteAllText(Path.Combine(dir, $"book{seed}-{page.Number:00}.svg"), Art.DrawStoryPage(book, page, Frame(page.Illustration!.TextPlacement)));
        }
        var all = SceneVocabulary.Props.Order().ToList();
        for (var k = 0; k < all.Count; k += 5)
            File.WriteAllText(Path.Combine(dir, $"props-{k / 5:00}.svg"), Draw(Brief("living-room", props: all.Skip(k).Take(5).ToArray(), cast: [new("c1", Pose.Holding, 0.5, false, Holding: all[k])])));
    }
}
