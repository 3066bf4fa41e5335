using System.Text.Json;
using Storyloom.Print.Tools;

namespace Storyloom.Cli.Tests.EndToEnd;

/// <summary>Given a brief, when `book new` prints the book, then the book says only what the user gave: no Storyloom name,
/// no author nobody named, no review nobody did (read back with pdftotext, not with our own code).</summary>
public sealed class HonestMatterTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-honest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> TextAsync(string pdf) =>
        (await ExternalTool.RunCheckedAsync("pdftotext", [pdf, "-"], Ct)).StdoutText;

    [Fact]
    public async Task A_book_with_no_author_names_no_one_and_carries_no_storyloom_name()
    {
        var dir = Path.Combine(_dir, "plain");

        var run = await CliRunner.RunAsync("book", "new", "--title", "Night Lights", "--pages", "24", "--seed", "3", "--out", dir);

        run.ExitCode.ShouldBe(0, run.Error + run.Out);
        var interior = await TextAsync(Path.Combine(dir, "interior.pdf"));
        var cover = await TextAsync(Path.Combine(dir, "cover.pdf"));
        foreach (var text in new[] { interior, cover })
        {
            text.ShouldNotContain("Storyloom", Case.Insensitive);
            text.ShouldNotContain("reviewed", Case.Insensitive);
        }
        interior.ShouldContain($"copyright © {DateTime.UtcNow.Year}. All rights reserved.");
        interior.ShouldNotContain("About the Author");
        // The AI-content answers KDP asks for say truthfully that no AI model made it.
        var listing = await File.ReadAllTextAsync(Path.Combine(dir, "listing.json"), Ct);
        listing.ShouldContain("not by an AI model");
    }

    [Fact]
    public async Task What_the_user_gives_is_printed_where_a_book_prints_it()
    {
        var dir = Path.Combine(_dir, "given");

        var run = await CliRunner.RunAsync("book", "new", "--title", "Night Lights", "--pages", "24", "--seed", "3",
            "--author", "Ada Lane", "--imprint", "Acorn Press", "--reviewed-by-author", "--credit", "--out", dir);

        run.ExitCode.ShouldBe(0, run.Error + run.Out);
        var interior = await TextAsync(Path.Combine(dir, "interior.pdf"));
        var cover = await TextAsync(Path.Combine(dir, "cover.pdf"));
        interior.ShouldContain($"copyright © {DateTime.UtcNow.Year} Ada Lane.");
        interior.ShouldContain("Acorn Press");
        interior.ShouldContain("The author reviewed the text and every illustration.");
        interior.ShouldContain("Made with Storyloom");
        interior.ShouldContain("About the Author");
        cover.ShouldContain("Ada Lane");
        cover.ShouldContain("Acorn Press");
    }

    /// <summary>Depends on the story engine honouring <c>BookSpec.Cast</c> (issue 17, item 1): fails until it does.</summary>
    [Fact]
    public async Task The_first_character_flag_is_the_hero_of_the_book()
    {
        var dir = Path.Combine(_dir, "cast");

        var run = await CliRunner.RunAsync("book", "new", "--title", "Pip and the Night", "--pages", "24", "--seed", "3",
            "--character", "Pip:fox:purple scarf", "--character", "Grandma Rose:grandparent", "--out", dir);

        run.ExitCode.ShouldBe(0, run.Error + run.Out);
        using var manuscript = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manuscript.json"), Ct));
        var cast = manuscript.RootElement.GetProperty("cast");
        cast[0].GetProperty("name").GetString().ShouldBe("Pip");
        cast[0].GetProperty("species").GetString().ShouldBe("Fox");
        cast.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("Grandma Rose");
    }
}
