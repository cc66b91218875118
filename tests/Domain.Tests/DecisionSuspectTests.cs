using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

public class DecisionSuspectTests
{
    private static readonly DecisionMarkedSuspect Suspect =
        new(Baseline, "FUTEX", SuspectCause.Revised("aou/AOU-0003", 2));

    [Fact]
    public void Marking_an_approved_decision_suspect_names_the_cause() =>
        Given(new By("alice", Proposed), new By("bob", Approved(1)))
            .When(s => DecisionDecisions.MarkSuspect(s!, "aou/AOU-0003 revised (r2)"))
            .Then(Suspect);

    [Fact]
    public void Marking_a_withdrawn_decision_suspect_is_a_no_op() =>
        Given(Proposed, new DecisionWithdrawn(Baseline, "FUTEX", "out of scope"))
            .When(s => DecisionDecisions.MarkSuspect(s!, "aou/AOU-0003 revised (r2)"))
            .ThenNothing();

    [Fact]
    public void Marking_an_already_suspect_decision_is_a_no_op() =>
        Given(Proposed, Suspect)
            .When(s => DecisionDecisions.MarkSuspect(s!, "feature/arm64-pan revised (r3)"))
            .ThenNothing();

    [Fact]
    public void Reconfirmation_clears_suspect()
    {
        var state = Fold(new By("alice", Proposed), new By("bob", Approved(1)), new By("carol", Suspect),
            new By("dave", new DecisionReconfirmed(Baseline, "FUTEX", 1, "AoU change does not affect futex")));
        Assert.Equal((false, DecisionStatus.Approved), (state.Suspect, state.Status));
    }

    [Fact]
    public void Reconfirming_a_suspect_decision_keeps_its_revision() =>
        Given(new By("alice", Proposed), new By("bob", Approved(1)), Suspect)
            .When(s => DecisionDecisions.Reconfirm(s!, "Still holds"))
            .Then(new DecisionReconfirmed(Baseline, "FUTEX", 1, "Still holds"));

    [Fact]
    public void Reconfirming_a_decision_that_is_not_suspect_is_rejected() =>
        Given(new By("alice", Proposed), new By("bob", Approved(1)))
            .When(s => DecisionDecisions.Reconfirm(s!, "Still holds"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Reconfirming_needs_a_reason() =>
        Given(Proposed, Suspect).When(s => DecisionDecisions.Reconfirm(s!, null)).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Revising_a_suspect_decision_clears_suspect_because_it_needs_a_new_approval() =>
        Assert.False(Fold(new By("alice", Proposed), new By("bob", Suspect), new By("bob", RevisedToN)).Suspect);

    [Fact]
    public void Approving_a_suspect_proposal_clears_suspect() =>
        Assert.False(Fold(new By("alice", Proposed), new By("carol", Suspect), new By("bob", Approved(1))).Suspect);
}
