using Traceability.Domain.Catalogs;

namespace Traceability.Domain.Tests.Catalogs;

public class CatalogArchitecturesTests
{
    [Theory]
    [InlineData("x86_64", "x86")]
    [InlineData("amd64", "x86")]
    [InlineData("x86", "x86")]
    [InlineData("arm64", "arm64")]
    [InlineData("riscv64", "riscv")]
    [InlineData("sparc", null)]
    public void Platform_debian_and_kernel_names_map_to_the_kernels_architecture_directory(string name, string? srcArch) =>
        Assert.Equal(srcArch, CatalogArchitectures.Of(name));
}
