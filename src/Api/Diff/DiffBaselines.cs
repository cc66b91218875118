using Traceability.Api.Http;
using BadRequest = Traceability.Api.Http.BadRequest;
using Traceability.Domain.Baselines;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Diff;

/// <summary>
/// GET /api/baselines/{a}/diff/{b}: what a kernel upgrade (or a re-import) changes, symbol by symbol, with the
/// decisions of either baseline on each changed symbol, so a reviewer sees which decisions an upgrade touches.
/// </summary>
public static class DiffBaselines
{
    public static async Task<Ok<BaselineDiffResponse>> Handle(
        string a, string b, int? fromRevision, int? toRevision, EventLog log, CancellationToken ct)
    {
        if (fromRevision < 1 || toRevision < 1) throw new BadRequest("fromRevision and toRevision are import revisions: 1, 2, ...");
        var (from, fromValues) = await BaselineImports.PickAsync(log, a, fromRevision, ct);
        var (to, toValues) = await BaselineImports.PickAsync(log, b, toRevision, ct);
        var changes = ConfigChanges.Compare(fromValues, toValues);
        var decisions = await DecisionsBySymbolAsync(log, a == b ? [a] : [a, b], ct);
        return TypedResults.Ok(new BaselineDiffResponse(from, to,
            Group(changes.Added, decisions), Group(changes.Removed, decisions), Group(changes.Changed, decisions)));
    }

    private static DiffGroup Group(IReadOnlyList<ConfigChange> changes, ILookup<string, DiffDecision> decisions) =>
        new(changes.Count, changes.Select(c => new DiffItem(KconfigSymbol.Display(c.Symbol), c.Old, c.New, decisions[c.Symbol].ToList())).ToList());

    /// <summary>Every decided row of the baselines compared, in baseline order (from before to).</summary>
    private static async Task<ILookup<string, DiffDecision>> DecisionsBySymbolAsync(EventLog log, string[] baselines, CancellationToken ct)
    {
        await using var command = log.DataSource.CreateCommand($"""
            SELECT {MatrixRows.Columns} FROM {MatrixRows.From}
            WHERE m.baseline = ANY($1) AND m.status IS NOT NULL ORDER BY array_position($1, m.baseline), m.symbol
            """);
        command.Parameters.Add(new() { Value = baselines });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync(ct)) rows.Add(MatrixRows.Read(reader));
        return rows.ToLookup(r => r.Symbol, DiffDecision.From, StringComparer.Ordinal);
    }
}
