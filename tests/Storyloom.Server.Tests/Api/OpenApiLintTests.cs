using System.Diagnostics;
using Storyloom.Server.Tests.Infrastructure;
using Xunit.Sdk;

namespace Storyloom.Server.Tests.Api;

/// <summary>
/// /openapi/v1.json passes `redocly lint` with the recommended rules. ./storyloom test installs @redocly/cli into
/// tests/tools/node_modules (or STORYLOOM_REDOCLY names another); a missing linter fails the test, it never skips it.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp fixture) : ApiTests(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_openapi_document_passes_redocly_lint_with_the_recommended_rules()
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "tools");
        var redocly = Environment.GetEnvironmentVariable("STORYLOOM_REDOCLY") is { Length: > 0 } named ? named : Path.Combine(tools, "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
        {
            throw new XunitException($"redocly is missing at {redocly}; run ./storyloom test (it installs tests/tools), or `npm ci --prefix tests/tools`");
        }
        var document = Path.Combine(Path.GetTempPath(), $"storyloom-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await App.CreateClient().GetStringAsync("/openapi/v1.json", Ct), Ct);
        try
        {
            var start = new ProcessStartInfo(redocly)
            {
                ArgumentList = { "lint", document, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "stylish" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = tools,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            using var lint = Process.Start(start) ?? throw new XunitException("could not start redocly");
            var output = lint.StandardOutput.ReadToEndAsync(Ct);
            var error = await lint.StandardError.ReadToEndAsync(Ct);
            await lint.WaitForExitAsync(Ct);
            var said = await output + error;
            lint.ExitCode.ShouldBe(0, said);
            // Warnings of the recommended rules count too (tag descriptions, operation ids); only problem lines, not the banner.
            System.Text.RegularExpressions.Regex.IsMatch(said, @"^\s*\d+:\d+\s+(error|warning)\s", System.Text.RegularExpressions.RegexOptions.Multiline)
                .ShouldBeFalse(said);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyloom.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (Storyloom.slnx) is not above the test binaries");
    }
}
