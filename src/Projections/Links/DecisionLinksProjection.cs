using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Links;

/// <summary>Keeps traceability.decision_links equal to each decision's current links, in the append's transaction.</summary>
public sealed class DecisionLinksProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var links = e.Data switch
            {
                DecisionProposed p => (p.Baseline, p.Symbol, p.Assumptions, p.Features, p.Requirements),
                DecisionRevised r => (r.Baseline, r.Symbol, r.Assumptions, r.Features, r.Requirements),
                DecisionCarriedForward c => (c.Baseline, c.Symbol, c.Assumptions, c.Features, c.Requirements),
                DecisionWithdrawn w => (w.Baseline, w.Symbol, [], [], []),
                _ => ((string, string, IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>)?)null,
            };
            if (links is { } l) await Replace(connection, e.StreamId, l.Item1, l.Item2, l.Item3, l.Item4, l.Item5, ct);
        }
    }

    private static async Task Replace(NpgsqlConnection connection, string stream, string baseline, string symbol,
        IReadOnlyList<string> assumptions, IReadOnlyList<string> features, IReadOnlyList<string> requirements, CancellationToken ct)
    {
        var targets = assumptions.Select(t => ("aou", t)).Concat(features.Select(t => ("feature", t)))
            .Concat(requirements.Select(t => ("requirement", t))).Distinct().ToList();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM traceability.decision_links WHERE decision_stream = $1") { Parameters = { new() { Value = stream } } },
                new NpgsqlBatchCommand("""
                    INSERT INTO traceability.decision_links (decision_stream, baseline, symbol, kind, target)
                    SELECT $1, $2, $3, k, t FROM unnest($4::text[], $5::text[]) AS u(k, t)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = stream }, new() { Value = baseline }, new() { Value = symbol },
                        new() { Value = targets.Select(x => x.Item1).ToArray() }, new() { Value = targets.Select(x => x.Item2).ToArray() },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
    }
}
