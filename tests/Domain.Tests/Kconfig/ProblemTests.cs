using Traceability.Domain.Kconfig;
using static Traceability.Domain.Tests.Kconfig.ConfigText;

namespace Traceability.Domain.Tests.Kconfig;

public sealed class ProblemTests
{
    [Theory]
    [InlineData("FOO=y")]
    [InlineData("config_FUTEX=y")]
    [InlineData("y")]
    public void Line_that_is_not_config_syntax_is_a_problem(string line) =>
        Assert.Contains("not a .config line", SingleProblem(line).Message, StringComparison.Ordinal);

    [Fact]
    public void Empty_symbol_name_is_a_problem() =>
        Assert.Contains("empty symbol name", SingleProblem("CONFIG_=y").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("CONFIG_A-B=y")]
    [InlineData("CONFIG_FUTEX =y")]
    [InlineData("# CONFIG_A.B is not set")]
    public void Invalid_symbol_name_is_a_problem(string line) =>
        Assert.Contains("invalid symbol name", SingleProblem(line).Message, StringComparison.Ordinal);

    [Fact]
    public void Symbol_without_value_is_a_problem() =>
        Assert.Contains("missing '=value'", SingleProblem("CONFIG_FUTEX").Message, StringComparison.Ordinal);

    [Fact]
    public void Empty_value_is_a_problem() =>
        Assert.Contains("missing value", SingleProblem("CONFIG_FUTEX=").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("CONFIG_FUTEX=maybe")]
    [InlineData("CONFIG_FUTEX=Y")]
    [InlineData("CONFIG_FUTEX= y")]
    [InlineData("CONFIG_FUTEX=y # keep")]
    [InlineData("CONFIG_HZ=0x")]
    [InlineData("CONFIG_HZ=12a")]
    public void Value_outside_the_grammar_is_a_problem(string line) =>
        Assert.Contains("invalid value", SingleProblem(line).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("CONFIG_CMDLINE=\"console=ttyS0")]
    [InlineData("CONFIG_CMDLINE=\"console=ttyS0\\\"")]
    [InlineData("CONFIG_CMDLINE=\"")]
    public void Unterminated_string_is_a_problem(string line) =>
        Assert.Contains("unterminated string", SingleProblem(line).Message, StringComparison.Ordinal);

    [Fact]
    public void Unknown_escape_in_string_is_a_problem() =>
        Assert.Contains("invalid escape '\\n'", SingleProblem("CONFIG_CMDLINE=\"a\\nb\"").Message, StringComparison.Ordinal);

    [Fact]
    public void Text_after_closing_quote_is_a_problem() =>
        Assert.Contains("after the closing quote", SingleProblem("CONFIG_CMDLINE=\"a\"b\"").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("#CONFIG_FUTEX is not set")]
    [InlineData("#  CONFIG_FUTEX  is not set")]
    public void Malformed_not_set_comment_is_a_problem_not_a_silent_comment(string line) =>
        Assert.Contains("malformed 'is not set'", SingleProblem(line).Message, StringComparison.Ordinal);

    [Fact]
    public void Duplicate_assignment_names_the_first_line()
    {
        var problem = SingleProblem("CONFIG_FUTEX=y", "CONFIG_SMP=y", "# CONFIG_FUTEX is not set");

        Assert.Equal(3, problem.Line);
        Assert.Equal("CONFIG_FUTEX is assigned again (first on line 1)", problem.Message);
    }

    [Theory]
    [InlineData("CONFIG_FUTEX=y\0", "NUL")]
    [InlineData("CONFIG_FUTEX=\"a\u0001\"", "U+0001")]
    [InlineData("# comment \u001b[31m", "U+001B")]
    [InlineData("CONFIG_FUTEX=y\rCONFIG_SMP=y", "U+000D")]
    public void Control_character_is_a_problem(string line, string expected) =>
        Assert.Contains(expected, SingleProblem(line).Message, StringComparison.Ordinal);

    [Fact]
    public void Lone_surrogate_in_a_string_is_a_problem() =>
        Assert.Contains("unpaired surrogate", SingleProblem("CONFIG_CMDLINE=\"\ud800\"").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("#\n# Linux/arm64 6.12.117 Kernel Configuration\n#\n")]
    public void File_without_symbols_is_a_problem(string text)
    {
        var problem = Assert.Single(Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(text)).Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("no CONFIG_ symbols", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_text_in_a_string_is_fine() =>
        Assert.Equal("\"Größe 🐧\"", Parse("CONFIG_DEFAULT_HOSTNAME=\"Größe 🐧\"").Values["DEFAULT_HOSTNAME"]);
}
