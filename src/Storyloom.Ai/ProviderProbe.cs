using Storyloom.Ai.Providers;

namespace Storyloom.Ai;

/// <summary>What <c>storyloom doctor</c> reports about the AI provider.</summary>
/// <param name="MissingModels">Configured models the server does not list (a local server may still answer for them).</param>
public sealed record ProbeResult(bool Answers, string BaseUrl, IReadOnlyList<string> Models, IReadOnlyList<string> MissingModels, string? Problem)
{
    public override string ToString() => Answers
        ? $"{BaseUrl}: answers; {Models.Count} models" + (MissingModels.Count > 0 ? $"; not listed: {string.Join(", ", MissingModels)}" : "")
        : $"{BaseUrl}: {Problem}";
}

/// <summary>Asks the provider for its models (GET /v1/models), once, without retries piling up.</summary>
public static class ProviderProbe
{
    public static async Task<ProbeResult> CheckAsync(AiOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) return new ProbeResult(false, options.BaseUrl, [], [], problem);
        var quick = options with { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(15) };
        try
        {
            var models = await new OpenAiProvider(quick).ListModelsAsync(ct);
            var wanted = new[] { options.TextModel, options.ImageModel, options.ModerationModel };
            return new ProbeResult(true, options.BaseUrl, models, [.. wanted.Where(w => !models.Contains(w, StringComparer.Ordinal))], null);
        }
        catch (OpenAiException e)
        {
            // `storyloom doctor` runs for the operator on their own machine, so what the provider said is theirs to read.
            return new ProbeResult(false, options.BaseUrl, [], [], e.Detail is { } detail ? $"{e.Message.Split(" (see the server log", 2)[0]}: {detail}" : e.Message);
        }
        catch (Exception e) when (e is Polly.Timeout.TimeoutRejectedException or HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new ProbeResult(false, options.BaseUrl, [], [], $"no answer: {e.Message}");
        }
    }
}
