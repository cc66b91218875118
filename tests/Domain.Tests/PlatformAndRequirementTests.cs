using Traceability.Domain.Platforms;
using Traceability.Domain.Requirements;

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

public class RequirementTests
{
    private static Scenario<Requirement> Given(params object[] events) => Scenario.For<Requirement>(Requirement.Evolve).Given(events);

    private static readonly RequirementRecorded Recorded =
        new("sr-12", "DOORS-4711", "Isolate user memory", "The kernel shall not execute user memory.", "requirement");

    [Fact]
    public void Recording_a_requirement_with_its_external_id() =>
        Given().When(s => RequirementDecisions.Record(s, "sr-12", "DOORS-4711", "Isolate user memory",
                "The kernel shall not execute user memory.", "requirement"))
            .Then(Recorded);

    [Fact]
    public void Revising_records_the_next_revision() =>
        Given(Recorded).When(s => RequirementDecisions.Revise(s!, "DOORS-4711", "Isolate user memory",
                "The kernel shall neither execute nor access user memory.", "PAN added"))
            .Then(new RequirementRevised("sr-12", 2, "DOORS-4711", "Isolate user memory",
                "The kernel shall neither execute nor access user memory.", "PAN added"));

    [Fact]
    public void Revising_without_any_change_is_rejected() =>
        Given(Recorded).When(s => RequirementDecisions.Revise(s!, "DOORS-4711", "Isolate user memory",
                "The kernel shall not execute user memory.", "nothing"))
            .ThenFails<DomainRuleViolated>();
}
