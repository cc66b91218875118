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
        var metadata = await StartAsync(session, context, ct);
        if (metadata.Key is not { } key) return;
        await ActiveKey.LockAsync(session.Connection!, [], key, ct);
    }

    /// <summary>
    /// For an endpoint marked <see cref="LocksItsKeyAttribute"/>: metadata and BEGIN only. The endpoint takes the
    /// writing key's lock together with its own (<see cref="LockWithKeyAsync"/>), in one sorted call.
    /// </summary>
    public static Task BeginUnlockedAsync(IDocumentSession session, HttpContext context, CancellationToken ct) => StartAsync(session, context, ct);

    private static async Task<EventMetadata> StartAsync(IDocumentSession session, HttpContext context, CancellationToken ct)
    {
        var metadata = Actor.Metadata(context);
        session.Stamp(metadata);
        await session.BeginTransactionAsync(ct);
        return metadata;
    }

    /// <summary>Takes <paramref name="locks"/> and the writing key's lock in name order, then finds the key still active.</summary>
    public static async Task LockWithKeyAsync(this IDocumentSession session, HttpContext context, IEnumerable<LogLock> locks, CancellationToken ct)
    {
        var key = Actor.Metadata(context).Key;
        await ActiveKey.LockAsync(session.Connection!, locks, key, ct);
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

/// <summary>
/// The endpoint takes the writing key's lock itself, with its own locks in one sorted call (RevokeKey: an admin
/// revoking another admin who is revoking them must not wait on each other in a cycle).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocksItsKeyAttribute : Attribute;
