using Npgsql;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>
/// Keeps traceability.matrix_rows in the append's transaction: loads the rows the batch touches (a
/// whole baseline for an import), folds the events with <see cref="MatrixFold"/>, and writes the changed
/// rows back in one upsert and one delete, so a derive of thousands of decisions costs three statements.
/// </summary>
public sealed class MatrixProjection : IInlineProjection, IRebuildableProjection
{
    public string Name => "matrix";

    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var relevant = events.Where(e => e.Data is ConfigImported || MatrixFold.DecisionKey(e.Data) is not null).ToList();
        if (relevant.Count == 0) return;
        var wholeBaselines = relevant.Select(e => e.Data).OfType<ConfigImported>().Select(i => i.Baseline).Distinct().ToArray();
        var keys = relevant.Select(e => MatrixFold.DecisionKey(e.Data)).OfType<(string Baseline, string Symbol)>().Distinct().ToList();
        var rows = await MatrixRows.LoadAsync(connection, wholeBaselines, keys, ct);
        var dirty = new Dictionary<(string, string), MatrixRow>();
        foreach (var e in relevant) Fold(rows, dirty, e);
        await MatrixRows.WriteAsync(connection, dirty.Values.ToList(), ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("TRUNCATE traceability.matrix_rows", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Fold(Dictionary<(string, string), MatrixRow> rows, Dictionary<(string, string), MatrixRow> dirty, RecordedEvent e)
    {
        if (e.Data is ConfigImported imported)
        {
            var ofBaseline = rows.Values.Where(r => r.Baseline == imported.Baseline).ToDictionary(r => r.Symbol, StringComparer.Ordinal);
            foreach (var row in MatrixFold.ApplyImport(ofBaseline, imported, e)) rows[(row.Baseline, row.Symbol)] = dirty[(row.Baseline, row.Symbol)] = row;
            return;
        }
        var key = MatrixFold.DecisionKey(e.Data)!.Value;
        var changed = MatrixFold.ApplyDecision(rows.GetValueOrDefault(key) ?? MatrixRow.Empty(key.Baseline, key.Symbol), e);
        rows[key] = dirty[key] = changed;
    }
}
