using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Xunit.Sdk;

namespace Storyloom.Server.Tests.Storage;

/// <summary>
/// An S3-compatible server (moto_server) on a free loopback port, for as long as a test class needs it. A missing moto_server
/// fails the test with what to do, never skips: `./storyloom test` installs it.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    public const string AccessKey = "storyloom-test";
    public const string SecretKey = "storyloom-test-secret";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(Executable())
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new XunitException("could not start moto_server");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new XunitException($"moto_server exited at once with code {_process.ExitCode} (port {port})");
            }
            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}/moto-api/", TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < until)
            {
                // A cold Python start on a loaded machine: keep asking.
            }
        }
    }

    /// <summary>The server's settings for the store on this moto, in a bucket of its own.</summary>
    public Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Storyloom:Storage:Provider"] = "s3",
        ["Storyloom:Storage:Bucket"] = bucket,
        ["Storyloom:Storage:ServiceUrl"] = ServiceUrl,
        ["Storyloom:Storage:AccessKey"] = AccessKey,
        ["Storyloom:Storage:SecretKey"] = SecretKey,
    };

    /// <summary>The same settings as environment variables, for `storyloom serve` and `storyloom worker` processes.</summary>
    public Dictionary<string, string?> Environment(string bucket) =>
        Settings(bucket).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    public AmazonS3Client Client() => new(AccessKey, SecretKey, new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public async Task<string> CreateBucketAsync()
    {
        var bucket = $"storyloom-{Guid.NewGuid():N}"[..30];
        using var s3 = Client();
        await s3.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        return bucket;
    }

    /// <summary>Every key in the bucket.</summary>
    public async Task<List<string>> KeysAsync(string bucket)
    {
        using var s3 = Client();
        var keys = new List<string>();
        var request = new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket };
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, TestContext.Current.CancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            if (page.IsTruncated != true)
            {
                return keys;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process?.Dispose();
    }

    /// <summary>STORYLOOM_MOTO_SERVER, else moto_server on the PATH.</summary>
    private static string Executable()
    {
        if (System.Environment.GetEnvironmentVariable("STORYLOOM_MOTO_SERVER") is { Length: > 0 } configured)
        {
            return configured;
        }
        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "moto_server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "moto_server (the S3-compatible test server) is missing: run the tests with ./storyloom test, which installs it, or pip install 'moto[server]==5.2.1'");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
