using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Storyloom.Server.Monitoring;

/// <summary>
/// <c>Storyloom-Signature: t=1700000000,v1=&lt;hex&gt;</c> on every alert webhook call: v1 is HMAC-SHA256, keyed with the
/// rule's signing secret (UTF-8), of the unix time in seconds, a dot, and the exact body bytes. A receiver recomputes it,
/// compares in constant time and refuses an old t (replay); see the README for a verifier.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Storyloom-Signature";

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var stamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[stamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(stamp, signed);
        signed[stamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(stamp.Length + 1));
        return $"t={stamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    /// <summary>What a receiver does: the header's v1 matches this body and secret, and t is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp)
            || !parts.TryGetValue("v1", out var given) || Math.Abs(now.ToUnixTimeSeconds() - stamp) > tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Sign(secret, stamp, body)[(t.Length + 6)..];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
