using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Decisions;

public static class ListDecisions
{
    /// <summary>Every decision stream of the baseline in one query (a baseline holds thousands), folded here, in symbol order.</summary>
    public static async Task<Ok<IReadOnlyList<DecisionSummary>>> Handle(string baseline, EventLog log, ApiKeyStore keys, CancellationToken ct)
    {
        var owners = await keys.OwnersAsync(ct);
        await BaselineGate.EnsureExistsAsync(log, baseline, ct);
        var events = await log.ReadStreamsByPrefixAsync(Decision.StreamId(baseline, ""), ct);
        var summaries = new List<DecisionSummary>();
        foreach (var stream in events.GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            var history = stream.ToList();
            if (DecisionView.Fold(history) is { } decision) summaries.Add(DecisionView.Summary(decision, history[^1].Version, owners));
        }
        return TypedResults.Ok<IReadOnlyList<DecisionSummary>>(summaries);
    }
}
