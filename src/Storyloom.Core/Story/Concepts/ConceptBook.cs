using Storyloom.Core.Books;
using Storyloom.Core.Randomness;

namespace Storyloom.Core.Story.Concepts;

/// <summary>
/// Writes a concept book (ABC, counting, colors, shapes, opposites, feelings): the format's units in order, an
/// opening and short story steps of one gentle thread between them, "find it" pages when the book is long, a
/// look-back page at the end, and the moral on The End.
/// </summary>
internal static class ConceptBook
{
    private enum Slot { Opening, Unit, Step, Quiz, Recap }

    private sealed record Planned(Slot Kind, ConceptUnit? Unit = null, string? Step = null);

    public static Manuscript Write(BookSpec spec, EducationalFocus focus)
    {
        var rng = Rng.For(spec.Seed, $"concept:{focus.ToCli()}:{spec.Theme.Trim().ToLowerInvariant()}");
        var format = Format(focus);
        var cast = Cast(spec, rng);
        var thread = ConceptThread.For(rng.Pick(format.Threads));
        var places = Places(spec, thread, rng);
        var setting = places[0];
        var matter = FrontMatter.PlanFor(spec, cast);
        var slots = matter.ContentPages;
        var units = format.Units(rng, slots);
        var tokens = new Dictionary<string, string> { ["H"] = cast[0].Name, ["F"] = cast[1].Name, ["A"] = ColorsFormat.Cap(units[0].Word) };
        string Fill(string text) => tokens.Aggregate(text, (t, kv) => t.Replace("{" + kv.Key + "}", kv.Value, StringComparison.Ordinal));

        var title = string.IsNullOrWhiteSpace(spec.Title) ? Fill(rng.Pick(format.Titles)) : spec.Title.Trim();
        var pages = FrontMatter.Front(spec, matter, title, cast, setting);
        var plan = Plan(units, slots, thread, format, rng);
        for (var i = 0; i < plan.Count; i++)
        {
            var number = pages.Count + 1;
            var p = plan[i];
            var progress = i / (double)Math.Max(1, plan.Count - 1);
            pages.Add(p.Kind switch
            {
                Slot.Opening => StoryPage(number, Fill(thread.Opening), setting, "morning", cast, rng),
                Slot.Step => StoryPage(number, Fill(p.Step!.Replace(ConceptThread.Home, "", StringComparison.Ordinal)),
                    p.Step.StartsWith(ConceptThread.Home, StringComparison.Ordinal) ? "bedroom" : places[(int)(progress * 0.999 * places.Count)],
                    progress > 0.8 ? "evening" : "day", cast, rng),
                _ => ConceptPage(number, p.Unit!, spec.Age, setting, cast, Fill),
            });
        }
        var moral = string.IsNullOrWhiteSpace(spec.Moral) ? rng.Pick(format.Morals) : spec.Moral.Trim() is var m && ".!?".Contains(m[^1]) ? m : m + ".";
        pages.AddRange(FrontMatter.Back(spec, Fill(thread.Ending), moral, cast[0], setting));

        var texts = pages.Where(p => p.Role is PageRole.Story or PageRole.Concept or PageRole.TheEnd).Select(p => p.Text!).ToList();
        var readability = ReadabilityMeter.Measure(texts, cast.Select(c => c.Name), spec.Age);
        var blurb = $"{Fill(thread.Blurb)}. Along the way, little readers learn {format.Topic}, one bright page at a time. {Fill(Question(focus))}";
        // Clear outlines make every thing easy to pick out and count, so concept books default to the outlined style.
        var style = spec.ArtStyle ?? "bold-outline";
        return new Manuscript(title, format.Subtitle, spec.Author, BookKind.Story, spec.Age, spec.Theme, spec.Seed, style, cast,
            pages.Take(spec.Pages).ToList(), blurb, spec.Dedication, moral, readability,
            ListingWriter.ForConcept(title, format.Subtitle, blurb, spec, focus, cast[0]));
    }

    private static IConceptFormat Format(EducationalFocus focus) => focus switch
    {
        EducationalFocus.Abc => new AlphabetFormat(),
        EducationalFocus.CountingTo10 => new CountingFormat(10),
        EducationalFocus.CountingTo20 => new CountingFormat(20),
        EducationalFocus.Colors => new ColorsFormat(),
        EducationalFocus.Shapes => new ShapesFormat(),
        EducationalFocus.Opposites => new OppositesFormat(),
        _ => new FeelingsFormat(),
    };

    /// <summary>
    /// Units first; spare pages go to an opening, then a look-back page, then story steps, then "find it" pages,
    /// spread evenly between the units. A quiz only asks about units already shown.
    /// </summary>
    private static List<Planned> Plan(IReadOnlyList<ConceptUnit> units, int slots, ConceptThread thread, IConceptFormat format, Rng rng)
    {
        var extra = Math.Max(0, slots - units.Count);
        var opening = extra > 0;
        if (opening) extra--;
        var recap = extra > 0;
        if (recap) extra--;
        var steps = Math.Min(extra, thread.Steps.Length);
        var inserts = new List<Slot>();
        for (var i = 0; i < extra; i++)
            inserts.Add((i + 1) * steps / extra > i * steps / extra ? Slot.Step : Slot.Quiz);

        var plan = new List<Planned>();
        if (opening) plan.Add(new Planned(Slot.Opening));
        var next = 0;
        var stepIndex = 0;
        var asked = new HashSet<ConceptUnit>(ReferenceEqualityComparer.Instance);
        for (var u = 0; u < units.Count; u++)
        {
            plan.Add(new Planned(Slot.Unit, units[u]));
            for (; next < inserts.Count && (next + 1) * units.Count / (inserts.Count + 1) <= u + 1; next++)
            {
                if (inserts[next] == Slot.Step)
                    plan.Add(new Planned(Slot.Step, Step: thread.Steps[stepIndex++ * thread.Steps.Length / steps]));
                else
                {
                    // Ask about a unit already shown, a different one each time while there are any left.
                    var fresh = units.Take(u + (u > 0 ? 0 : 1)).Where(x => !asked.Contains(x)).ToList();
                    var pick = fresh.Count > 0 ? rng.Pick(fresh) : units[rng.Next(u + 1)];
                    asked.Add(pick);
                    plan.Add(new Planned(Slot.Quiz, format.Quiz(pick, rng)));
                }
            }
        }
        if (recap) plan.Add(new Planned(Slot.Recap, format.Recap(units, rng)));
        return plan;
    }

    /// <summary>Where the thread's outdoor steps happen, in order: a walk wanders through two or three places.</summary>
    private static List<string> Places(BookSpec spec, ConceptThread thread, Rng rng)
    {
        if (thread.Name != "walk") return ["town"];
        string[] outdoors = ["forest", "farm", "beach", "town", "snowy-mountains"];
        var places = StorySettings.For(spec.Theme, StoryShape.Quest, rng).Where(outdoors.Contains).ToList();
        foreach (var extra in rng.Shuffled(outdoors))
            if (places.Count < 3 && !places.Contains(extra)) places.Add(extra);
        return places;
    }

    private static readonly Pose[] StepPoses = [Pose.Walking, Pose.Running, Pose.Waving, Pose.Holding, Pose.Sitting, Pose.Standing];
    private static readonly string[] Carried = ["kite", "balloon", "ball", "flower", "book"];

    private static ManuscriptPage StoryPage(int number, string text, string setting, string time, List<Character> cast, Rng rng)
    {
        var poses = rng.Shuffled(StepPoses);
        var x = rng.Range(0.22, 0.34);
        var placements = cast.Take(2).Select((c, i) => new CharacterPlacement(c.Id, poses[i], i == 0 ? x : x + 0.42, i == 1,
            poses[i] == Pose.Holding ? rng.Pick(Carried) : null)).ToList();
        var brief = new IllustrationBrief(setting, time, "clear", placements, [], number % 2 == 0 ? "top" : "bottom",
            $"{cast[0].Name} and {cast[1].Name} together in {StoryWords.PlaceName[setting]}.");
        return new ManuscriptPage(number, PageRole.Story, text, brief);
    }

    private static ManuscriptPage ConceptPage(int number, ConceptUnit unit, AgeBand age, string setting, List<Character> cast, Func<string, string> fill)
    {
        var left = number % 2 == 0;
        var who = unit.Cast(age);
        var placements = who.Select((t, i) => t == "H"
            ? new CharacterPlacement(cast[0].Id, unit.Pose, left ? 0.25 : 0.75, !left, Mood: unit.Mood)
            : new CharacterPlacement(cast[1].Id, i == 0 ? unit.Pose : Pose.Standing, left ? 0.3 : 0.7, left)).ToList();
        var things = string.Join(", ", unit.Objects.Select(o => $"{o.Count} {o.Kind}{(o.Variant is null ? "" : " (" + o.Variant + ")")}"));
        var names = who.Count == 0 ? "" : " with " + string.Join(" and ", who.Select(t => t == "H" ? cast[0].Name : cast[1].Name));
        var brief = new IllustrationBrief(unit.Setting ?? setting, unit.Night ? "night" : "day", "clear", placements, [], "bottom",
            $"{fill(unit.Headline)}: {(things.Length > 0 ? things : unit.Word)}{names}, drawn apart so each can be pointed at.", unit.Objects);
        return new ManuscriptPage(number, PageRole.Concept, fill(unit.Text(age)), brief, unit.Headline);
    }

    private static List<Character> Cast(BookSpec spec, Rng rng)
    {
        var species = CastBuilder.SpeciesFor(spec.Theme, rng);
        var names = rng.Shuffled(StoryWords.Names);
        var used = new HashSet<string>();
        return [CastBuilder.Make("c1", names[0], "hero", species[0], rng, used), CastBuilder.Make("c2", names[1], "friend", species[1], rng, used)];
    }

    private static string Question(EducationalFocus focus) => focus switch
    {
        EducationalFocus.Abc => "Can you find something for every letter?",
        EducationalFocus.CountingTo10 or EducationalFocus.CountingTo20 => "Can you count every single one?",
        EducationalFocus.Colors => "Which color will be your favorite?",
        EducationalFocus.Shapes => "How many shapes can you spot?",
        EducationalFocus.Opposites => "Can you tell big from small and up from down?",
        _ => "How do you feel today?",
    };
}
