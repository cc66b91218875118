using Traceability.Domain.Kconfig.Catalog;
using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>Kconfig lets a symbol be set when any one of its definition sites' conditions holds (their OR).</summary>
public sealed class SeveralSitesTests
{
    private const string CongestionControl = """
        if INET
        menuconfig TCP_CONG_ADVANCED
        	bool "TCP: advanced congestion control"
        if TCP_CONG_ADVANCED
        config TCP_CONG_CUBIC
        	tristate "CUBIC TCP"
        	depends on NET
        endif
        config TCP_CONG_CUBIC
        	tristate
        	depends on NET && !TCP_CONG_ADVANCED
        	default y
        endif
        """;

    [Fact]
    public void Conditions_all_sites_share_stay_and_the_rest_are_ored()
    {
        var cubic = Symbol(CongestionControl, "TCP_CONG_CUBIC");

        Assert.Equal(["INET", "TCP_CONG_ADVANCED", "NET"], cubic.Definitions[0].Conditions);
        Assert.Equal(["INET", "NET && !TCP_CONG_ADVANCED"], cubic.Definitions[1].Conditions);
        Assert.Equal(["INET", "(TCP_CONG_ADVANCED && NET) || (NET && !TCP_CONG_ADVANCED)"], cubic.DependsOn);
    }

    [Fact]
    public void A_site_without_conditions_of_its_own_makes_the_symbol_need_only_what_all_share()
    {
        var mitigations = Symbol("""
            config CPU_MITIGATIONS
            	def_bool y
            config CPU_MITIGATIONS
            	bool "Mitigations for CPU vulnerabilities"
            	depends on !ARCH_CONFIGURES_CPU_MITIGATIONS
            """, "CPU_MITIGATIONS");

        Assert.Empty(mitigations.DependsOn);
    }

    [Fact]
    public void One_site_keeps_its_conditions_as_written() =>
        Assert.Equal(["A", "B || C"], Symbol("if A\nconfig FOO\n\tbool\n\tdepends on B || C\nendif\n", "FOO").DependsOn);

    [Fact]
    public void Each_site_records_the_menus_it_is_in()
    {
        var catalog = Root("""
            menu "Networking support"
            menu "Networking options"
            config INET
            	bool "TCP/IP networking"
            endmenu
            config NET_AFTER
            	bool
            endmenu
            config TOP
            	bool
            """);

        Assert.Equal("Networking support > Networking options", catalog.Find("INET")!.Definitions[0].Menu);
        Assert.Equal("Networking support", catalog.Find("NET_AFTER")!.Definitions[0].Menu);
        Assert.Null(catalog.Find("TOP")!.Definitions[0].Menu);
    }

    public static TheoryData<string, string, int> Trees => new()
    {
        { "6.1", "arm64", 8 }, { "6.1", "x86", 13 }, { "6.12", "arm64", 11 }, { "6.12", "x86", 14 },
    };

    /// <summary>The 46 symbols of issue 12 (item 5): defined at several sites whose conditions differ.</summary>
    [Theory]
    [MemberData(nameof(Trees))]
    public void On_the_real_trees_every_symbol_whose_sites_differ_needs_only_what_all_its_sites_need(string series, string srcArch, int count)
    {
        var differing = KernelTrees.Parse(series, srcArch).Symbols
            .Where(s => s.Definitions.Select(d => string.Join(" && ", d.Conditions)).Distinct().Count() > 1).ToList();

        Assert.Equal(count, differing.Count);
        Assert.All(differing, s => Assert.All(s.DependsOn.Where(c => !c.Contains("||", StringComparison.Ordinal)),
            condition => Assert.All(s.Definitions, d => Assert.Contains(condition, d.Conditions))));
    }

    [Theory]
    [InlineData("6.12", "x86")]
    [InlineData("6.12", "arm64")]
    [InlineData("6.1", "x86")]
    public void On_the_real_trees_tcp_cubic_needs_inet_but_not_tcp_cong_advanced_on_or_off(string series, string srcArch)
    {
        var cubic = KernelTrees.Parse(series, srcArch).Find("TCP_CONG_CUBIC")!;

        Assert.Equal(2, cubic.Definitions.Count);
        Assert.Contains("INET", cubic.DependsOn);
        Assert.DoesNotContain("TCP_CONG_ADVANCED", cubic.DependsOn);
        Assert.DoesNotContain("!TCP_CONG_ADVANCED", cubic.DependsOn);
    }

    [Fact]
    public void On_real_6_12_x86_cpu_mitigations_needs_nothing_although_the_generic_site_says_not_arch_configured() =>
        Assert.Empty(KernelTrees.Parse("6.12", "x86").Find("CPU_MITIGATIONS")!.DependsOn);
}
