using Npgsql;

namespace Traceability.Projections.Links;

/// <summary>Queries over the decision link index.</summary>
public static class DecisionLinks
{
    public const string Assumption = "aou";
    public const string Feature = "feature";
    public const string Requirement = "requirement";

    /// <summary>The decision streams that link <paramref name="target"/>; pass the connection of an append's decide step to read inside its lock.</summary>
    public static async Task<IReadOnlyList<string>> LinkingAsync(NpgsqlConnection connection, string kind, string target, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT decision_stream FROM traceability.decision_links WHERE kind = $1 AND target = $2 ORDER BY decision_stream", connection);
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = target });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var streams = new List<string>();
        while (await reader.ReadAsync(ct)) streams.Add(reader.GetString(0));
        return streams;
    }
}
