using System.Collections.Concurrent;

namespace Storyloom.Core.Story;

/// <summary>
/// What the reading meter needs of one written word, worked out once per process: books reuse a few thousand words, and
/// the story engine weighs each candidate line for grade and rare words.
/// </summary>
internal sealed class WordInfo
{
    private static readonly ConcurrentDictionary<string, WordInfo> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> BySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ConcurrentDictionary<IReadOnlySet<string>, bool> _common = new(ReferenceEqualityComparer.Instance);

    private WordInfo(string word)
    {
        Lower = word.Replace('’', '\'').ToLowerInvariant();
        Bare = Lower.EndsWith("'s", StringComparison.Ordinal) ? Lower[..^2] : Lower;
        Syllables = ReadabilityMeter.Syllables(Lower);
    }

    /// <summary>Lower case, straight apostrophe: "pip's".</summary>
    public string Lower { get; }

    /// <summary>Without a possessive: "pip".</summary>
    public string Bare { get; }

    public int Syllables { get; }

    public bool IsCommon(IReadOnlySet<string> list) => _common.GetOrAdd(list, l => CommonWords.Contains(l, Lower));

    public static WordInfo Of(ReadOnlySpan<char> word)
    {
        if (BySpan.TryGetValue(word, out var known)) return known;
        var text = word.ToString();
        return Known.GetOrAdd(text, w => new WordInfo(w));
    }
}
