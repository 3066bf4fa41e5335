using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;
using Storyloom.Server.Tests.Storage;
using Storyloom.Server.Tests.Tasks;
using Xunit.Sdk;

namespace Storyloom.Server.Tests.Deploy;

/// <summary>
/// The scaled-out setup on one machine, as real processes: PostgreSQL, one `storyloom serve` (API only), two `storyloom worker`
/// and an S3-compatible store (moto). Each process has a data folder of its own, so the only things they share are the
/// database and the bucket, as on separate machines.
/// </summary>
[Collection("tasks")]
public sealed class ScaledOutTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] BookFileNames = ["interior.pdf", "cover.pdf", "listing.json", "manuscript.json", "preflight.json"];

    [Fact]
    public async Task Ten_books_made_through_the_API_complete_on_two_workers_and_every_file_lands_in_the_bucket()
    {
        var bucket = await moto.CreateBucketAsync();
        var (database, connection) = await Postgres.CreateDatabaseAsync();
        var root = Directory.CreateTempSubdirectory("storyloom-scaled-").FullName;
        var shared = new Dictionary<string, string?>(moto.Environment(bucket))
        {
            ["Storyloom__Database__Provider"] = "postgres",
            ["Storyloom__Database__ConnectionString"] = connection,
            ["Storyloom__Jobs__MaxRunningPerUser"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var processes = new List<Process>();
        try
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var api = StoryloomProcesses.Start(["serve", "--data", Path.Combine(root, "api"), "--urls", url],
                new Dictionary<string, string?>(shared) { ["Storyloom__Jobs__RunWorker"] = "false" });
            processes.Add(api);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitReadyAsync(http, api);

            var more = new Dictionary<string, string?>(shared) { ["Storyloom__Jobs__SimulatedArtLatency"] = "00:00:00.050" };
            var artLog = Path.Combine(root, "art.log");
            var health = Enumerable.Range(1, 2).Select(_ => $"http://127.0.0.1:{FreePort()}/").ToList();
            var workers = Enumerable.Range(1, 2)
                .Select(i => StoryloomProcesses.StartWorker(Path.Combine(root, $"worker{i}"), connection, artLog,
                    new Dictionary<string, string?>(more) { ["Storyloom__WorkerHealthUrl"] = health[i - 1] }))
                .ToList();
            processes.AddRange(workers);

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignUpAsync(http));
            var books = new List<BookDto>();
            var tasks = new List<TaskDto>();
            for (var i = 1; i <= 10; i++)
            {
                var book = await http.CreateBookAsync(("title", $"Pip's Night Walk {i}"), ("pageCount", 24), ("seed", 100 + i));
                books.Add(book);
                tasks.Add(await http.GenerateAsync(book.Id));
            }

            var done = new List<TaskDto>();
            foreach (var task in tasks)
            {
                done.Add(await WaitAsync(http, task.Id, processes));
            }
            done.ShouldAllBe(t => t.Status == "succeeded", string.Join("; ", done.Where(t => t.Status != "succeeded").Select(t => $"{t.Id}: {t.Error}")));

            // The work is spread: both workers finished books, and no step ran anywhere else (the API node has no worker).
            var names = workers.Select(w => $"{Environment.MachineName}/{w.Id}").ToList();
            done.Select(t => t.Worker).Distinct().ShouldBe(names, ignoreOrder: true);
            done.SelectMany(t => t.Steps!).Select(s => s.Worker).Distinct().ShouldBe(names, ignoreOrder: true);

            // Every file is in the bucket: each book's version 1 and the step outputs; none in the processes' own folders.
            var keys = (await moto.KeysAsync(bucket)).ToHashSet(StringComparer.Ordinal);
            foreach (var book in books)
            {
                foreach (var name in BookFileNames)
                {
                    keys.ShouldContain($"books/{book.Id:N}/v1/{name}");
                }
            }
            keys.Count(k => k.StartsWith("assets/", StringComparison.Ordinal)).ShouldBeGreaterThan(10 * 20);
            foreach (var folder in new[] { "api", "worker1", "worker2" })
            {
                Directory.Exists(Path.Combine(root, folder, "assets")).ShouldBeFalse($"{folder} keeps no assets of its own");
                Directory.EnumerateDirectories(Path.Combine(root, folder), "v1", SearchOption.AllDirectories).ShouldBeEmpty();
            }

            // Each worker answers the orchestrator's probes, its storage check on the bucket (the files below land there).
            foreach (var address in health)
            {
                using var probe = new HttpClient { BaseAddress = new Uri(address) };
                (await probe.GetAsync("health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
                var ready = await probe.GetAsync("health/ready", Ct);
                var text = await ready.Content.ReadAsStringAsync(Ct);
                ready.StatusCode.ShouldBe(HttpStatusCode.OK, text);
                // Statuses only to an anonymous probe (issue 16): the storage check is healthy, and the bucket is not named.
                text.ShouldContain("\"storage\":{\"status\":\"healthy\"}");
                text.ShouldNotContain(bucket);
            }

            // The API serves a book's files from the bucket.
            var pdf = await http.GetByteArrayAsync($"/api/v1/books/{books[3].Id}/files/interior.pdf", Ct);
            using var s3 = moto.Client();
            using var stored = await s3.GetObjectAsync(bucket, $"books/{books[3].Id:N}/v1/interior.pdf", Ct);
            stored.ContentLength.ShouldBe(pdf.LongLength);
            System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        }
        finally
        {
            await StoryloomProcesses.StopAllAsync(processes);
            await Postgres.DropDatabaseAsync(database);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process api)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string last = "no answer";
        while (DateTime.UtcNow < until)
        {
            if (api.HasExited)
            {
                throw new XunitException($"storyloom serve exited with {api.ExitCode}:\n{StoryloomProcesses.Tail(api)}");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready", Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = await response.Content.ReadAsStringAsync(Ct);
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(250, Ct);
        }
        throw new XunitException($"storyloom serve is not ready after 90 s ({last}):\n{StoryloomProcesses.Tail(api)}");
    }

    private static async Task<string> SignUpAsync(HttpClient http)
    {
        var email = StoryloomApp.NewEmail();
        var password = StoryloomApp.NewPassword();
        (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Scaled Writer" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
        return (await login.ReadAsync<TokenResponse>()).AccessToken;
    }

    private static async Task<TaskDto> WaitAsync(HttpClient http, Guid taskId, IReadOnlyList<Process> processes)
    {
        try
        {
            return await http.WaitForAsync(taskId, TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException e)
        {
            throw new XunitException(e.Message + string.Concat(processes.Select(p => $"\n--- process {p.Id}{(p.HasExited ? $" (exited {p.ExitCode})" : "")}:\n{StoryloomProcesses.Tail(p)}")));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
