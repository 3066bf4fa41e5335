using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Storyloom.Server.Hosting;

namespace Storyloom.Cli.Server;

/// <summary>The options every server-side verb shares, turned into configuration for the server.</summary>
internal static class ServerHost
{
    public static readonly System.CommandLine.Option<string?> Data = new("--data")
    {
        Description = "Data folder: SQLite database, signing key and files (default ./data; Storyloom__DataDirectory)",
    };

    public static readonly System.CommandLine.Option<int?> Concurrency = new("--concurrency")
    {
        Description = "Books this process makes at once (default 2; Storyloom__Jobs__Concurrency)",
    };

    public static readonly System.CommandLine.Option<string?> LogFormat = new("--log-format")
    {
        Description = "text (default) or json: one JSON object per line with the trace id (Storyloom__LogFormat)",
    };

    /// <summary>The --log-format value checked, as a configuration argument.</summary>
    public static string[] LogArgs(string? format) => format switch
    {
        null => [],
        "json" or "text" => [$"--Storyloom:LogFormat={format}"],
        _ => throw new UsageException($"--log-format is '{format}'; use text or json"),
    };

    public static string[] Args(string? data, string? urls = null, int? concurrency = null)
    {
        var args = new List<string>();
        if (data is not null)
        {
            args.Add($"--Storyloom:DataDirectory={data}");
        }
        if (urls is not null)
        {
            args.Add($"--urls={urls}");
        }
        if (concurrency is not null)
        {
            args.Add($"--Storyloom:Jobs:Concurrency={concurrency}");
        }
        return [.. args];
    }

    public static WebApplication Build(string? data, string? urls, bool quiet, int? concurrency = null, string? logFormat = null)
    {
        string[] args = [.. Args(data, urls, concurrency), .. LogArgs(logFormat)];
        try
        {
            return StoryloomServer.Build(args, b =>
            {
                if (quiet)
                {
                    b.Logging.SetMinimumLevel(LogLevel.Warning);
                }
            });
        }
        catch (ConfigurationProblemException e)
        {
            throw new UsageException(string.Join("; ", e.Problems));
        }
    }
}
