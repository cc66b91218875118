using Traceability.Domain.Baselines;

namespace Traceability.Domain.Tests;

public class BaselineTests
{
    private const string Sha = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string OtherSha = "2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly BaselineCreated Created = new("arm64-6.12", "aarch64-qemu-virt", "6.12.117", "reference", null);
    private static readonly Dictionary<string, string> Values = new() { ["FUTEX"] = "y", ["HZ"] = "250" };
    private static readonly ConfigImported FirstImport = new("arm64-6.12", 1, Sha, "arm64", "6.12.117", Values);

    private static Scenario<Baseline> Given(params object[] events) => Scenario.For<Baseline>(Baseline.Evolve).Given(events);

    [Fact]
    public void Creating_a_baseline_records_platform_and_kernel_version() =>
        Given().When(s => BaselineDecisions.Create(s, "arm64-6.12", "aarch64-qemu-virt", "6.12.117", "reference"))
            .Then(Created);

    [Fact]
    public void Deriving_records_the_source_baseline() =>
        Given().When(s => BaselineDecisions.Create(s, "arm64-6.13", "aarch64-qemu-virt", "6.13.2", "reference",
                Baseline.Evolve(null, Created)))
            .Then(new BaselineCreated("arm64-6.13", "aarch64-qemu-virt", "6.13.2", "reference", "arm64-6.12"));

    [Fact]
    public void Creating_an_existing_baseline_is_rejected() =>
        Given(Created).When(s => BaselineDecisions.Create(s, "arm64-6.12", "aarch64-qemu-virt", "6.12.117", "x"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Importing_stores_the_full_value_set_without_CONFIG_prefix() =>
        Given(Created).When(s => BaselineDecisions.Import(s!, "arm64", Sha.ToUpperInvariant(), "arm64", "6.12.117",
                new Dictionary<string, string> { ["CONFIG_HZ"] = "250", ["CONFIG_FUTEX"] = "y" }))
            .Then(FirstImport);

    [Fact]
    public void Reimporting_identical_config_is_a_no_op() =>
        Given(Created, FirstImport).When(s => BaselineDecisions.Import(s!, "arm64", Sha, "arm64", "6.12.117", Values))
            .ThenNothing();

    [Fact]
    public void A_changed_config_becomes_the_next_revision() =>
        Given(Created, FirstImport).When(s => BaselineDecisions.Import(s!, "arm64", OtherSha, "arm64", "6.12.117", Values))
            .Then(FirstImport with { Revision = 2, Sha256 = OtherSha });

    [Theory]
    [InlineData("x86_64", "x86")]
    [InlineData("x86_64", "x86_64")]
    [InlineData("riscv64", "riscv")]
    [InlineData("arm64", null)]
    public void A_config_for_the_platforms_architecture_is_accepted(string platformArchitecture, string? header) =>
        Assert.NotNull(BaselineDecisions.Import(Baseline.Evolve(null, Created)!, platformArchitecture, Sha, header, null, Values));

    [Theory]
    [InlineData("arm64", "x86")]
    [InlineData("x86_64", "arm64")]
    [InlineData("riscv64", "arm64")]
    public void A_config_for_another_architecture_is_rejected(string platformArchitecture, string header) =>
        Given(Created).When(s => BaselineDecisions.Import(s!, platformArchitecture, Sha, header, null, Values))
            .ThenFails<DomainRuleViolated>();

    [Theory]
    [InlineData("6.12.5")]
    [InlineData("6.12")]
    [InlineData("6.12.0-rc1")]
    public void A_config_of_the_baselines_kernel_series_is_accepted(string header) =>
        Assert.NotNull(BaselineDecisions.Import(Baseline.Evolve(null, Created)!, "arm64", Sha, "arm64", header, Values));

    [Theory]
    [InlineData("6.1.192")]
    [InlineData("6.13.2")]
    [InlineData("6.121.1")]
    public void A_config_of_another_kernel_series_is_rejected_naming_both_versions_and_how_to_force(string header)
    {
        var refused = Assert.Throws<DomainRuleViolated>(() =>
            BaselineDecisions.Import(Baseline.Evolve(null, Created)!, "arm64", Sha, "arm64", header, Values));

        Assert.Contains(header, refused.Message, StringComparison.Ordinal);
        Assert.Contains("6.12.117", refused.Message, StringComparison.Ordinal);
        Assert.Contains("forceReason", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forced_import_records_a_config_of_another_series_and_architecture() =>
        Given(Created).When(s => BaselineDecisions.Import(s!, "arm64", Sha, "x86", "6.1.192", Values, forced: true))
            .Then(FirstImport with { Architecture = "x86", KernelVersion = "6.1.192" });

    [Fact]
    public void An_invalid_value_in_the_config_is_rejected() =>
        Given(Created).When(s => BaselineDecisions.Import(s!, "arm64", Sha, "arm64", null,
                new Dictionary<string, string> { ["FUTEX"] = "yes" }))
            .ThenFails<ArgumentException>();

    [Fact]
    public void Freezing_needs_a_reason() =>
        Given(Created).When(s => BaselineDecisions.Freeze(s!, "")).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Frozen_baseline_refuses_import() =>
        Given(Created, FirstImport, new BaselineFrozen("arm64-6.12", "submitted for assessment"))
            .When(s => BaselineDecisions.Import(s!, "arm64", OtherSha, "arm64", null, Values))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Frozen_baseline_refuses_decision_changes() =>
        Given(Created, new BaselineFrozen("arm64-6.12", "submitted for assessment"))
            .When(s => { BaselineDecisions.EnsureOpen(s!); return null; })
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Freezing_twice_is_rejected() =>
        Given(Created, new BaselineFrozen("arm64-6.12", "submitted"))
            .When(s => BaselineDecisions.Freeze(s!, "again"))
            .ThenFails<DomainRuleViolated>();
}
