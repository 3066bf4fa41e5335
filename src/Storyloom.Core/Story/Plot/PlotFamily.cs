using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

/// <summary>
/// An authored plot skeleton for one kind of story parents ask for (a first day at school, fear of the dark, losing a pet …):
/// the places, the cast it needs, and its beats in causal order — introduce, want, three tries that each teach something, a
/// turn the hero causes, a resolution, an ending that echoes the opening. The brief's cast and the seed fill the slots.
/// </summary>
/// <param name="Triggers">Phrases of a theme that choose this family (matched on whole words or as phrases).</param>
/// <param name="Keys">The nouns of this premise the story must hold; the first names it ("school", "dentist").</param>
/// <param name="Home">The setting where the story opens and closes.</param>
/// <param name="Roles">Who the story needs besides the hero: P (a grown-up at home), G (a grown-up at the place), F (a friend the hero meets), X (a pet, a baby …).</param>
/// <param name="Refrain">A line that comes back at each try, said along by the child; null for none.</param>
/// <param name="Outranks">Families this one is told over when a theme names both, whatever their triggers' lengths: a sleepover
/// where the hero is scared of the dark is a sleepover story, not a dark one.</param>
/// <param name="General">Told around the theme's own words ({goal}, {fear}) when no situation of the other families is named;
/// its triggers never choose it by themselves.</param>
/// <param name="HeroKinds">Words that name the hero's kind as much as the topic ("dinosaur", "dragon"): they choose this family
/// only when the theme names no other ("a dinosaur at the dentist" is a dentist story told about a dinosaur).</param>
/// <param name="Unless">Phrases that keep a trigger from choosing this family: "lost" is a lost toy, but not in "lost the game"
/// or "when you lose".</param>
/// <param name="Weather">The weather of every outdoor place (Christmas is snowy); null picks fair weather by seed.</param>
public sealed record PlotFamily(
    string Id,
    string[] Triggers,
    string[] Keys,
    string What,
    string Category,
    string Home,
    IReadOnlyDictionary<char, Role> Roles,
    IReadOnlyList<Beat> Beats,
    string[] Titles,
    string[] Morals,
    string Blurb,
    string? Refrain = null,
    string[]? Outranks = null,
    bool General = false,
    string[]? HeroKinds = null,
    string[]? Unless = null,
    string? Weather = null)
{
    /// <summary>The places the story visits, in order.</summary>
    public IReadOnlyList<string> Places => Beats.Select(b => b.Where).Distinct().ToList();
}

/// <summary>A member of the cast a family needs.</summary>
/// <param name="Relation">How the hero would say who this is: "mum", "teacher", "dentist", "dog" — used in introductions.</param>
/// <param name="Species">Fixed species (a baby, a dog); null follows the hero (a grown-up of the hero's kind, or a person for a child).</param>
/// <param name="Names">Names to pick from ("Mama", "Papa" …, "Ms. Rivera" …); null picks from the story names.</param>
/// <param name="Grown">Drawn and spoken of as a grown-up.</param>
/// <param name="Kinds">The species the theme may choose for this role ("jealous of the new kitten"), read by the premise from the
/// creature after "new"; <paramref name="Species"/> is the one told when the theme names none. Null: the role's species is fixed.</param>
/// <param name="Against">The kind this role is against a hero of a kind: the turtle's fast friend in a race is the fable's hare.</param>
public sealed record Role(string Relation, Species? Species = null, string[]? Names = null, bool Grown = false, Species[]? Kinds = null,
    IReadOnlyDictionary<Species, Species>? Against = null);

/// <summary>
/// One step of the plot: one scene (place, time, who is there and doing what, the things that matter) and its words. A beat
/// gets one or more pages; its lines are spread over them. Lines may hold <c>a | b</c> variants picked by seed and the slots
/// {H} {P} {G} {F} {X} (names), {he} {him} {his} (the hero's pronoun; {Phe}, {Fhis} … for others), {kind} (the hero's kind of
/// creature), {color}, {snack}, {toy}, {Fkind}.
/// </summary>
/// <param name="Where">A setting of <see cref="SceneVocabulary.Settings"/>.</param>
/// <param name="Who">Letters of the roles present: "HP", "HGF".</param>
/// <param name="Holds">What the hero holds (a prop of <see cref="SceneVocabulary.Props"/>), or null.</param>
/// <param name="Props">Things standing in the scene, space-separated props of <see cref="SceneVocabulary.Props"/>.</param>
/// <param name="Tiny">Ages 0-2: one short line per page.</param>
/// <param name="Core">Ages 3 and up: the lines that carry the plot.</param>
/// <param name="More">Ages 6 and up: lines that deepen the scene (feelings, dialogue, detail). More[i] is read right after Core[i], so it must follow from it and lead into Core[i + 1].</param>
/// <param name="Hook">The line a right-hand page may end on when the beat breaks over a page turn (a question, a try about to happen).</param>
public sealed record Beat(
    string Step,
    string Where,
    string When,
    string Who,
    Pose Pose,
    string Mood,
    string? Holds,
    string Props,
    string[] Tiny,
    string[] Core,
    string[] More,
    string? Hook = null);
