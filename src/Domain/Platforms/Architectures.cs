namespace Traceability.Domain.Platforms;

/// <summary>The architectures a platform can have, as the working group names them.</summary>
public static class Architectures
{
    public const string Arm64 = "arm64";
    public const string X86_64 = "x86_64";
    public const string Riscv64 = "riscv64";

    public static IReadOnlyList<string> All { get; } = [Arm64, X86_64, Riscv64];

    public static bool IsValid(string? architecture) => architecture is Arm64 or X86_64 or Riscv64;

    /// <summary>
    /// A .config header names the kernel's ARCH directory ("Linux/x86 6.1.0 Kernel Configuration"),
    /// not the platform's name, so x86_64 matches x86 and riscv64 matches riscv.
    /// </summary>
    public static bool MatchesConfigHeader(string platformArchitecture, string configArchitecture) =>
        platformArchitecture == configArchitecture || (platformArchitecture, configArchitecture) switch
        {
            (X86_64, "x86") => true,
            (Riscv64, "riscv") => true,
            _ => false,
        };
}
