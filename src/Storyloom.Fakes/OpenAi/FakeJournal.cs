using System.Collections.Concurrent;

namespace Storyloom.Fakes.OpenAi;

/// <summary>One request the fake server saw, and how it answered.</summary>
/// <param name="Endpoint">"chat/completions", "images/generations", "images/edits", "moderations", "models".</param>
/// <param name="ReferenceImages">Image parts attached to an edit, or pictures sent to a vision check (0 elsewhere).</param>
/// <param name="Prompt">The picture prompt, the last user message of a chat, or the moderation inputs joined by newlines.</param>
/// <param name="Fault">The injected fault, if any ("500", "429", "hang", "insufficient_quota", "content_policy", "auth").</param>
public sealed record JournalEntry(
    long Sequence,
    string Endpoint,
    string? Model,
    int Status,
    int ReferenceImages,
    long BodyBytes,
    string? Prompt,
    string? Fault,
    string? InputFidelity = null,
    IReadOnlyList<string>? ReferenceContentTypes = null);

/// <summary>Every request the fake server saw, in arrival order; readable by tests and at GET /_fake/journal.</summary>
public sealed class FakeJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public void Add(JournalEntry entry) => _entries.Enqueue(entry);

    public IReadOnlyList<JournalEntry> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public void Clear() => _entries.Clear();
}
