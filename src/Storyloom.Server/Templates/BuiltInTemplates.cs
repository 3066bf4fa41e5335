using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Data;
using Storyloom.Server.Hosting;

namespace Storyloom.Server.Templates;

/// <summary>
/// The templates every user starts from: one per story shape, educational focus and coloring theme. Seeded at start-up by
/// key; a template that already exists is left alone, so an admin's edits survive restarts.
/// </summary>
internal static class BuiltInTemplates
{
    private sealed record Seed(string Key, string Name, string Kind, string Description, object Spec);

    private static IEnumerable<Seed> All()
    {
        Seed Story(string shape, string name, string theme, string age, string moral, string description) =>
            new($"story-{shape}", name, "story", description,
                new { kind = "story", shape, theme, age, moral, trim = "8.5x8.5", ink = "premium-color", pages = 32, bleed = true });
        yield return Story("quest", "Quest", "a lost treasure in the forest", "3-5", "Keep going, and ask friends for help",
            "A small hero sets off to find something lost or far away, meets helpers on the road and comes home changed. 32 pages, square.");
        yield return Story("friend", "Making a friend", "friendship", "3-5", "A friend is someone who makes room for you",
            "Two very different characters meet, misunderstand each other and end up friends.");
        yield return Story("bedtime", "Bedtime", "a sleepy night", "0-2", "Everything rests, and so can you",
            "A calm wind-down: the world gets ready for sleep, page by page, ending in bed. Short sentences for the youngest.");
        yield return Story("fear", "Facing a fear", "the dark", "3-5", "Being brave means trying even when you are scared",
            "The hero is afraid of something, tries small brave steps with a friend's help and finds it is not so scary.");
        yield return Story("sharing", "Sharing", "sharing and kindness", "3-5", "Sharing makes good things bigger",
            "The hero has something wonderful, learns that sharing it makes everyone happier, including themselves.");
        yield return Story("new-place", "A new place", "the first day at school", "3-5", "New places become friendly places",
            "A first day somewhere new: worries in the morning, a new friend by noon, excitement for tomorrow.");

        Seed Focus(string focus, string name, string theme, string age, string description) =>
            new($"focus-{focus}", name, "story", description,
                new { kind = "story", focus, theme, age, trim = "8.5x8.5", ink = "premium-color", pages = 32, bleed = true });
        yield return Focus("abc", "ABC book", "animals from A to Z", "3-5", "One letter a page with an animal or object that starts with it.");
        yield return Focus("counting-10", "Counting to 10", "counting animals", "0-2", "Count from one to ten with friendly animals, one number a page.");
        yield return Focus("counting-20", "Counting to 20", "counting in the garden", "3-5", "Count from one to twenty; larger groups drawn in rows that are easy to count.");
        yield return Focus("colors", "Colors", "colors all around", "0-2", "One color a page, shown in things a small child knows.");
        yield return Focus("shapes", "Shapes", "shapes everywhere", "3-5", "Circles, squares, triangles and more, found in everyday scenes.");
        yield return Focus("opposites", "Opposites", "big and small", "3-5", "Pairs of opposites side by side: big and small, up and down, day and night.");
        yield return Focus("feelings", "Feelings", "feelings", "3-5", "Names for feelings and what they look like, to talk about with a grown-up.");

        Seed Coloring(string theme, string name, string age, string level, string description) =>
            new($"coloring-{theme}", name, "coloring", description,
                new { kind = "coloring", theme, age, level, trim = "8.5x11", ink = "bw", paper = "white", pages = 100, bleed = false });
        yield return Coloring("animals", "Animals coloring book", "3-5", "simple", "Friendly animals with thick lines and big shapes; one design a sheet, blank backs.");
        yield return Coloring("vehicles", "Vehicles coloring book", "3-5", "simple", "Cars, trucks, trains, boats and planes to color.");
        yield return Coloring("dinosaurs", "Dinosaurs coloring book", "6-8", "medium", "Dinosaurs in their world with more parts to color.");
        yield return Coloring("underwater", "Underwater coloring book", "3-5", "simple", "Fish, whales, turtles and coral under the sea.");
        yield return Coloring("mandalas", "Mandalas coloring book", "9-12", "detailed", "Round patterns with many small regions, for older children and adults.");
        yield return Coloring("characters", "Characters coloring book", "6-8", "medium", "The story characters (foxes, bears, dragons, robots …) in scenes to color.");
    }

    public static IReadOnlyList<string> Keys { get; } = All().Select(s => s.Key).ToList();

    public static async Task SeedAsync(StoryloomDb db, TimeProvider time, CancellationToken ct)
    {
        var existing = await db.Templates.Where(t => t.Key != null).Select(t => t.Key!).ToListAsync(ct);
        var now = time.UtcNow();
        var missing = All().Where(s => !existing.Contains(s.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.Templates.AddRange(missing.Select(s => new Template
        {
            Key = s.Key, Name = s.Name, Kind = s.Kind, Description = s.Description,
            SpecJson = JsonSerializer.Serialize(s.Spec), CreatedAt = now, UpdatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server starting on the same database seeded them first (unique key); theirs are as good as ours.
            db.ChangeTracker.Clear();
        }
    }
}
