namespace Traceability.Projections.Trust;

/// <summary>One pass over the chain in position order, stopping at the first problem.</summary>
internal sealed class LogWalk(byte[] genesis, AppendCheck appends)
{
    public byte[] Link { get; private set; } = genesis;
    public long Checked { get; private set; }
    public AppendProblem? Problem { get; private set; }

    public void Step(long position, byte[] digest, byte[] link, DateTimeOffset chainedAt, StoredEvent? stored)
    {
        var expected = Checked + 1;
        Problem = position != expected ? new(expected, $"position {expected} is missing from the chain (the next is {position})")
            : stored is null ? new(position, $"the event sealed at position {position} is gone from the log")
            : Recheck(position, digest, link, chainedAt, stored);
        if (Problem is not null) return;
        Link = link;
        Checked = position;
    }

    public void End() => Problem ??= appends.End();

    private AppendProblem? Recheck(long position, byte[] digest, byte[] link, DateTimeOffset chainedAt, StoredEvent stored)
    {
        var headers = stored.HeadersNode;
        if (!EventDigest.Compute(stored.DigestInput(headers)).AsSpan().SequenceEqual(digest))
            return new(position, $"the event at position {position} ({stored.StreamId} v{stored.Version}, {stored.Type}) was changed after it was sealed");
        if (!ChainLink.Compute(Link, position, chainedAt, digest).AsSpan().SequenceEqual(link))
            return new(position, $"the link at position {position} does not follow from position {position - 1}");
        var gapFiller = GapFiller.Is(stored.StreamId, stored.Type) && stored.Data == "{}";
        return appends.Next(position, digest, AuthHeader.Read(headers), gapFiller);
    }
}
