using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Concepts;

/// <summary>
/// One thing a concept book teaches (a letter, a number, a color …): its headline, its line for the youngest
/// readers, the extra line for older ones, and what the picture shows. Lines use {H} (hero) and {F} (friend).
/// </summary>
/// <param name="Short">One short sentence (at most ten words): the whole text for ages 0–2.</param>
/// <param name="More">One or two more sentences for ages 3 and up; null when Short says it all.</param>
/// <param name="Word">The word a look-back or quiz page calls the thing ("apple", "red", "circle").</param>
/// <param name="Who">Who stands in the picture: the cast tokens it names ("H", "F").</param>
/// <param name="Lead">A sentence for ages 3 and up that comes before Short ("A is for apple.").</param>
internal sealed record ConceptUnit(
    string Headline,
    string Short,
    string? More,
    IReadOnlyList<PictureObject> Objects,
    string Word,
    string? Setting = null,
    string? Mood = null,
    Pose Pose = Pose.Standing,
    bool Night = false,
    string? Who = null,
    string? Lead = null)
{
    public int ObjectCount => Objects.Sum(o => o.Count);

    /// <summary>The text for the age band, with {H}/{F} still to fill.</summary>
    public string Text(AgeBand band) => band == AgeBand.Age0To2 ? Short : string.Join(' ', new[] { Lead, Short, More }.Where(s => s is not null));

    /// <summary>The cast tokens the text names, so the picture shows exactly them; the hero when it names no one.</summary>
    public IReadOnlyList<string> Cast(AgeBand band)
    {
        if (Who is not null) return Who.Select(c => c.ToString()).ToList();
        var text = Text(band);
        var who = new[] { "H", "F" }.Where(t => text.Contains("{" + t + "}", StringComparison.Ordinal)).ToList();
        return who.Count > 0 ? who : ["H"];
    }
}

/// <summary>What every format supplies: its units, in teaching order, and the words around them.</summary>
internal interface IConceptFormat
{
    /// <summary>The units in order; <paramref name="pages"/> is how many pages the concepts may fill, so a format may merge or add units.</summary>
    IReadOnlyList<ConceptUnit> Units(Randomness.Rng rng, int pages);

    /// <summary>The look-back page after the last unit: every unit's thing at once.</summary>
    ConceptUnit Recap(IReadOnlyList<ConceptUnit> units, Randomness.Rng rng);

    /// <summary>An extra page that asks about a unit already shown ("Can you find the kite?").</summary>
    ConceptUnit Quiz(ConceptUnit unit, Randomness.Rng rng);

    string[] Titles { get; }
    string Subtitle { get; }
    string[] Morals { get; }
    string[] Threads { get; }
    /// <summary>For the blurb and the listing: "the alphabet", "counting to 10" …</summary>
    string Topic { get; }
    (string Category, string Keyword) Listing { get; }
}
