using Traceability.Testing;

namespace Traceability.Projections.Tests.Testing;

/// <summary>TRACEABILITY_TEST_SERVER (README, Tests): which PostgreSQL a test run uses.</summary>
public sealed class ChoosingTheTestServer
{
    private static bool Unasked() => throw new InvalidOperationException("A forced path must not probe for Docker.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    public void Without_a_forced_path_a_reachable_docker_engine_is_used(string? setting) =>
        Assert.Equal(TestServerPath.Docker, TestServerChoice.Choose(setting, () => true));

    [Theory]
    [InlineData(null)]
    [InlineData("AUTO")]
    public void Without_a_forced_path_and_no_docker_engine_the_embedded_launcher_is_used(string? setting) =>
        Assert.Equal(TestServerPath.Embedded, TestServerChoice.Choose(setting, () => false));

    [Theory]
    [InlineData("docker")]
    [InlineData(" Docker ")]
    public void Forcing_docker_never_falls_back_to_the_embedded_launcher(string setting) =>
        Assert.Equal(TestServerPath.Docker, TestServerChoice.Choose(setting, Unasked));

    [Fact]
    public void Forcing_embedded_does_not_look_for_docker() =>
        Assert.Equal(TestServerPath.Embedded, TestServerChoice.Choose("embedded", Unasked));

    [Fact]
    public void A_misspelt_path_is_refused_naming_the_values_it_takes()
    {
        var error = Assert.Throws<ArgumentException>(() => TestServerChoice.Choose("testcontainers", () => true));

        Assert.Contains("TRACEABILITY_TEST_SERVER=testcontainers", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker, embedded or auto", error.Message, StringComparison.Ordinal);
    }
}
