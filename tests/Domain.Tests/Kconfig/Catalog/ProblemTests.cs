using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

public sealed class ProblemTests
{
    [Theory]
    [InlineData("frobnicate FOO\n", "Kconfig:1: unknown construct (not a Kconfig statement)")]
    [InlineData("bool \"orphan\"\n", "Kconfig:1: 'bool' outside of an entry")]
    [InlineData("config\n", "Kconfig:1: 'config' must be followed by exactly one symbol name")]
    [InlineData("config FOO BAR\n", "Kconfig:1: 'config' must be followed by exactly one symbol name")]
    [InlineData("config FOO\n\tbool \"unterminated\n", "Kconfig:2: unterminated string")]
    [InlineData("config FOO\n\tbool\n\tdepends BAR\n", "Kconfig:3: 'depends' must be followed by 'on' and an expression")]
    [InlineData("config FOO\n\tbool\n\tselect\n", "Kconfig:3: a value is missing")]
    [InlineData("config FOO\n\tbool\n\tdefault y if\n", "Kconfig:3: 'if' is not followed by a condition")]
    [InlineData("config FOO\n\tbool\n\ttristate\n", "Kconfig:3: type tristate conflicts with bool given before")]
    [InlineData("menu \"M\"\n\tselect FOO\nendmenu\n", "Kconfig:2: 'select' is not valid in a menu")]
    [InlineData("config FOO\n\tbool\n\toptional\n", "Kconfig:3: 'optional' is not valid in a config")]
    [InlineData("config FOO\n\tbool\n\tdepends on $(oops\n", "Kconfig:3: unterminated $( macro reference")]
    [InlineData("if\nendif\n", "Kconfig:1: 'if' without a condition")]
    public void Each_unreadable_line_is_reported_with_file_and_line(string text, string problem) =>
        Assert.Equal(problem, SingleProblem(text).ToString());

    [Fact]
    public void Parsing_goes_on_after_a_problem()
    {
        var catalog = Root("config FOO\n\tbool\n\tfrobnicate\nconfig BAR\n\ttristate \"Bar\"\n");

        Assert.Single(catalog.Problems);
        Assert.Equal(("bool", "tristate"), (catalog.Find("FOO")!.Type, catalog.Find("BAR")!.Type));
    }

    [Fact]
    public void Two_types_for_one_symbol_in_two_places_are_reported()
    {
        var catalog = Tree(("Kconfig", "config FOO\n\tbool\nsource \"b\"\n"), ("b", "config FOO\n\ttristate\n"));

        Assert.Equal("b:1: FOO is tristate here but bool at Kconfig:1", Assert.Single(catalog.Problems).ToString());
        Assert.Equal("bool", catalog.Find("FOO")!.Type);
    }

    [Fact]
    public void Binary_garbage_gives_problems_not_an_exception() =>
        Assert.NotEmpty(Root("\0\u0001\"\u00ff config\n((((\n").Problems);
}
