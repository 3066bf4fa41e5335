using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// A local stand-in for the OpenAI API (api-wire.md 1.11): chat completions with strict structured output, image
/// generations and multipart edits returning real PNGs, chat with image_url parts answering a picture verdict (<see cref="FakeLooker"/>), moderations with all 13 categories, GET /v1/models, the error
/// envelope and x-ratelimit-* headers. Faults are injected per <see cref="FakeFaults"/>; every request goes to the journal.
/// Listens on 127.0.0.1 only.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Models = ["gpt-4o-mini", "gpt-4.1-mini", "gpt-image-1", "gpt-image-1-mini", "dall-e-3", "omni-moderation-latest"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTime> _imageTimes = new();
    private long _sequence;
    private FakeFaults _faults;

    private FakeOpenAiServer(WebApplication app, FakeFaults faults)
    {
        _app = app;
        _faults = faults;
    }

    public FakeJournal Journal { get; } = new();

    public FakeFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? new FakeFaults());
    }

    /// <summary>The base URL a client uses, with /v1, e.g. http://127.0.0.1:5055/v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Completes when the server stops (Ctrl+C for the CLI, or the token).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    /// <summary>Starts on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<FakeOpenAiServer> StartAsync(int port = 0, FakeFaults? faults = null, CancellationToken ct = default)
    {
        var app = LoopbackHost.Build(port, Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2);
        var server = new FakeOpenAiServer(app, faults ?? new FakeFaults());
        server.Map(app);
        server.BaseUrl = await LoopbackHost.StartAsync(app, port, ct) + "/v1";
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackHost.StopAsync(_app);

    private void Map(WebApplication app)
    {
        app.MapGet("/_fake/faults", () => Results.Json(Faults));
        app.MapPost("/_fake/faults", (FakeFaults faults) =>
        {
            Faults = faults;
            return Results.Json(Faults);
        });
        app.MapGet("/_fake/journal", () => Results.Json(Journal.Entries));
        app.MapDelete("/_fake/journal", () =>
        {
            Journal.Clear();
            return Results.NoContent();
        });
        app.MapGet("/_fake/files/{name}", (string name) => _files.TryGetValue(name, out var png) ? Results.Bytes(png, "image/png") : Results.NotFound());

        app.MapGet("/v1/models", (HttpContext http) => Handle(http, "models", ListModels));
        app.MapPost("/v1/chat/completions", (HttpContext http) => Handle(http, "chat/completions", Chat));
        app.MapPost("/v1/images/generations", (HttpContext http) => Handle(http, "images/generations", Generate));
        app.MapPost("/v1/images/edits", (HttpContext http) => Handle(http, "images/edits", Edit));
        app.MapPost("/v1/moderations", (HttpContext http) => Handle(http, "moderations", Moderate));
        app.MapPost("/v1/audio/speech", (HttpContext http) => Handle(http, "audio/speech", Speak));
        app.MapFallback((HttpContext http) => Error(http, 404, "invalid_request_error", "unknown_url", $"Unknown request URL: {http.Request.Method} {http.Request.Path}."));
    }

    /// <summary>What a route answers; Entry fills the journal fields only the route knows.</summary>
    private sealed record Answer(int Status, JsonNode Body, JournalEntry? Entry = null, string? RetryAfter = null, byte[]? Audio = null, string? AudioType = null);

    private async Task Handle(HttpContext http, string endpoint, Func<Request, Task<Answer>> route)
    {
        var n = Interlocked.Increment(ref _sequence);
        var faults = Faults;
        http.Request.EnableBuffering();
        var length = http.Request.ContentLength ?? 0;
        var request = new Request(http, n, faults);
        void Log(int status, string? fault, JournalEntry? e = null) => Journal.Add((e ?? new JournalEntry(n, endpoint, null, 0, 0, 0, null, null)) with
        {
            Sequence = n, Endpoint = endpoint, Status = status, Fault = fault, BodyBytes = length,
        });

        if (http.Request.Headers.Authorization.ToString() is not { Length: > 7 } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            Log(401, "auth");
            await Error(http, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.");
            return;
        }
        Headers(http, n);
        if (faults.LatencyMs > 0) await Task.Delay(faults.LatencyMs, http.RequestAborted);
        if (faults.InsufficientQuota)
        {
            Log(429, "insufficient_quota");
            await Error(http, 429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota, please check your plan and billing details.");
            return;
        }
        var roll = Roll(n);
        if (roll < faults.HangRate)
        {
            Log(504, "hang");
            try
            {
                await Task.Delay(faults.HangMs, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Error(http, 504, "server_error", null, "Gateway timeout.");
            return;
        }
        roll -= faults.HangRate;
        if (roll < faults.ServerErrorRate)
        {
            Log(500, "500");
            await Error(http, 500, "server_error", null, "The server had an error while processing your request. Sorry about that!");
            return;
        }
        roll -= faults.ServerErrorRate;
        if (roll < faults.RateLimitRate || endpoint.StartsWith("images/", StringComparison.Ordinal) && OverImageLimit(faults))
        {
            Log(429, "429");
            http.Response.Headers["retry-after"] = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["x-ratelimit-remaining-requests"] = "0";
            await Error(http, 429, "requests", "rate_limit_exceeded",
                $"Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in {faults.RetryAfterSeconds}s.");
            return;
        }
        Answer answer;
        try
        {
            answer = await route(request);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or InvalidCastException)
        {
            answer = Fail(400, "invalid_request_error", "invalid_request", $"We could not parse the JSON body of your request: {e.Message}");
        }
        Log(answer.Status, answer.Status == 400 && answer.Body["error"]?["code"]?.GetValue<string>() is "moderation_blocked" or "content_policy_violation" ? "content_policy" : null, answer.Entry);
        if (endpoint.StartsWith("images/", StringComparison.Ordinal) && faults.ImageLatencyMs > 0) await Task.Delay(faults.ImageLatencyMs, http.RequestAborted);
        http.Response.StatusCode = answer.Status;
        if (answer.Audio is { } sound)
        {
            // The speech endpoint answers the sound itself, not JSON.
            http.Response.ContentType = answer.AudioType;
            await http.Response.Body.WriteAsync(sound, http.RequestAborted);
            return;
        }
        await http.Response.WriteAsJsonAsync(answer.Body, http.RequestAborted);
    }

    private sealed class Request(HttpContext http, long n, FakeFaults faults)
    {
        public HttpContext Http { get; } = http;
        public long Sequence { get; } = n;
        public FakeFaults Faults { get; } = faults;

        public async Task<JsonNode> JsonAsync() =>
            await JsonNode.ParseAsync(Http.Request.Body, cancellationToken: Http.RequestAborted) ?? throw new JsonException("empty body");
    }

    private static Task<Answer> ListModels(Request r) => Task.FromResult(new Answer(200, new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. Models.Select(m => (JsonNode)new JsonObject { ["id"] = m, ["object"] = "model", ["created"] = 1_700_000_000, ["owned_by"] = "storyloom-fake" })]),
    }));

    private async Task<Answer> Chat(Request r)
    {
        var body = await r.JsonAsync();
        var model = body["model"]?.GetValue<string>() ?? throw new JsonException("'model' is required");
        var messages = body["messages"] as JsonArray ?? throw new JsonException("'messages' is required");
        var prompt = string.Join("\n", messages.Select(m => Content(m?["content"])));
        var last = messages.Count > 0 ? Content(messages[^1]?["content"]) : "";
        var pictures = new List<byte[]>();
        foreach (var part in messages.Select(m => m?["content"]).OfType<JsonArray>().SelectMany(a => a).Where(p => p?["type"]?.GetValue<string>() == "image_url"))
        {
            var url = part?["image_url"]?["url"]?.GetValue<string>() ?? "";
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            if (!url.StartsWith("data:image/", StringComparison.Ordinal) || comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.Ordinal))
                return Fail(400, "invalid_request_error", "invalid_image_url", "Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,...').", "messages");
            pictures.Add(Convert.FromBase64String(url[(comma + 1)..]));
        }
        if (pictures.Count > 0 && r.Faults.VisionLatencyMs > 0) await Task.Delay(r.Faults.VisionLatencyMs, r.Http.RequestAborted);
        string content;
        if (body["response_format"]?["type"]?.GetValue<string>() == "json_schema")
        {
            var format = body["response_format"]!["json_schema"] ?? throw new JsonException("response_format.json_schema is required");
            if (format["name"] is null || format["schema"] is not JsonObject schema) return Fail(400, "invalid_request_error", "invalid_value", "response_format.json_schema needs 'name' and 'schema'.");
            var answer = pictures.Count > 0 ? FakeLooker.Verdict(schema, prompt, pictures[0], r.Faults) : null;
            content = (answer ?? FakeWriter.Answer(schema, prompt, format["name"]?.GetValue<string>(), r.Faults))?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        }
        else
        {
            content = FakeWriter.PlainText(prompt);
        }
        var imageTokens = pictures.Sum(FakeLooker.TokensOf);
        var inTokens = Tokens(prompt) + imageTokens;
        var outTokens = Tokens(content);
        return new Answer(200, new JsonObject
        {
            ["id"] = $"chatcmpl-{r.Sequence:D8}",
            ["object"] = "chat.completion",
            ["created"] = 1_760_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null, ["annotations"] = new JsonArray() },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = inTokens,
                ["completion_tokens"] = outTokens,
                ["total_tokens"] = inTokens + outTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0, ["image_tokens"] = imageTokens },
                ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0, ["rejected_prediction_tokens"] = 0 },
            },
            ["service_tier"] = "default",
        }, new JournalEntry(0, "", model, 0, pictures.Count, 0, last, null));
    }

    private async Task<Answer> Generate(Request r)
    {
        var body = await r.JsonAsync();
        var model = body["model"]?.GetValue<string>() ?? "dall-e-2";
        var prompt = body["prompt"]?.GetValue<string>() ?? throw new JsonException("'prompt' is required");
        var entry = new JournalEntry(0, "", model, 0, 0, 0, prompt, null);
        var dalle = model.StartsWith("dall-e", StringComparison.Ordinal);
        if (!dalle && body["response_format"] is not null)
            return Fail(400, "invalid_request_error", "unknown_parameter", "Unknown parameter: 'response_format'.", "response_format") with { Entry = entry };
        if (dalle && (body["n"]?.GetValue<int>() ?? 1) != 1)
            return Fail(400, "invalid_request_error", "invalid_value", "You must provide n=1 for this model.", "n") with { Entry = entry };
        return Picture(r, model, prompt, body["size"]?.GetValue<string>(), body["response_format"]?.GetValue<string>(), [], entry);
    }

    private async Task<Answer> Edit(Request r)
    {
        if (!r.Http.Request.HasFormContentType) return Fail(400, "invalid_request_error", "invalid_request", "Send images/edits as multipart/form-data.");
        var form = await r.Http.Request.ReadFormAsync(r.Http.RequestAborted);
        var model = form["model"].ToString() is { Length: > 0 } m ? m : "gpt-image-1.5";
        var prompt = form["prompt"].ToString();
        var parts = form.Files.Where(f => f.Name is "image" or "image[]" || f.Name.StartsWith("image[", StringComparison.Ordinal)).ToList();
        var entry = new JournalEntry(0, "", model, 0, parts.Count, 0, prompt, null, form["input_fidelity"].ToString() is { Length: > 0 } fi ? fi : null,
            [.. parts.Select(p => p.ContentType ?? "")]);
        if (prompt.Length == 0) return Fail(400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'prompt'.", "prompt") with { Entry = entry };
        if (parts.Count == 0) return Fail(400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'image'.", "image") with { Entry = entry };
        if (parts.Count > 16) return Fail(400, "invalid_request_error", "invalid_value", "Too many images: at most 16.", "image") with { Entry = entry };
        for (var i = 0; i < parts.Count; i++)
            if (parts[i].ContentType is not ("image/png" or "image/jpeg" or "image/webp"))
                return Fail(400, "invalid_request_error", "unsupported_file_mimetype",
                    $"Invalid file 'image[{i}]': unsupported mimetype ('{parts[i].ContentType}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.", $"image[{i}]") with { Entry = entry };
        var refs = new List<byte[]>();
        foreach (var p in parts)
        {
            using var s = new MemoryStream();
            await p.CopyToAsync(s, r.Http.RequestAborted);
            refs.Add(s.ToArray());
        }
        return Picture(r, model, prompt, form["size"].ToString(), null, refs, entry);
    }

    private Answer Picture(Request r, string model, string prompt, string? size, string? responseFormat, IReadOnlyList<byte[]> refs, JournalEntry entry)
    {
        var dalle = model.StartsWith("dall-e", StringComparison.Ordinal);
        if (r.Faults.ContentPolicyWords.FirstOrDefault(w => prompt.Contains(w, StringComparison.OrdinalIgnoreCase)) is not null)
            return (dalle
                ? Fail(400, "invalid_request_error", "content_policy_violation", "Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.")
                : Fail(400, "image_generation_user_error", "moderation_blocked", "Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID.")) with { Entry = entry };
        var (w, h) = Size(size);
        var open = r.Faults.OpenOutlines && !prompt.Contains("Corrections after checks", StringComparison.Ordinal);
        var png = FakePng.Paint(prompt, w, h, refs, open ? Math.Max(3, w / 40) : 0);
        var item = new JsonObject();
        if (dalle && responseFormat != "b64_json")
        {
            var name = Convert.ToHexStringLower(SHA256.HashData(png))[..16] + ".png";
            _files[name] = png;
            var req = r.Http.Request;
            item["url"] = $"{req.Scheme}://{req.Host}/_fake/files/{name}";
        }
        else
        {
            item["b64_json"] = Convert.ToBase64String(png);
        }
        if (dalle) item["revised_prompt"] = prompt;
        var body = new JsonObject { ["created"] = 1_760_000_000, ["data"] = new JsonArray(item) };
        if (!dalle)
        {
            var input = Tokens(prompt) + refs.Count * 323;
            var output = w * h / 1024 * 1056 / 1024;
            body["background"] = "opaque";
            body["output_format"] = "png";
            body["quality"] = "medium";
            body["size"] = $"{w}x{h}";
            body["usage"] = new JsonObject
            {
                ["input_tokens"] = input, ["output_tokens"] = output, ["total_tokens"] = input + output,
                ["input_tokens_details"] = new JsonObject { ["text_tokens"] = Tokens(prompt), ["image_tokens"] = refs.Count * 323 },
                ["output_tokens_details"] = new JsonObject { ["text_tokens"] = 0, ["image_tokens"] = output },
            };
        }
        return new Answer(200, body, entry);
    }

    private static readonly string[] Categories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
        "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    private static readonly HashSet<string> ImageCategories = ["self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "violence", "violence/graphic"];

    private async Task<Answer> Moderate(Request r)
    {
        var body = await r.JsonAsync();
        var model = body["model"]?.GetValue<string>() ?? "omni-moderation-latest";
        var inputs = body["input"] switch
        {
            JsonArray a => a.Select(x => x is JsonValue v ? v.GetValue<string>() : x?["text"]?.GetValue<string>() ?? "").ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => throw new JsonException("'input' is required"),
        };
        var results = new JsonArray();
        foreach (var text in inputs)
        {
            var hits = r.Faults.FlagWords.Where(p => ContainsWord(text, p.Key)).Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
            var categories = new JsonObject();
            var scores = new JsonObject();
            var applied = new JsonObject();
            foreach (var c in Categories)
            {
                categories[c] = hits.Contains(c);
                scores[c] = hits.Contains(c) ? 0.93 : 0.0001;
                applied[c] = ImageCategories.Contains(c) ? new JsonArray("text", "image") : new JsonArray("text");
            }
            results.Add(new JsonObject { ["flagged"] = hits.Count > 0, ["categories"] = categories, ["category_scores"] = scores, ["category_applied_input_types"] = applied });
        }
        return new Answer(200, new JsonObject { ["id"] = $"modr-{r.Sequence}", ["model"] = model, ["results"] = results },
            new JournalEntry(0, "", model, 0, 0, 0, string.Join("\n", inputs), null));
    }

    /// <summary>
    /// POST /v1/audio/speech: real sound the fake makes itself (<see cref="FakeSpeech"/>), a voiced buzz a word with a pause between
    /// words, as long as the text; "pcm" (raw 24 kHz 16-bit mono) or "wav". Other formats need an encoder the fake does not carry.
    /// </summary>
    private async Task<Answer> Speak(Request r)
    {
        var body = await r.JsonAsync();
        var model = body["model"]?.GetValue<string>() ?? throw new JsonException("'model' is required");
        var input = body["input"]?.GetValue<string>() ?? throw new JsonException("'input' is required");
        var voice = body["voice"]?.GetValue<string>() ?? throw new JsonException("'voice' is required");
        var format = body["response_format"]?.GetValue<string>() ?? "mp3";
        var speed = body["speed"]?.GetValue<double>() ?? 1.0;
        var entry = new JournalEntry(0, "", model, 0, 0, 0, input, null);
        if (input.Length > 4096)
        {
            return Fail(400, "invalid_request_error", "string_above_max_length", $"Invalid 'input': string too long. Expected a string with maximum length 4096, but got a string with length {input.Length} instead.") with { Entry = entry };
        }
        if (!FakeSpeech.Voices.Contains(voice))
        {
            return Fail(400, "invalid_request_error", "invalid_value", $"Invalid value for 'voice': '{voice}'. Supported values are: {string.Join(", ", FakeSpeech.Voices.Select(v => $"'{v}'"))}.") with { Entry = entry };
        }
        if (body["instructions"] is not null && model.StartsWith("tts-", StringComparison.Ordinal))
        {
            return Fail(400, "invalid_request_error", "unsupported_parameter", $"Unsupported parameter: 'instructions' is not supported with this model.") with { Entry = entry };
        }
        var pcm = FakeSpeech.Say(input, voice, speed);
        return format switch
        {
            "pcm" => new Answer(200, new JsonObject(), entry, Audio: pcm, AudioType: "audio/pcm"),
            "wav" => new Answer(200, new JsonObject(), entry, Audio: FakeSpeech.Wav(pcm), AudioType: "audio/wav"),
            "mp3" or "opus" or "aac" or "flac" => Fail(400, "invalid_request_error", "unsupported_format", $"the fake OpenAI server makes pcm and wav only, not '{format}'") with { Entry = entry },
            _ => Fail(400, "invalid_request_error", "invalid_value", $"Invalid value for 'response_format': '{format}'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.") with { Entry = entry },
        };
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetter(text[i - 1]);
            var after = i + word.Length >= text.Length || !char.IsLetter(text[i + word.Length]) || text[i + word.Length] == 's';
            if (before && after) return true;
        }
        return false;
    }

    private bool OverImageLimit(FakeFaults faults)
    {
        if (faults.ImagesPerMinute <= 0) return false;
        var now = DateTime.UtcNow;
        lock (_imageTimes)
        {
            while (_imageTimes.TryPeek(out var t) && now - t > TimeSpan.FromMinutes(1)) _imageTimes.TryDequeue(out _);
            if (_imageTimes.Count >= faults.ImagesPerMinute) return true;
            _imageTimes.Enqueue(now);
            return false;
        }
    }

    private static (int W, int H) Size(string? size)
    {
        var parts = (size is { Length: > 0 } and not "auto" ? size : "1024x1024").Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)
            ? (Math.Clamp(w, 16, 4096), Math.Clamp(h, 16, 4096))
            : (1024, 1024);
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(p => p?["text"]?.GetValue<string>()).Where(t => t is not null)),
        _ => "",
    };

    private static int Tokens(string text) => Math.Max(1, Encoding.UTF8.GetByteCount(text) / 4);

    /// <summary>A fraction in [0,1) from the request number: the same share of faults on every run, no random generator.</summary>
    private static double Roll(long n)
    {
        var z = (ulong)n * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static void Headers(HttpContext http, long n)
    {
        var h = http.Response.Headers;
        h["x-request-id"] = $"req_{n:D8}";
        h["openai-processing-ms"] = "12";
        h["openai-version"] = "2020-10-01";
        h["x-ratelimit-limit-requests"] = "5000";
        h["x-ratelimit-remaining-requests"] = "4999";
        h["x-ratelimit-reset-requests"] = "12ms";
        h["x-ratelimit-limit-tokens"] = "2000000";
        h["x-ratelimit-remaining-tokens"] = "1999000";
        h["x-ratelimit-reset-tokens"] = "30ms";
    }

    private static Answer Fail(int status, string type, string? code, string message, string? param = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code } });

    private static async Task Error(HttpContext http, int status, string type, string? code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(Fail(status, type, code, message).Body, http.RequestAborted);
    }
}
