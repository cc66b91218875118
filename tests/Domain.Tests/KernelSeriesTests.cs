using Traceability.Domain.Baselines;

namespace Traceability.Domain.Tests;

public class KernelSeriesTests
{
    [Theory]
    [InlineData("6.12.117", "6.12")]
    [InlineData("6.12", "6.12")]
    [InlineData("6.13.0-rc1", "6.13")]
    [InlineData("6", null)]
    public void The_series_is_major_dot_minor(string version, string? series) => Assert.Equal(series, KernelSeries.Of(version));

    [Fact]
    public void A_catalog_recorded_for_the_series_comes_first_then_the_highest_release() =>
        Assert.Equal(["6.12", "6.12.117", "6.12.9", "6.12.9-rt"], KernelSeries.Preferred(["6.12.9", "6.12.9-rt", "6.12.117", "6.12"]));
}
