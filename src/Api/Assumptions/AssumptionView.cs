using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

/// <summary>One entry of an AoU's history: what happened, the text as of then, why, who and when.</summary>
public sealed record AssumptionHistoryEntry(
    string Change, int Revision, string Category, string Text, string? Reason, string Actor, DateTimeOffset Time);

/// <summary>An assumption of use with its status (draft, agreed, retired) and full revision history.</summary>
public sealed record AssumptionView(
    string Id,
    string Category,
    string Text,
    AssumptionStatus Status,
    int Revision,
    long Version,
    IReadOnlyList<AssumptionHistoryEntry> History)
{
    public const string StreamType = "aou";

    public static AssumptionView? From(IReadOnlyList<RecordedEvent> events)
    {
        AssumptionOfUse? state = null;
        var history = new List<AssumptionHistoryEntry>();
        foreach (var e in events)
        {
            state = AssumptionOfUse.Evolve(state, e.Data);
            if (state is null) continue;
            var (change, reason) = e.Data switch
            {
                AssumptionDrafted => ("drafted", e.Metadata.Reason),
                AssumptionRevised r => ("revised", r.Reason),
                AssumptionAccepted => ("accepted", e.Metadata.Reason),
                AssumptionRetired r => ("retired", r.Reason),
                _ => (e.Type, e.Metadata.Reason),
            };
            history.Add(new AssumptionHistoryEntry(change, state.Revision, state.Category, state.Text, reason, e.Metadata.Actor, e.Timestamp));
        }
        return state is null ? null
            : new AssumptionView(state.Id, state.Category, state.Text, state.Status, state.Revision, events[^1].Version, history);
    }
}
