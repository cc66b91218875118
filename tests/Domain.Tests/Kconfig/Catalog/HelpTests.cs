using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

public sealed class HelpTests
{
    [Fact]
    public void Help_ends_when_the_indentation_drops()
    {
        var catalog = Root("config FOO\n\tbool\n\thelp\n\t  Line one.\n\t    indented more\n\n\t  After a blank.\n\tdepends on BAR\n");

        var foo = catalog.Find("FOO")!;
        Assert.Equal("Line one.\n  indented more\n\nAfter a blank.", foo.Help);
        Assert.Equal(["BAR"], foo.Definitions[0].DependsOn);
    }

    [Fact]
    public void Help_ends_at_a_line_that_is_not_indented()
    {
        var catalog = Root("config FOO\n\tbool\n\thelp\n\t  Foo.\nconfig BAR\n\tbool\n");

        Assert.Equal("Foo.", catalog.Find("FOO")!.Help);
        Assert.NotNull(catalog.Find("BAR"));
    }

    [Fact]
    public void Help_text_may_look_like_kconfig_and_hold_hashes()
    {
        var foo = Symbol("config FOO\n\tbool\n\t---help---\n\t  config NOT_A_SYMBOL\n\t  # not a comment\n", "FOO");

        Assert.Equal("config NOT_A_SYMBOL\n# not a comment", foo.Help);
    }

    [Fact]
    public void Tabs_count_to_the_next_multiple_of_eight() =>
        Assert.Equal("a\nb", Symbol("config FOO\n\tbool\n\thelp\n\t  a\n          b\n", "FOO").Help);

    [Fact]
    public void A_choice_has_help_but_a_menu_has_none() =>
        Assert.Contains("help text outside", SingleProblem("menu \"M\"\n\thelp\n\t  text\nendmenu\n").Message, StringComparison.Ordinal);
}
