using Traceability.Domain.Assumptions;

namespace Traceability.Domain.Tests;

public class AssumptionTests
{
    private const string Id = "AOU-0007";
    private static readonly AssumptionDrafted Drafted = new(Id, "platform", "The kernel runs at EL1.");
    private static readonly AssumptionAccepted Accepted = new(Id, 1);

    private static Scenario<AssumptionOfUse> Given(params object[] events) =>
        Scenario.For<AssumptionOfUse>(AssumptionOfUse.Evolve).Given(events);

    [Fact]
    public void Drafting_numbers_the_assumption() =>
        Given().When(s => AssumptionDecisions.Draft(s, 7, "platform", "The kernel runs at EL1.")).Then(Drafted);

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Numbers_outside_1_to_9999_are_rejected(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AssumptionOfUse.FormatId(number));

    [Fact]
    public void Accepting_a_draft_agrees_its_revision() =>
        Given(Drafted).When(s => AssumptionDecisions.Accept(s!)).Then(Accepted);

    [Fact]
    public void Accepting_an_agreed_assumption_is_rejected() =>
        Given(Drafted, Accepted).When(s => AssumptionDecisions.Accept(s!)).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Revising_an_agreed_assumption_returns_it_to_draft()
    {
        var revised = new AssumptionRevised(Id, 2, "platform", "The kernel runs at EL1 under KVM.", "hypervisor decided");
        var state = new object[] { Drafted, Accepted, revised }.Aggregate((AssumptionOfUse?)null, AssumptionOfUse.Evolve)!;
        Assert.Equal((AssumptionStatus.Draft, 2), (state.Status, state.Revision));
    }

    [Fact]
    public void Revising_records_the_next_revision() =>
        Given(Drafted, Accepted)
            .When(s => AssumptionDecisions.Revise(s!, "platform", "The kernel runs at EL1 under KVM.", "hypervisor decided"))
            .Then(new AssumptionRevised(Id, 2, "platform", "The kernel runs at EL1 under KVM.", "hypervisor decided"));

    [Fact]
    public void Revising_with_identical_text_and_category_is_rejected() =>
        Given(Drafted).When(s => AssumptionDecisions.Revise(s!, "platform", "The kernel runs at EL1.", "typo"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Retired_assumption_refuses_revision() =>
        Given(Drafted, new AssumptionRetired(Id, "superseded"))
            .When(s => AssumptionDecisions.Revise(s!, "platform", "new text", "why"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Retired_assumption_refuses_acceptance() =>
        Given(Drafted, new AssumptionRetired(Id, "superseded"))
            .When(s => AssumptionDecisions.Accept(s!)).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Retired_assumption_refuses_a_second_retirement() =>
        Given(Drafted, new AssumptionRetired(Id, "superseded"))
            .When(s => AssumptionDecisions.Retire(s!, "again")).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Retiring_needs_a_reason() =>
        Given(Drafted, Accepted).When(s => AssumptionDecisions.Retire(s!, null)).ThenFails<DomainRuleViolated>();
}
