namespace Storyloom.Fakes.OpenAi;

/// <summary>
/// What the fake server does wrong, changeable while it runs (constructor, <see cref="FakeOpenAiServer.Faults"/> or
/// POST /_fake/faults). Rates are applied by a hash of the request's sequence number, so a run sees the same share of faults
/// every time without a random generator.
/// </summary>
public sealed record FakeFaults
{
    /// <summary>Added to every /v1 answer.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Added to picture answers (generations and edits) on top of <see cref="LatencyMs"/>.</summary>
    public int ImageLatencyMs { get; init; }

    /// <summary>Share of /v1 calls answered 500 server_error.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of /v1 calls answered 429 rate_limit_exceeded with Retry-After.</summary>
    public double RateLimitRate { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of /v1 calls that hang for <see cref="HangMs"/> before answering 504, as a stuck upstream does.</summary>
    public double HangRate { get; init; }

    public int HangMs { get; init; } = 30_000;

    /// <summary>Every /v1 call answers 429 insufficient_quota (no Retry-After: it will not clear).</summary>
    public bool InsufficientQuota { get; init; }

    /// <summary>Picture prompts containing one of these words are rejected: 400 moderation_blocked (GPT image) or content_policy_violation (DALL·E).</summary>
    public IReadOnlyList<string> ContentPolicyWords { get; init; } = [];

    /// <summary>Moderation flags text containing one of these words, under the given category.</summary>
    public IReadOnlyDictionary<string, string> FlagWords { get; init; } = DefaultFlagWords;

    /// <summary>Added to chat answers that look at pictures (a vision check).</summary>
    public int VisionLatencyMs { get; init; }

    /// <summary>Share of pictures a vision check calls wrong (a character off its sheet, a missing object or letters drawn).</summary>
    public double VerdictFailRate { get; init; }

    /// <summary>Which pictures fail: the verdict hashes this seed with the picture's bytes, so a run is repeatable.</summary>
    public int VerdictSeed { get; init; }

    /// <summary>
    /// A story with defects the story check finds: "once" puts them in the pages answer (a name whose character is not in the
    /// picture, a change of place the words do not tell) and the story revision fixes them; "always" also answers the revision
    /// with them. Null: the fake writes a story that passes.
    /// </summary>
    public string? FlawedStory { get; init; }

    /// <summary>Coloring line art comes with a gap through every outline on its first try; a redraw (a prompt with corrections) closes them.</summary>
    public bool OpenOutlines { get; init; }

    /// <summary>Most pictures a minute before 429 rate_limit_exceeded; 0 is no limit.</summary>
    public int ImagesPerMinute { get; init; }

    public static IReadOnlyDictionary<string, string> DefaultFlagWords { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["blood"] = "violence/graphic",
        ["gore"] = "violence/graphic",
        ["kill"] = "violence",
        ["knife"] = "violence",
        ["gun"] = "violence",
        ["hate"] = "hate",
        ["drugs"] = "illicit",
        ["naked"] = "sexual",
        ["suicide"] = "self-harm",
    };
}
