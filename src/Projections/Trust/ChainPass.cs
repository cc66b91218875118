namespace Traceability.Projections.Trust;

public sealed record ChainRow(long Position, long Sequence, Guid EventId, byte[] Digest, byte[] Link, DateTimeOffset ChainedAt, long BatchEnd);

/// <summary>
/// Orders one pass's events and links them: the events of one append stay together (in their index
/// order), appends in the order of their first sequence number. An event without a readable auth
/// header is its own group; verify reports it, the chain still holds it, so it cannot vanish.
/// </summary>
public static class ChainPass
{
    public static IReadOnlyList<ChainRow> Link(ChainHead head, DateTimeOffset chainedAt, IReadOnlyList<StoredEvent> events)
    {
        var rows = new List<ChainRow>(events.Count);
        var (position, link) = (head.Position, head.Link);
        foreach (var group in Groups(events))
        {
            var end = position + group.Count;
            foreach (var (e, digest) in group)
            {
                link = ChainLink.Compute(link, ++position, chainedAt, digest);
                rows.Add(new ChainRow(position, e.Sequence, e.Id, digest, link, chainedAt, end));
            }
        }
        return rows;
    }

    private static IEnumerable<List<(StoredEvent Event, byte[] Digest)>> Groups(IReadOnlyList<StoredEvent> events) =>
        events.Select(e =>
            {
                var headers = e.HeadersNode;
                return (Event: e, Auth: AuthHeader.Read(headers), Digest: EventDigest.Compute(e.DigestInput(headers)));
            })
            .GroupBy(x => x.Auth is { } a ? a.Batch.ToString() : $"seq:{x.Event.Sequence}")
            .OrderBy(g => g.Min(x => x.Event.Sequence))
            .Select(g => g.OrderBy(x => x.Auth?.Index ?? 0).ThenBy(x => x.Event.Sequence).Select(x => (x.Event, x.Digest)).ToList());
}
