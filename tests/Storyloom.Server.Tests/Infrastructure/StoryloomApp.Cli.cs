
namespace Storyloom.Server.Tests.Infrastructure;

public sealed partial class StoryloomApp
{
    /// <summary>Runs `storyloom ARGS --data DATA` in process against this server's data folder (SQLite servers only).</summary>
    public Task<CliRun> RunCliAsync(params string[] args) => RunCliAsync(DataDirectory, args);

    /// <summary>Runs `storyloom ARGS --data DATA` in process against any data folder.</summary>
    public static Task<CliRun> RunCliAsync(string dataDirectory, params string[] args) => CliRunner.RunAsync([.. args, "--data", dataDirectory]);
}
