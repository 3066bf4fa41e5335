using Storyloom.Ai.Story;
using Storyloom.Core.Books;
using Storyloom.Core.Pipeline;
using Storyloom.Core.Story;

namespace Storyloom.Ai.Engines;

/// <summary>
/// <see cref="IStoryEngine"/> over <see cref="OpenAiStoryWriter"/>. The pipeline's engines are synchronous; this blocks on the
/// writer, which is safe because the CLI and the job runner have no synchronization context. Pages that moderation still flags
/// after one rewrite stop the build: they are never printed silently.
/// </summary>
public sealed class AiStoryEngine(OpenAiStoryWriter writer, string language) : IStoryEngine, IPageRewriter
{
    public ContentCredit Credit => writer.Credit;

    public string Language { get; } = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();

    /// <summary>What the model wrote last, with the safety findings (empty when the build went on).</summary>
    public WrittenStory? Last { get; private set; }

    public Manuscript Write(BookSpec spec)
    {
        // Coloring books: the designs planned by the model; concept books: its words on the offline structure; else a story.
        var written = spec.Kind == BookKind.Coloring
            ? AiFailures.Run("planning the coloring designs", () => writer.PlanColoringAsync(spec, Language, CancellationToken.None))
            : spec.Focus is not null
                ? AiFailures.Run("writing the concept book", () => writer.WriteConceptAsync(spec, Language, CancellationToken.None))
                : AiFailures.Run("writing the story", () => writer.WriteAsync(spec, Language, CancellationToken.None));
        Last = written;
        if (written.Findings.Count > 0) throw new BuildException($"moderation still flags {string.Join("; ", written.Findings)} after one rewrite; the book was stopped for you to review, nothing was printed");
        return written.Manuscript;
    }

    /// <summary>New words for one story page by the model, in the book's language; words moderation flags stop the task, nothing is saved.</summary>
    public ManuscriptPage? RewritePage(BookSpec spec, Manuscript book, int number, int seed)
    {
        var rewritten = AiFailures.Run($"writing new words for page {number}", () => writer.RewritePageAsync(spec, book, number, seed, Language, CancellationToken.None));
        if (rewritten is null) return null;
        if (rewritten.Findings.Count > 0)
        {
            var reasons = string.Join(", ", rewritten.Findings.SelectMany(f => f.Reasons).Distinct());
            throw new BuildException($"moderation flagged the new words for page {number} ({reasons}), so the page keeps its words; ask for new text again, or edit the page by hand");
        }
        return rewritten.Page;
    }
}
