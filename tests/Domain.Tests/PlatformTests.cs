using Traceability.Domain.Platforms;

namespace Traceability.Domain.Tests;

public class PlatformTests
{
    private static Scenario<Platform> Given(params object[] events) => Scenario.For<Platform>(Platform.Evolve).Given(events);

    private static readonly PlatformRegistered Virt = new("aarch64-qemu-virt", "arm64", "virt", ["v8.2a"], null, "KVM",
        ["EL0", "EL1"], "Reference platform");

    [Fact]
    public void Registering_the_reference_platform() =>
        Given().When(s => PlatformDecisions.Register(s, "aarch64-qemu-virt", "arm64", "virt", ["v8.2a"], " ", "KVM",
                ["EL0", "EL1"], "Reference platform"))
            .Then(Virt);

    [Fact]
    public void Registering_twice_is_rejected() =>
        Given(Virt).When(s => PlatformDecisions.Register(s, "aarch64-qemu-virt", "arm64", "virt", [], null, null, [], ""))
            .ThenFails<DomainRuleViolated>();

    [Theory]
    [InlineData("AArch64-QEMU", "arm64")]
    [InlineData("aarch64-qemu-virt", "aarch64")]
    public void Ids_must_be_lower_case_slugs_and_architectures_known(string id, string architecture) =>
        Given().When(s => PlatformDecisions.Register(s, id, architecture, "virt", [], null, null, [], ""))
            .ThenFails<ArgumentException>();
}
