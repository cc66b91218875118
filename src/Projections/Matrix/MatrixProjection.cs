using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>
/// Keeps traceability.matrix_rows inline (in the append's transaction): loads the rows the events touch
/// (a whole baseline for an import), folds them with <see cref="MatrixFold"/>, the same fold that answers
/// ?asOf= from history, and writes back the side each event owns.
/// </summary>
public sealed class MatrixProjection : IProjection
{
    public const string Name = "matrix";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var relevant = events.Where(e => e.Data is ConfigImported || MatrixFold.DecisionKey(e.Data) is not null).Select(RecordedEvent.From).ToList();
        if (relevant.Count == 0) return;
        var wholeBaselines = relevant.Select(e => e.Data).OfType<ConfigImported>().Select(i => i.Baseline).Distinct().ToArray();
        var keys = relevant.Select(e => MatrixFold.DecisionKey(e.Data)).OfType<(string Baseline, string Symbol)>().Distinct().ToList();
        var rows = await MatrixRows.LoadAsync(operations.Connection, wholeBaselines, keys, cancellation);
        var (config, decisions) = (new Dictionary<(string, string), MatrixRow>(), new Dictionary<(string, string), MatrixRow>());
        foreach (var e in relevant) Fold(rows, config, decisions, e);
        MatrixWrites.QueueConfigSide(operations, [.. config.Values]);
        MatrixWrites.QueueDecisionSide(operations, [.. decisions.Values]);
    }

    private static void Fold(
        Dictionary<(string, string), MatrixRow> rows, Dictionary<(string, string), MatrixRow> config,
        Dictionary<(string, string), MatrixRow> decisions, RecordedEvent e)
    {
        if (e.Data is ConfigImported imported)
        {
            var ofBaseline = rows.Values.Where(r => r.Baseline == imported.Baseline).ToDictionary(r => r.Symbol, StringComparer.Ordinal);
            foreach (var row in MatrixFold.ApplyImport(ofBaseline, imported, e)) rows[(row.Baseline, row.Symbol)] = config[(row.Baseline, row.Symbol)] = row;
            return;
        }
        var key = MatrixFold.DecisionKey(e.Data)!.Value;
        rows[key] = decisions[key] = MatrixFold.ApplyDecision(rows.GetValueOrDefault(key) ?? MatrixRow.Empty(key.Baseline, key.Symbol), e);
    }
}
