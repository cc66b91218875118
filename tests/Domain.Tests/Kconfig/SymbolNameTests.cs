using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Tests.Kconfig;

public class SymbolNameTests
{
    [Theory]
    [InlineData("FUTEX", "FUTEX")]
    [InlineData("CONFIG_FUTEX", "FUTEX")]
    [InlineData("FONT_6x10", "FONT_6x10")]
    [InlineData("64BIT", "64BIT")]
    public void Only_an_upper_case_CONFIG_prefix_is_stripped(string name, string symbol) =>
        Assert.Equal(symbol, KconfigSymbol.Normalize(name));

    [Theory]
    [InlineData("config_kasan")]
    [InlineData("Config_KASAN")]
    [InlineData("CONFIG_CONFIG_KASAN")]
    public void A_name_beginning_with_config_in_any_case_after_the_prefix_is_not_a_symbol(string name)
    {
        Assert.Null(KconfigSymbol.Normalize(name));
        Assert.Contains("Did you mean CONFIG_KASAN?", KconfigSymbol.Problem(name), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_name_has_no_problem() => Assert.Null(KconfigSymbol.Problem("CONFIG_FUTEX"));
}
