namespace Traceability.Projections.Trust;

/// <summary>
/// Follows the chain position by position and checks that every event belongs to an append the service
/// signed: consecutive events of one batch, indexes 1..count, and a valid signature by a trusted key over
/// their digests. Shared by the live verify and the offline export verifier.
/// </summary>
public sealed class AppendCheck(IReadOnlyCollection<TrustedKey> trusted)
{
    private Open? _open;

    /// <summary>
    /// Null when fine so far; otherwise why the append that holds <paramref name="position"/> is not the service's.
    /// A gap filler of Marten's (<see cref="GapFiller"/>) stands outside every append and needs no signature.
    /// </summary>
    public AppendProblem? Next(long position, byte[] digest, AuthHeader? auth, bool gapFiller = false)
    {
        if (gapFiller && auth is null && _open is null) return null;
        if (_open is { } open && (auth is null || open.Header.Batch != auth.Batch))
        {
            _open = null;
            return Incomplete(open);
        }
        if (auth is null) return Fail(position, position, "has no signature of the service (no auth header): it was not written through the service");
        if (_open is null)
        {
            if (auth.Index != 1) return Fail(position, position, $"claims to be event {auth.Index} of append {auth.Batch}, whose first events are not before it");
            _open = new Open(auth, position, []);
        }
        else if (auth.Index != _open.Digests.Count + 1 || auth.Count != _open.Header.Count)
        {
            var first = _open.First;
            _open = null;
            return Fail(first, position, $"append {auth.Batch} is out of order or inconsistent at position {position}");
        }
        _open.Digests.Add(digest);
        return auth.Index == auth.Count ? Close(auth) : null;
    }

    /// <summary>At the end of what is checked: an append that never reached its last event.</summary>
    public AppendProblem? End() => _open is { } open ? Incomplete(open) : null;

    private AppendProblem? Close(AuthHeader last)
    {
        var open = _open!;
        _open = null;
        var end = open.First + open.Digests.Count - 1;
        var key = trusted.FirstOrDefault(k => k.KeyId == last.Key);
        if (key is null) return Fail(open.First, end, $"is signed by key {last.Key}, which is not a trusted key of the service");
        if (last.Signature is null || !TryBase64(last.Signature, out var signature)
            || !key.Verifies(AuthHeader.Message(last.Batch, last.Key, open.Digests), signature))
        {
            return Fail(open.First, end, "does not match the service's signature: an event of it was made up or copied from elsewhere");
        }
        return null;
    }

    private static AppendProblem Incomplete(Open open) =>
        Fail(open.First, open.First + open.Digests.Count - 1,
            $"is an incomplete append ({open.Digests.Count} of {open.Header.Count} events of batch {open.Header.Batch})");

    private static AppendProblem Fail(long first, long last, string why) =>
        new(first, first == last ? $"position {first} {why}" : $"positions {first}–{last} {why}");

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[64];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == 64;
    }

    private sealed record Open(AuthHeader Header, long First, List<byte[]> Digests);
}

public sealed record AppendProblem(long Position, string Problem);
