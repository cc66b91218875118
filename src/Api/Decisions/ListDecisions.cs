using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

public static class ListDecisions
{
    /// <summary>One stream read per decision: fine for a baseline's few hundred decisions until the matrix projection exists.</summary>
    public static async Task<Ok<IReadOnlyList<DecisionSummary>>> Handle(string baseline, EventStore store, CancellationToken ct)
    {
        await BaselineGate.EnsureExistsAsync(store, baseline, ct);
        var streams = await StreamIndex.ByPrefixAsync(store.DataSource, $"decision/{baseline}/", ct);
        var summaries = new List<DecisionSummary>();
        foreach (var stream in streams)
        {
            var events = await store.ReadStreamAsync(stream.Id, null, ct);
            if (DecisionView.Fold(events) is { } decision) summaries.Add(DecisionView.Summary(decision, events[^1].Version));
        }
        return TypedResults.Ok<IReadOnlyList<DecisionSummary>>(summaries);
    }
}
