using Traceability.Domain.Catalogs;
using Traceability.Domain.Tests.Kconfig.Catalog;

namespace Traceability.Domain.Tests.Catalogs;

public class DependencyIndexTests
{
    internal static CatalogSymbol Symbol(string name, string[]? dependsOn = null, string[]? selects = null, string[]? implies = null) =>
        new(name, "tristate", null, null, ["Kconfig:1"], dependsOn ?? [], selects ?? [], implies ?? [], [], []);

    internal static readonly DependencyIndex Small = DependencyIndex.Build(
    [
        Symbol("E1000", dependsOn: ["PCI", "NET && !STAGING"], selects: ["CRC32", "MII if NET_CORE", "E1000"], implies: ["PTP"]),
        Symbol("IGB", dependsOn: ["PCI"], selects: ["CRC32"]),
        Symbol("NET"),
    ]);

    [Fact]
    public void The_links_a_symbol_writes_are_found_from_it_without_self_links_or_negated_dependencies() =>
        Assert.Equal(
            [
                new SymbolLink("E1000", LinkKind.DependsOn, "PCI", null), new SymbolLink("E1000", LinkKind.DependsOn, "NET", null),
                new SymbolLink("E1000", LinkKind.Selects, "CRC32", null), new SymbolLink("E1000", LinkKind.Selects, "MII", "NET_CORE"),
                new SymbolLink("E1000", LinkKind.Implies, "PTP", null),
            ],
            Small.From("E1000"));

    [Fact]
    public void The_symbols_naming_a_symbol_are_found_from_it_even_when_it_is_defined_nowhere()
    {
        Assert.Equal(["E1000", "IGB"], Small.To("CRC32").Select(l => l.From));
        Assert.Equal(["E1000", "IGB"], Small.To("PCI").Select(l => l.From));
        Assert.Empty(Small.To("STAGING"));
        Assert.Empty(Small.From("NET"));
        Assert.Empty(Small.To("UNKNOWN"));
    }

    [Fact]
    public void A_symbol_defined_twice_with_the_same_dependency_gives_one_link() =>
        Assert.Single(DependencyIndex.Build([Symbol("A", dependsOn: ["B", "B && C"])]).To("B"));

    [Fact]
    public void A_symbol_defined_at_two_sites_depends_only_on_what_both_sites_need()
    {
        var cubic = Symbol("TCP_CONG_CUBIC") with
        {
            Sites = ["net/ipv4/Kconfig:496", "net/ipv4/Kconfig:725"],
            Definitions =
            [
                new CatalogDefinition("net/ipv4/Kconfig:496", ["NET", "INET", "TCP_CONG_ADVANCED"], null),
                new CatalogDefinition("net/ipv4/Kconfig:725", ["NET", "INET", "!TCP_CONG_ADVANCED"], null),
            ],
        };

        var index = DependencyIndex.Build([cubic]);

        Assert.Equal(["NET", "INET"], index.From("TCP_CONG_CUBIC").Select(l => l.To));
        Assert.Empty(index.To("TCP_CONG_ADVANCED"));
    }

    [Fact]
    public void A_catalog_recorded_before_sites_had_their_own_conditions_claims_no_dependency_for_a_symbol_of_two_sites() =>
        Assert.Empty(DependencyIndex.Build([Symbol("TCP_CONG_CUBIC", dependsOn: ["TCP_CONG_ADVANCED", "!TCP_CONG_ADVANCED"]) with
        {
            Sites = ["net/ipv4/Kconfig:496", "net/ipv4/Kconfig:725"],
        }]).From("TCP_CONG_CUBIC"));

    [Fact]
    public void On_real_6_12_x86_tcp_cubic_does_not_depend_on_tcp_cong_advanced()
    {
        var index = DependencyIndex.Build(KernelTrees.Parse("6.12", "x86").Symbols.Select(CatalogDecisions.ToRecorded));

        Assert.DoesNotContain(index.From("TCP_CONG_CUBIC"), l => l.To == "TCP_CONG_ADVANCED");
        Assert.Contains(index.From("TCP_CONG_CUBIC"), l => l.To == "INET");
    }

    [Fact]
    public void On_real_6_12_arm64_futex_implies_rt_mutexes_mte_selects_and_depends_on_pan_and_futex_does_not_depend_on_smp()
    {
        var index = DependencyIndex.Build(KernelTrees.Parse("6.12", "arm64").Symbols.Select(CatalogDecisions.ToRecorded));

        Assert.Contains(new SymbolLink("FUTEX", LinkKind.Implies, "RT_MUTEXES", null), index.To("RT_MUTEXES"));
        Assert.Contains(index.To("ARCH_USES_HIGH_VMA_FLAGS"), l => l is { From: "ARM64_MTE", Kind: LinkKind.Selects });
        Assert.Contains(index.To("ARM64_PTR_AUTH"), l => l is { From: "ARM64_PTR_AUTH_KERNEL", Kind: LinkKind.DependsOn });
        Assert.Contains(index.To("ARM64_PAN"), l => l is { From: "ARM64_MTE", Kind: LinkKind.DependsOn });
        Assert.DoesNotContain(index.To("SMP"), l => l.From == "FUTEX");
    }
}
