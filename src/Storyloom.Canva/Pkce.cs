using System.Security.Cryptography;
using System.Text;

namespace Storyloom.Canva;

/// <summary>OAuth PKCE (S256): a random verifier kept by Storyloom and its SHA-256 challenge sent in the authorize URL.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    /// <summary>96 random bytes → 128 base64url characters, the longest verifier OAuth allows.</summary>
    public static Pkce Create()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(96));
        return new Pkce(verifier, ChallengeOf(verifier));
    }

    public static string ChallengeOf(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>A random CSRF state for the authorize URL.</summary>
    public static string State() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
