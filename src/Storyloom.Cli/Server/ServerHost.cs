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

    public static WebApplication Build(string? data, string? urls, bool quiet, int? concurrency = null)
    {
        var args = Args(data, urls, concurrency);
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
