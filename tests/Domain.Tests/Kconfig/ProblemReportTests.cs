using Traceability.Domain.Kconfig;
using static Traceability.Domain.Tests.Kconfig.ConfigText;

namespace Traceability.Domain.Tests.Kconfig;

public sealed class ProblemReportTests
{
    [Fact]
    public void Problem_carries_line_number_and_line_text()
    {
        var problem = SingleProblem("#", "CONFIG_FUTEX=y", "CONFIG_SMP=maybe");

        Assert.Equal(3, problem.Line);
        Assert.Equal("CONFIG_SMP=maybe", problem.Text);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var problems = Problems("FOO=y", "CONFIG_FUTEX=y", "CONFIG_SMP=maybe", "CONFIG_FUTEX=n", "CONFIG_X=\"open");

        Assert.Equal([1, 3, 4, 5], problems.Select(p => p.Line));
    }

    [Fact]
    public void Nothing_is_returned_when_one_line_of_many_is_bad()
    {
        var lines = Enumerable.Range(0, 1000).Select(i => $"CONFIG_S{i}=y").Append("CONFIG_BAD=?");

        Assert.Equal(1001, SingleProblem([.. lines]).Line);
    }

    [Fact]
    public void Problems_stop_at_the_cap_and_say_so()
    {
        var lines = Enumerable.Range(1, KernelConfigParser.MaxProblems + 10).Select(i => $"junk {i}");

        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(Join(lines)));

        Assert.Equal(KernelConfigParser.MaxProblems, error.Problems.Count);
        Assert.True(error.Truncated);
        Assert.Equal(KernelConfigParser.MaxProblems, error.Problems[^1].Line);
        Assert.StartsWith($"more than {KernelConfigParser.MaxProblems} problems in .config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_at_the_cap_exactly_are_not_truncated()
    {
        var lines = Enumerable.Range(1, KernelConfigParser.MaxProblems).Select(i => $"junk {i}");

        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(Join(lines)));

        Assert.Equal((KernelConfigParser.MaxProblems, false), (error.Problems.Count, error.Truncated));
    }

    [Fact]
    public void Exception_message_summarises_count_and_first_lines()
    {
        var error = Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(Join(["FOO=y", "CONFIG_A=y", "CONFIG_A=n", "BAR", "BAZ"])));

        Assert.StartsWith("4 problems in .config: line 1: not a .config line", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: CONFIG_A is assigned again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_line_text_is_shortened()
    {
        var problem = SingleProblem("CONFIG_X=" + new string('z', 5000));

        Assert.Equal(ConfigProblem.MaxTextLength + 1, problem.Text.Length);
        Assert.EndsWith("…", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_not_echoed_in_the_problem_text() =>
        Assert.Equal("CONFIG_X=y\uFFFD", SingleProblem("CONFIG_X=y\u001b").Text);
}
