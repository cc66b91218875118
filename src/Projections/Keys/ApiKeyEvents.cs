namespace Traceability.Projections.Keys;

/// <summary>An API key was issued; only its SHA-256 is recorded, never the key.</summary>
public sealed record ApiKeyIssued(string Name, string Role, string KeyHash);

public sealed record ApiKeyRevoked(string Name, string Reason);

public static class ApiKeyEvents
{
    public static IReadOnlyList<(string Alias, Type Type)> All { get; } =
        [("api_key_issued", typeof(ApiKeyIssued)), ("api_key_revoked", typeof(ApiKeyRevoked))];

    public static string StreamId(string name) => $"apikey/{name}";
}
