using System.Text;
using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Tests.Kconfig;

public sealed class InputEncodingTests
{
    private const string Sample = "#\n# Linux/arm64 6.12.117 Kernel Configuration\n#\nCONFIG_FUTEX=y\n# CONFIG_SMP is not set\nCONFIG_CMDLINE=\"a b\"\n";

    [Fact]
    public void Crlf_line_ends_give_the_same_entries_as_lf()
    {
        var lf = KernelConfigParser.Parse(Sample);
        var crlf = KernelConfigParser.Parse(Sample.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(lf.Entries, crlf.Entries);
        Assert.Equal((lf.Architecture, lf.KernelVersion), (crlf.Architecture, crlf.KernelVersion));
        Assert.NotEqual(lf.Sha256, crlf.Sha256);
    }

    [Fact]
    public void Bytes_and_string_of_the_same_text_parse_equal() =>
        Assert.Equal(KernelConfigParser.Parse(Sample), KernelConfigParser.Parse(Encoding.UTF8.GetBytes(Sample)));

    [Fact]
    public void Sha256_is_of_the_exact_input_bytes_including_bom_and_crlf()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "CONFIG_FUTEX=y\r\n"u8];

        var config = KernelConfigParser.Parse(bytes);

        // printf '\xef\xbb\xbfCONFIG_FUTEX=y\r\n' | sha256sum
        Assert.Equal("1aa9f9f80dfc048e29dd75b6a8a4e3df2c1c06f13cd8d245343e4c13c42efbf8", config.Sha256);
        Assert.Equal("y", config.Values["FUTEX"]);
    }

    [Fact]
    public void Sha256_of_a_string_is_of_its_utf8_encoding() =>
        Assert.Equal("c8a480beb34ebe5fd9f9170eb072e38e40472d872c25a91623e0c865864b94e8",
            KernelConfigParser.Parse("CONFIG_FUTEX=y\n").Sha256);

    [Fact]
    public void Invalid_utf8_is_a_problem_on_its_own_line()
    {
        byte[] bytes = [.. "CONFIG_FUTEX=y\nCONFIG_CMDLINE=\""u8, 0xC3, 0x28, .. "\"\nCONFIG_SMP=y\n"u8];

        var problem = Assert.Single(Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(bytes)).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("invalid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_in_the_middle_of_a_file_is_not_skipped()
    {
        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse("CONFIG_A=y\n\uFEFFCONFIG_B=y\n"));

        Assert.Equal(2, Assert.Single(error.Problems).Line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Binary_garbage_is_refused_with_problems_not_a_crash(int seed)
    {
        var bytes = new byte[64 * 1024];
        new Random(seed).NextBytes(bytes);
        bytes[100] = 0;

        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(bytes));

        Assert.InRange(error.Problems.Count, 1, KernelConfigParser.MaxProblems);
        Assert.Equal(1, error.Problems[0].Line);
        Assert.All(error.Problems, p => Assert.InRange(p.Text.Length, 0, ConfigProblem.MaxTextLength + 1));
    }

    [Fact]
    public void Nul_bytes_in_otherwise_valid_utf8_are_refused()
    {
        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse("CONFIG_A=y\n\0\0\0\0\n"u8));

        Assert.Contains("NUL", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }
}
