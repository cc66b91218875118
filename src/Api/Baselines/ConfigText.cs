using System.Text;
using Traceability.Domain.Kconfig;

namespace Traceability.Api.Baselines;

/// <summary>Writes values back in the .config form kconfig itself writes, so the text re-imports to the same values.</summary>
public static class ConfigText
{
    public static string Render(string? architecture, string? kernelVersion, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(values.Count * 32);
        if (architecture is not null && kernelVersion is not null)
        {
            text.Append("#\n# Linux/").Append(architecture).Append(' ').Append(kernelVersion).Append(" Kernel Configuration\n#\n");
        }
        foreach (var (symbol, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(value == "n"
                ? $"# {KconfigSymbol.Display(symbol)} is not set\n"
                : $"{KconfigSymbol.Display(symbol)}={value}\n");
        }
        return text.ToString();
    }
}
