using System.Diagnostics;
using System.IO.Compression;
using Storyloom.Core.Books;

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
        var (w1, h1, a) = Png.Pixels(png);
        var (w2, h2, b) = Png.Pixels(File.ReadAllBytes(path));
        (w1, h1).ShouldBe((w2, h2));
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

/// <summary>Just enough of PNG to read rsvg-convert's output: 8-bit RGB or RGBA, not interlaced.</summary>
internal static class Png
{
    public static (int Width, int Height, byte[] Rgb) Pixels(byte[] file)
    {
        int Int(int at) => (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
        var (w, h, channels) = (0, 0, 0);
        var idat = new MemoryStream();
        for (var at = 8; at < file.Length;)
        {
            var len = Int(at);
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            if (type == "IHDR")
            {
                (w, h) = (Int(at + 8), Int(at + 12));
                file[at + 16].ShouldBe((byte)8);
                channels = file[at + 17] switch { 2 => 3, 6 => 4, var t => throw new NotSupportedException($"PNG colour type {t}") };
                file[at + 20].ShouldBe((byte)0);
            }
            if (type == "IDAT") idat.Write(file, at + 8, len);
            at += len + 12;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var data = raw.ToArray();
        var stride = w * channels;
        var prev = new byte[stride];
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            var filter = data[y * (stride + 1)];
            var line = data.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                });
            }
            for (var x = 0; x < w; x++)
                for (var k = 0; k < 3; k++)
                    rgb[(y * w + x) * 3 + k] = line[x * channels + k];
            prev = line;
        }
        return (w, h, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
