using Storyloom.Ai;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Server.Books;

namespace Storyloom.Server.Engines;

/// <summary>
/// Before an AI book is queued: its brief goes through the provider's moderation endpoint and the local word list, so a flagged
/// brief is refused at the book, with the field and the reason, before anything is paid for. The verdicts go to the shared answers,
/// so the writer's own check of the brief when the task runs asks the provider nothing new.
/// </summary>
internal static class BriefModeration
{
    /// <summary>Field errors for the flagged parts of the brief; null when it is clean.</summary>
    public static async Task<Dictionary<string, string[]>?> CheckAsync(Book book, EffectiveProvider provider, CancellationToken ct)
    {
        var moderator = new Moderator(new OpenAiProvider(provider.Options), new AssetCache(provider.Answers));
        var findings = await moderator.CheckAsync([("title", book.Title), ("theme", book.Theme), ("moral", book.Moral ?? "")], ct);
        if (findings.Count == 0)
        {
            return null;
        }
        return findings.GroupBy(f => f.Where).ToDictionary(
            g => g.Key,
            g => g.Select(f => $"the {g.Key} was flagged as unsuitable for a children's book ({string.Join(", ", f.Reasons)}; {f.Source}); change it and try again").ToArray());
    }

    /// <summary>The provider could not be asked; the message says what to do, never the key.</summary>
    public static string Unavailable(Exception e) =>
        $"the AI provider could not check the brief ({(e is OpenAiException o ? o.Message.Split('\n')[0] : "it did not answer")}); check your key and base URL in Settings, or try again shortly";
}
