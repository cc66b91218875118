using Traceability.Domain.Kconfig.Catalog;
using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

public sealed class EntryTests
{
    [Theory]
    [InlineData("bool", "bool")]
    [InlineData("tristate", "tristate")]
    [InlineData("string", "string")]
    [InlineData("int", "int")]
    [InlineData("hex", "hex")]
    [InlineData("def_bool y", "bool")]
    [InlineData("def_tristate m", "tristate")]
    public void Each_type_is_read(string line, string type) =>
        Assert.Equal(type, Symbol($"config FOO\n\t{line}\n", "FOO").Type);

    [Fact]
    public void A_def_bool_is_also_a_default() =>
        Assert.Equal([new Guarded("y", "ARM64")], Definition("config FOO\n\tdef_bool y if ARM64\n", "FOO").Defaults);

    [Fact]
    public void A_prompt_on_the_type_line_is_read_with_its_condition()
    {
        var foo = Definition("config FOO\n\tbool \"Enable \\\"foo\\\"\" if EXPERT\n", "FOO");

        Assert.Equal([new Guarded("Enable \"foo\"", "EXPERT")], foo.Prompts);
    }

    [Fact]
    public void A_separate_prompt_line_is_read() =>
        Assert.Equal("Foo support", Symbol("config FOO\n\tbool\n\tprompt \"Foo support\" if BAR && !BAZ\n", "FOO").Prompt);

    [Fact]
    public void Menuconfig_is_a_symbol_of_its_own_kind() =>
        Assert.Equal("menuconfig", Definition("menuconfig NET\n\tbool \"Networking\"\n", "NET").Kind);

    [Fact]
    public void Dependencies_are_kept_as_written()
    {
        var foo = Definition("""
            config FOO
            	tristate "Foo"
            	depends on BAR && (BAZ || COMPILE_TEST)
            	depends on !QUX
            	select CRC32
            	select ZLIB if BAR=y
            	imply LEDS
            	default m if BAR != n
            	default y
            """, "FOO");

        Assert.Equal(["BAR && (BAZ || COMPILE_TEST)", "!QUX"], foo.DependsOn);
        Assert.Equal([new Guarded("CRC32", null), new Guarded("ZLIB", "BAR=y")], foo.Selects);
        Assert.Equal([new Guarded("LEDS", null)], foo.Implies);
        Assert.Equal([new Guarded("m", "BAR != n"), new Guarded("y", null)], foo.Defaults);
    }

    [Fact]
    public void Ranges_and_string_defaults_are_read()
    {
        var hz = Definition("config HZ\n\tint \"Timer\"\n\trange 100 1000 if !EXPERT\n\tdefault \"250\"\n", "HZ");

        Assert.Equal([new Guarded("100 1000", "!EXPERT")], hz.Ranges);
        Assert.Equal([new Guarded("\"250\"", null)], hz.Defaults);
    }

    [Fact]
    public void Modules_option_and_transitional_flags_are_recorded() =>
        Assert.Equal(["modules", "option defconfig_list", "transitional"],
            Definition("config MODULES\n\tbool\n\tmodules\n\toption defconfig_list\n\ttransitional\n", "MODULES").Flags);

    [Fact]
    public void A_symbol_defined_in_two_places_keeps_both_sites_and_the_first_prompt()
    {
        var catalog = Tree(
            ("Kconfig", "config FOO\n\tbool \"Foo\"\nsource \"arch/$(SRCARCH)/Kconfig\"\n"),
            ("arch/arm64/Kconfig", "\nconfig FOO\n\tdefault y\n"));

        var foo = catalog.Find("FOO")!;
        Assert.Equal([new SourceSite("Kconfig", 1), new SourceSite("arch/arm64/Kconfig", 2)], foo.Definitions.Select(d => d.Site));
        Assert.Equal(("bool", "Foo"), (foo.Type, foo.Prompt));
    }

    [Fact]
    public void Continued_lines_are_joined_and_keep_the_first_line_number()
    {
        var catalog = Root("config FOO\n\tbool\n\tdepends on A && \\\n\t\tB\nconfig BAR\n\tbool\n");

        Assert.Equal(["A && B"], catalog.Find("FOO")!.Definitions[0].DependsOn.Select(d => d.Replace("  ", " ", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)));
        Assert.Equal(new SourceSite("Kconfig", 5), catalog.Find("BAR")!.Definitions[0].Site);
    }

    [Fact]
    public void Comments_after_hash_are_ignored() =>
        Assert.Equal(["A"], Definition("config FOO # the foo\n\tbool # type\n\tdepends on A # why\n", "FOO").DependsOn);
}
