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
    public void Symbols_are_read_from_the_expression_without_evaluating_it(string expression, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), DependencySymbols.Of(expression));
}
