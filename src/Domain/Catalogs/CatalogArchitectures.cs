using Traceability.Domain.Platforms;

namespace Traceability.Domain.Catalogs;

/// <summary>Catalogs are per kernel architecture directory (SRCARCH), platforms name the ISA: x86_64 → x86.</summary>
public static class CatalogArchitectures
{
    public static IReadOnlyList<string> All { get; } = ["arm64", "x86", "riscv"];

    /// <summary>The SRCARCH for a platform or kernel architecture name (Debian's amd64 is x86_64); null when there is none.</summary>
    public static string? Of(string? architecture) => architecture switch
    {
        Architectures.Arm64 or "arm64" => "arm64",
        Architectures.X86_64 or "x86" or "amd64" => "x86",
        Architectures.Riscv64 or "riscv" => "riscv",
        _ => null,
    };
}
