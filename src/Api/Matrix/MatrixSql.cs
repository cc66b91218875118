using Npgsql;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>
/// <see cref="MatrixQuery"/> as SQL on traceability.matrix_rows: the WHERE and ORDER BY that
/// <see cref="MatrixInMemory"/> mirrors. Text is ordered COLLATE "C" so the order is C#'s ordinal
/// one whatever locale the database was created with.
/// </summary>
public static class MatrixSql
{
    /// <summary>
    /// The stored flag columns, written by the projection from MatrixRow's properties. The table's
    /// suspect column is the raw mark; MatrixRow.IsSuspect counts it only on a decision that still counts.
    /// </summary>
    private static readonly Dictionary<string, string> FlagColumns = new()
    {
        [MatrixFlags.Undocumented] = "undocumented",
        [MatrixFlags.Deviation] = "deviation",
        [MatrixFlags.Unapproved] = "unapproved",
        [MatrixFlags.Suspect] = $"(suspect AND status IS NOT NULL AND status <> '{MatrixRow.Withdrawn}')",
        [MatrixFlags.SymbolMissing] = "symbol_missing",
    };

    /// <summary>The WHERE clause (baseline is $1) and its parameters, in order from $1.</summary>
    public static (string Where, List<NpgsqlParameter> Parameters) Where(string baseline, MatrixQuery query)
    {
        var parameters = new List<NpgsqlParameter> { new() { Value = baseline } };
        var clauses = new List<string> { "baseline = $1" };
        string Add(object value)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
            return "$" + parameters.Count;
        }
        if (query.Flags.Count > 0) clauses.Add("(" + string.Join(" OR ", query.Flags.Select(f => FlagColumns[f])) + ")");
        if (query.Statuses.Count > 0) clauses.Add(StatusClause(query.Statuses, Add));
        if (query.SymbolPrefix is not null) clauses.Add($"starts_with(upper(symbol), {Add(query.SymbolPrefix)})");
        if (query.Search is not null) clauses.Add($"strpos(upper(symbol), {Add(query.Search)}) > 0");
        if (query.Assumption is not null) clauses.Add($"assumptions @> ARRAY[{Add(query.Assumption)}]::text[]");
        if (query.Feature is not null) clauses.Add($"features @> ARRAY[{Add(query.Feature)}]::text[]");
        return (string.Join(" AND ", clauses), parameters);
    }

    public static string OrderBy(MatrixQuery query)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        return query.Sort switch
        {
            MatrixSort.Status => $"status COLLATE \"C\" {direction} NULLS LAST, symbol COLLATE \"C\"",
            MatrixSort.ConfigValue => $"config_value COLLATE \"C\" {direction} NULLS LAST, symbol COLLATE \"C\"",
            MatrixSort.LastChange => $"last_seq {direction}, symbol COLLATE \"C\"",
            _ => $"symbol COLLATE \"C\" {direction}",
        };
    }

    private static string StatusClause(IReadOnlyList<string> statuses, Func<object, string> add)
    {
        var decided = statuses.Where(s => s != MatrixQuery.NoStatus).ToArray();
        var parts = new List<string>();
        if (decided.Length > 0) parts.Add($"status = ANY({add(decided)})");
        if (statuses.Contains(MatrixQuery.NoStatus)) parts.Add("status IS NULL");
        return "(" + string.Join(" OR ", parts) + ")";
    }
}
