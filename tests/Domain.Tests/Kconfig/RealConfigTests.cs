using System.Text.RegularExpressions;
using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Tests.Kconfig;

public sealed partial class RealConfigTests
{
    [GeneratedRegex(@"^(CONFIG_[A-Za-z0-9_]+=|# CONFIG_[A-Za-z0-9_]+ is not set$)", RegexOptions.Multiline)]
    private static partial Regex SymbolLine();

    [Theory]
    [InlineData("linux-6.1.amd64_none_amd64.config", "x86", "6.1.192")]
    [InlineData("linux-6.1.arm64_none_arm64.config", "arm64", "6.1.192")]
    [InlineData("linux-6.12.amd64_none_amd64.config", "x86", "6.12.117")]
    [InlineData("linux-6.12.arm64_none_arm64.config", "arm64", "6.12.117")]
    public void Debian_config_header_gives_architecture_and_kernel_version(string file, string architecture, string version)
    {
        var config = KernelConfigParser.Parse(File.ReadAllBytes(SampleConfigs.PathOf(file)));

        Assert.Equal(architecture, config.Architecture);
        Assert.Equal(version, config.KernelVersion);
    }

    [Theory]
    [InlineData("linux-6.1.amd64_none_amd64.config")]
    [InlineData("linux-6.1.arm64_none_arm64.config")]
    [InlineData("linux-6.12.amd64_none_amd64.config")]
    [InlineData("linux-6.12.arm64_none_arm64.config")]
    public void Debian_config_yields_every_symbol_line(string file)
    {
        var text = File.ReadAllText(SampleConfigs.PathOf(file)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = SymbolLine().Count(text);

        var config = KernelConfigParser.Parse(text);

        Assert.True(expected > 8000, $"only {expected} symbol lines counted: is the sample truncated?");
        Assert.Equal(expected, config.Entries.Count);
        Assert.Equal(expected, config.Values.Count);
    }

    [Theory]
    [InlineData("linux-6.1.amd64_none_amd64.config")]
    [InlineData("linux-6.12.arm64_none_arm64.config")]
    public void Debian_config_values_read_as_written(string file)
    {
        var config = KernelConfigParser.Parse(File.ReadAllBytes(SampleConfigs.PathOf(file)));

        Assert.Equal("y", config.Values["FUTEX"]);
        Assert.Equal("\"(none)\"", config.Values["DEFAULT_HOSTNAME"]);
        Assert.Equal("\"\"", config.Values["LOCALVERSION"]);
        Assert.Equal("0xdead000000000000", config.Values["ILLEGAL_POINTER_VALUE"]);
        Assert.Equal("n", config.Values["COMPILE_TEST"]);
        Assert.Equal("n", config.Values["LOCALVERSION_AUTO"]);
        Assert.StartsWith("\"", config.Values["CC_VERSION_TEXT"], StringComparison.Ordinal);
        Assert.Equal(new ConfigEntry("CC_VERSION_TEXT", config.Values["CC_VERSION_TEXT"], 5), config.Entries[0]);
    }

    [Fact]
    public void Debian_amd64_config_keeps_negative_numbers()
    {
        var config = KernelConfigParser.Parse(File.ReadAllBytes(SampleConfigs.PathOf("linux-6.12.amd64_none_amd64.config")));

        Assert.Equal("-1", config.Values["MTD_REDBOOT_DIRECTORY_BLOCK"]);
    }

    [Fact]
    public void Debian_config_hash_is_that_of_the_file()
    {
        var bytes = File.ReadAllBytes(SampleConfigs.PathOf("linux-6.12.arm64_none_arm64.config"));

        var config = KernelConfigParser.Parse(bytes);

        // sha256sum samples/kernel-configs/linux-6.12.arm64_none_arm64.config
        Assert.Equal("de2f5de82e3500f2285ceb3293eed92d978fa8668c199f2f3a06a64e43e7d1bd", config.Sha256);
    }
}
