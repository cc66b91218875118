using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>
/// The whole Linux 6.1 and 6.12 trees (Debian's linux-source packages) for arm64 and x86, checked
/// against <see cref="IndependentScan"/>: the same files, the same symbol names, the same type for
/// every symbol, and not one problem reported on the real trees.
/// </summary>
public sealed class RealTreeTests
{
    public static TheoryData<string, string> Trees => new() { { "6.1", "arm64" }, { "6.12", "arm64" }, { "6.1", "x86" }, { "6.12", "x86" } };

    [Theory]
    [MemberData(nameof(Trees))]
    public void The_catalog_has_the_symbols_and_types_an_independent_scan_finds(string series, string srcArch)
    {
        var catalog = KernelTrees.Parse(series, srcArch);
        var (files, types) = IndependentScan.Scan(KernelTrees.Root(series), srcArch);

        Assert.Empty(catalog.Problems);
        Assert.Equal(files.Distinct().Order(StringComparer.Ordinal), catalog.Files.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(types.Keys.Order(StringComparer.Ordinal), catalog.Symbols.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Histogram(types.Values), Histogram(catalog.Symbols.Select(s => s.Type)));
        Assert.All(catalog.Symbols, s => Assert.Equal(types[s.Name], s.Type));
        Assert.InRange(catalog.Symbols.Count, 15_000, 25_000);
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void Every_symbol_has_a_type_and_a_definition_site(string series, string srcArch)
    {
        var catalog = KernelTrees.Parse(series, srcArch);

        Assert.All(catalog.Symbols, s => Assert.NotNull(s.Type));
        Assert.All(catalog.Symbols, s => Assert.NotEmpty(s.Definitions));
    }

    [Fact]
    public void Arm64_pan_is_a_bool_with_its_prompt_help_and_site()
    {
        var pan = KernelTrees.Parse("6.12", "arm64").Find("ARM64_PAN");

        Assert.NotNull(pan);
        Assert.Equal("bool", pan.Type);
        Assert.Equal("Enable support for Privileged Access Never (PAN)", pan.Prompt);
        Assert.Contains("Privileged Access Never", pan.Help, StringComparison.Ordinal);
        Assert.Equal("arch/arm64/Kconfig", Assert.Single(pan.Definitions).Site.File);
    }

    [Fact]
    public void X86_symbols_are_not_in_the_arm64_catalog_and_the_reverse()
    {
        var arm64 = KernelTrees.Parse("6.12", "arm64");
        var x86 = KernelTrees.Parse("6.12", "x86");

        Assert.Null(arm64.Find("X86_UMIP"));
        Assert.Equal("bool", x86.Find("X86_UMIP")?.Type);
        Assert.Null(x86.Find("ARM64_PAN"));
    }

    [Fact]
    public void Symbols_removed_between_6_1_and_6_12_are_missing_from_the_newer_catalog()
    {
        var old = KernelTrees.Parse("6.1", "arm64");
        var current = KernelTrees.Parse("6.12", "arm64");

        Assert.NotNull(old.Find("SLAB"));
        Assert.Null(current.Find("SLAB"));
    }

    private static SortedDictionary<string, int> Histogram(IEnumerable<string?> types) =>
        new(types.GroupBy(t => t ?? "(none)").ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
