using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Traceability.Projections.Links;

/// <summary>Keeps traceability.decision_links equal to each decision's current links, in the append's transaction.</summary>
public sealed class DecisionLinksProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var latest = new Dictionary<string, LinkSet>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (DecisionLinks.After(e.Data) is { } links) latest[e.StreamKey!] = links;
        }
        if (latest.Count > 0) Replace(operations, latest);
        return Task.CompletedTask;
    }

    /// <summary>All decisions of the unit of work in two statements, however many a derive carries.</summary>
    public static void Replace(IDocumentOperations operations, IReadOnlyDictionary<string, LinkSet> latest)
    {
        var rows = latest.SelectMany(l => l.Value.Targets.Select(t => (Stream: l.Key, l.Value.Baseline, l.Value.Symbol, t.Kind, t.Target))).ToList();
        // One array argument: wrapped, or params would spread its items as separate parameters.
        operations.QueueSqlCommand("DELETE FROM traceability.decision_links WHERE decision_stream = ANY(?::text[])", [latest.Keys.ToArray()]);
        if (rows.Count == 0) return;
        operations.QueueSqlCommand("""
            INSERT INTO traceability.decision_links (decision_stream, baseline, symbol, kind, target)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
            """, rows.Select(r => r.Stream).ToArray(), rows.Select(r => r.Baseline).ToArray(), rows.Select(r => r.Symbol).ToArray(),
            rows.Select(r => r.Kind).ToArray(), rows.Select(r => r.Target).ToArray());
    }
}
