using System.Text.RegularExpressions;
using Storyloom.Core.Books;

namespace Storyloom.Core.Story.Plot;

/// <summary>
/// What a brief is about, read from its theme, title and moral: the plot family (a first day, a fear, a loss …), who the hero
/// is, and the brief's own nouns the story must hold. <see cref="Notes"/> says what the engine could not honour and what it
/// used instead, so nothing is substituted silently.
/// </summary>
/// <param name="HeroSpecies">The hero the brief names ("a dinosaur who …", "a little girl"); null when it names none.</param>
/// <param name="Keys">The brief's nouns that the story must show (school, teacher, night light …), for the story check.</param>
public sealed record Premise(PlotFamily Family, Species? HeroSpecies, IReadOnlyList<string> Keys, IReadOnlyList<string> Notes)
{
    /// <summary>The theme's own words a general family tells around: the goal ("ride a bike") or the fear ("thunder"), with
    /// the brief's "my" as {his}; null for the other families.</summary>
    public string? Subject { get; init; }

    /// <summary>"he" or "she" when the brief says which the hero is ("my son", "a little girl", "loses her teddy"); null otherwise.</summary>
    public string? HeroPronoun { get; init; }

    /// <summary>The hero's name when the brief gives one ("a girl named Maya", "my son Leo", "Pip the penguin", "Emma's first
    /// day"); null when it names none or the user chose the cast.</summary>
    public string? HeroName { get; init; }

    /// <summary>The brief calls the hero a princess, a prince, a queen or a king: drawn with a crown.</summary>
    public bool HeroRoyal { get; init; }

    /// <summary>The species of the family's X role when the role reads it from the theme (<see cref="Role.Kinds"/>: "the new
    /// puppy" is a dog); null when the role's species is fixed.</summary>
    public Species? Newcomer { get; init; }
}

/// <summary>Reads a brief into a <see cref="Premise"/>; deterministic and offline.</summary>
public static partial class PremiseReader
{
    /// <summary>Words that name a hero, in the order a brief usually says them ("a shy penguin", "a little boy").</summary>
    private static readonly (string[] Words, Species Species)[] HeroWords =
    [
        (["dinosaur", "dino", "t-rex", "trex", "triceratops", "stegosaurus"], Species.Dinosaur),
        (["unicorn"], Species.Unicorn),
        (["dragon"], Species.Dragon),
        (["robot"], Species.Robot),
        (["fox"], Species.Fox),
        (["bear"], Species.Bear),
        (["bunny", "rabbit", "hare"], Species.Rabbit),
        (["kitten", "kitty", "cat"], Species.Cat),
        (["puppy", "dog", "doggy"], Species.Dog),
        (["owl"], Species.Owl),
        (["mouse", "mice"], Species.Mouse),
        (["pony", "horse"], Species.Horse),
        (["elephant"], Species.Elephant),
        (["lion", "cub"], Species.Lion),
        (["monkey"], Species.Monkey),
        (["penguin"], Species.Penguin),
        (["frog", "toad"], Species.Frog),
        (["duck", "duckling"], Species.Duck),
        (["pig", "piglet"], Species.Pig),
        (["cow", "calf"], Species.Cow),
        (["sheep", "lamb"], Species.Sheep),
        (["turtle", "tortoise"], Species.Turtle),
        (["girl", "boy", "child", "kid", "toddler", "son", "daughter", "princess", "prince", "astronaut"], Species.Child),
    ];

    /// <summary>Creatures parents ask for that the offline engines cannot draw yet, and who stands in for them.</summary>
    private static readonly (string Word, Species Instead)[] Undrawable =
    [
        ("giraffe", Species.Horse), ("zebra", Species.Horse), ("tiger", Species.Lion), ("shark", Species.Turtle),
        ("octopus", Species.Turtle), ("whale", Species.Turtle), ("dolphin", Species.Turtle), ("mermaid", Species.Child),
        ("squirrel", Species.Mouse), ("hedgehog", Species.Mouse), ("raccoon", Species.Fox), ("wolf", Species.Dog),
        ("koala", Species.Bear), ("panda", Species.Bear), ("sloth", Species.Monkey), ("butterfly", Species.Owl),
        ("bee", Species.Owl), ("caterpillar", Species.Frog), ("snail", Species.Turtle), ("goat", Species.Sheep),
        ("chicken", Species.Duck), ("hen", Species.Duck), ("alien", Species.Robot), ("fairy", Species.Child),
        ("witch", Species.Adult), ("pirate", Species.Child), ("knight", Species.Child), ("ghost", Species.Child),
("crocodile", Species.Dinosaur), ("alligator", Species.Dinosaur),
    ];

    public static Premise Read(BookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var notes = new List<string>();
        var heroName = NameIn(spec, notes);
        var text = string.Join(" ", spec.Theme, spec.Title, spec.Moral).ToLowerInvariant();
        // The hero's name says nothing of the story: "a boy called Storm" is no storm story.
        if (heroName is not null) text = Regex.Replace(text, $@"(?<![\p{{L}}]){Regex.Escape(heroName.ToLowerInvariant())}(?:'s)?(?![\p{{L}}])", " ");
        var words = WordRx().Matches(text).Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value).ToList();
        // The theme's words choose the story; a chosen arc (shape) tells the story when the theme names no situation the engine knows.
        var family = PlotFamilies.Match(text, words);
        var arc = spec.Shape is { } shape ? PlotFamilies.All.FirstOrDefault(f => f.Id == ShapeFamily(shape)) : null;
        var hero = HeroIn(words, notes, spec.Cast.Count > 0);
        string? subject = null;
        // "A dragon who wants to fly" is a wish told about a dragon, not the dragon's fairy tale: a family chosen only by a word
        // for the hero's kind gives way to what the theme says the story is about.
        var byKindOnly = family is { HeroKinds: not null } && !PlotFamilies.Named(family, text, words);
        if ((family is null || byKindOnly) && General(spec.Theme ?? "", notes) is { } general)
        {
            (family, subject) = general;
        }
        else if (byKindOnly && AboutRx().Match(spec.Theme?.ToLowerInvariant() ?? "") is { Success: true } about
            && !WordRx().Matches(about.Groups["what"].Value).Any(m => family!.Keys.Contains(m.Value) || family.Places.Contains(m.Value)))
        {
            notes.Add($"the offline story engine has no story for \"{Short(about.Groups["what"].Value)}\"; it tells its {family!.What} about the "
                + $"{about.Groups["kind"].Value} instead (use the openai text engine for any theme)");
        }
        else if (family is null)
        {
            family = arc;
            notes.Add($"the theme \"{Short(spec.Theme ?? "")}\" names no situation the offline story engine knows; it writes "
                + (arc is null ? "a story about making a friend" : $"the arc you chose ({arc.What})") + " around it (use the openai text engine for any theme)");
        }
        var plot = family ?? PlotFamilies.Fallback;
        // "A kitten who is jealous of the new puppy": the newcomer is the creature the theme names after "new"; the hero is the
        // first other creature it names.
        Species? newcomer = null;
        // "A trip to the zoo to see the lions": the animal the hero most wants to see is the one the theme names; the hero is a child.
        if (plot.Id == "zoo" && plot.Roles.TryGetValue('X', out var favourite) && favourite.Kinds is { } animals)
            (hero, newcomer) = FavouriteIn(words, animals, favourite, hero, notes);
        else if (plot.Roles.TryGetValue('X', out var arrival) && arrival.Kinds is { } kinds)
            (hero, newcomer) = NewcomerIn(words, kinds, arrival, hero, notes, spec.Cast.Count > 0);
        // "Christmas Eve with the reindeer", "waiting for Santa": the pictures cannot draw them, and the story keeps them unseen.
        if (plot.Id == "christmas" && (words.FirstOrDefault(w => ChristmasUnseen.Contains(Singular(w))) ?? (text.Contains("father christmas", StringComparison.Ordinal) ? "santa" : null)) is { } unseen)
        {
            var who = Singular(unseen) is "elf" or "elve" ? "an elf" : Singular(unseen) is "santa" or "claus" ? "Santa" : $"a {Singular(unseen)}";
            notes.Add($"the offline pictures cannot draw {who}; the Christmas story is told at home, where Santa and his reindeer come while everyone "
                + "sleeps and are never seen (use the openai engines to draw them)");
        }
        // "Lost at the market", "breaking my arm": the offline stories of getting lost and of a hospital stay have one place and one reason.
        if (plot.Id == "lost" && words.FirstOrDefault(w => LostElsewhere.Contains(w)) is { } elsewhere)
            notes.Add($"the offline story of getting lost happens in the park and the woods, not at the {elsewhere}; it is told there (use the openai text engine for a story at the {elsewhere})");
        if (plot.Id == "hospital" && words.Any(w => w is "arm" or "arms" or "leg" or "legs" or "wrist" or "cast"))
            notes.Add("the offline hospital story tells of a small operation and a night in hospital; it does not tell of a broken arm or leg, and cannot draw a cast (use the openai engines for that story)");
        // "A birthday surprise for Mum": the offline birthday story is a friend's party, and says so rather than tell another.
        if (plot.Id == "birthday" && System.Text.RegularExpressions.Regex.Matches(text,
                @"\b(?:for (?:my |our |his |her )?|(?:my |our |his |her )?)(?<who>mum|mom|mummy|mommy|mama|dad|daddy|papa|grandma|grandpa|granny|grandad|nana|sister|brother|teacher)(?:'s)? ?(?<tail>birthday)?")
            .FirstOrDefault(m => m.Groups["tail"].Success || m.Value.StartsWith("for ", StringComparison.Ordinal)) is { } birthdayOf)
            notes.Add($"the offline birthday story is a friend's birthday party, with a present the hero makes for the friend; it does not tell of "
                + $"{birthdayOf.Groups["who"].Value}'s birthday (use the openai text engine for that story)");
        // "Saying goodbye to our old dog": the creature named is the family's pet (or baby), not the hero.
        if (hero is { } named && plot.Roles.TryGetValue('X', out var companion) && companion.Species is { } kept and not Species.Baby
            && companion.Kinds is null
            && named is not (Species.Child or Species.Adult or Species.Grandparent)
            // "Dinosaurs!", "a unicorn and a dragon": in a family whose topic is a kind of creature, the creature named is the hero.
            && plot.HeroKinds is null)
        {
            if (named != kept)
            {
                notes.Add($"the offline story for this theme is written about a {companion.Relation}; the {named.ToString().ToLowerInvariant()} of the brief "
                    + $"is told as a {kept.ToString().ToLowerInvariant()} (use the openai text engine for another animal)");
            }
            hero = null;
        }
        var keys = plot.Keys.Where(k => text.Contains(k, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0) keys.Add(plot.Keys[0]);
        if (subject is not null && WordRx().Matches(subject).LastOrDefault()?.Value is { Length: > 2 } head) keys.Insert(0, head);
        // The creature the brief names is part of its premise: "a dinosaur who …" must be a dinosaur's story.
        if (hero is { } h && h is not (Species.Child or Species.Adult or Species.Grandparent or Species.Baby)
            && spec.Cast.Count == 0 && !notes.Any(n => n.Contains("cannot draw", StringComparison.Ordinal)))
        {
            keys.Add(h.ToString().ToLowerInvariant());
        }
        if (plot.Id == "zoo" && newcomer is { } seen && words.Any(w => KindOf(w) == seen)) keys.Add(seen.ToString().ToLowerInvariant());
        if (spec.Age == AgeBand.Age9To12)
        {
            notes.Add("ages 9-12 read illustrated chapter books of 6,000 words or more; the offline engine writes its early-reader story "
                + "(the 6-8 text, below this band's reading level) for them (use the openai text engine for a chapter book)");
        }
        // "Sharing toys with my little brother": someone the theme brings along who has no part in the story is said, not dropped.
        if (CompanionRx().Match(text) is { Success: true } along && !spec.Cast.Any())
        {
            var who = along.Groups["who"].Value;
            var relation = who switch
            {
                "brother" or "brothers" or "sister" or "sisters" or "sibling" or "siblings" or "twin" => "baby",
                "teacher" => "teacher",
                "cousin" or "cousins" or "aunt" or "auntie" or "aunty" or "uncle" => "",
                _ => "grandparent",
            };
            // A part whose names hold the one brought along ("to the zoo with Grandma": the grown-up is Grandma) has them.
            var cast = plot.Roles.Values.Any(r => r.Names?.Any(n => n.Equals(who, StringComparison.OrdinalIgnoreCase)) == true);
            if (!cast && (relation.Length == 0 || !plot.Roles.Values.Any(r => r.Relation == relation)))
            {
                notes.Add($"the theme brings along {along.Groups["whole"].Value.Trim()}, but the offline {plot.What} has no {who} in it; it is told with "
                    + $"{string.Join(" and ", plot.Roles.Values.Select(r => "a " + r.Relation).Distinct())} (use the openai text engine for a story with them)");
            }
        }
        // "A princess who …": the hero wears the crown (the first person the theme names, before any "who").
        var royal = hero == Species.Child && words.TakeWhile(w => w is not ("who" or "and" or "with")).Any(w => w is "princess" or "prince" or "queen" or "king");
        var pronoun = PronounIn(words) ?? (heroName is null ? null : StoryWords.PronounOfGiven(heroName));
        return new Premise(plot, hero, keys, notes) { Subject = subject, HeroPronoun = pronoun, HeroRoyal = royal, Newcomer = newcomer, HeroName = heroName };
    }

    /// <summary>
    /// The newcomer of a role whose species the theme chooses: the creature after "new" ("the new little kitten"), else one named
    /// after "jealous" ("jealous of our dog"), else the role's own (another of its kinds when the hero is one). The hero is then the
    /// first creature named other than the newcomer.
    /// </summary>
    private static (Species? Hero, Species Newcomer) NewcomerIn(List<string> words, Species[] kinds, Role role, Species? hero, List<string> notes, bool castGiven)
    {
        int? at = null;
        for (var i = 0; i < words.Count && at is null; i++)
        {
            if (words[i] != "new") continue;
            for (var j = i + 1; j <= i + 2 && j < words.Count && at is null; j++)
                if (KindOf(words[j]) is { } s && kinds.Contains(s)) at = j;
        }
        var jealous = words.FindIndex(w => w.StartsWith("jealous", StringComparison.Ordinal));
        if (at is null && jealous >= 0)
            at = words.Select((w, i) => (w, i)).Skip(jealous + 1).Where(x => KindOf(x.w) is { } s && kinds.Contains(s)).Select(x => (int?)x.i).FirstOrDefault();
        if (at is { } found)
        {
            var more = new List<string>();
            hero = HeroIn([.. words.Where((_, i) => i != found)], more, castGiven);
            notes.AddRange(more.Except(notes));
            return (hero, KindOf(words[found])!.Value);
        }
        var told = role.Species is { } own && own != hero ? own : kinds.First(k => k != hero);
        notes.Add($"the theme names no newcomer; the offline story tells of a new {told.ToString().ToLowerInvariant()} joining the family "
            + "(name it, as in \"the new kitten\", to choose another animal, or use the openai text engine for another newcomer)");
        return (hero, told);
    }

    /// <summary>Places a theme may get lost in that the offline lost story (the park and the woods) does not go to.</summary>
    private static readonly HashSet<string> LostElsewhere = ["market", "supermarket", "shop", "shops", "mall", "store", "city", "town", "zoo", "beach", "fair", "funfair", "airport", "station", "crowd", "museum", "festival"];

    /// <summary>Words of a Christmas theme for who comes in the night and cannot be drawn.</summary>
    private static readonly HashSet<string> ChristmasUnseen = ["reindeer", "santa", "claus", "sleigh", "elf", "elve", "rudolph"];

    /// <summary>Zoo animals the pictures cannot draw, and the drawable one the hero most wants to see instead.</summary>
    private static readonly Dictionary<string, Species> ZooInstead = new()
    {
        ["tiger"] = Species.Lion, ["sloth"] = Species.Monkey, ["gorilla"] = Species.Monkey, ["chimp"] = Species.Monkey, ["panda"] = Species.Bear,
        ["koala"] = Species.Bear, ["giraffe"] = Species.Elephant, ["zebra"] = Species.Elephant, ["rhino"] = Species.Elephant,
        ["hippo"] = Species.Elephant, ["crocodile"] = Species.Turtle, ["alligator"] = Species.Turtle, ["seal"] = Species.Penguin, ["flamingo"] = Species.Penguin,
    };

    /// <summary>
    /// The zoo animal the theme names first (a drawable stand-in, said in a note, for one the pictures cannot draw); the zoo's
    /// own favourite when it names none. A zoo animal the theme names is not the hero: a child visits the zoo.
    /// </summary>
    private static (Species? Hero, Species Favourite) FavouriteIn(List<string> words, Species[] animals, Role role, Species? hero, List<string> notes)
    {
        foreach (var word in words)
        {
            if (KindOf(word) is { } kind && animals.Contains(kind)) return (hero == kind ? null : hero, kind);
            if (ZooInstead.TryGetValue(Singular(word), out var instead))
            {
                var missing = Singular(word);
                notes.RemoveAll(n => n.Contains($"cannot draw a {missing}", StringComparison.Ordinal));
                notes.Add($"the offline pictures cannot draw a {missing}; the animal the hero most wants to see is a {instead.ToString().ToLowerInvariant()} instead (use the openai engines to draw a {missing})");
                var named = Undrawable.Any(u => u.Word == missing);
                return (named ? null : hero, instead);
            }
        }
        return (hero, role.Species ?? animals[0]);
    }

    /// <summary>
    /// The name the brief gives its hero: after "named" or "called" ("a dog called biscuit" is Biscuit), a capitalised name after
    /// "my son", "my granddaughter" …, a capitalised name before "the" and a creature ("Pip the penguin"), or a capitalised name
    /// in the possessive that opens the theme ("Emma's first day at school"). The names of grown-ups' parts ("Grandma's garden")
    /// and of holidays ("Santa's sleigh") are not a hero's. With a chosen cast, the cast's hero is the hero, and a different name
    /// in the theme is said in a note.
    /// </summary>
    private static string? NameIn(BookSpec spec, List<string> notes)
    {
        var theme = string.Join(" ", spec.Theme, spec.Title);
        var found = new List<string>();
        // "A dog named biscuit" may be lower-case after a creature; "a game called tag" is no hero's name.
        foreach (Match m in NamedRx().Matches(theme))
        {
            var before = WordRx().Matches(theme[..m.Index].ToLowerInvariant()).LastOrDefault()?.Value ?? "";
            if (char.IsUpper(m.Groups["name"].Value[0]) || KindOf(before) is not null || Undrawable.Any(u => u.Word == Singular(before)))
                found.Add(m.Groups["name"].Value);
        }
        foreach (Match m in AboutNameRx().Matches(theme)) found.Add(m.Groups["name"].Value);
        foreach (Match m in RelationNameRx().Matches(theme)) found.Add(m.Groups["name"].Value);
        // "Pip the penguin", not "Feed the ducks" or "Meet the dragon": one creature, and a name that is no verb.
        foreach (Match m in NameTheKindRx().Matches(theme))
            if ((HeroWords.Any(h => h.Words.Contains(m.Groups["kind"].Value)) || Undrawable.Any(u => u.Word == m.Groups["kind"].Value))
                && !Verbs.Contains(m.Groups["name"].Value.ToLowerInvariant()))
                found.Add(m.Groups["name"].Value);
        if (OpeningPossessiveRx().Match(spec.Theme ?? "") is { Success: true } own) found.Add(own.Groups["name"].Value);
        var names = found.Select(n => string.Join(' ', n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())))
            .Where(n => n.Length >= 2 && !NotNames.Contains(n.ToLowerInvariant()) && KindOf(n.ToLowerInvariant()) is null)
            .Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return null;
        if (spec.Cast.Count > 0)
        {
            if (!spec.Cast.Any(c => c.Name.Trim().Equals(names[0], StringComparison.OrdinalIgnoreCase)))
                notes.Add($"the theme names {names[0]}, but the characters you chose tell the story, with {spec.Cast[0].Name.Trim()} as the hero (add {names[0]} to the cast, or leave the cast empty, to have {names[0]} as the hero)");
            return null;
        }
        if (names.Count > 1)
        {
            notes.Add($"the theme names {string.Join(" and ", names)}; the offline story engine tells it with {names[0]} as the hero and gives the other parts "
                + "names of its own (choose the characters yourself to name them all)");
        }
        return names[0];
    }

    /// <summary>Capitalised words that are parts, titles or holidays, not a hero's own name.</summary>
    private static readonly HashSet<string> NotNames =
    [
        "grandma", "grandpa", "granny", "grandad", "granddad", "nana", "nan", "gran", "mum", "mom", "mummy", "mommy", "mama", "dad", "daddy",
        "papa", "mother", "father", "auntie", "aunt", "uncle", "santa", "christmas", "easter", "halloween", "valentine", "god", "jesus",
        "the", "a", "an", "my", "our", "his", "her", "their", "after", "by", "for", "mr", "mrs", "ms", "miss", "dr", "doctor", "teacher",
        "baby", "sister", "brother", "little", "big", "new", "first", "very", "it", "me", "him", "them", "what", "who", "one", "day",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "bear", "teddy",
    ];

    /// <summary>Verbs a theme may open with before "the" and a creature ("Feed the duck", "Save the dragon").</summary>
    private static readonly HashSet<string> Verbs =
    [
        "meet", "feed", "save", "help", "find", "follow", "catch", "chase", "walk", "visit", "love", "hug", "draw", "color", "colour", "pet",
        "wash", "ride", "train", "tame", "rescue", "free", "see", "watch", "stop", "beat", "wake", "brush", "groom", "name", "call", "ask",
        "thank", "fight", "hunt", "track", "spot", "bathe", "adopt", "raise", "keep", "count", "greet", "befriend", "tickle", "when", "where",
        "how", "why", "what", "with", "and", "about", "is", "was", "be", "become", "becoming", "like", "as", "to", "from", "into", "over",
    ];

    [GeneratedRegex(@"\b(?:named|called)\s+(?<name>(?:(?:Sir|Lady|Princess|Prince|King|Queen|Captain)\s+)?[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?)\b")]
    private static partial Regex NamedRx();

    [GeneratedRegex(@"\b(?:[Mm]y|[Oo]ur)\s+(?:little\s+|big\s+|baby\s+|youngest\s+|eldest\s+|oldest\s+)?(?:son|daughter|grandson|granddaughter|nephew|niece|child|kid|boy|girl|brother|sister|grandchild)\s+(?<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")]
    private static partial Regex RelationNameRx();

    [GeneratedRegex(@"(?<![\p{L}'])(?<name>[A-Z][a-z]+)\s+the\s+(?:[a-z]+\s+){0,2}?(?<kind>[a-z]+)\b")]
    private static partial Regex NameTheKindRx();

    [GeneratedRegex(@"\b(?:about|for)\s+(?<name>[A-Z][a-z]+)\b(?!'s\s+(?:mum|mom|dad|grandma|grandpa|teacher))")]
    private static partial Regex AboutNameRx();

    [GeneratedRegex(@"^\s*(?<name>[A-Z][a-z]+)'s\s")]
    private static partial Regex OpeningPossessiveRx();

    private static Species? KindOf(string word) =>
        HeroWords.Where(h => h.Words.Contains(word) || h.Words.Contains(Singular(word))).Select(h => (Species?)h.Species).FirstOrDefault();

    /// <summary>
    /// A theme no family names may still say what the story is about in its own words: a fear ("afraid of thunder") or a
    /// goal ("wants to fly", "learning to ride a bike", "can't whistle"). Null when it says neither, or names a creature the
    /// pictures would have to show (a fear of dogs needs a dog in the pictures, which the general plot does not have).
    /// </summary>
    internal static (PlotFamily Family, string Subject)? General(string theme, List<string> notes)
    {
        var t = theme.ToLowerInvariant().Replace('’', '\'');
        // "Too scared to swim", "an owl who is scared of flying": a fear of doing something is a wish told scared.
        if (FearToDoRx().Match(t) is { Success: true } scaredTo && Phrase(scaredTo.Groups["what"].Value) is { } toDo && !NamesCreature(toDo)
            && !Unwished.Contains(toDo.Split(' ')[0]))
            return (PlotFamilies.WishScared(PlotFamilies.WishFor(toDo)), toDo);
        if (FearRx().Match(t) is { Success: true } fear && Phrase(fear.Groups["what"].Value) is { } feared)
        {
            // "Scared of flying" wants to fly; "scared of falling" or "of getting lost" does not want to, and no plot tells it.
            if (Doing(feared) is { } doing)
            {
                return Unwished.Contains(doing.Split(' ')[0]) || NamesCreature(doing) || WordRx().Matches(doing).Any(m => EventWords.Contains(m.Value))
                    ? null
                    : (PlotFamilies.WishScared(PlotFamilies.WishFor(doing)), doing);
            }
            // A fear of an event ("her first swimming lesson", "the school play") is not a thing to walk up to and look at,
            // which is what the fear plot tells; with no family for the event, the theme falls back, and says so.
            if (NamesCreature(feared) || WordRx().Matches(feared).Any(m => EventWords.Contains(m.Value))) return null;
            if (UndrawnFears.FirstOrDefault(w => WordRx().Matches(feared).Any(m => m.Value == w || m.Value == w + "s")) is { } undrawn)
                notes.Add($"the offline pictures cannot draw {undrawn}s; the story tells the fear in words, and its pictures show the hero and where it happens (use the openai engines to draw them)");
            var words = WordRx().Matches(feared).Select(m => m.Value).ToList();
            // Thunder is met at home on a stormy night, counting from the flash to the boom, not walked up to in a park.
            if (words.Any(w => StormWords.Contains(w))) return (PlotFamilies.Storm, feared);
            var place = words.Any(w => BeachWords.Contains(w)) ? "beach" : words.Any(w => PlaygroundWords.Contains(w)) ? "playground" : "park";
            return (PlotFamilies.FearAt(place), feared);
        }
        // "A bear who doesn't want to go to sleep" is not a wish to sleep: a goal said with a "not" before it is no goal.
        if (WishRx().Match(t) is { Success: true } wish && !NegatedRx().IsMatch(t[..wish.Index])
            && Phrase(wish.Groups["what"].Value) is { } goal && !NamesCreature(goal))
            return (PlotFamilies.WishFor(goal), goal);
        return null;
    }

    /// <summary>The first word that says the hero is a he or a she; a baby brother or sister is the baby, not the hero.</summary>
    private static string? PronounIn(List<string> words) => words.Select((w, i) => i > 0 && words[i - 1] == "baby" ? null : w switch
    {
        "boy" or "son" or "brother" or "grandson" or "nephew" or "prince" or "he" or "his" or "him" or "himself" => "he",
        "girl" or "daughter" or "sister" or "granddaughter" or "niece" or "princess" or "she" or "her" or "herself" => "she",
        _ => null,
    }).FirstOrDefault(p => p is not null);

    private static readonly string[] EventWords = ["first", "lesson", "lessons", "test", "tests", "exam", "exams", "recital", "concert", "show",
        "performance", "play", "race", "match", "game", "trip", "day", "visit", "appointment", "competition", "audition", "sports"];
    private static readonly string[] StormWords = ["thunder", "thunderstorm", "thunderstorms", "storm", "storms", "lightning", "thunderclaps"];
    private static readonly string[] BeachWords = ["water", "sea", "ocean", "wave", "waves", "swim", "swimming", "beach", "pool", "sand", "crabs", "paddling"];
    private static readonly string[] PlaygroundWords = ["slide", "slides", "swing", "swings", "heights", "high", "climbing", "playground", "bars", "seesaw"];
    private static readonly string[] UndrawnFears = ["spider", "bee", "wasp", "bug", "insect", "snake", "shark", "crab", "jellyfish", "bird", "worm", "ghost", "clown"];

    /// <summary>
    /// The goal a fear of doing names, in the words "wanted to" takes: "flying" is "fly", "riding {his} bike" is "ride {his}
    /// bike", "going down the big slide" is "go down the big slide"; null when the phrase starts with no verb in -ing
    /// ("the dark", "thunder", "lightning", "the swings").
    /// </summary>
    internal static string? Doing(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not [var first, ..] || first.Length < 5 || !first.EndsWith("ing", StringComparison.Ordinal) || IngNouns.Contains(first))
            return null;
        return string.Join(' ', words.Skip(1).Prepend(VerbOf(first)));
    }

    /// <summary>The plain verb of a word in -ing: swimming swim, riding ride, flying fly, sleeping sleep, visiting visit.</summary>
    internal static string VerbOf(string ing)
    {
        var stem = ing[..^3];
        if (stem.Length >= 3 && stem[^1] == stem[^2] && !"lsz".Contains(stem[^1])) return stem[..^1];
        if (IngWithE.Contains(stem)) return stem + "e";
        var vowelGroups = VowelGroupRx().Matches(stem).Count;
        // One syllable, one short vowel before one consonant: rid-e, div-e, skat-e, hik-e (but not swim, jump, read, sleep).
        var cvc = stem.Length >= 3 && !IsVowel(stem[^1]) && stem[^1] is not ('w' or 'x' or 'y') && IsVowel(stem[^2]) && !IsVowel(stem[^3]);
        return vowelGroups == 1 && cvc && !IngWithoutE.Contains(stem) ? stem + "e" : stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static readonly HashSet<string> IngNouns =
    [
        "lightning", "thing", "things", "something", "nothing", "everything", "anything", "ceiling", "king", "swing", "swings", "ring",
        "spring", "string", "wing", "wings", "evening", "morning", "building", "buildings", "pudding", "clothing", "icing", "ping",
        "darkling", "sibling", "siblings", "duckling", "ducklings", "ceilings", "earring", "earrings", "painting", "paintings",
    ];

    private static readonly HashSet<string> Unwished =
    [
        "be", "get", "fall", "lose", "drown", "crash", "fail", "die", "break", "spill", "miss", "hurt", "cry", "sink", "trip", "bleed",
        "choke", "wet", "burn", "forget", "leave", "stay", "sleep", "wake", "vomit", "throw", "make",
    ];

    private static readonly HashSet<string> IngWithE = ["bath", "danc", "slid", "mak", "tak", "giv", "leav", "skat", "driv", "smil", "chang", "sneez", "shar", "rac", "wav", "com"];
    private static readonly HashSet<string> IngWithoutE = ["sit", "get", "put", "cut", "hit", "run", "swim", "win", "shut", "spin", "dig", "hop", "nap"];

    private static bool NamesCreature(string phrase) => WordRx().Matches(phrase).Any(m => StoryCheck.IsCreatureWord(m.Value) || StoryCheck.IsCreatureWord(Singular(m.Value)));

    /// <summary>The words a general family can say after "wanted to" or "scared of": up to six words, cut at the end of the
    /// clause, with "my" as the hero's {his}; null when nothing is left.</summary>
    private static string? Phrase(string raw)
    {
        var cut = ClauseEndRx().Split(raw)[0].Trim(' ', '-', '\'');
        cut = TrailingRx().Replace(cut, "").Trim();
        var words = cut.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w switch { "my" or "his" or "her" or "their" or "your" => "{his}", "me" => "{him}", "myself" or "himself" or "herself" => "{himself}", _ => w })
            .ToList();
        return words.Count is 0 or > 6 ? null : string.Join(' ', words);
    }

    [GeneratedRegex(@"\b(?:afraid|scared|frightened|terrified|fearful|nervous|worried) (?:of|about) (?<what>[a-z' -]+)|\bfears? of (?<what>[a-z' -]+)")]
    private static partial Regex FearRx();

    [GeneratedRegex(@"\b(?<kind>[a-z-]+) (?:who|that|which) (?<what>.*\S)")]
    private static partial Regex AboutRx();

    [GeneratedRegex(@"\b(?:with|and)\s+(?<whole>(?:(?:my|his|her|their|our|a|the|little|big|older|younger|twin|favourite|favorite)\s+){0,3}(?<who>brothers?|sisters?|siblings?|twin|grandma|grandpa|granny|grandad|granddad|grandmother|grandfather|grandparents|nana|nan|gran|teacher|cousins?|aunt|auntie|aunty|uncle))\b")]
    private static partial Regex CompanionRx();

    [GeneratedRegex(@"\b(?:afraid|scared|frightened|terrified|nervous|worried|too shy) to (?<what>[a-z' -]+)")]
    private static partial Regex FearToDoRx();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroupRx();

    [GeneratedRegex(@"\b(?:wants?|wanted|wanting|wish(?:es)?|hopes?|longs?|tries|trying|learns?|learning|practi[sc](?:es|ing)|dreams?)(?: how)? to (?<what>[a-z' -]+)|\bhow to (?<what>[a-z' -]+)|\b(?:can't|cannot|can not|couldn't) (?<what>[a-z' -]+)")]
    private static partial Regex WishRx();

    [GeneratedRegex(@"\b(?:not|never|no longer|doesn't|don't|didn't|won't|isn't|refuses|refused|hates|hate)\s+(?:really\s+)?$")]
    private static partial Regex NegatedRx();

    [GeneratedRegex(@"\s+(?:and|but|because|so|when|while|until|who|which|that)\s+|[,.;:!?]")]
    private static partial Regex ClauseEndRx();

    [GeneratedRegex(@"\s+(?:for the (?:very )?first time|again|anymore|any more|yet|all by (?:him|her|my|them)self|on (?:his|her|my|their) own)$")]
    private static partial Regex TrailingRx();

    private static string ShapeFamily(StoryShape shape) => shape switch
    {
        StoryShape.Quest => "lost-toy",
        StoryShape.Friend => "friendship",
        StoryShape.Bedtime => "bedtime",
        StoryShape.Fear => "dark",
        StoryShape.Sharing => "sharing",
        _ => "school",
    };

    private static Species? HeroIn(List<string> words, List<string> notes, bool castGiven)
    {
        foreach (var word in words)
        {
            foreach (var (names, species) in HeroWords)
            {
                if (names.Contains(word) || names.Contains(Singular(word))) return species;
            }
            var missing = Undrawable.FirstOrDefault(u => u.Word == word || u.Word == Singular(word));
            if (missing.Word is not null)
            {
                var instead = missing.Instead.ToString().ToLowerInvariant();
                notes.Add(castGiven
                    ? $"the offline engines cannot draw a {missing.Word}; the story is told with the characters you chose (or use the openai engines)"
                    : $"the offline engines cannot draw a {missing.Word}; the hero is a {instead} instead (choose the characters yourself, or use the openai engines)");
                return missing.Instead;
            }
        }
        return null;
    }

    private static string Singular(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.EndsWith('s') && word.Length > 3 ? word[..^1] : word;

    private static string Short(string text) => text.Length <= 60 ? text.Trim() : text[..57].Trim() + "…";

    [GeneratedRegex(@"[a-z][a-z'\-]*")]
    private static partial Regex WordRx();
}
