using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>The baseline's decisions folded with the domain's own Evolve, each with its whole history.</summary>
public static class DecisionRecords
{
    public static IReadOnlyList<DecisionRecord> Build(IReadOnlyList<(AuditEvent Audit, RecordedEvent Recorded)> events) =>
        events.GroupBy(e => e.Audit.StreamId, StringComparer.Ordinal)
            .Select(Fold).OfType<DecisionRecord>()
            .OrderBy(d => d.Symbol, StringComparer.Ordinal).ToList();

    private static DecisionRecord? Fold(IEnumerable<(AuditEvent Audit, RecordedEvent Recorded)> stream)
    {
        Decision? state = null;
        var history = new List<HistoryEntry>();
        foreach (var (audit, recorded) in stream.OrderBy(e => e.Audit.Version))
        {
            state = Decision.Evolve(state, recorded.Data, recorded.Metadata.Actor);
            history.Add(HistoryEntry.From(audit));
        }
        return state is null ? null : new DecisionRecord(
            KconfigSymbol.Display(state.Symbol), Decision.StreamId(state.Baseline, state.Symbol),
            state.Status.ToString().ToLowerInvariant(), state.Revision, state.Value, state.Rationale,
            state.Assumptions, state.Features, state.Requirements, state.Suspect, state.SymbolMissing,
            state.ProposedBy, state.ApprovedBy, state.EvidenceCount, history);
    }

    public static IReadOnlyList<EvidenceRecord> Evidence(IReadOnlyList<DecisionRecord> decisions) =>
        [.. decisions.SelectMany(d => d.History.Where(h => h.Type == "evidence_attached").Select(h => new EvidenceRecord(
            d.Symbol, Text(h, "evidenceId"), Text(h, "kind"), Text(h, "reference"), Text(h, "outcome"), Text(h, "summary"),
            h.Actor, h.Role, h.Time, h.Position)))];

    /// <summary>Approvals of each decision's current revision, plus sign-offs carried forward from the source baseline.</summary>
    public static IReadOnlyList<Signature> Signatures(IReadOnlyList<DecisionRecord> decisions) =>
        [.. decisions.Where(d => d.Status == "approved").SelectMany(Approvals)];

    private static IEnumerable<Signature> Approvals(DecisionRecord d)
    {
        var own = d.History.Where(h => h.Type == "decision_approved" && h.Data.GetProperty("revision").GetInt32() == d.Revision)
            .Select(h => new Signature(d.Symbol, d.Revision, h.Actor, h.Role, h.Time, Text(h, "meaning"), h.Position)).ToList();
        if (own.Count > 0 || d.ApprovedBy is not { } approver) return own;
        // Approved in the source baseline and carried forward: the signature is the source's, named as such.
        return d.History.Where(h => h.Type == "decision_carried_forward").Take(1).Select(h => new Signature(
            d.Symbol, d.Revision, approver, null, h.Time, $"Approved in {Text(h, "fromBaseline")}; carried forward by {h.Actor}", h.Position));
    }

    private static string Text(HistoryEntry entry, string property) =>
        entry.Data.TryGetProperty(property, out var value) ? value.GetString() ?? "" : "";
}
