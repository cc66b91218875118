using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>A decision as its stream stands: the state and the version an append must expect.</summary>
public sealed record LoadedDecision(Decision State, long Version)
{
    public string StreamId => Decision.StreamId(State.Baseline, State.Symbol);
}

/// <summary>Every decision of one baseline, read in one query (a baseline can hold thousands).</summary>
public static class BaselineDecisionStreams
{
    public static async Task<IReadOnlyList<LoadedDecision>> LoadAsync(EventLog log, NpgsqlConnection connection, string baseline, CancellationToken ct)
    {
        var events = await log.ReadStreamsByPrefixAsync(connection, Decision.StreamId(baseline, ""), ct);
        var decisions = new List<LoadedDecision>();
        foreach (var stream in events.GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            Decision? state = null;
            long version = 0;
            foreach (var e in stream)
            {
                state = Decision.Evolve(state, e.Data, e.Metadata.Actor);
                version = e.Version;
            }
            if (state is not null) decisions.Add(new LoadedDecision(state, version));
        }
        return decisions;
    }

    /// <summary>
    /// DecisionSymbolMissing for every decision whose symbol the imported config lacks (not yet
    /// flagged, not withdrawn), each expecting its stream's version: read under the append lock,
    /// so no decision can change between this read and the append.
    /// </summary>
    public static async Task<IReadOnlyList<StreamAppend>> FlagMissingAsync(
        EventLog log, NpgsqlConnection connection, string baseline, IReadOnlyDictionary<string, string> values, string sha256, CancellationToken ct)
    {
        var flags = new List<StreamAppend>();
        foreach (var decision in await LoadAsync(log, connection, baseline, ct))
        {
            var flag = DecisionDecisions.FlagSymbolMissing(decision.State, values.ContainsKey(decision.State.Symbol), sha256);
            if (flag is not null) flags.Add(new StreamAppend(decision.StreamId, decision.Version, [flag]));
        }
        return flags;
    }
}
