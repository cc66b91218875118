using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Tests.Kconfig;

/// <summary>Builds small .config texts for the grammar tests.</summary>
internal static class ConfigText
{
    public static KernelConfig Parse(params string[] lines) => KernelConfigParser.Parse(Join(lines));

    public static IReadOnlyList<ConfigProblem> Problems(params string[] lines) =>
        Assert.Throws<ConfigParseException>(() => KernelConfigParser.Parse(Join(lines))).Problems;

    public static ConfigProblem SingleProblem(params string[] lines) => Assert.Single(Problems(lines));

    public static string Join(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));
}
