using System.Security.Cryptography;
using System.Text;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Secrets;

/// <summary>
/// Encrypts secrets kept at rest (a user's provider API key, Canva tokens) with AES-256-GCM.
/// The key comes from Storyloom:Secrets:Key (base64, 32 bytes; set the same value on every node of a cluster)
/// or, on one machine, from a file made once in the data directory. The purpose (for example "canva-refresh:42")
/// is bound to the ciphertext as associated data, so a value copied to another row or user does not open.
/// </summary>
public sealed class SecretBox
{
    private const string Version = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] _key;

    public SecretBox(StoryloomOptions options)
    {
        _key = KeyFile.Load(options.Secrets.Key, Path.Combine(options.DataDirectory, "secrets-key"), "Storyloom:Secrets:Key", 32);
        if (_key.Length != 32)
        {
            throw new ConfigurationProblemException(["Storyloom:Secrets:Key must be exactly 32 bytes, base64-encoded"]);
        }
    }

    public string Protect(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(purpose));
        return Version + Convert.ToBase64String(output);
    }

    /// <summary>The plaintext, or null when the value was not made by this key for this purpose.</summary>
    public string? Unprotect(string protectedValue, string purpose)
    {
        if (!protectedValue.StartsWith(Version, StringComparison.Ordinal))
        {
            return null;
        }
        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedValue[Version.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (input.Length < NonceBytes + TagBytes)
        {
            return null;
        }
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }
}

public sealed class SecretOptions
{
    /// <summary>AES-256 key for secrets at rest (base64, 32 bytes). Empty: a random key is made once and kept in the data directory.</summary>
    public string? Key { get; set; }
}
