using Traceability.Domain.Decisions;

namespace Traceability.Domain.Tests;

public class DecisionLifecycleTests
{
    internal const string Baseline = "arm64-6.12";
    internal static readonly DecisionProposed Proposed =
        new(Baseline, "FUTEX", "y", "Userspace relies on futex-based locking.", ["AOU-0003"], [], []);
    internal static readonly DecisionRevised RevisedToN =
        new(Baseline, "FUTEX", 2, "n", "No futex users remain.", [], [], [], "Userspace audit");

    internal static Scenario<Decision> Given(params object[] events) => Scenario.For<Decision>(Decision.Evolve).Given(events);

    [Fact]
    public void Proposing_stores_the_symbol_without_CONFIG_prefix() =>
        Given().When(s => DecisionDecisions.Propose(s, Baseline, "CONFIG_FUTEX", "y",
                "Userspace relies on futex-based locking.", ["AOU-0003"], null, null))
            .Then(Proposed);

    [Fact]
    public void Proposing_twice_for_the_same_symbol_is_rejected() =>
        Given(Proposed).When(s => DecisionDecisions.Propose(s, Baseline, "FUTEX", "y", "again", [], [], []))
            .ThenFails<DomainRuleViolated>();

    [Theory]
    [InlineData("yes")]
    [InlineData("\"unterminated")]
    [InlineData("")]
    public void Proposing_an_invalid_value_is_rejected(string value) =>
        Given().When(s => DecisionDecisions.Propose(s, Baseline, "FUTEX", value, "why", [], [], []))
            .ThenFails<ArgumentException>();

    [Fact]
    public void Proposing_an_invalid_symbol_is_rejected() =>
        Given().When(s => DecisionDecisions.Propose(s, Baseline, "CONFIG_FU-TEX", "y", "why", [], [], []))
            .ThenFails<ArgumentException>();

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Proposing_without_rationale_is_rejected(string? rationale) =>
        Given().When(s => DecisionDecisions.Propose(s, Baseline, "FUTEX", "y", rationale, [], [], []))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Approving_an_approved_decision_is_refused_in_plain_english() =>
        Assert.Equal("An approved decision cannot be approved; only a proposed one.",
            Given(new By("alice", Proposed), new By("bob", new DecisionApproved(Baseline, "FUTEX", 1, "ok")))
                .When(s => Approvals.By(s!, "carol", null)).ThenFails<DomainRuleViolated>().Message);

    [Fact]
    public void Approving_own_decision_is_rejected() =>
        Given(new By("alice", Proposed)).When(s => Approvals.By(s!, "alice", null))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Another_engineer_approves_with_the_default_meaning() =>
        Given(new By("alice", Proposed)).When(s => Approvals.By(s!, "bob", null))
            .Then(new DecisionApproved(Baseline, "FUTEX", 1, DecisionDecisions.DefaultApprovalMeaning));

    [Fact]
    public void The_reviser_becomes_the_proposer_of_the_new_revision() =>
        Given(new By("alice", Proposed), new By("bob", RevisedToN))
            .When(s => Approvals.By(s!, "bob", "ok"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void The_original_proposer_may_approve_someone_elses_revision() =>
        Given(new By("alice", Proposed), new By("bob", RevisedToN))
            .When(s => Approvals.By(s!, "alice", "ok"))
            .Then(new DecisionApproved(Baseline, "FUTEX", 2, "ok"));

    [Fact]
    public void Approving_an_approved_decision_is_rejected() =>
        Given(new By("alice", Proposed), new By("bob", Approved(1)))
            .When(s => Approvals.By(s!, "carol", null))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Rejecting_needs_a_reason() =>
        Given(Proposed).When(s => DecisionDecisions.Reject(s!, " ")).ThenFails<DomainRuleViolated>();

    [Fact]
    public void Rejecting_a_proposed_decision_records_the_reason() =>
        Given(Proposed).When(s => DecisionDecisions.Reject(s!, "rationale cites no test"))
            .Then(new DecisionRejected(Baseline, "FUTEX", 1, "rationale cites no test"));

    [Fact]
    public void Rejecting_an_approved_decision_is_rejected() =>
        Given(new By("alice", Proposed), new By("bob", Approved(1)))
            .When(s => DecisionDecisions.Reject(s!, "changed my mind"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Approving_a_rejected_decision_is_rejected() =>
        Given(Proposed, new DecisionRejected(Baseline, "FUTEX", 1, "no"))
            .When(s => Approvals.By(s!, "bob", null))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Revising_an_approved_decision_returns_it_to_proposed()
    {
        var state = Fold(new By("alice", Proposed), new By("bob", Approved(1)), new By("carol", RevisedToN));
        Assert.Equal((DecisionStatus.Proposed, 2, "carol", null), (state.Status, state.Revision, state.ProposedBy, state.ApprovedBy));
    }

    [Fact]
    public void Revising_a_rejected_decision_increments_the_revision() =>
        Given(Proposed, new DecisionRejected(Baseline, "FUTEX", 1, "no"))
            .When(s => DecisionDecisions.Revise(s!, "n", "No futex users remain.", [], [], [], "Userspace audit"))
            .Then(RevisedToN);

    [Fact]
    public void Revising_needs_a_reason() =>
        Given(Proposed).When(s => DecisionDecisions.Revise(s!, "n", "why", [], [], [], ""))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void Withdrawing_records_the_reason() =>
        Given(Proposed).When(s => DecisionDecisions.Withdraw(s!, "symbol out of scope"))
            .Then(new DecisionWithdrawn(Baseline, "FUTEX", "symbol out of scope"));

    [Fact]
    public void A_withdrawn_decision_refuses_approval() =>
        GivenWithdrawn().When(s => Approvals.By(s!, "bob", null)).ThenFails<DomainRuleViolated>();

    [Fact]
    public void A_withdrawn_decision_refuses_revision() =>
        GivenWithdrawn().When(s => DecisionDecisions.Revise(s!, "y", "why", [], [], [], "because"))
            .ThenFails<DomainRuleViolated>();

    [Fact]
    public void A_withdrawn_decision_refuses_a_second_withdrawal() =>
        GivenWithdrawn().When(s => DecisionDecisions.Withdraw(s!, "again")).ThenFails<DomainRuleViolated>();

    [Fact]
    public void A_withdrawn_decision_refuses_evidence() =>
        GivenWithdrawn().When(s => DecisionDecisions.AttachEvidence(s!, "test", "ci/1", "pass", null))
            .ThenFails<DomainRuleViolated>();

    internal static DecisionApproved Approved(int revision) => new(Baseline, "FUTEX", revision, "ok");

    internal static Decision Fold(params By[] events) =>
        events.Aggregate((Decision?)null, (s, e) => Decision.Evolve(s, e.Event, e.Actor))!;

    private static Scenario<Decision> GivenWithdrawn() =>
        Given(Proposed, new DecisionWithdrawn(Baseline, "FUTEX", "out of scope"));
}
