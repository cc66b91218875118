using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>The matrix of one baseline folded in memory: how ?asOf= answers from history.</summary>
public sealed class MatrixState(string baseline)
{
    private readonly Dictionary<string, MatrixRow> _rows = new(StringComparer.Ordinal);

    public string Baseline { get; } = baseline;

    public void Apply(RecordedEvent e)
    {
        if (e.Data is ConfigImported imported && imported.Baseline == Baseline)
        {
            foreach (var row in MatrixFold.ApplyImport(_rows, imported, e)) Put(row);
            return;
        }
        if (MatrixFold.DecisionKey(e.Data) is { } key && key.Baseline == Baseline)
            Put(MatrixFold.ApplyDecision(_rows.GetValueOrDefault(key.Symbol) ?? MatrixRow.Empty(key.Baseline, key.Symbol), e));
    }

    public IReadOnlyList<MatrixRow> Rows => _rows.Values.OrderBy(r => r.Symbol, StringComparer.Ordinal).ToList();

    private void Put(MatrixRow row)
    {
        if (row.IsEmpty) _rows.Remove(row.Symbol);
        else _rows[row.Symbol] = row;
    }
}
