using System.Diagnostics;
using Storyloom.Core.Books;
using Storyloom.Tests.Shared;

namespace Storyloom.Core.Tests;

/// <summary>
/// Chosen story pictures rendered to PNG (rsvg-convert) and compared with the checked-in images within a tolerance, so a
/// change to the places, props or composition that moves what a reader sees is noticed. STORYLOOM_UPDATE_VISUALS=1 rewrites them.
/// </summary>
public sealed class ScenePictureVisualTests
{
    private const int Width = 180;

    public static TheoryData<string> Pictures => ["bedroom-sleeper", "dentist-chair", "playground-wide", "kitchen-close", "castle-night-props"];

    private static IllustrationBrief Brief(string name) => name switch
    {
        "bedroom-sleeper" => SceneArtTests.Brief("bedroom", "night", "clear", ["teddy", "night-light"], null,
            new CharacterPlacement("c1", Pose.Sleeping, 0.6, false), new CharacterPlacement("c2", Pose.Standing, 0.2, false, Mood: "calm", Target: "c1")),
        "dentist-chair" => SceneArtTests.Brief("dentist", "day", "rain", ["sticker", "toothbrush"], null,
            new CharacterPlacement("c1", Pose.Sitting, 0.3, false, Mood: "scared"), new CharacterPlacement("c2", Pose.Holding, 0.75, true, Holding: "toothbrush")),
        "playground-wide" => SceneArtTests.Brief("playground", "morning", "windy", ["kite", "ball", "bucket"], "wide"),
        "kitchen-close" => SceneArtTests.Brief("kitchen", "evening", "clear", ["cake"], "close",
            new CharacterPlacement("c1", Pose.Hugging, 0.4, false, Target: "c2"), new CharacterPlacement("c2", Pose.Standing, 0.6, true)),
        _ => SceneArtTests.Brief("castle", "night", "snow", ["lantern", "map", "key", "star"]),
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Story_picture_looks_as_checked_in(string name)
    {
        var svg = SceneArtTests.Draw(Brief(name), name.Contains("close") ? "bottom" : "top");
        var png = Render(svg);
        var path = Path.Combine(Folder(), name + ".png");
        if (Environment.GetEnvironmentVariable("STORYLOOM_UPDATE_VISUALS") == "1" || !File.Exists(path))
        {
            File.WriteAllBytes(path, png);
            File.Exists(path).ShouldBeTrue();
            if (Environment.GetEnvironmentVariable("STORYLOOM_UPDATE_VISUALS") != "1") throw new InvalidOperationException($"{path} was missing and has been written; look at it and check it in");
            return;
        }
        var rendered = Path.Combine(Path.GetTempPath(), $"storyloom-scene-{name}-{Environment.ProcessId}.png");
        File.WriteAllBytes(rendered, png);
        var (actual, expected) = (Png.Read(rendered), Png.Read(path));
        File.Delete(rendered);
        (actual.Width, actual.Height, actual.Channels).ShouldBe((expected.Width, expected.Height, expected.Channels));
        var (a, b) = (actual.Pixels, expected.Pixels);
        var sum = 0L;
        var far = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            sum += d;
            if (d > 60) far++;
        }
        ((double)sum / a.Length).ShouldBeLessThan(2.5, $"{name}: mean difference per channel");
        ((double)far / a.Length).ShouldBeLessThan(0.01, $"{name}: share of strongly changed samples");
    }

    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Visual");

    private static byte[] Render(string svg)
    {
        var psi = new ProcessStartInfo("rsvg-convert", ["-w", $"{Width}", "-b", "white", "-f", "png"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("rsvg-convert is not installed (apt-get install librsvg2-bin)");
            throw;
        }
        using (p)
        {
            var output = new MemoryStream();
            var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
            p.StandardInput.Write(svg);
            p.StandardInput.Close();
            copy.Wait(TimeSpan.FromMinutes(1));
            p.WaitForExit(60_000).ShouldBeTrue();
            p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
            return output.ToArray();
        }
    }
}
