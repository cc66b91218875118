using Traceability.Domain;
using Traceability.Projections.Keys;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Events;

/// <summary>The one table of stored event names this build knows: the domain's catalog, API keys and the log's own events.</summary>
public static class EventTypes
{
    public static IReadOnlyList<(string Alias, Type Type)> All { get; } = [.. EventCatalog.All, .. ApiKeyEvents.All, .. LogEvents.All];

    private static readonly Dictionary<string, Type> ByAlias = All.ToDictionary(e => e.Alias, e => e.Type, StringComparer.Ordinal);

    public static Type TypeOf(string alias) =>
        ByAlias.TryGetValue(alias, out var type) ? type
            : throw new UnknownEventType($"Stored event type '{alias}' is unknown to this build; it cannot be read or projected.");
}

public sealed class UnknownEventType(string message) : Exception(message);
