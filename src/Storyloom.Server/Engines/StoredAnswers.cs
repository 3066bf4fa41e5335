using Storyloom.Ai;
using Storyloom.Server.Storage;

namespace Storyloom.Server.Engines;

/// <summary>
/// The AI answers every worker shares: paid pictures and texts and moderation verdicts, content-addressed by their request hash
/// under <c>ai-answers/ab/abcdef…</c> in the server's file store (the data folder, or the bucket with S3), so no worker, retry,
/// resumed task or rebuild asks the provider for an answer another one already has.
/// </summary>
internal sealed class StoredAnswers(IFileStore files) : IAnswerStore
{
    public const string Prefix = "ai-answers/";

    public static string KeyOf(string hash) => $"{Prefix}{hash[..2]}/{hash}";

    public Task<byte[]?> GetAsync(string key, CancellationToken ct) => files.GetAsync(KeyOf(key), ct);

    public Task PutAsync(string key, byte[] answer, CancellationToken ct) => files.PutAsync(KeyOf(key), answer, ct);
}
