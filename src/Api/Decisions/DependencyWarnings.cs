using Npgsql;
using Traceability.Api.Catalogs;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Decisions;

/// <summary>Which catalog a decision was checked against ("6.12.117/arm64", or "none") and what it warns about.</summary>
public sealed record CatalogChecks(string Catalog, IReadOnlyList<string> Warnings);

/// <summary>
/// The catalog's depends-on, select and imply links between the decided symbol and the baseline's
/// other active (proposed or approved) decisions in the live matrix, both ways: see
/// DependencyConflicts for what is and is not checked. Warnings only, never a refusal and never an
/// event: the same decisions can be written in any order, and the conflict is reported by whichever
/// write (or read) sees both. No catalog for the baseline means one warning that says so: the symbol
/// was not checked at all, which an engineer must not mistake for "checked and fine".
/// </summary>
public static class DependencyWarnings
{
    public const string NoCatalog = "none";

    public static async Task<CatalogChecks> ForAsync(
        EventLog log, CatalogReads catalogs, string baseline, string symbol, string value, CancellationToken ct)
    {
        var catalog = await CatalogGate.CatalogOfAsync(catalogs, baseline, ct);
        if (catalog is null) return new CatalogChecks(NoCatalog, [await MissingAsync(catalogs, baseline, symbol, ct)]);
        var name = CatalogRenames.Name(catalog);
        var index = catalogs.DependenciesOf(catalog);
        var counterparts = DependencyConflicts.Counterparts(index, symbol, value);
        if (counterparts.Count == 0) return new CatalogChecks(name, []);
        var decided = await ActiveValuesAsync(log.DataSource, baseline, counterparts, ct);
        return new CatalogChecks(name, DependencyConflicts.Warnings(index, symbol, value, decided));
    }

    private static async Task<string> MissingAsync(CatalogReads catalogs, string baseline, string symbol, CancellationToken ct)
    {
        var key = await catalogs.KeyOfAsync(baseline, ct);
        var kernel = key is null ? "" : $" for kernel {Domain.Baselines.KernelSeries.Of(key.KernelVersion) ?? key.KernelVersion} on {key.Architecture}";
        return $"No Kconfig catalog exists{kernel}: {Domain.Kconfig.KconfigSymbol.Display(symbol)} was not checked against the kernel's "
            + "symbols and their dependencies (an admin builds one with POST /api/catalogs).";
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
