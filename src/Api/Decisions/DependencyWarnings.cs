using Npgsql;
using Traceability.Api.Catalogs;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Decisions;

/// <summary>
/// A decision to build a symbol in (y or m) while a symbol its "depends on" names is decided n cannot
/// take effect. This is a conservative, syntactic check, never a refusal: the expression is not
/// evaluated, so "depends on A || B" warns when A alone is decided n; only a directly negated
/// "!B" is skipped. The decided values are the live matrix's active (proposed or approved) decisions.
/// </summary>
public static class DependencyWarnings
{
    public static async Task<IReadOnlyList<string>> ForAsync(
        EventStore store, CatalogReads catalogs, string baseline, string symbol, string value, CancellationToken ct)
    {
        if (!ConfigValue.IsEnabled(value)) return [];
        var catalog = await CatalogGate.CatalogOfAsync(store, catalogs, baseline, ct);
        if (catalog is null || !catalog.Symbols.TryGetValue(symbol, out var known)) return [];
        var dependencies = known.DependsOn.SelectMany(DependencySymbols.Of).Where(d => d != symbol).Distinct(StringComparer.Ordinal).ToArray();
        if (dependencies.Length == 0) return [];
        var decidedNo = await DecidedNoAsync(store.DataSource, baseline, dependencies, ct);
        return dependencies.Where(decidedNo.Contains)
            .Select(d => $"{KconfigSymbol.Display(symbol)} depends on {KconfigSymbol.Display(d)}, which is decided n").ToList();
    }

    private static async Task<HashSet<string>> DecidedNoAsync(NpgsqlDataSource dataSource, string baseline, string[] symbols, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT symbol FROM traceability.matrix_rows
            WHERE baseline = $1 AND symbol = ANY($2) AND decided_value = $3 AND status = ANY($4)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = baseline });
        command.Parameters.Add(new NpgsqlParameter { Value = symbols });
        command.Parameters.Add(new NpgsqlParameter { Value = ConfigValue.No });
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { MatrixRow.Proposed, MatrixRow.Approved } });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }
}
