using Storyloom.Ai.Costs;

namespace Storyloom.Ai;

/// <summary>
/// Where the AI engines talk to and what they may spend. Defaults follow api-wire.md: Chat Completions for text, a GPT
/// image model for pictures (DALL·E 3 only when a server still offers it), omni-moderation for safety.
/// </summary>
public sealed record AiOptions
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>Never printed: <see cref="ToString"/> shows only whether one is set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Must include the <c>/v1</c> segment (the SDK appends <c>/chat/completions</c> etc. to it).</summary>
    public string BaseUrl { get; init; } = DefaultBaseUrl;

    public string TextModel { get; init; } = "gpt-4o-mini";
    public string ImageModel { get; init; } = "gpt-image-1";
    public string ModerationModel { get; init; } = "omni-moderation-latest";

    /// <summary>Vision chat model that checks every picture against its page and its characters' sheets; "off" (or empty) skips the check.</summary>
    public string VisionModel { get; init; } = "gpt-4.1-mini";

    /// <summary>The text-to-speech model that narrates a read-along eBook (POST /audio/speech).</summary>
    public string SpeechModel { get; init; } = "gpt-4o-mini-tts";

    /// <summary>The narrator's voice; OpenAI's voices speak every language the model knows, in the language of the text.</summary>
    public string SpeechVoice { get; init; } = "coral";

    /// <summary>Most redraws of one picture whose check failed; a picture still failing after them is kept and reported.</summary>
    public int MaxRedraws { get; init; } = 2;

    public bool ChecksPictures => VisionModel is { Length: > 0 } v && !v.Equals("off", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fixed picture size (GPT image: 1024x1024, 1536x1024, 1024x1536); null asks for the one closest to the page's shape.</summary>
    public string? ImageSize { get; init; }

    /// <summary>The size to ask for a picture of this width-to-height ratio: <see cref="ImageSize"/> when set, else portrait, landscape or square.</summary>
    public string SizeFor(double aspect)
    {
        if (ImageSize is { Length: > 0 } fixedSize) return fixedSize;
        // Nearest of 2:3, 1:1 and 3:2 on a log scale (DALL·E's long side is 1792).
        var (tall, wide) = ImageModelIsDallE ? ("1024x1792", "1792x1024") : ("1024x1536", "1536x1024");
        return aspect < 0.816 ? tall : aspect > 1.225 ? wide : "1024x1024";
    }

    /// <summary>GPT image quality: low, medium, high or auto (never DALL·E's "hd").</summary>
    public string ImageQuality { get; init; } = "medium";

    /// <summary>
    /// Quality of the reference sheets: low by default. A sheet is only a reference for the pages' image edits (who looks how, in
    /// which colours and clothes), never printed; at low it costs $0.011 instead of $0.042 (gpt-image-1), which brings a standard
    /// 32-page book under US$1.50 at the pages' default medium quality (bench/RESULTS.md).
    /// </summary>
    public string SheetQuality { get; init; } = "low";

    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>Most a book may spend, in US dollars; null is no cap.</summary>
    public decimal? BudgetPerBook { get; init; }

    /// <summary>Client-side limits shared by everything in this process that talks to the same base URL.</summary>
    public int RequestsPerMinute { get; init; } = 500;
    public int ImagesPerMinute { get; init; } = 50;

    /// <summary>
    /// Pictures painted at once; the rate limiter still has the last word. A GPT image picture takes 30–60 s, so keeping pace with
    /// 50 pictures a minute needs 25–50 in flight: 8 would cap a book at about 16 a minute.
    /// </summary>
    public int MaxConcurrentImages { get; init; } = 32;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(15);
    public int MaxRetries { get; init; } = 6;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a server may ask for with Retry-After before the call gives up instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Circuit breaker: opens when this share of calls fails within <see cref="BreakerSampling"/>.</summary>
    public double BreakerFailureRatio { get; init; } = 0.6;
    public int BreakerMinimumThroughput { get; init; } = 20;
    public TimeSpan BreakerSampling { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakerBreak { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A dall-e-* model takes the legacy image parameters (url responses, "hd" quality, one reference at most).</summary>
    public bool ImageModelIsDallE => ImageModel.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where the provider may be reached: public addresses only unless the server's administrator allowed private hosts
    /// (Storyloom__Network__AllowedPrivateHosts); <see cref="FromEnvironment"/>, read by the CLI on its own machine, allows loopback.
    /// </summary>
    public Network.OutboundPolicy Outbound { get; init; } = Network.OutboundPolicy.PublicOnly;

    /// <summary>Largest answer read from the provider (a 1536x1024 PNG in base64 is a few MB).</summary>
    public const long MaxResponseBytes = 64L << 20;

    public Uri Endpoint => new(BaseUrl.TrimEnd('/') + "/");

    /// <summary>
    /// Reads OPENAI_API_KEY, OPENAI_BASE_URL, STORYLOOM_AI_TEXT_MODEL, STORYLOOM_AI_IMAGE_MODEL, STORYLOOM_AI_MODERATION_MODEL,
    /// STORYLOOM_AI_VISION_MODEL (off: no picture check), STORYLOOM_AI_MAX_REDRAWS, STORYLOOM_AI_IMAGE_QUALITY, STORYLOOM_AI_SHEET_QUALITY, STORYLOOM_AI_BUDGET,
    /// and the limits of the account: STORYLOOM_AI_REQUESTS_PER_MINUTE, STORYLOOM_AI_IMAGES_PER_MINUTE, STORYLOOM_AI_MAX_CONCURRENT_IMAGES.
    /// </summary>
    public static AiOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => read(name) is { Length: > 0 } v ? v.Trim() : null;
        int Count(string name, int fallback) => int.TryParse(Get(name), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        var o = new AiOptions();
        return o with
        {
            ApiKey = Get("OPENAI_API_KEY"),
            BaseUrl = Get("OPENAI_BASE_URL") ?? o.BaseUrl,
            TextModel = Get("STORYLOOM_AI_TEXT_MODEL") ?? o.TextModel,
            ImageModel = Get("STORYLOOM_AI_IMAGE_MODEL") ?? o.ImageModel,
            ModerationModel = Get("STORYLOOM_AI_MODERATION_MODEL") ?? o.ModerationModel,
            VisionModel = Get("STORYLOOM_AI_VISION_MODEL") ?? o.VisionModel,
            SpeechModel = Get("STORYLOOM_AI_SPEECH_MODEL") ?? o.SpeechModel,
            SpeechVoice = Get("STORYLOOM_AI_SPEECH_VOICE") ?? o.SpeechVoice,
            MaxRedraws = int.TryParse(Get("STORYLOOM_AI_MAX_REDRAWS"), System.Globalization.CultureInfo.InvariantCulture, out var redraws) && redraws >= 0 ? redraws : o.MaxRedraws,
            ImageQuality = Get("STORYLOOM_AI_IMAGE_QUALITY") ?? o.ImageQuality,
            SheetQuality = Get("STORYLOOM_AI_SHEET_QUALITY") ?? o.SheetQuality,
            BudgetPerBook = decimal.TryParse(Get("STORYLOOM_AI_BUDGET"), System.Globalization.CultureInfo.InvariantCulture, out var cap) ? cap : null,
            RequestsPerMinute = Count("STORYLOOM_AI_REQUESTS_PER_MINUTE", o.RequestsPerMinute),
            ImagesPerMinute = Count("STORYLOOM_AI_IMAGES_PER_MINUTE", o.ImagesPerMinute),
            MaxConcurrentImages = Count("STORYLOOM_AI_MAX_CONCURRENT_IMAGES", o.MaxConcurrentImages),
            Outbound = Network.OutboundPolicy.LocalMachine,
        };
    }

    /// <summary>What is wrong with these options, or null when they are usable.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ApiKey)) return "OPENAI_API_KEY is not set (any non-empty value works for a local server such as Ollama or the fake)";
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")) return $"OPENAI_BASE_URL '{BaseUrl}' is not an http(s) URL";
        if (ImageModelIsDallE && ImageModel != "dall-e-3") return $"image model '{ImageModel}' cannot paint consistent characters; use gpt-image-1 (or dall-e-3 where a server still offers it)";
        return null;
    }

    // Records print every property; the key must never reach a log line.
    public override string ToString() =>
        $"AiOptions {{ BaseUrl = {BaseUrl}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set, hidden)")}, TextModel = {TextModel}, ImageModel = {ImageModel}, ModerationModel = {ModerationModel}, VisionModel = {VisionModel}, MaxRedraws = {MaxRedraws}, ImageSize = {ImageSize ?? "by page"}, ImageQuality = {ImageQuality}, SheetQuality = {SheetQuality}, BudgetPerBook = {BudgetPerBook?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}
