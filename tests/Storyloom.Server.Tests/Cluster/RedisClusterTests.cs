using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Storyloom.Server.Accounts;
using Storyloom.Server.Books;
using Storyloom.Server.Cluster;
using Storyloom.Server.Data;
using Storyloom.Server.Tasks;
using Storyloom.Server.Tests.Api;
using Storyloom.Server.Tests.Infrastructure;

namespace Storyloom.Server.Tests.Cluster;

/// <summary>
/// Several API nodes over one PostgreSQL and the test Redis behave as one: one rate-limit budget per user, revocations,
/// role changes and book-cache drops seen on every node within 100 ms, task events fanned out through Redis.
/// </summary>
public sealed class RedisClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The database poll is slowed to its longest, so only Redis can carry a change to another node in time.</summary>
    private static readonly Dictionary<string, string?> NoPoll = new() { ["Storyloom:Auth:RevocationCheckInterval"] = "00:00:15" };

    [Fact]
    public async Task Three_nodes_share_one_rate_limit_budget_per_user_exactly_under_concurrency()
    {
        await using var cluster = await StoryloomCluster.StartAsync(3, TestRedis.ConnectionString,
            new Dictionary<string, string?> { ["Storyloom:Limits:RequestsPerMinute"] = "30" });
        var user = await cluster[0].CreateUserAsync();
        var clients = cluster.Nodes.Select(n => n.CreateClient(user)).ToList();

        // 60 requests at once, spread over the three nodes: without Redis each node would let 30 through (90 in all).
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => clients[i % 3].GetAsync("/api/v1/auth/me", Ct)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(30);
        answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests).ShouldBe(30);
        answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests).Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        // Another user's budget is their own, on any node.
        var other = await cluster[1].CreateUserAsync();
        (await cluster[2].CreateClient(other).GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_per_address_sign_in_limit_and_the_failed_sign_in_throttle_span_the_nodes()
    {
        await using var cluster = await StoryloomCluster.StartAsync(2, TestRedis.ConnectionString,
            new Dictionary<string, string?> { ["Storyloom:Limits:AuthRequestsPerMinute"] = "1000", ["Storyloom:Auth:MaxFailedLogins"] = "3" });
        var user = await cluster[0].CreateUserAsync();
        var clients = cluster.Nodes.Select(n => n.CreateClient()).ToList();
        for (var i = 0; i < 3; i++)
        {
            (await Login(clients[i % 2], user.Email, "wrong password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        // The fourth failure starts the wait, counted across both nodes; the next try on either node is held off.
        (await Login(clients[1], user.Email, "wrong password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Login(clients[0], user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        await using var limited = await StoryloomCluster.StartAsync(2, TestRedis.ConnectionString,
            new Dictionary<string, string?> { ["Storyloom:Limits:AuthRequestsPerMinute"] = "4" });
        var tries = limited.Nodes.Select(n => n.CreateClient()).ToList();
        for (var i = 0; i < 4; i++)
        {
            (await Login(tries[i % 2], "nobody@example.test", "not a password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await Login(tries[0], "nobody@example.test", "not a password")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Login(tries[1], "nobody@example.test", "not a password")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_on_another_node_within_100_ms()
    {
        await using var cluster = await StoryloomCluster.StartAsync(3, TestRedis.ConnectionString, NoPoll);
        var admin = await cluster[0].CreateUserAsync(Roles.Admin);
        var user = await cluster[0].CreateUserAsync();
        // Every node has the user's check cached.
        foreach (var node in cluster.Nodes)
        {
            (await node.CreateClient(user).GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await cluster[0].CreateClient(admin).PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await RefusedWithin100MsAsync(cluster[1].CreateClient(user), "/api/v1/auth/me");
        await RefusedWithin100MsAsync(cluster[2].CreateClient(user), "/api/v1/auth/me");
    }

    [Fact]
    public async Task A_role_change_and_a_revoked_api_key_take_effect_on_another_node_within_100_ms()
    {
        await using var cluster = await StoryloomCluster.StartAsync(2, TestRedis.ConnectionString, NoPoll);
        var admin = await cluster[0].CreateUserAsync(Roles.Admin);
        var demoted = await cluster[0].CreateUserAsync(Roles.Admin);
        var onB = cluster[1].CreateClient(demoted);
        (await onB.GetAsync("/api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await cluster[0].CreateClient(admin).PatchAsJsonAsync($"/api/v1/admin/users/{demoted.Id}", new { role = Roles.User }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await RefusedWithin100MsAsync(onB, "/api/v1/admin/users");

        var owner = await cluster[0].CreateUserAsync();
        var key = await cluster[0].CreateApiKeyAsync(owner.AccessToken);
        var keyOnB = cluster[1].CreateApiKeyClient(key.Key);
        (await keyOnB.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cluster[0].CreateClient(owner).DeleteAsync($"/api/v1/auth/api-keys/{key.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RefusedWithin100MsAsync(keyOnB, "/api/v1/auth/me");
    }

    [Fact]
    public async Task A_book_cached_on_every_node_and_in_redis_is_dropped_everywhere_when_it_is_written()
    {
        await using var cluster = await StoryloomCluster.StartAsync(3, TestRedis.ConnectionString, NoPoll);
        var user = await cluster[0].CreateUserAsync();
        var book = await cluster[0].CreateClient(user).CreateBookAsync(("title", "Pip and the Lantern"), ("pageCount", 24));
        var sharedKey = cluster.Prefix + "book:" + book.Id.ToString("N");

        (await cluster[0].CreateClient(user).GetAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RedisLook.ExistsAsync(TestRedis.ConnectionString, sharedKey)).ShouldBeTrue();
        // The other nodes take the answer node 0 left in Redis.
        foreach (var node in cluster.Nodes.Skip(1))
        {
            (await node.CreateClient(user).GetAsync($"/api/v1/books/{book.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        foreach (var node in cluster.Nodes)
        {
            Cache(node).Find(book.Id).ShouldNotBeNull();
        }

        (await cluster[2].CreateClient(user).PatchAsJsonAsync($"/api/v1/books/{book.Id}", new { title = "Pip and the Kite" }, ApiCalls.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        while (cluster.Nodes.Any(n => Cache(n).Find(book.Id) is not null) && clock.ElapsedMilliseconds < 100)
        {
            await Task.Delay(5, Ct);
        }
        cluster.Nodes.ShouldAllBe(n => Cache(n).Find(book.Id) == null);
        (await RedisLook.ExistsAsync(TestRedis.ConnectionString, sharedKey)).ShouldBeFalse();
        var read = await (await cluster[1].CreateClient(user).GetAsync($"/api/v1/books/{book.Id}", Ct)).ReadAsync<JsonElement>();
        read.GetProperty("title").GetString().ShouldBe("Pip and the Kite");
    }

    [Fact]
    public async Task A_task_event_written_on_one_node_wakes_the_streams_of_another_through_redis()
    {
        await using var cluster = await StoryloomCluster.StartAsync(2, TestRedis.ConnectionString);
        var signals = cluster[1].App.Services.GetRequiredService<TaskEventSignals>();
        signals.Listening.ShouldBeFalse("with Redis no PostgreSQL connection listens");
        signals.PollInterval.ShouldBe(TaskEventSignals.RedisSafetyPoll);
        var taskId = Guid.NewGuid();
        using var watch = signals.Watch(taskId);
        var next = signals.Next(taskId);

        await using (var scope = cluster[0].App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoryloomDb>();
            // The event rows need no task row of their own on the signal path; the commit is what is announced.
            db.PendingSignals.Add((TaskEventSignals.Signal, taskId));
            await db.SaveChangesAsync(Ct);
        }

        await next.WaitAsync(TimeSpan.FromSeconds(1), Ct);
    }

    [Fact]
    public async Task Redis_stopped_and_started_mid_test_fails_no_request_and_comes_back_by_itself()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var cluster = await StoryloomCluster.StartAsync(2, redis.ConnectionString,
            new Dictionary<string, string?> { ["Storyloom:Limits:RequestsPerMinute"] = "100000" });
        var user = await cluster[0].CreateUserAsync();
        var book = await cluster[0].CreateClient(user).CreateBookAsync(("title", "Pip and the Storm"), ("pageCount", 24));
        var clients = cluster.Nodes.Select(n => n.CreateClient(user)).ToList();
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var done = 0;
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var path = i % 2 == 0 ? $"/api/v1/books/{book.Id}" : "/api/v1/auth/me";
                var answer = await clients[i % 2].GetAsync(path, CancellationToken.None);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    lock (failures)
                    {
                        failures.Add($"{path}: {(int)answer.StatusCode}");
                    }
                }
                Interlocked.Increment(ref done);
            }
        }, Ct);

        await Task.Delay(300, Ct);
        await redis.StopAsync();
        await Task.Delay(1000, Ct);
        var ready = await cluster[1].CreateClient().GetAsync("/health/ready", Ct);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        health.GetProperty("status").GetString().ShouldBe("ready");
        health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("degraded");
        cluster.Nodes.ShouldAllBe(n => !n.App.Services.GetRequiredService<RedisLink>().IsUp);

        await redis.StartAgainAsync();
        var clock = Stopwatch.StartNew();
        while (!cluster.Nodes.All(n => n.App.Services.GetRequiredService<RedisLink>().IsUp) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50, Ct);
        }
        cluster.Nodes.ShouldAllBe(n => n.App.Services.GetRequiredService<RedisLink>().IsUp);
        await Task.Delay(300, Ct);
        await stop.CancelAsync();
        await load;

        failures.ShouldBeEmpty();
        done.ShouldBeGreaterThan(20);
        health = await (await cluster[1].CreateClient().GetAsync("/health/ready", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task A_redis_that_hangs_is_passed_over_after_one_timeout_and_used_again_when_it_answers()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var cluster = await StoryloomCluster.StartAsync(2, redis.ConnectionString,
            new Dictionary<string, string?> { ["Storyloom:Limits:RequestsPerMinute"] = "100000" });
        var user = await cluster[0].CreateUserAsync();
        var clients = cluster.Nodes.Select(n => n.CreateClient(user)).ToList();
        (await clients[1].GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The socket stays open and nothing answers: each node may wait out one Redis timeout (500 ms), not one per request.
        redis.Freeze();
        var slow = 0;
        for (var i = 0; i < 40; i++)
        {
            var one = Stopwatch.StartNew();
            (await clients[i % 2].GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            slow += one.ElapsedMilliseconds >= 450 ? 1 : 0;
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{slow} of 40 requests took 450 ms or more while Redis hung");
        slow.ShouldBeLessThanOrEqualTo(10, "requests kept waiting on a Redis that does not answer");
        cluster.Nodes.ShouldAllBe(n => !n.App.Services.GetRequiredService<RedisLink>().IsUp);
        var health = await (await cluster[0].CreateClient().GetAsync("/health/ready", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("degraded");

        redis.Thaw();
        var clock = Stopwatch.StartNew();
        while (!cluster.Nodes.All(n => n.App.Services.GetRequiredService<RedisLink>().IsUp) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50, Ct);
        }
        cluster.Nodes.ShouldAllBe(n => n.App.Services.GetRequiredService<RedisLink>().IsUp);
        (await clients[0].GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        cluster.Nodes.ShouldAllBe(n => n.App.Services.GetRequiredService<RedisLink>().Database != null);
    }

    private static BookReadCache Cache(StoryloomApp node) => node.App.Services.GetRequiredService<BookReadCache>();

    /// <summary>Asks again every 5 ms; the first refusal must come within 100 ms of the change.</summary>
    private static async Task RefusedWithin100MsAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = (await client.GetAsync(path, Ct)).StatusCode;
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return;
            }
            status.ShouldBe(HttpStatusCode.OK);
            clock.ElapsedMilliseconds.ShouldBeLessThan(100, "the change did not reach this node within 100 ms");
            await Task.Delay(5, Ct);
        }
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
}

/// <summary>Without Redis nothing changes for one machine: the check says so and the node keeps its own state.</summary>
public sealed class NoRedisTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_redis_the_ready_check_says_state_is_per_node()
    {
        var admin = await app.Server.CreateUserAsync(Roles.Admin);
        var health = await (await app.Server.CreateClient(admin).GetAsync("/health/ready", TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var redis = health.GetProperty("checks").GetProperty("redis");
        redis.GetProperty("status").GetString().ShouldBe("healthy");
        redis.GetProperty("detail").GetString()!.ShouldContain("not configured");
        app.Server.App.Services.GetRequiredService<RedisLink>().IsConfigured.ShouldBeFalse();
    }
}
