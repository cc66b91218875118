using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

public class EvidenceTests
{
    private static readonly EvidenceAttached First =
        new(Baseline, "FUTEX", "E1", "test", "ci/ltp/4711", "pass", "LTP futex suite");

    [Fact]
    public void The_first_evidence_is_E1() =>
        Given(Proposed).When(s => DecisionDecisions.AttachEvidence(s!, "test", "ci/ltp/4711", "pass", "LTP futex suite"))
            .Then(First);

    [Fact]
    public void Evidence_ids_count_up_per_decision() =>
        Given(Proposed, First).When(s => DecisionDecisions.AttachEvidence(s!, "review", "minutes/2024-05-14", "fail", null))
            .Then(new EvidenceAttached(Baseline, "FUTEX", "E2", "review", "minutes/2024-05-14", "fail", ""));

    [Theory]
    [InlineData("benchmark", "pass")]
    [InlineData("test", "ok")]
    public void Unknown_kinds_or_outcomes_are_rejected(string kind, string outcome) =>
        Given(Proposed).When(s => DecisionDecisions.AttachEvidence(s!, kind, "ci/1", outcome, null))
            .ThenFails<ArgumentException>();
}
