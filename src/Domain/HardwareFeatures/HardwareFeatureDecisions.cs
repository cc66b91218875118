using Traceability.Domain.Kconfig;
using Traceability.Domain.Platforms;

namespace Traceability.Domain.HardwareFeatures;

public static class HardwareFeatureDecisions
{
    public static HardwareFeatureRegistered Register(
        HardwareFeature? state,
        string id,
        string name,
        string architecture,
        string protectsAgainst,
        string? description,
        IReadOnlyList<string>? governingSymbols,
        IReadOnlyDictionary<string, string>? availability)
    {
        Require.Rule(state is null, $"Hardware feature '{id}' is already registered.");
        if (!Architectures.IsValid(architecture))
        {
            throw new ArgumentException($"Unknown architecture '{architecture}'.", nameof(architecture));
        }
        return new HardwareFeatureRegistered(
            Ids.RequireSlug(id, nameof(id)),
            Require.NotBlank(name, nameof(name)),
            architecture,
            Require.NotBlank(protectsAgainst, nameof(protectsAgainst)),
            description?.Trim() ?? "",
            NormalizeSymbols(governingSymbols),
            CheckAvailability(availability));
    }

    public static HardwareFeatureRevised Revise(
        HardwareFeature state,
        string? description,
        string protectsAgainst,
        IReadOnlyList<string>? governingSymbols,
        IReadOnlyDictionary<string, string>? availability,
        string? reason)
    {
        var revised = new HardwareFeatureRevised(
            state.Id,
            state.Revision + 1,
            description?.Trim() ?? "",
            Require.NotBlank(protectsAgainst, nameof(protectsAgainst)),
            NormalizeSymbols(governingSymbols),
            CheckAvailability(availability),
            Require.Text(reason, "reason for the revision"));
        Require.Rule(Changes(state, revised), $"Revision of '{state.Id}' changes nothing.");
        return revised;
    }

    /// <summary>
    /// Only a change of governing symbols makes linked decisions suspect: their rationale argued
    /// about those symbols. A new description or availability entry does not invalidate it.
    /// </summary>
    public static bool GoverningSymbolsChanged(HardwareFeature state, HardwareFeatureRevised e) =>
        !state.GoverningSymbols.SequenceEqual(e.GoverningSymbols, StringComparer.Ordinal);

    private static bool Changes(HardwareFeature state, HardwareFeatureRevised e) =>
        GoverningSymbolsChanged(state, e)
        || state.Description != e.Description
        || state.ProtectsAgainst != e.ProtectsAgainst
        || !SameAvailability(state.Availability, e.Availability);

    private static bool SameAvailability(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static IReadOnlyList<string> NormalizeSymbols(IReadOnlyList<string>? symbols) =>
        Require.SortedSet(Require.List(symbols).Select(s => KconfigSymbol.Normalize(s)
            ?? throw new ArgumentException($"'{s}' is not a Kconfig symbol.", nameof(symbols))));

    /// <summary>Sorted by platform id so the stored JSON does not depend on the caller's order.</summary>
    private static SortedDictionary<string, string> CheckAvailability(IReadOnlyDictionary<string, string>? availability)
    {
        var checkedAvailability = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (platform, value) in availability ?? new Dictionary<string, string>())
        {
            Ids.RequireSlug(platform, nameof(availability));
            if (!Availability.IsValid(value))
            {
                throw new ArgumentException($"Availability on '{platform}' must be available, unavailable or unknown.", nameof(availability));
            }
            checkedAvailability[platform] = value;
        }
        return checkedAvailability;
    }
}
