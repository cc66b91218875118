using Traceability.Domain.Catalogs;

namespace Traceability.Domain.Tests.Catalogs;

public class DependencySymbolsTests
{
    [Theory]
    [InlineData("PCI && (NET || BLOCK)", "PCI,NET,BLOCK")]
    [InlineData("FOO=y || BAR != n", "FOO,BAR")]
    [InlineData("!STAGING && MMU", "MMU")]
    [InlineData("! STAGING", "")]
    [InlineData("ARCH = \"arm64 x86\" && HZ_100", "ARCH,HZ_100")]
    [InlineData("m && MODULES", "MODULES")]
    [InlineData("X86_64 || (NR_CPUS > 0x10)", "X86_64,NR_CPUS")]
    [InlineData("FOO!=BAR", "FOO,BAR")]
    [InlineData("64BIT && !32BIT && NR_CPUS < 1024", "64BIT,NR_CPUS")]
    [InlineData("$(cc-option,-mbranch-protection=pac-ret+leaf) && $(success,$(CC) -v) && ARM64", "ARM64")]
    public void Symbols_are_read_from_the_expression_without_evaluating_it(string expression, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), DependencySymbols.Of(expression));

    [Theory]
    [InlineData("!(SPARC32 && SMP)", "")]
    [InlineData("BATMAN_ADV && !(CFG80211=m && BATMAN_ADV=y)", "BATMAN_ADV")]
    [InlineData("!(32BIT && (PHYS_ADDR_T_64BIT || EVA))", "")]
    [InlineData("!(KASAN || KCSAN) || GCC_VERSION >= 130300", "GCC_VERSION")]
    [InlineData("!(A && !(B || C))", "B,C")]
    [InlineData("!!FOO", "FOO")]
    public void A_symbol_under_an_odd_number_of_negations_is_satisfied_by_n_and_is_skipped(string expression, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), DependencySymbols.Of(expression));

    [Theory]
    [InlineData("FOO = n", "")]
    [InlineData("FOO != y && BAR != m", "")]
    [InlineData("n = FOO", "")]
    [InlineData("!(FOO = n)", "FOO")]
    [InlineData("FOO != n", "FOO")]
    [InlineData("!(FOO != n)", "")]
    [InlineData("!(FOO = BAR)", "FOO,BAR")]
    [InlineData("!(HZ > 100)", "HZ")]
    public void A_comparison_with_a_tristate_literal_keeps_the_symbol_only_where_n_could_break_it(string expression, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), DependencySymbols.Of(expression));

    [Theory]
    [InlineData("(FOO && BAR")]
    [InlineData("FOO)) || BAR")]
    [InlineData("FOO =")]
    [InlineData("\"unterminated && FOO")]
    [InlineData("")]
    public void Malformed_expressions_give_a_list_and_never_throw(string expression) =>
        Assert.NotNull(DependencySymbols.Of(expression));
}
