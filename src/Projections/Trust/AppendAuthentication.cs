using JasperFx.Events;
using Marten;
using Marten.Services;
using Traceability.Projections.Events;

namespace Traceability.Projections.Trust;

/// <summary>
/// Signs every unit of work before Marten writes it: each event gets an "auth" header naming its
/// batch, and the batch's last event carries the service's signature over the digests of all of them.
/// Whoever can INSERT into the log without this key cannot make an event that verifies. The signature is made on
/// the process's signing threads (<see cref="ServiceKey.SignAsync"/>), not on the writer's own.
/// </summary>
public sealed class AppendAuthentication(ServiceKey key) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var events = new List<IEvent>();
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count == 0) continue;
            if (stream.ActionType != StreamActionType.Start && stream.ExpectedVersionOnServer is null)
                throw new InvalidOperationException($"The append to '{stream.Key}' states no expected version; every event is signed with its version, so the writer must know it.");
            events.AddRange(stream.Events);
        }
        if (events.Count == 0) return;
        var serializer = session.DocumentStore.Options.Serializer();
        var digests = events.Select(e => EventDigest.Compute(DigestOf(e, serializer))).ToList();
        var batch = Guid.CreateVersion7();
        for (var i = 0; i < events.Count - 1; i++) events[i].SetHeader(AuthHeader.Name, LeadingHeader(key, batch, i + 1, events.Count));
        var signature = await key.SignAsync(AuthHeader.Message(batch, key.KeyId, digests));
        events[^1].SetHeader(AuthHeader.Name, LastHeader(key, batch, digests.Count, signature));
    }

    /// <summary>One batch: headers for each event, the signature on the last. Also used by bulk appends.</summary>
    public static void Sign(ServiceKey key, IReadOnlyList<byte[]> digests, Action<int, AuthHeader> setHeader)
    {
        if (digests.Count == 0) return;
        var batch = Guid.CreateVersion7();
        for (var i = 0; i < digests.Count - 1; i++) setHeader(i, LeadingHeader(key, batch, i + 1, digests.Count));
        setHeader(digests.Count - 1, LastHeader(key, batch, digests));
    }

    /// <summary>The header of any event of a batch but its last: it names the batch and carries no signature, so it needs no digest.</summary>
    public static AuthHeader LeadingHeader(ServiceKey key, Guid batch, int index, int count) => new(batch, index, count, key.KeyId);

    /// <summary>The header of a batch's last event: the signature over the digests of all its events, in order.</summary>
    public static AuthHeader LastHeader(ServiceKey key, Guid batch, IReadOnlyList<byte[]> digests) =>
        LastHeader(key, batch, digests.Count, key.Sign(AuthHeader.Message(batch, key.KeyId, digests)));

    private static AuthHeader LastHeader(ServiceKey key, Guid batch, int count, byte[] signature) =>
        new(batch, count, count, key.KeyId, Convert.ToBase64String(signature));

    private static DigestInput DigestOf(IEvent e, ISerializer serializer) => new(
        e.Id, e.StreamKey!, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId,
        EventHeaders.Canonical(e.Headers), CanonicalJson.Canonicalize(serializer.ToJson(e.Data)));
}
