using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Images;
using OpenAI.Models;
using OpenAI.Moderations;

namespace Storyloom.Ai.Providers;

/// <summary>One chat turn of a structured-output request.</summary>
public sealed record ChatTurn(string Role, string Content);

/// <summary>A structured answer and what it used.</summary>
public sealed record JsonAnswer(string Json, long InputTokens, long OutputTokens);

/// <summary>A PNG picture and what it used (GPT image models report tokens; DALL·E does not).</summary>
public sealed record PictureAnswer(byte[] Png, long InputTokens, long OutputTokens);

/// <summary>One moderation verdict per input, with the names of the flagged categories.</summary>
public sealed record ModerationVerdict(bool Flagged, IReadOnlyList<string> Categories);

/// <summary>A reference picture attached to an image edit.</summary>
public sealed record ReferenceImage(string Name, byte[] Png);

/// <summary>
/// Calls an OpenAI-compatible server through the official SDK (custom Endpoint, SDK retries off) inside the shared
/// <see cref="ProviderPipeline"/>. Chat uses the typed API; pictures and moderation use the SDK's protocol methods, because the
/// typed image-edit API sends one reference image without a part Content-Type, and a book needs several references (image[])
/// each marked image/png (api-wire.md 1.5, 1.8).
/// </summary>
public sealed class OpenAiProvider
{
    private readonly AiOptions _options;
    private readonly OpenAIClient _client;
    private readonly ProviderPipeline _pipeline;

    public OpenAiProvider(AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        _options = options;
        var sdk = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The pipeline times each attempt; the SDK's own network timeout must never fire first.
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(30),
            UserAgentApplicationId = "storyloom",
            // Every call goes through the guarded client: no private addresses unless allowed, no redirects, a size cap.
            Transport = new HttpClientPipelineTransport(Network.OutboundHttp.SharedClient(options.Outbound, AiOptions.MaxResponseBytes)),
        };
        _client = new OpenAIClient(new ApiKeyCredential(options.ApiKey!), sdk);
        _pipeline = ProviderPipeline.For(options);
    }

    public AiOptions Options => _options;

    /// <summary>Chat Completions with a strict json_schema response format; the answer's JSON string and token usage.</summary>
    public Task<JsonAnswer> CompleteJsonAsync(string schemaName, string schemaJson, IReadOnlyList<ChatTurn> turns, int maxOutputTokens, CancellationToken ct)
    {
        var chat = _client.GetChatClient(_options.TextModel);
        var messages = turns.Select(t => t.Role switch
        {
            "system" => (ChatMessage)new SystemChatMessage(t.Content),
            "assistant" => new AssistantChatMessage(t.Content),
            _ => new UserChatMessage(t.Content),
        }).ToList();
        var opts = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schemaName, BinaryData.FromString(schemaJson), jsonSchemaIsStrict: true),
            MaxOutputTokenCount = maxOutputTokens,
        };
        return _pipeline.RunAsync(async token =>
        {
            ChatCompletion c = await chat.CompleteChatAsync(messages, opts, token);
            if (c.Refusal is { Length: > 0 } refusal) throw OpenAiException.Remote(FailureKind.ContentPolicy, "refusal", "the model refused to write this", refusal);
            if (c.FinishReason == ChatFinishReason.ContentFilter) throw new OpenAiException(FailureKind.ContentPolicy, 200, "content_filter", "the answer was stopped by the provider's content filter");
            if (c.FinishReason == ChatFinishReason.Length) throw new OpenAiException(FailureKind.BadAnswer, 200, "length", $"the answer was cut off at {maxOutputTokens} tokens");
            var json = c.Content.Count > 0 ? c.Content[0].Text : "";
            return new JsonAnswer(json, c.Usage?.InputTokenCount ?? 0, c.Usage?.OutputTokenCount ?? 0);
        }, isImage: false, ct);
    }

    /// <summary>
    /// Chat Completions with pictures: <paramref name="model"/> (a vision model) reads the text, then each labelled PNG as an
    /// image_url data URL part, and answers in the strict json_schema.
    /// </summary>
    public Task<JsonAnswer> LookJsonAsync(string model, string schemaName, string schemaJson, string system, string text,
        IReadOnlyList<ReferenceImage> pictures, int maxOutputTokens, CancellationToken ct)
    {
        var chat = _client.GetChatClient(model);
        var parts = new List<ChatMessageContentPart> { ChatMessageContentPart.CreateTextPart(text) };
        foreach (var p in pictures)
        {
            parts.Add(ChatMessageContentPart.CreateTextPart($"Image: {p.Name}"));
            parts.Add(ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(p.Png), "image/png", ChatImageDetailLevel.Auto));
        }
        List<ChatMessage> messages = [new SystemChatMessage(system), new UserChatMessage(parts)];
        var opts = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schemaName, BinaryData.FromString(schemaJson), jsonSchemaIsStrict: true),
            MaxOutputTokenCount = maxOutputTokens,
        };
        return _pipeline.RunAsync(async token =>
        {
            ChatCompletion c = await chat.CompleteChatAsync(messages, opts, token);
            if (c.Refusal is { Length: > 0 } refusal) throw OpenAiException.Remote(FailureKind.ContentPolicy, "refusal", "the model refused to look at this picture", refusal);
            if (c.FinishReason == ChatFinishReason.Length) throw new OpenAiException(FailureKind.BadAnswer, 200, "length", $"the answer was cut off at {maxOutputTokens} tokens");
            var json = c.Content.Count > 0 ? c.Content[0].Text : "";
            return new JsonAnswer(json, c.Usage?.InputTokenCount ?? 0, c.Usage?.OutputTokenCount ?? 0);
        }, isImage: false, ct);
    }

    /// <summary>POST /images/generations: one PNG.</summary>
    public Task<PictureAnswer> GenerateImageAsync(string prompt, CancellationToken ct, string? size = null, string? quality = null)
    {
        var images = _client.GetImageClient(_options.ImageModel);
        var body = new JsonObject
        {
            ["model"] = _options.ImageModel,
            ["prompt"] = prompt,
            ["n"] = 1,
            ["size"] = size ?? _options.SizeFor(1),
            ["quality"] = _options.ImageModelIsDallE ? ((quality ?? _options.ImageQuality) == "high" ? "hd" : "standard") : quality ?? _options.ImageQuality,
        };
        // GPT image models always answer base64 and reject response_format; DALL·E answers a URL unless asked.
        if (_options.ImageModelIsDallE) body["response_format"] = "b64_json";
        else body["output_format"] = "png";
        return _pipeline.RunAsync(async token =>
        {
            var result = await images.GenerateImagesAsync(BinaryContent.Create(BinaryData.FromString(body.ToJsonString())), Request(token));
            return ReadPicture(result.GetRawResponse());
        }, isImage: true, ct);
    }

    /// <summary>POST /images/edits as multipart with every reference as its own image[] part (image/png), high input fidelity.</summary>
    public Task<PictureAnswer> EditImageAsync(string prompt, IReadOnlyList<ReferenceImage> references, CancellationToken ct, string? size = null, string? quality = null)
    {
        if (references.Count == 0) return GenerateImageAsync(prompt, ct, size, quality);
        var images = _client.GetImageClient(_options.ImageModel);
        return _pipeline.RunAsync(async token =>
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(_options.ImageModel), "model");
            form.Add(new StringContent(prompt), "prompt");
            form.Add(new StringContent(size ?? _options.SizeFor(1)), "size");
            form.Add(new StringContent(quality ?? _options.ImageQuality), "quality");
            form.Add(new StringContent("1"), "n");
            if (!_options.ImageModel.EndsWith("-mini", StringComparison.OrdinalIgnoreCase)) form.Add(new StringContent("high"), "input_fidelity");
            foreach (var r in references)
            {
                var part = new ByteArrayContent(r.Png);
                part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                form.Add(part, references.Count == 1 ? "image" : "image[]", r.Name + ".png");
            }
            using var buffer = new MemoryStream();
            await form.CopyToAsync(buffer, token);
            var result = await images.GenerateImageEditsAsync(BinaryContent.Create(BinaryData.FromBytes(buffer.ToArray())),
                form.Headers.ContentType!.ToString(), Request(token));
            return ReadPicture(result.GetRawResponse());
        }, isImage: true, ct);
    }

    /// <summary>POST /moderations with several texts at once: one verdict per text.</summary>
    public Task<IReadOnlyList<ModerationVerdict>> ModerateAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var moderation = _client.GetModerationClient(_options.ModerationModel);
        var body = new JsonObject { ["model"] = _options.ModerationModel, ["input"] = new JsonArray([.. texts.Select(t => JsonValue.Create(t))]) };
        return _pipeline.RunAsync<IReadOnlyList<ModerationVerdict>>(async token =>
        {
            var result = await moderation.ClassifyTextAsync(BinaryContent.Create(BinaryData.FromString(body.ToJsonString())), Request(token));
            using var doc = JsonDocument.Parse(result.GetRawResponse().Content.ToMemory());
            return doc.RootElement.GetProperty("results").EnumerateArray().Select(r => new ModerationVerdict(
                r.GetProperty("flagged").GetBoolean(),
                r.TryGetProperty("categories", out var cats)
                    ? cats.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.True).Select(p => p.Name).ToList()
                    : [])).ToList();
        }, isImage: false, ct);
    }

    /// <summary>
    /// POST /audio/speech: <paramref name="text"/> read aloud by the speech model in the options' voice, answered as raw "pcm"
    /// (16-bit signed little-endian mono at 24 kHz, no header): the length of the samples is the length of the sentence, which
    /// is what the read-along's highlighting needs.
    /// </summary>
    public Task<byte[]> SpeakAsync(string text, string? instructions, CancellationToken ct)
    {
        var audio = _client.GetAudioClient(_options.SpeechModel);
        var body = new JsonObject
        {
            ["model"] = _options.SpeechModel,
            ["input"] = text,
            ["voice"] = _options.SpeechVoice,
            ["response_format"] = "pcm",
        };
        // Only the gpt-4o speech models take instructions; tts-1 rejects them.
        if (instructions is not null && !_options.SpeechModel.StartsWith("tts-", StringComparison.Ordinal)) body["instructions"] = instructions;
        return _pipeline.RunAsync(async token =>
        {
            var result = await audio.GenerateSpeechAsync(BinaryContent.Create(BinaryData.FromString(body.ToJsonString())), Request(token));
            var pcm = result.GetRawResponse().Content.ToArray();
            if (pcm.Length < 2 || pcm.Length % 2 != 0)
                throw new OpenAiException(FailureKind.BadAnswer, 200, "not_pcm", $"the speech answer is not 16-bit PCM ({pcm.Length} bytes)");
            return pcm;
        }, isImage: false, ct);
    }

    /// <summary>GET /models: the ids the server offers.</summary>
    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken ct)
    {
        var models = _client.GetOpenAIModelClient();
        return _pipeline.RunAsync<IReadOnlyList<string>>(async token =>
        {
            OpenAIModelCollection list = await models.GetModelsAsync(token);
            return list.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        }, isImage: false, ct);
    }

    private static RequestOptions Request(CancellationToken ct) => new() { CancellationToken = ct };

    private static PictureAnswer ReadPicture(PipelineResponse response)
    {
        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var root = doc.RootElement;
        var first = root.GetProperty("data").EnumerateArray().FirstOrDefault();
        if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("b64_json", out var b64) || b64.GetString() is not { Length: > 0 } data)
            throw new OpenAiException(FailureKind.BadAnswer, 200, "no_image", "the image answer held no b64_json picture");
        long input = 0, output = 0;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            input = usage.TryGetProperty("input_tokens", out var i) ? i.GetInt64() : 0;
            output = usage.TryGetProperty("output_tokens", out var o) ? o.GetInt64() : 0;
        }
        var png = Convert.FromBase64String(data);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(PngSignature))
            throw new OpenAiException(FailureKind.BadAnswer, 200, "not_png", "the image answer is not a PNG");
        return new PictureAnswer(png, input, output);
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
}
