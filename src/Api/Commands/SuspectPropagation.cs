using Marten;
using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Links;

namespace Traceability.Api.Commands;

/// <summary>
/// DOMAIN.md: revising an AoU, a feature's governing symbols or a requirement marks every decision
/// that links it suspect in the same transaction. The one place that does it, so AoUs, features and
/// requirements cannot drift apart in how they propagate.
/// </summary>
public static class SuspectPropagation
{
    /// <summary>
    /// In a Wolverine write: holds <paramref name="streamKey"/>'s lock alone (decision writes that link it hold it
    /// shared, so each is either committed before and flagged here, or decided after the change) and appends a
    /// suspect flag to every decision linking <paramref name="target"/>. Returns the flagged decision streams.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MarkLinkingAsync(
        this IDocumentSession session, EventLog log, string kind, string target, string streamKey, string cause, CancellationToken ct)
    {
        await session.LockAsync([LogLock.Sole(streamKey)], ct);
        var suspects = await MarkLinkingAsync(log, session.Connection!, kind, target, cause, ct);
        foreach (var suspect in suspects) session.Events.Append(suspect.StreamId, suspect.ExpectedVersion + suspect.Events.Count, [.. suspect.Events]);
        return [.. suspects.Select(s => s.StreamId)];
    }

    /// <summary>Suspect flags for the decisions linking <paramref name="target"/>; call inside an append's transaction.</summary>
    public static async Task<IReadOnlyList<StreamAppend>> MarkLinkingAsync(
        EventLog log, NpgsqlConnection connection, string kind, string target, string cause, CancellationToken ct)
    {
        var appends = new List<StreamAppend>();
        foreach (var stream in await DecisionLinks.LinkingAsync(connection, kind, target, ct))
        {
            var events = await log.ReadStreamAsync(connection, stream, null, ct);
            var state = Decisions.DecisionView.Fold(events);
            if (state is not null && DecisionDecisions.MarkSuspect(state, cause) is { } suspect)
                appends.Add(new StreamAppend(stream, events[^1].Version, [suspect]));
        }
        return appends;
    }
}
