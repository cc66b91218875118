using System.Collections.ObjectModel;

namespace Traceability.Domain.Kconfig;

/// <summary>One symbol's value in a resolved .config; Line is 1-based, for messages.</summary>
public sealed record ConfigEntry(string Symbol, string Value, int Line);

/// <summary>
/// A resolved .config as imported: the header's architecture and kernel version (null when the
/// file has no Kconfig header), every symbol in file order, and the SHA-256 of the exact bytes,
/// which makes re-importing the same file a recognisable no-op.
/// </summary>
public sealed record KernelConfig(
    string? Architecture, string? KernelVersion, IReadOnlyList<ConfigEntry> Entries, string Sha256)
{
    private readonly IReadOnlyList<ConfigEntry> _entries = Entries;
    private readonly IReadOnlyDictionary<string, string> _values = Index(Entries);

    // Values is rebuilt whenever Entries is set, so a `with { Entries = ... }` copy cannot keep
    // the old lookup.
    public IReadOnlyList<ConfigEntry> Entries
    {
        get => _entries;
        init
        {
            _entries = value;
            _values = Index(value);
        }
    }

    /// <summary>Symbol (without CONFIG_) to value text, ordinal.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    // Records compare collections by reference; two parses of the same file must be equal.
    public bool Equals(KernelConfig? other) =>
        other is not null
        && Architecture == other.Architecture
        && KernelVersion == other.KernelVersion
        && Sha256 == other.Sha256
        && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => HashCode.Combine(Architecture, KernelVersion, Sha256, Entries.Count);

    private static ReadOnlyDictionary<string, string> Index(IReadOnlyList<ConfigEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = new Dictionary<string, string>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // One value per symbol is the model's invariant; the parser reports duplicates.
            if (!values.TryAdd(entry.Symbol, entry.Value))
            {
                throw new ArgumentException($"{KconfigSymbol.Display(entry.Symbol)} appears twice.", nameof(entries));
            }
        }
        return values.AsReadOnly();
    }
}
