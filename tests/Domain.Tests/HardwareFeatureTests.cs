using Traceability.Domain.HardwareFeatures;

namespace Traceability.Domain.Tests;

public class HardwareFeatureTests
{
    private static readonly HardwareFeatureRegistered Pan = new("arm64-pan", "PAN", "arm64",
        "kernel access to user memory", "Privileged Access Never", ["ARM64_PAN"],
        new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available" });

    private static Scenario<HardwareFeature> Given(params object[] events) =>
        Scenario.For<HardwareFeature>(HardwareFeature.Evolve).Given(events);

    [Fact]
    public void Registering_normalizes_governing_symbols() =>
        Given().When(s => HardwareFeatureDecisions.Register(s, "arm64-pan", "PAN", "arm64",
                "kernel access to user memory", "Privileged Access Never", ["CONFIG_ARM64_PAN"],
                new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available" }))
            .Then(Pan);

    [Fact]
    public void A_feature_without_governing_symbol_is_recorded_as_such() =>
        Given().When(s => HardwareFeatureDecisions.Register(s, "x86-smep", "SMEP", "x86_64",
                "kernel execution of user memory", "used whenever the CPU has it", [], null))
            .Then(new HardwareFeatureRegistered("x86-smep", "SMEP", "x86_64", "kernel execution of user memory",
                "used whenever the CPU has it", [], new Dictionary<string, string>()));

    [Fact]
    public void Availability_other_than_available_unavailable_unknown_is_rejected() =>
        Given().When(s => HardwareFeatureDecisions.Register(s, "arm64-pan", "PAN", "arm64", "x", null, [],
                new Dictionary<string, string> { ["aarch64-qemu-virt"] = "maybe" }))
            .ThenFails<ArgumentException>();

    [Fact]
    public void Revising_the_governing_symbols_is_reported_as_a_symbol_change()
    {
        var state = HardwareFeature.Evolve(null, Pan)!;
        var revised = HardwareFeatureDecisions.Revise(state, Pan.Description, Pan.ProtectsAgainst,
            ["ARM64_PAN", "ARM64_SW_TTBR0_PAN"], Pan.Availability, "software PAN also governs it");
        Assert.Equal(2, revised.Revision);
        Assert.True(HardwareFeatureDecisions.GoverningSymbolsChanged(state, revised));
    }

    [Fact]
    public void Revising_only_availability_is_not_a_symbol_change()
    {
        var state = HardwareFeature.Evolve(null, Pan)!;
        var revised = HardwareFeatureDecisions.Revise(state, Pan.Description, Pan.ProtectsAgainst, ["ARM64_PAN"],
            new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available", ["x86_64-qemu-q35"] = "unavailable" },
            "x86 platform added");
        Assert.False(HardwareFeatureDecisions.GoverningSymbolsChanged(state, revised));
    }

    [Fact]
    public void Revising_without_any_change_is_rejected() =>
        Given(Pan).When(s => HardwareFeatureDecisions.Revise(s!, Pan.Description, Pan.ProtectsAgainst,
                ["CONFIG_ARM64_PAN"], new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available" }, "no-op"))
            .ThenFails<DomainRuleViolated>();
}
