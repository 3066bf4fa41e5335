using System.CommandLine;
using Spectre.Console;
using Storyloom.Cli.Books;
using Storyloom.Core.Books;

namespace Storyloom.Cli.Tests.BadInput;

public sealed class EngineChoiceTests
{
    private static readonly BookSpec Story = new() { Theme = "friendship", Pages = 24, Seed = 7 };

    private static (EngineChoice Choice, ParseResult Parse) Parse(params string[] args)
    {
        var choice = new EngineChoice();
        var command = new Command("new");
        foreach (var option in choice.All) command.Options.Add(option);
        return (choice, command.Parse(args));
    }

    private static IAnsiConsole Console(StringWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    [Fact]
    public void Openai_engine_without_a_key_says_what_to_set()
    {
        var (choice, parse) = Parse("--engine", "openai");
        var e = Should.Throw<UsageException>(() => choice.Builder(parse, Story, "/tmp/unused", Console(new StringWriter()), _ => null));
        e.Message.ShouldContain("OPENAI_API_KEY is not set");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Openai_engine_prints_the_estimate_before_the_run()
    {
        var (choice, parse) = Parse("--engine", "openai", "--language", "es");
        var output = new StringWriter();
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test", ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1", ["STORYLOOM_AI_BUDGET"] = "2.50" };
        choice.Builder(parse, Story, Path.Combine(Path.GetTempPath(), "storyloom-engine-choice"), Console(output), env.GetValueOrDefault);
        var line = output.ToString().Trim();
        line.ShouldStartWith("Estimated cost: about $");
        line.ShouldContain("pictures with gpt-image-1");
        line.ShouldContain("budget $2.50");
        line.ShouldNotContain("sk-test");
    }

    [Theory]
    [InlineData("--engine", "gpt")]
    [InlineData("--language", "es")]
    public async Task Bad_engine_choices_exit_2(string option, string value)
    {
        var run = await CliRunner.RunAsync("book", "new", "--theme", "friendship", option, value, "--out", Path.Combine(Path.GetTempPath(), "storyloom-never-written"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(option);
    }

    [Fact]
    public async Task Coloring_books_planned_by_the_model_are_drawn_by_the_image_model()
    {
        var run = await CliRunner.RunAsync("book", "new", "--kind", "coloring", "--text-engine", "openai", "--out", Path.Combine(Path.GetTempPath(), "storyloom-never-written"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("drawn by the image model");
        run.Error.ShouldContain("--text-engine offline");
    }
}
