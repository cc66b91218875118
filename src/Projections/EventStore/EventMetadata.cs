namespace Traceability.Projections.Events;

/// <summary>
/// Who did it and why; stored with every event (ARCHITECTURE.md), never inside the event record.
/// Marten keeps the actor in user_name, the correlation and causation ids in their columns, and the
/// role and reason as headers. Key names the API key a request wrote with (its name is the actor): it is not
/// stored again, it makes the append check in its own transaction that the key is still active (issue 13 item 8).
/// </summary>
public sealed record EventMetadata(
    string Actor,
    string? Role = null,
    string? Reason = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? Key = null)
{
    public const string RoleHeader = "role";
    public const string ReasonHeader = "reason";

    /// <summary>The headers this metadata is stored as (role and reason, when given): one rule for every write path.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        if (Role is { } role) yield return new(RoleHeader, role);
        if (Reason is { } reason) yield return new(ReasonHeader, reason);
    }

    public static EventMetadata From(string? user, string? correlation, string? causation, IReadOnlyDictionary<string, object>? headers) =>
        new(user ?? "unknown", Text(headers, RoleHeader), Text(headers, ReasonHeader), correlation, causation);

    private static string? Text(IReadOnlyDictionary<string, object>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var value) ? value?.ToString() : null;
}
