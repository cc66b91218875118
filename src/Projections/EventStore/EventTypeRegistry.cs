namespace Traceability.Projections.Events;

/// <summary>The one table of stable stored names: the database never holds a CLR type name.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    public EventTypeRegistry(IEnumerable<(string Alias, Type Type)> entries)
    {
        foreach (var (alias, type) in entries)
        {
            if (!_byAlias.TryAdd(alias, type)) throw new ArgumentException($"Event alias '{alias}' is registered twice.", nameof(entries));
            if (!_byType.TryAdd(type, alias)) throw new ArgumentException($"Event type {type.Name} is registered twice.", nameof(entries));
        }
    }

    public string AliasOf(Type type) =>
        _byType.TryGetValue(type, out var alias) ? alias
            : throw new UnknownEventType($"Event type {type.FullName} has no stored alias; add it to the event catalog.");

    public Type TypeOf(string alias) =>
        _byAlias.TryGetValue(alias, out var type) ? type
            : throw new UnknownEventType($"Stored event type '{alias}' is unknown to this build; it cannot be read or projected.");

    public IEnumerable<string> Aliases => _byAlias.Keys;
}
