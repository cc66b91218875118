using Npgsql;
using Traceability.Api.Catalogs;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Decisions;

/// <summary>
/// The catalog's depends-on, select and imply links between the decided symbol and the baseline's
/// other active (proposed or approved) decisions in the live matrix, both ways: see
/// DependencyConflicts for what is and is not checked. Warnings only, never a refusal and never an
/// event: the same decisions can be written in any order, and the conflict is reported by whichever
/// write (or read) sees both. No catalog for the baseline means no warnings.
/// </summary>
public static class DependencyWarnings
{
    public static async Task<IReadOnlyList<string>> ForAsync(
        EventLog log, CatalogReads catalogs, string baseline, string symbol, string value, CancellationToken ct)
    {
        var catalog = await CatalogGate.CatalogOfAsync(catalogs, baseline, ct);
        if (catalog is null) return [];
        var index = catalogs.DependenciesOf(catalog);
        var counterparts = DependencyConflicts.Counterparts(index, symbol, value);
        if (counterparts.Count == 0) return [];
        var decided = await ActiveValuesAsync(log.DataSource, baseline, counterparts, ct);
        return DependencyConflicts.Warnings(index, symbol, value, decided);
    }

    private static async Task<Dictionary<string, string>> ActiveValuesAsync(
        NpgsqlDataSource dataSource, string baseline, IReadOnlyList<string> symbols, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT symbol, decided_value FROM traceability.matrix_rows
            WHERE baseline = $1 AND symbol = ANY($2) AND status = ANY($3) AND decided_value IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = baseline });
        command.Parameters.Add(new NpgsqlParameter { Value = symbols.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { MatrixRow.Proposed, MatrixRow.Approved } });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) values[reader.GetString(0)] = reader.GetString(1);
        return values;
    }
}
