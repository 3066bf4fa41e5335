using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Storyloom.Server.Books;
using Storyloom.Server.Characters;

namespace Storyloom.Server.Data;

/// <summary>
/// Keeps <c>books.updated_at</c> a true stamp of everything a book read shows: any change to a book, its pages or its cast
/// moves it forward, whoever made the change and whether or not the book itself was loaded. <c>characters.updated_at</c>
/// moves forward on every change too. The book read cache (<see cref="BookReadCache"/>) trusts these stamps, on every node.
/// </summary>
internal static class ReadStamps
{
    /// <summary>Moves the stamps of tracked books and characters forward; returns the books that changed but are not tracked.</summary>
    public static HashSet<Guid> Advance(ChangeTracker tracker)
    {
        var touched = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Page page:
                    touched.Add(page.BookId);
                    break;
                case BookCharacter cast:
                    touched.Add(cast.BookId);
                    break;
                case Book book when entry.State == EntityState.Modified:
                    touched.Add(book.Id);
                    break;
                case Character when entry.State == EntityState.Modified:
                    MoveForward(entry.Property(nameof(Character.UpdatedAt)));
                    break;
            }
        }
        var untracked = new HashSet<Guid>();
        foreach (var id in touched)
        {
            var book = tracker.Entries<Book>().FirstOrDefault(e => e.Entity.Id == id);
            if (book is null)
            {
                untracked.Add(id);
            }
            else if (book.State is EntityState.Unchanged or EntityState.Modified)
            {
                MoveForward(book.Property(b => b.UpdatedAt));
            }
        }
        return untracked;
    }

    /// <summary>The books whose read changes, and the tasks with a new event, for <see cref="Cluster.ChangeSignals"/> to announce.</summary>
    public static void CollectSignals(ChangeTracker tracker, HashSet<Guid> untracked, HashSet<(string, Guid)> signals)
    {
        foreach (var id in untracked)
        {
            signals.Add((BookReadCache.Signal, id));
        }
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Book book when entry.State is EntityState.Modified or EntityState.Deleted:
                    signals.Add((BookReadCache.Signal, book.Id));
                    break;
                case Tasks.TaskEvent e when entry.State == EntityState.Added:
                    signals.Add((Tasks.TaskEventSignals.Signal, e.TaskId));
                    break;
            }
        }
    }

    /// <summary>The stamp of books changed without being loaded: now, to the microsecond (PostgreSQL keeps no finer).</summary>
    public static DateTime Now() => Microseconds(DateTime.UtcNow);

    /// <summary>Later than before, always: a frozen or slow clock must not give two versions of a book the same stamp.</summary>
    private static void MoveForward(PropertyEntry stamp)
    {
        var original = (DateTime)stamp.OriginalValue!;
        var current = (DateTime)stamp.CurrentValue!;
        var floor = original.AddTicks(TimeSpan.TicksPerMicrosecond);
        if (current < floor)
        {
            var now = Now();
            stamp.CurrentValue = now > floor ? now : floor;
        }
        stamp.IsModified = true;
    }

    private static DateTime Microseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMicrosecond, t.Kind);
}
