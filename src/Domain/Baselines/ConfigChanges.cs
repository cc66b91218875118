namespace Traceability.Domain.Baselines;

/// <summary>One symbol's difference between two imports; Old is null when added, New when removed.</summary>
public sealed record ConfigChange(string Symbol, string? Old, string? New);

/// <summary>"What changed since the previous import", each list sorted by symbol (ordinal).</summary>
public sealed record ConfigChanges(
    IReadOnlyList<ConfigChange> Added,
    IReadOnlyList<ConfigChange> Removed,
    IReadOnlyList<ConfigChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>A null previous set is the first import: everything is added.</summary>
    public static ConfigChanges Compare(
        IReadOnlyDictionary<string, string>? previous, IReadOnlyDictionary<string, string> current)
    {
        previous ??= new Dictionary<string, string>();
        var added = current.Where(c => !previous.ContainsKey(c.Key))
            .Select(c => new ConfigChange(c.Key, null, c.Value));
        var removed = previous.Where(p => !current.ContainsKey(p.Key))
            .Select(p => new ConfigChange(p.Key, p.Value, null));
        var changed = current
            .Where(c => previous.TryGetValue(c.Key, out var old) && old != c.Value)
            .Select(c => new ConfigChange(c.Key, previous[c.Key], c.Value));
        return new ConfigChanges(Sorted(added), Sorted(removed), Sorted(changed));
    }

    private static ConfigChange[] Sorted(IEnumerable<ConfigChange> changes) =>
        changes.OrderBy(c => c.Symbol, StringComparer.Ordinal).ToArray();
}
