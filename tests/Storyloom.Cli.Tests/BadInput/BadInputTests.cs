namespace Storyloom.Cli.Tests.BadInput;

/// <summary>Given an impossible brief, when `book new` runs, then it prints one line saying what to change, exits 2, and writes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "book");

    public static TheoryData<string[], string> Cases => new()
    {
        { ["--ink", "standard-color", "--pages", "32"], "standard color needs at least 72 pages; choose premium-color or add pages" },
        { ["--paper", "cream", "--ink", "premium-color"], "cream paper is only printed with black ink" },
        { ["--trim", "8.5x8.5", "--pages", "600", "--ink", "bw"], "8.5x8.5 in with bw ink on white paper allows 24–590 pages" },
        { ["--trim", "9x9"], "'9x9' is not a KDP paperback trim; use one of 5x8" },
        { ["--trim", "huge"], "'huge' is not a KDP paperback trim" },
        { ["--pages", "33"], "page count 33 is odd" },
        { ["--pages", "-4"], "page count -4 is negative" },
        { ["--pages", "twelve"], "--pages must be a whole number such as 32, not 'twelve'" },
        { ["--kind", "comic"], "--kind: unknown kind 'comic'; use story or coloring" },
        { ["--character", "Pip:wolf"], "--character: 'Pip': unknown species 'wolf'; use one of child, fox, bear" },
        { ["--character", "Pip"], "--character: 'Pip' is not name:species[:look]" },
        { ["--author", new string('a', 121)], "--author: the author name is 121 characters long; keep it to 120" },
        { ["--kind", "coloring", "--character", "Pip:fox"], "--character: a cast is for story books" },
        { ["--age", "4-6"], "unknown age band '4-6'; use 0-2, 3-5, 6-8 or 9-12" },
        { ["--ink", "cmyk"], "unknown ink 'cmyk'" },
        { ["--bleed", "--no-bleed"], "--bleed and --no-bleed contradict each other" },
        { ["--trim", "8.27x11.69", "--ink", "standard-color", "--pages", "100"], "standard color is not offered at 8.27x11.69" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Impossible_briefs_get_one_clear_line_and_exit_code_2_and_no_files(string[] flags, string expected)
    {
        var run = await CliRunner.RunAsync(["book", "new", .. flags, "--out", Out]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(expected);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldNotContain("   at ");
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_spec_file_names_the_problem_and_line()
    {
        var spec = Path.Combine(_dir, "spec.json");
        await File.WriteAllTextAsync(spec, "{\n  \"title\": \"Oops\",\n  \"pages\": 32\n  \"kind\": \"story\"\n}", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("book", "new", "--spec", spec, "--out", Out);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("is not valid JSON (line 4)");
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public async Task A_spec_file_with_an_unknown_field_lists_the_known_fields()
    {
        var spec = Path.Combine(_dir, "spec.json");
        await File.WriteAllTextAsync(spec, """{"title": "Oops", "colour": "red"}""", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("book", "new", "--spec", spec, "--out", Out);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("unknown field \"colour\"");
        run.Error.ShouldContain("known fields: title, author");
    }

    [Fact]
    public async Task Flags_override_an_impossible_spec_file_value_and_the_spec_file_is_validated_too()
    {
        var spec = Path.Combine(_dir, "spec.json");
        await File.WriteAllTextAsync(spec, """{"ink": "standard-color", "pages": 32}""", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("book", "new", "--spec", spec, "--out", Out);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("standard color needs at least 72 pages");
    }

    [Fact]
    public async Task An_unwritable_out_folder_is_refused_before_any_work()
    {
        // Root may write anywhere, but nobody can make a folder inside a regular file.
        var file = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("book", "new", "--out", Path.Combine(file, "book"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cannot write to --out");
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Preflight_of_a_missing_file_is_bad_input()
    {
        var run = await CliRunner.RunAsync("preflight", "--interior", Path.Combine(_dir, "nope.pdf"), "--trim", "8.5x8.5", "--ink", "bw", "--no-bleed");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("does not exist");
    }
}
