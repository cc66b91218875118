using Npgsql;

namespace Traceability.Projections.Links;

/// <summary>Writes the whole index at once (a rebuild).</summary>
public static class DecisionLinksTable
{
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, LinkSet> latest, CancellationToken ct)
    {
        var rows = latest.SelectMany(l => l.Value.Targets.Select(t => (Stream: l.Key, l.Value.Baseline, l.Value.Symbol, t.Kind, t.Target))).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO traceability.decision_links (decision_stream, baseline, symbol, kind, target)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
            """, connection);
        command.Parameters.Add(new() { Value = rows.Select(r => r.Stream).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Baseline).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Symbol).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Kind).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Target).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}
