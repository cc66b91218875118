using Traceability.Domain.Catalogs;

namespace Traceability.Domain.Tests.Catalogs;

public class GuardedSymbolTests
{
    [Theory]
    [InlineData("RT_MUTEXES", "RT_MUTEXES", null)]
    [InlineData("  64BIT  ", "64BIT", null)]
    [InlineData("FOO if BAR && !BAZ", "FOO", "BAR && !BAZ")]
    [InlineData("NF_DEFRAG_IPV6 if IPV6 != n", "NF_DEFRAG_IPV6", "IPV6 != n")]
    [InlineData("FOO if ARCH = \"x if y\"", "FOO", "ARCH = \"x if y\"")]
    [InlineData("IFB if IFACE", "IFB", "IFACE")]
    public void The_selected_symbol_is_the_first_word_and_the_condition_follows_if(string text, string symbol, string? condition) =>
        Assert.Equal(new GuardedSymbol(symbol, condition), GuardedSymbol.Parse(text));

    [Theory]
    [InlineData("\"FOO\"")]
    [InlineData("FOO BAR")]
    [InlineData("FOO if")]
    [InlineData("y")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_one_symbol_and_an_optional_condition_is_not_read(string? text) =>
        Assert.Null(GuardedSymbol.Parse(text));
}
