using Storyloom.Core.Books;

namespace Storyloom.Core.Tests;

/// <summary>The brief as the CLI and the spec file give it: the cast, the imprint, what the user says, and problems filed by field.</summary>
public sealed class BriefTests
{
    [Fact]
    public void A_spec_file_cast_becomes_the_spec_cast_in_order_with_the_first_as_hero()
    {
        var spec = BookSpecInput.FromJson("""
            {"title": "Pip's Night", "characters": [
              {"name": "Pip", "species": "fox", "look": "purple scarf", "traits": ["Brave", "curious"], "pronoun": "she"},
              {"name": "Grandpa Tom", "species": "grandparent", "role": "grown-up"}],
             "imprint": "Acorn Press", "reviewedByAuthor": true}
            """).ToSpec();

        spec.Cast.Select(c => (c.Name, c.Species)).ShouldBe([("Pip", Species.Fox), ("Grandpa Tom", Species.Grandparent)]);
        spec.Cast[0].Look.ShouldBe("purple scarf");
        spec.Cast[0].Traits.ShouldBe(["brave", "curious"]);
        spec.Cast[0].Pronoun.ShouldBe("she");
        spec.Cast[1].Role.ShouldBe("grown-up");
        spec.Imprint.ShouldBe("Acorn Press");
        spec.ReviewedByAuthor.ShouldBeTrue();
        spec.Credit.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Pip:fox:purple scarf", "Pip", Species.Fox, "purple scarf")]
    [InlineData("Grandma Rose:grandparent", "Grandma Rose", Species.Grandparent, null)]
    [InlineData(" Rex : dinosaur : green, with a red hat: and boots ", "Rex", Species.Dinosaur, "green, with a red hat: and boots")]
    public void A_character_flag_is_name_species_and_an_optional_look(string flag, string name, Species species, string? look)
    {
        var member = new BookSpecInput { Characters = [CharacterInput.FromFlag(flag)] }.ToSpec().Cast.ShouldHaveSingleItem();

        (member.Name, member.Species, member.Look).ShouldBe((name, species, look));
    }

    [Fact]
    public void An_unknown_species_is_a_problem_of_the_characters_field_listing_every_species()
    {
        var e = Should.Throw<SpecException>(() => new BookSpecInput { Characters = [CharacterInput.FromFlag("Pip:wolf")] }.ToSpec());

        var problem = e.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe(BriefField.Characters);
        problem.Message.ShouldContain("unknown species 'wolf'");
        SpeciesNames.All.ShouldAllBe(s => problem.Message.Contains(s));
        e.Message.ShouldStartWith("--character: ");
    }

    [Fact]
    public void Every_problem_names_its_field_and_the_cli_its_flag()
    {
        var e = Should.Throw<SpecException>(() => new BookSpecInput
        {
            Title = new string('t', BriefLimits.Title + 1), Author = new string('a', BriefLimits.Author + 1),
            Theme = new string('h', BriefLimits.Theme + 1), Moral = new string('m', BriefLimits.Moral + 1),
            Dedication = new string('d', BriefLimits.Dedication + 1), AboutAuthor = new string('b', BriefLimits.AboutAuthor + 1),
            Imprint = new string('i', BriefLimits.Imprint + 1), Pages = 33, Paper = "cream", Ink = "premium-color", Age = "4-6",
            Characters = [new CharacterInput(new string('n', BriefLimits.CharacterName + 1), "fox", Look: new string('l', BriefLimits.CharacterLook + 1))],
        }.ToSpec());

        e.Problems.Select(p => p.Field).Distinct().Order().ShouldBe(new[]
        {
            BriefField.AboutAuthor, BriefField.Age, BriefField.Author, BriefField.Characters, BriefField.Dedication, BriefField.Imprint,
            BriefField.Moral, BriefField.Pages, BriefField.Paper, BriefField.Theme, BriefField.Title,
        }.Order());
        e.Problems.ShouldAllBe(p => !p.Message.Contains("--"), "messages name no flag; the CLI adds it");
        e.Problems.Select(p => p.ForCli).ShouldContain(m => m.StartsWith("--about-author: ", StringComparison.Ordinal));
        BriefField.Json(BriefField.Pages).ShouldBe("pageCount");
        BriefField.Flag(BriefField.ReviewedByAuthor).ShouldBe("--reviewed-by-author");
    }

    [Fact]
    public void No_author_is_the_default_and_prints_no_name()
    {
        var spec = new BookSpecInput().ToSpec();

        spec.Author.ShouldBe("");
        spec.Imprint.ShouldBeNull();
        spec.ReviewedByAuthor.ShouldBeFalse();
        spec.Credit.ShouldBeFalse();
        BookWords.English.Fill(BookWords.English.Copyright, 2026, BookWords.Holder(spec))
            .ShouldBe("Text and illustrations copyright © 2026. All rights reserved.");
        BookWords.English.Fill(BookWords.English.Copyright, 2026, BookWords.Holder(spec with { Imprint = "Acorn Press" }))
            .ShouldBe("Text and illustrations copyright © 2026 Acorn Press. All rights reserved.");
        BookWords.English.AboutAuthorText(spec).ShouldNotContain("Storyloom");
    }

    [Fact]
    public void A_flag_cast_replaces_the_spec_file_cast()
    {
        var file = BookSpecInput.FromJson("""{"characters": [{"name": "Luna", "species": "owl"}]}""");
        var flags = new BookSpecInput { Characters = [CharacterInput.FromFlag("Pip:fox")] };

        file.OverriddenBy(flags).ToSpec().Cast.Select(c => c.Name).ShouldBe(["Pip"]);
        file.OverriddenBy(new BookSpecInput()).ToSpec().Cast.Select(c => c.Name).ShouldBe(["Luna"]);
    }
}
