using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Before the service vouches for an export, it checks what the verifier will: every append up to the
/// export's position signed by a trusted key. The keys that signed them travel in the manifest.
/// </summary>
public static class ExportIntegrity
{
    public static (Manifest.IntegrityInfo Integrity, IReadOnlyList<TrustedKey> Keys) Check(IReadOnlyList<AuditEvent> events, TrustedKeys trusted)
    {
        var check = new AppendCheck(trusted.All);
        AppendProblem? first = null;
        foreach (var e in events)
        {
            if (check.Next(e.Position, e.Digest, e.Auth, GapFiller.Is(e.StreamId, e.Type)) is { } problem) first ??= problem;
        }
        first ??= check.End();
        var used = events.Select(e => e.Auth?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var keys = trusted.All.Where(k => used.Contains(k.KeyId)).OrderBy(k => k.KeyId, StringComparer.Ordinal).ToList();
        return (new Manifest.IntegrityInfo(first is null, first?.Problem), keys);
    }
}
