using System.Text.Json;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>Names each row and field where matrix.json departs from the matrix the events give.</summary>
internal static class MatrixDiff
{
    public static void Report(byte[] expected, byte[] found, CheckFailures failures)
    {
        JsonDocument? have = null;
        try
        {
            have = JsonDocument.Parse(found);
        }
        catch (JsonException ex)
        {
            failures.Add(ExportFiles.MatrixJson, null, null, null, null, $"matrix.json: not valid JSON ({ex.Message}).");
            return;
        }
        using var want = JsonDocument.Parse(expected);
        var before = failures.Count;
        using (have)
        {
            Fields(want.RootElement, have.RootElement, "", failures, skip: "rows");
            if (!have.RootElement.TryGetProperty("rows", out var haveRows) || haveRows.ValueKind != JsonValueKind.Array)
            {
                failures.Add(ExportFiles.MatrixJson, null, "rows", "an array of rows", null, "matrix.json: has no rows array.");
                return;
            }
            Rows(want.RootElement.GetProperty("rows"), haveRows, failures);
        }
        if (failures.Count == before)
            failures.Add(ExportFiles.MatrixJson, null, null, null, null, "matrix.json: same content as the events give, but not the bytes the generator writes (reformatted).");
    }

    private static void Rows(JsonElement want, JsonElement have, CheckFailures failures)
    {
        var wanted = BySymbol(want);
        var had = BySymbol(have);
        foreach (var (symbol, row) in wanted)
        {
            if (!had.TryGetValue(symbol, out var found)) failures.Add(ExportFiles.MatrixJson, null, symbol, "a row", null, $"matrix.json: no row for {symbol}, which the events give.");
            else Fields(row, found, symbol + ".", failures, skip: null);
        }
        foreach (var symbol in had.Keys.Where(s => !wanted.ContainsKey(s)))
            failures.Add(ExportFiles.MatrixJson, null, symbol, null, "a row", $"matrix.json: a row for {symbol}, which the events do not give.");
    }

    private static void Fields(JsonElement want, JsonElement have, string path, CheckFailures failures, string? skip)
    {
        foreach (var property in want.EnumerateObject().Where(p => p.Name != skip))
        {
            var expected = Canonical(property.Value);
            var found = have.ValueKind == JsonValueKind.Object && have.TryGetProperty(property.Name, out var value) ? Canonical(value) : "(absent)";
            if (expected != found)
            {
                failures.Add(ExportFiles.MatrixJson, null, path + property.Name, expected, found,
                    $"matrix.json {path}{property.Name}: the events give {FilesCheck.Cut(expected)}, the file says {FilesCheck.Cut(found)}.");
            }
        }
    }

    private static Dictionary<string, JsonElement> BySymbol(JsonElement rows)
    {
        var bySymbol = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String)
                bySymbol.TryAdd(s.GetString()!, row);
        }
        return bySymbol;
    }

    private static string Canonical(JsonElement element) => AuditJson.Text(CanonicalJson.Canonicalize(element));
}
