using Npgsql;
using Traceability.Domain.Decisions;

namespace Traceability.Projections.Links;

/// <summary>What one decision links (assumptions of use, hardware features, requirements), as the index holds it.</summary>
public sealed record LinkSet(string Baseline, string Symbol, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Features, IReadOnlyList<string> Requirements)
{
    public IReadOnlyList<(string Kind, string Target)> Targets =>
        [.. Assumptions.Select(t => (DecisionLinks.Assumption, t)).Concat(Features.Select(t => (DecisionLinks.Feature, t)))
            .Concat(Requirements.Select(t => (DecisionLinks.Requirement, t))).Distinct()];
}

/// <summary>The decision link index: how events set a decision's links, and the queries over it.</summary>
public static class DecisionLinks
{
    public const string Assumption = "aou";
    public const string Feature = "feature";
    public const string Requirement = "requirement";

    /// <summary>The links a decision has after <paramref name="data"/>; null when the event does not change them.</summary>
    public static LinkSet? After(object data) => data switch
    {
        DecisionProposed p => new(p.Baseline, p.Symbol, p.Assumptions, p.Features, p.Requirements),
        DecisionRevised r => new(r.Baseline, r.Symbol, r.Assumptions, r.Features, r.Requirements),
        DecisionCarriedForward c => new(c.Baseline, c.Symbol, c.Assumptions, c.Features, c.Requirements),
        DecisionWithdrawn w => new(w.Baseline, w.Symbol, [], [], []),
        _ => null,
    };

    /// <summary>The decision streams that link <paramref name="target"/>; pass an append's connection to read inside its transaction.</summary>
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
