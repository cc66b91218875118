using Traceability.Domain.Catalogs;
using static Traceability.Domain.Tests.Catalogs.DependencyIndexTests;

namespace Traceability.Domain.Tests.Catalogs;

public class DependencyConflictsTests
{
    private static IReadOnlyList<string> Warnings(string symbol, string value, params (string Symbol, string Value)[] decided) =>
        DependencyConflicts.Warnings(Small, symbol, value, decided.ToDictionary(d => d.Symbol, d => d.Value));

    [Fact]
    public void Deciding_y_or_m_looks_at_what_the_symbol_names_and_deciding_n_at_who_names_it()
    {
        Assert.Equal(["PCI", "NET", "CRC32", "MII", "PTP"], DependencyConflicts.Counterparts(Small, "E1000", "m"));
        Assert.Equal(["E1000", "IGB"], DependencyConflicts.Counterparts(Small, "CRC32", "n"));
        Assert.Empty(DependencyConflicts.Counterparts(Small, "E1000", "\"text\""));
    }

    [Fact]
    public void Deciding_y_warns_for_each_link_to_a_symbol_decided_n_in_kind_order() =>
        Assert.Equal(
            [
                "CONFIG_E1000 depends on CONFIG_PCI, which is decided n",
                "CONFIG_E1000 selects CONFIG_CRC32, which is decided n: the build will turn CONFIG_CRC32 on",
                "CONFIG_E1000 selects CONFIG_MII (if NET_CORE), which is decided n: the build will turn CONFIG_MII on if the condition holds",
                "CONFIG_E1000 implies CONFIG_PTP, which is decided n: that is only a default, which the n decision overrides",
            ],
            Warnings("E1000", "y", ("PTP", "n"), ("MII", "n"), ("CRC32", "n"), ("PCI", "n"), ("NET", "y")));

    [Fact]
    public void Deciding_n_warns_for_each_symbol_decided_y_or_m_that_names_it()
    {
        Assert.Equal(
            [
                "CONFIG_E1000 depends on CONFIG_PCI; deciding CONFIG_PCI n leaves the m decision on CONFIG_E1000 without effect",
                "CONFIG_IGB depends on CONFIG_PCI; deciding CONFIG_PCI n leaves the y decision on CONFIG_IGB without effect",
            ],
            Warnings("PCI", "n", ("IGB", "y"), ("E1000", "m")));
        Assert.Equal(
            ["CONFIG_E1000 selects CONFIG_MII (if NET_CORE); the y decision on CONFIG_E1000 overrides deciding CONFIG_MII n: the build will turn CONFIG_MII on if the condition holds"],
            Warnings("MII", "n", ("E1000", "y")));
        Assert.Equal(
            ["CONFIG_E1000 implies CONFIG_PTP; for the y decision on CONFIG_E1000 that is only a default, which deciding CONFIG_PTP n overrides"],
            Warnings("PTP", "n", ("E1000", "y")));
    }

    [Fact]
    public void Nothing_is_warned_for_n_against_n_y_against_y_strings_or_undecided_symbols()
    {
        Assert.Empty(Warnings("PCI", "n", ("E1000", "n"), ("IGB", "\"x\"")));
        Assert.Empty(Warnings("E1000", "y", ("PCI", "y"), ("CRC32", "m")));
        Assert.Empty(Warnings("E1000", "\"text\"", ("PCI", "n")));
        Assert.Empty(Warnings("STAGING", "n", ("E1000", "y")));
        Assert.Empty(Warnings("E1000", "y"));
    }
}
