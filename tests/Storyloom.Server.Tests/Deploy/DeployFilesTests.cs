using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Tests.Deploy;

/// <summary>deploy/compose.yaml and deploy/k8s/*.yaml parse (PyYAML), hold what the README promises, and name only real settings.</summary>
public sealed class DeployFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Root
    {
        get
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

    /// <summary>Every YAML document of a file as JSON, parsed by PyYAML.</summary>
    private static async Task<List<JsonElement>> LoadAsync(string relative)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))", Path.Combine(Root, relative) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 is missing");
        var output = python.StandardOutput.ReadToEndAsync(Ct);
        var error = await python.StandardError.ReadToEndAsync(Ct);
        await python.WaitForExitAsync(Ct);
        python.ExitCode.ShouldBe(0, $"{relative} does not parse: {error}");
        return JsonSerializer.Deserialize<List<JsonElement>>(await output)!.Where(d => d.ValueKind == JsonValueKind.Object).ToList();
    }

    [Fact]
    public async Task The_compose_file_runs_postgres_an_s3_store_redis_a_migration_an_api_and_two_workers()
    {
        var compose = (await LoadAsync("deploy/compose.yaml")).ShouldHaveSingleItem();
        var services = compose.GetProperty("services");
        services.EnumerateObject().Select(s => s.Name).ShouldBe(["postgres", "minio", "redis", "migrate", "api", "worker"], ignoreOrder: true);
        services.GetProperty("api").GetProperty("environment").GetProperty("Storyloom__Redis__ConnectionString").GetString().ShouldBe("redis:6379");
        services.GetProperty("worker").GetProperty("environment").GetProperty("Storyloom__Redis__ConnectionString").GetString().ShouldBe("redis:6379");
        services.GetProperty("redis").GetProperty("healthcheck").GetProperty("test").EnumerateArray().Select(a => a.GetString()).ShouldBe(["CMD", "redis-cli", "ping"]);
        services.GetProperty("api").GetProperty("depends_on").GetProperty("redis").GetProperty("condition").GetString().ShouldBe("service_healthy");
        services.GetProperty("migrate").GetProperty("command").EnumerateArray().Select(a => a.GetString()).ShouldBe(["db", "migrate"]);
        services.GetProperty("worker").GetProperty("deploy").GetProperty("replicas").GetInt32().ShouldBe(2);
        services.GetProperty("api").GetProperty("environment").GetProperty("Storyloom__Jobs__RunWorker").GetString().ShouldBe("false");
        services.GetProperty("api").GetProperty("environment").GetProperty("Storyloom__Storage__Provider").GetString().ShouldBe("s3");
        services.GetProperty("worker").GetProperty("depends_on").GetProperty("migrate").GetProperty("condition").GetString()
            .ShouldBe("service_completed_successfully");
        SettingNames(compose).ShouldAllBe(n => IsSetting(n), "every Storyloom__ variable names a real setting");
    }

    [Fact]
    public async Task The_kubernetes_manifests_probe_both_deployments_limit_them_and_migrate_first()
    {
        var docs = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy", "k8s"), "*.yaml").Order(StringComparer.Ordinal))
        {
            docs.AddRange(await LoadAsync(Path.GetRelativePath(Root, file)));
        }
        string Kind(JsonElement d) => d.TryGetProperty("kind", out var k) ? k.GetString()! : "";
        string Name(JsonElement d) => d.TryGetProperty("metadata", out var m) ? m.GetProperty("name").GetString()! : "";
        docs.Select(d => (Kind(d), Name(d))).ShouldBe([("Deployment", "storyloom-api"), ("Service", "storyloom-api"), ("ConfigMap", "storyloom"),
            ("Deployment", "storyloom-redis"), ("Service", "storyloom-redis"),
            ("Kustomization", ""), ("Job", "storyloom-migrate"), ("Secret", "storyloom"), ("Deployment", "storyloom-worker")], ignoreOrder: true);

        var redis = docs.Single(d => Kind(d) == "Deployment" && Name(d) == "storyloom-redis")
            .GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        redis.GetProperty("readinessProbe").GetProperty("exec").GetProperty("command").EnumerateArray().Select(a => a.GetString()).ShouldBe(["redis-cli", "ping"]);
        redis.GetProperty("livenessProbe").GetProperty("tcpSocket").GetProperty("port").GetString().ShouldBe("redis");
        redis.GetProperty("resources").GetProperty("limits").GetProperty("memory").GetString().ShouldNotBeNullOrEmpty();
        docs.Single(d => Kind(d) == "ConfigMap").GetProperty("data").GetProperty("Storyloom__Redis__ConnectionString").GetString().ShouldBe("storyloom-redis:6379");

        foreach (var deployment in docs.Where(d => Kind(d) == "Deployment" && Name(d) != "storyloom-redis"))
        {
            var container = deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
            container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString().ShouldBe("/health/live");
            container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString().ShouldBe("/health/ready");
            container.GetProperty("resources").GetProperty("limits").GetProperty("cpu").ValueKind.ShouldNotBe(JsonValueKind.Undefined);
            container.GetProperty("resources").GetProperty("limits").GetProperty("memory").GetString().ShouldNotBeNullOrEmpty();
            container.GetProperty("envFrom").EnumerateArray().Select(e => e.EnumerateObject().First().Name).ShouldBe(["configMapRef", "secretRef"]);
        }
        var job = docs.Single(d => Kind(d) == "Job").GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        job.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ShouldBe(["db", "migrate"]);
        docs.SelectMany(SettingNames).ShouldAllBe(n => IsSetting(n), "every Storyloom__ variable names a real setting");
    }

    [Fact]
    public async Task Every_storyloom_container_runs_one_image_and_worker_probes_hit_the_port_its_health_url_opens()
    {
        var compose = (await LoadAsync("deploy/compose.yaml")).ShouldHaveSingleItem().GetProperty("services");
        var ours = compose.EnumerateObject().Where(s => s.Name is "migrate" or "api" or "worker").ToList();
        // redis.yaml runs Redis's own image: only Storyloom's containers must share one.
        ours.Count.ShouldBe(3);
        var image = ours.Select(s => s.Value.GetProperty("image").GetString()).Distinct().ShouldHaveSingleItem();

        var containers = new List<(string File, JsonElement Container)>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy", "k8s"), "*.yaml"))
        {
            if (Path.GetFileName(file) == "redis.yaml")
            {
                continue;
            }
            foreach (var doc in await LoadAsync(Path.GetRelativePath(Root, file)))
            {
                if (doc.TryGetProperty("spec", out var spec) && spec.TryGetProperty("template", out var template))
                {
                    containers.AddRange(template.GetProperty("spec").GetProperty("containers").EnumerateArray().Select(c => (Path.GetFileName(file), c)));
                }
            }
        }
        containers.Select(c => c.File).Order(StringComparer.Ordinal).ShouldBe(["api.yaml", "migrate-job.yaml", "worker.yaml"]);
        containers.ShouldAllBe(c => c.Container.GetProperty("image").GetString() == image, "compose and Kubernetes run the image the Dockerfile builds");

        var worker = containers.Single(c => c.File == "worker.yaml").Container;
        var healthUrl = worker.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Storyloom__WorkerHealthUrl")
            .GetProperty("value").GetString()!;
        var port = worker.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "health").GetProperty("containerPort").GetInt32();
        healthUrl.ShouldEndWith($":{port}/", Case.Sensitive, "the probes' named port is the one the worker answers on");
        compose.GetProperty("worker").GetProperty("environment").GetProperty("Storyloom__WorkerHealthUrl").GetString().ShouldBe(healthUrl);
    }

    /// <summary>Every key or env name "Storyloom__…" anywhere in the document.</summary>
    private static IEnumerable<string> SettingNames(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => (p.Name.StartsWith("Storyloom__", StringComparison.Ordinal) ? [p.Name] : Array.Empty<string>())
            .Concat(p.Name == "name" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.StartsWith("Storyloom__", StringComparison.Ordinal)
                ? [p.Value.GetString()!] : [])
            .Concat(SettingNames(p.Value))),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(SettingNames),
        _ => [],
    };

    /// <summary>Storyloom__A__B binds to StoryloomOptions.A.B (case-insensitive, like the configuration binder).</summary>
    private static bool IsSetting(string name)
    {
        if (name == "Storyloom__LogFormat")
        {
            return true; // read straight from the configuration by the logging set-up (--log-format)
        }
        var type = typeof(StoryloomOptions);
        foreach (var part in name.Split("__").Skip(1))
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }
            type = property.PropertyType;
        }
        return true;
    }
}
