using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

public class CarryForwardTests
{
    private const string NewBaseline = "arm64-6.13";

    private static readonly Decision ApprovedSource =
        Fold(new By("alice", Proposed), new By("bob", Approved(1)));

    [Fact]
    public void An_approved_decision_is_carried_forward_with_its_sign_offs() =>
        Assert.Equal(
            Scenario.Describe(new DecisionCarriedForward(NewBaseline, "FUTEX", Baseline, "y", Proposed.Rationale,
                ["AOU-0003"], [], [], DecisionStatus.Approved, "alice", "bob", false)),
            Scenario.Describe(DecisionDecisions.CarryForward(ApprovedSource, NewBaseline, symbolPresent: true)!));

    [Fact]
    public void A_carried_forward_approved_decision_stays_approved()
    {
        var carried = DecisionDecisions.CarryForward(ApprovedSource, NewBaseline, symbolPresent: true)!;
        var state = Decision.Evolve(null, carried, "deriver")!;
        Assert.Equal((DecisionStatus.Approved, "alice", "bob", NewBaseline), (state.Status, state.ProposedBy, state.ApprovedBy, state.Baseline));
    }

    [Fact]
    public void A_decision_on_a_symbol_missing_from_the_new_config_is_flagged_not_dropped()
    {
        var carried = DecisionDecisions.CarryForward(ApprovedSource, NewBaseline, symbolPresent: false)!;
        Assert.True(Decision.Evolve(null, carried, "deriver")!.SymbolMissing);
    }

    [Fact]
    public void Withdrawn_decisions_are_not_carried_forward()
    {
        var withdrawn = Fold(new By("alice", Proposed), new By("alice", new DecisionWithdrawn(Baseline, "FUTEX", "gone")));
        Assert.Null(DecisionDecisions.CarryForward(withdrawn, NewBaseline, symbolPresent: true));
    }

    [Fact]
    public void The_original_proposer_still_cannot_approve_a_carried_forward_proposal()
    {
        var proposed = Fold(new By("alice", Proposed));
        var carried = DecisionDecisions.CarryForward(proposed, NewBaseline, symbolPresent: true)!;
        Scenario.For<Decision>(Decision.Evolve).Given(new By("deriver", carried))
            .When(s => Approvals.By(s!, "alice", null))
            .ThenFails<DomainRuleViolated>();
    }
}
