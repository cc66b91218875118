using Traceability.Domain.Kconfig;
using static Traceability.Domain.Tests.Kconfig.ConfigText;

namespace Traceability.Domain.Tests.Kconfig;

public sealed class GrammarTests
{
    [Theory]
    [InlineData("y")]
    [InlineData("m")]
    [InlineData("n")]
    public void Tristate_assignment_is_read(string value)
    {
        var entry = Assert.Single(Parse($"CONFIG_FUTEX={value}").Entries);

        Assert.Equal(new ConfigEntry("FUTEX", value, 1), entry);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("-1")]
    [InlineData("0")]
    public void Decimal_assignment_is_read(string value) =>
        Assert.Equal(value, Parse($"CONFIG_HZ={value}").Values["HZ"]);

    [Theory]
    [InlineData("0x1f")]
    [InlineData("0xdead000000000000")]
    public void Hex_assignment_is_read(string value) =>
        Assert.Equal(value, Parse($"CONFIG_PHYSICAL_START={value}").Values["PHYSICAL_START"]);

    [Fact]
    public void String_value_keeps_quotes_and_escapes_as_written()
    {
        const string Value = """
            "console=\"ttyAMA0\" path=C:\\x"
            """;

        Assert.Equal(Value, Parse("CONFIG_CMDLINE=" + Value).Values["CMDLINE"]);
    }

    [Fact]
    public void Empty_string_value_is_read() =>
        Assert.Equal("\"\"", Parse("CONFIG_LOCALVERSION=\"\"").Values["LOCALVERSION"]);

    [Fact]
    public void Not_set_comment_is_value_n()
    {
        var entry = Assert.Single(Parse("# CONFIG_COMPILE_TEST is not set").Entries);

        Assert.Equal(new ConfigEntry("COMPILE_TEST", "n", 1), entry);
    }

    [Fact]
    public void Comments_and_blank_lines_are_skipped_but_counted()
    {
        var config = Parse("#", "# General setup", "", "   ", "CONFIG_FUTEX=y", "# end of General setup");

        Assert.Equal(new ConfigEntry("FUTEX", "y", 5), Assert.Single(config.Entries));
    }

    [Fact]
    public void Surrounding_whitespace_is_tolerated() =>
        Assert.Equal("y", Parse("  CONFIG_FUTEX=y \t", "\t# CONFIG_SMP is not set  ").Values["FUTEX"]);

    [Fact]
    public void Entries_keep_file_order()
    {
        var config = Parse("CONFIG_B=y", "# CONFIG_A is not set", "CONFIG_C=m");

        Assert.Equal(["B", "A", "C"], config.Entries.Select(e => e.Symbol));
    }

    [Theory]
    [InlineData("# Linux/arm64 6.12.117 Kernel Configuration", "arm64", "6.12.117")]
    [InlineData("# Linux/x86 6.1.0 Kernel Configuration", "x86", "6.1.0")]
    [InlineData("# Linux/riscv 6.13.0-rc1 Kernel Configuration", "riscv", "6.13.0-rc1")]
    public void Header_gives_architecture_and_version(string header, string architecture, string version)
    {
        var config = Parse("#", "# Automatically generated file; DO NOT EDIT.", header, "#", "CONFIG_FUTEX=y");

        Assert.Equal((architecture, version), (config.Architecture, config.KernelVersion));
    }

    [Fact]
    public void Missing_header_leaves_architecture_and_version_unknown()
    {
        var config = Parse("CONFIG_FUTEX=y");

        Assert.Equal((null, null), (config.Architecture, config.KernelVersion));
    }

    [Fact]
    public void Header_after_the_first_symbol_is_only_a_comment()
    {
        var config = Parse("CONFIG_FUTEX=y", "# Linux/arm64 6.12.117 Kernel Configuration");

        Assert.Null(config.Architecture);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        var config = KernelConfigParser.Parse("\uFEFF# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_FUTEX=y\n");

        Assert.Equal(("x86", "y"), (config.Architecture, config.Values["FUTEX"]));
    }

    [Fact]
    public void Last_line_needs_no_line_end() =>
        Assert.Equal("m", KernelConfigParser.Parse("CONFIG_A=y\nCONFIG_B=m").Values["B"]);

    [Fact]
    public void Values_lookup_is_case_sensitive() =>
        Assert.False(Parse("CONFIG_FUTEX=y").Values.ContainsKey("futex"));
}
