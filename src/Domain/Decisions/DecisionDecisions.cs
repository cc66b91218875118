using Traceability.Domain.Assumptions;
using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Decisions;

/// <summary>
/// Lifecycle of a decision: proposed → approved / rejected; revised; suspect; withdrawn.
/// The baseline's frozen check (BaselineDecisions.EnsureOpen) is the caller's: these functions see one stream.
/// </summary>
public static partial class DecisionDecisions
{
    public const string DefaultApprovalMeaning =
        "Reviewed and approved: value and rationale are safe for the platform's assumptions of use";

    public static DecisionProposed Propose(
        Decision? state, string baseline, string symbol, string value, string? rationale,
        IReadOnlyList<string>? assumptions, IReadOnlyList<string>? features, IReadOnlyList<string>? requirements)
    {
        var normalized = NormalizeSymbol(symbol);
        Require.Rule(state is null, $"{KconfigSymbol.Display(normalized)} already has a decision in '{baseline}'; revise it instead.");
        return new DecisionProposed(
            Ids.RequireSlug(baseline, nameof(baseline)), normalized, CheckValue(value),
            Require.Text(rationale, "rationale"),
            AssumptionIds(assumptions), LinkIds(features, nameof(features)), LinkIds(requirements, nameof(requirements)));
    }

    /// <summary>Any revision, even of an approved decision, needs a fresh approval: the reviser becomes the proposer.</summary>
    public static DecisionRevised Revise(
        Decision state, string value, string? rationale,
        IReadOnlyList<string>? assumptions, IReadOnlyList<string>? features, IReadOnlyList<string>? requirements,
        string? reason)
    {
        EnsureNotWithdrawn(state);
        return new DecisionRevised(
            state.Baseline, state.Symbol, state.Revision + 1, CheckValue(value),
            Require.Text(rationale, "rationale"),
            AssumptionIds(assumptions), LinkIds(features, nameof(features)), LinkIds(requirements, nameof(requirements)),
            Require.Text(reason, "reason for the revision"));
    }

    /// <summary>
    /// Four-eyes compares persons, not keys (issue 12, item 6: two keys of one person are one person): the caller
    /// names the approving person and the person behind the key that proposed the current revision. A decision rests
    /// on its assumptions, so every AoU it links must be agreed; <paramref name="assumptions"/> holds their statuses
    /// as read under their locks.
    /// </summary>
    public static DecisionApproved Approve(
        Decision state, string approver, string proposer, IReadOnlyDictionary<string, AssumptionStatus> assumptions, string? meaning)
    {
        EnsureProposed(state, "approved");
        Require.Rule(approver != proposer,
            $"A decision cannot be approved by its proposer (four-eyes principle): '{proposer}' proposed it, and every key of one person counts as that person.");
        foreach (var id in state.Assumptions)
        {
            var status = assumptions.TryGetValue(id, out var s) ? s.ToString().ToLowerInvariant() : "unknown";
            Require.Rule(status == "agreed",
                $"The decision on {KconfigSymbol.Display(state.Symbol)} cannot be approved while {id} is {status}: a decision rests on its assumptions of use, "
                + "and each must be agreed first (accept it, or revise the decision's links).");
        }
        return new DecisionApproved(state.Baseline, state.Symbol, state.Revision, ApprovalMeaning(meaning));
    }

    /// <summary>What an approval asserts: the given wording, or the default one.</summary>
    public static string ApprovalMeaning(string? meaning) => string.IsNullOrWhiteSpace(meaning) ? DefaultApprovalMeaning : meaning.Trim();

    public static DecisionRejected Reject(Decision state, string? reason)
    {
        EnsureProposed(state, "rejected");
        return new DecisionRejected(state.Baseline, state.Symbol, state.Revision,
            Require.Text(reason, "reason for the rejection"));
    }

    public static DecisionWithdrawn Withdraw(Decision state, string? reason)
    {
        EnsureNotWithdrawn(state);
        return new DecisionWithdrawn(state.Baseline, state.Symbol, Require.Text(reason, "reason for withdrawing"));
    }

    private static void EnsureNotWithdrawn(Decision state) =>
        Require.Rule(state.Status != DecisionStatus.Withdrawn,
            $"The decision on {KconfigSymbol.Display(state.Symbol)} is withdrawn and takes no changes.");

    private static string NormalizeSymbol(string symbol) =>
        KconfigSymbol.Normalize(symbol) ?? throw new ArgumentException($"'{symbol}' is not a Kconfig symbol.", nameof(symbol));

    private static void EnsureProposed(Decision state, string verb)
    {
        EnsureNotWithdrawn(state);
        var status = state.Status.ToString().ToLowerInvariant();
        Require.Rule(state.Status == DecisionStatus.Proposed,
            $"{Require.Article(status, capital: true)} {status} decision cannot be {verb}; only a proposed one.");
    }

    private static string CheckValue(string value) =>
        value is not null && ConfigValue.IsValid(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a .config value (y, m, n, \"text\", 12, 0x1f).", nameof(value));

    private static IReadOnlyList<string> AssumptionIds(IReadOnlyList<string>? ids) =>
        Require.SortedSet(Require.List(ids).Select(id => AssumptionOfUse.IsValidId(id)
            ? id
            : throw new ArgumentException($"'{id}' is not an AoU id such as AOU-0001.", nameof(ids))));

    private static IReadOnlyList<string> LinkIds(IReadOnlyList<string>? ids, string paramName) =>
        Require.SortedSet(Require.List(ids).Select(id => Ids.RequireSlug(id, paramName)));
}
