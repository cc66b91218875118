using Marten;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Commands;

/// <summary>
/// The first step of every write Wolverine handles: the session's events carry the request's metadata
/// (actor, role, correlation), the session runs in one transaction from here to the commit, and a write
/// made with an API key holds that key's lock shared and finds it active, so no write of a key commits
/// after its revocation (issue 13 item 8). Endpoints stamp a reason, when they have one, with <see cref="Reason"/>.
/// </summary>
public static class WriteTransaction
{
    public static async Task BeginAsync(IDocumentSession session, HttpContext context, CancellationToken ct)
    {
        var metadata = Actor.Metadata(context);
        session.Stamp(metadata);
        await session.BeginTransactionAsync(ct);
        if (metadata.Key is not { } key) return;
        await LogLocks.TakeAsync(session.Connection!, [ActiveKey.Lock(key)], ct);
        await ActiveKey.EnsureAsync(session.Connection!, key, ct);
    }

    /// <summary>
    /// Runs before Wolverine commits: one unit of work, one moment. Every event of it carries the same time, set
    /// before Marten saves, so the signature, the inline projections and the stored row all see that time.
    /// </summary>
    public static void Timestamp(IDocumentSession session)
    {
        var now = MicrosecondClock.Instance.GetUtcNow();
        foreach (var stream in session.PendingChanges.Streams())
            foreach (var e in stream.Events) e.Timestamp = now;
    }

    /// <summary>Records why: every event the session appends carries the reason header.</summary>
    public static void Reason(this IDocumentSession session, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason)) session.SetHeader(EventMetadata.ReasonHeader, reason);
    }

    /// <summary>Takes the cross-stream rules' locks in the write's transaction, before the reads they guard.</summary>
    public static Task LockAsync(this IDocumentSession session, IEnumerable<LogLock> locks, CancellationToken ct) =>
        LogLocks.TakeAsync(session.Connection!, locks, ct);
}
