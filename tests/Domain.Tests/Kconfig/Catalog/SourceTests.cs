using Traceability.Domain.Kconfig.Catalog;
using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

public sealed class SourceTests
{
    [Fact]
    public void Source_expands_the_callers_variables()
    {
        var catalog = Tree(("Kconfig", "source \"arch/$(SRCARCH)/Kconfig\"\n"), ("arch/arm64/Kconfig", "config ARM64\n\tdef_bool y\n"));

        Assert.Equal(["Kconfig", "arch/arm64/Kconfig"], catalog.Files);
        Assert.Equal(new SourceSite("arch/arm64/Kconfig", 1), catalog.Find("ARM64")!.Definitions[0].Site);
    }

    [Fact]
    public void Header_arch_is_a_variable_the_caller_may_set()
    {
        var catalog = KconfigParser.Parse(
            KconfigSources.From(new Dictionary<string, string> { ["Kconfig"] = "source \"arch/$(HEADER_ARCH)/um/Kconfig\"\n", ["arch/x86/um/Kconfig"] = "config UML_X86\n\tdef_bool y\n" }),
            new Dictionary<string, string> { ["SRCARCH"] = "um", ["HEADER_ARCH"] = "x86" });

        Assert.NotNull(catalog.Find("UML_X86"));
    }

    [Fact]
    public void Rsource_is_relative_to_the_sourcing_file()
    {
        var catalog = Tree(("Kconfig", "source \"drivers/Kconfig\"\n"), ("drivers/Kconfig", "rsource \"net/../net/Kconfig\"\n"), ("drivers/net/Kconfig", "config NETDEV\n\tbool\n"));

        Assert.Equal("drivers/net/Kconfig", catalog.Find("NETDEV")!.Definitions[0].Site.File);
    }

    [Fact]
    public void Osource_and_orsource_of_a_missing_file_are_silent() =>
        Assert.Empty(Root("osource \"missing/Kconfig\"\norsource \"also/missing\"\n").Problems);

    [Fact]
    public void Source_of_a_missing_file_is_reported_where_it_is_sourced() =>
        Assert.Equal("Kconfig:2: sourced file missing/Kconfig does not exist", Root("\nsource \"missing/Kconfig\"\n").Problems.Single().ToString());

    [Fact]
    public void An_unknown_variable_in_a_source_path_is_reported() =>
        Assert.Contains("$(NOPE)", SingleProblem("source \"arch/$(NOPE)/Kconfig\"\n").Message, StringComparison.Ordinal);

    [Fact]
    public void A_file_sourcing_itself_is_reported_not_followed_forever() =>
        Assert.Contains("recursive inclusion", SingleProblem("source \"Kconfig\"\n").Message, StringComparison.Ordinal);

    [Fact]
    public void A_missing_root_is_a_problem_not_an_exception() =>
        Assert.Equal("Kconfig:0: the root file Kconfig does not exist", Tree().Problems.Single().ToString());

    [Fact]
    public void Macro_definitions_and_calls_are_recorded_not_evaluated()
    {
        var catalog = Root("""
            quote := "
            cc-option = $(success,$(CC) -Werror $(1) -E -x c /dev/null -o /dev/null)
            flags += -O2
            $(error-if,$(failure,command -v $(CC)),C compiler '$(CC)' not found)
            config CC_HAS_BTI
            	def_bool $(cc-option, -mbranch-protection=bti)
            """);

        Assert.Empty(catalog.Problems);
        Assert.Equal([("quote", ":=", "\""), ("cc-option", "=", "$(success,$(CC) -Werror $(1) -E -x c /dev/null -o /dev/null)"), ("flags", "+=", "-O2")],
            catalog.Macros.Where(m => m.Flavor != "call").Select(m => (m.Name, m.Flavor, m.Value)));
        Assert.Equal("error-if", catalog.Macros.Single(m => m.Flavor == "call").Name);
        Assert.Equal("$(cc-option, -mbranch-protection=bti)", catalog.Find("CC_HAS_BTI")!.Definitions[0].Defaults[0].Value);
    }

    [Fact]
    public void A_source_path_may_use_a_macro_defined_before() =>
        Assert.NotNull(Tree(("Kconfig", "dir := lib\nsource \"$(dir)/Kconfig\"\n"), ("lib/Kconfig", "config CRC32\n\ttristate\n")).Find("CRC32"));
}
