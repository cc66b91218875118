namespace Traceability.Projections.Keys;

/// <summary>
/// An API key was issued (until issue 13 item 6): only its plain SHA-256 was recorded, never the key. Such events
/// stay in the log and their keys keep working; new keys are issued with <see cref="ApiKeyIssuedToOwner"/>.
/// </summary>
public sealed record ApiKeyIssued(string Name, string Role, string KeyHash);

/// <summary>
/// An API key was issued to a person (four-eyes compares owners, issue 12 item 6). KeyHmac is HMAC-SHA-256 of the
/// key under the service's pepper (<see cref="KeyHasher"/>), which lives outside the database: the log alone gives
/// nothing to guess keys against.
/// </summary>
public sealed record ApiKeyIssuedToOwner(string Name, string Role, string Owner, string KeyHmac);

public sealed record ApiKeyRevoked(string Name, string Reason);

public static class ApiKeyEvents
{
    public static IReadOnlyList<(string Alias, Type Type)> All { get; } =
    [
        ("api_key_issued", typeof(ApiKeyIssued)), ("api_key_issued_v2", typeof(ApiKeyIssuedToOwner)), ("api_key_revoked", typeof(ApiKeyRevoked)),
    ];

    public static string StreamId(string name) => $"apikey/{name}";

    /// <summary>Names the service writes as actors itself (bootstrap, demo, legacy copy, unauthenticated): never a key's.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = ["system", "anonymous", "unknown"];
}
