using JasperFx.Events;
using Marten;
using Marten.Internal.Sessions;

namespace Traceability.Projections.Events;

public sealed partial class EventLog
{
    /// <summary>
    /// Commits an endpoint's events in a shared group (<see cref="GroupCommit"/>) when they are all the session holds:
    /// appends with their expected versions, below <see cref="BulkThreshold"/> events, with no document, outgoing
    /// message or bulk write beside them, and no header but role and reason. Those events leave the session, so its
    /// own save has nothing to write; its transaction, and every lock the endpoint took in it, stays open until the
    /// group has committed. Any other session is left as it is, for Marten to save and commit as one unit of work.
    /// </summary>
    public async Task CommitSessionAsync(IDocumentSession session, CancellationToken ct)
    {
        if (Grouped(session) is not { } append) return;
        await _group.CommitAsync(append.Appends, append.Metadata, append.Timestamp, ct);
        session.EjectAllPendingChanges();
    }

    private static (List<StreamAppend> Appends, EventMetadata Metadata, DateTimeOffset Timestamp)? Grouped(IDocumentSession session)
    {
        if (session.PendingChanges.Operations().Any() || session is not QuerySession { LastModifiedBy: { } actor } query) return null;
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0).ToList();
        if (streams.Count == 0 || streams.Sum(s => s.Events.Count) >= BulkThreshold) return null;
        if (query.Headers?.Keys.Any(k => k is not (EventMetadata.RoleHeader or EventMetadata.ReasonHeader)) == true) return null;
        var appends = new List<StreamAppend>();
        foreach (var stream in streams)
        {
            var expected = stream.ActionType == StreamActionType.Start ? 0 : stream.ExpectedVersionOnServer;
            if (expected is null || stream.Key is null) return null;
            appends.Add(new StreamAppend(stream.Key, expected.Value, stream.Events.Select(e => e.Data).ToList()));
        }
        var metadata = EventMetadata.From(actor, query.CorrelationId, query.CausationId, query.Headers);
        var timestamp = streams[0].Events[0].Timestamp;
        return (appends, metadata, timestamp == default ? MicrosecondClock.Instance.GetUtcNow() : timestamp);
    }
}
