using Storyloom.Core.Books;

namespace Storyloom.Core.Story;

/// <summary>The front and back matter every story-kind book shares: title page 1, copyright page 2, The End last.</summary>
internal static class BookMatter
{
    public static List<ManuscriptPage> Front(BookSpec spec, string title) =>
    [
        new(1, PageRole.Title, title, null),
        new(2, PageRole.Copyright, $"Text and illustrations copyright © {spec.Author}. All rights reserved. No part of this book may be reproduced without permission.", null),
    ];

    /// <summary>The pages the front and back matter take, so a writer knows how many are left for the story.</summary>
    public const int Count = 3;

    public static ManuscriptPage TheEnd(BookSpec spec, string text) => new(spec.Pages, PageRole.TheEnd, text, null);

    /// <summary>The user's moral as a sentence, or null when none was asked for.</summary>
    public static string? Moral(BookSpec spec) =>
        string.IsNullOrWhiteSpace(spec.Moral) ? null : spec.Moral.Trim() is var m && ".!?".Contains(m[^1]) ? m : m + ".";
}
