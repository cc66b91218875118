using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

/// <summary>Issue 12 item 6: four-eyes between persons, and no approval resting on an AoU that is not agreed.</summary>
public class ApprovalRulesTests
{
    private static Scenario<Decision> Given(params object[] events) => Scenario.For<Decision>(Decision.Evolve).Given(events);

    [Fact]
    public void A_second_key_of_the_proposing_person_cannot_approve() =>
        Given(new By("alice-laptop", Proposed))
            .When(s => DecisionDecisions.Approve(s!, "Alice", "Alice", Approvals.Agreed(s!), null))
            .ThenFails<DomainRuleViolated>();

    [Theory]
    [InlineData(AssumptionStatus.Draft, "draft")]
    [InlineData(AssumptionStatus.Retired, "retired")]
    public void A_linked_assumption_that_is_not_agreed_blocks_the_approval_and_is_named(AssumptionStatus status, string word)
    {
        var message = Given(new By("alice", Proposed))
            .When(s => Approvals.By(s!, "bob", null, new Dictionary<string, AssumptionStatus> { ["AOU-0003"] = status }))
            .ThenFails<DomainRuleViolated>().Message;
        Assert.Contains("AOU-0003 is " + word, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_assumption_the_caller_did_not_find_blocks_the_approval() =>
        Given(new By("alice", Proposed))
            .When(s => Approvals.By(s!, "bob", null, new Dictionary<string, AssumptionStatus>()))
            .ThenFails<DomainRuleViolated>();
}
