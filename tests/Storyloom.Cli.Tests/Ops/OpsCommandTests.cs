namespace Storyloom.Cli.Tests.Ops;

/// <summary>`storyloom doctor` and `storyloom config` on a machine that `./storyloom test` has set up.</summary>
public sealed class OpsCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("storyloom-ops-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Doctor_finds_every_tool_and_a_migrated_database_and_exits_0()
    {
        (await CliRunner.RunAsync("db", "migrate", "--data", _data)).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("doctor", "--data", _data);

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        foreach (var check in new[] { "Chromium", "fonts", "poppler", "qpdf", "database", "storage", "Redis" })
        {
            run.Out.ShouldContain(check);
        }
        run.Out.ShouldContain("schema up to date");
        run.Out.ShouldContain("Everything Storyloom needs is here.");
    }

    [Fact]
    public async Task Doctor_says_how_to_bring_a_new_database_up_to_date()
    {
        var run = await CliRunner.RunAsync("doctor", "--data", _data);
        run.Out.ShouldContain("pending");
        run.Out.ShouldContain("storyloom db migrate");
    }

    [Fact]
    public async Task Config_check_passes_and_show_prints_the_data_folder_in_effect()
    {
        var check = await CliRunner.RunAsync("config", "check", "--data", _data);
        check.ExitCode.ShouldBe(0, check.Error);
        check.Out.ShouldContain("valid");

        var show = await CliRunner.RunAsync("config", "show", "--data", _data);
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldContain(_data);
        show.Out.ShouldContain("\"Provider\": \"sqlite\"");
    }
}
