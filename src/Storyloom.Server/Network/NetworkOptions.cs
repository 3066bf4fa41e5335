using Storyloom.Ai.Network;

namespace Storyloom.Server.Network;

/// <summary>
/// Storyloom:Network: where the server's outbound calls (AI providers, alert webhooks, Canva) may go. Public addresses always;
/// private, loopback and link-local ones only when listed here by the administrator, e.g. "127.0.0.1, 10.0.0.0/8, ollama".
/// </summary>
public sealed class NetworkOptions
{
    public string? AllowedPrivateHosts { get; set; }

    /// <summary>Largest answer an alert webhook may send back (its body is never read beyond this).</summary>
    public long MaxWebhookResponseBytes { get; set; } = 64 << 10;

    public OutboundPolicy Policy() => OutboundPolicy.Parse(AllowedPrivateHosts).Policy;

    public IEnumerable<string> Problems() =>
        OutboundPolicy.Parse(AllowedPrivateHosts).Problems.Select(p => $"Storyloom:Network:AllowedPrivateHosts: {p}");
}
