using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;

namespace Traceability.Domain.Tests;

/// <summary>
/// Approving as the API does: the approver is a person, the proposer is the person behind the key that proposed
/// (here the key's name: a key without an owner owns itself), and every linked AoU is agreed unless told.
/// </summary>
internal static class Approvals
{
    public static DecisionApproved By(Decision state, string approver, string? meaning = null,
        IReadOnlyDictionary<string, AssumptionStatus>? assumptions = null) =>
        DecisionDecisions.Approve(state, approver, state.ProposedBy, assumptions ?? Agreed(state), meaning);

    public static IReadOnlyDictionary<string, AssumptionStatus> Agreed(Decision state) =>
        state.Assumptions.ToDictionary(id => id, _ => AssumptionStatus.Agreed);
}
