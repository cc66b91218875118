using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Traces;

/// <summary>The feature as the trace names it; governing symbols shown with CONFIG_.</summary>
public sealed record TracedFeature(
    string Id, string Name, string Architecture, string ProtectsAgainst, IReadOnlyList<string> GoverningSymbols, int Revision);

/// <summary>The decision on a governing symbol; Flags on the enclosing symbol are the matrix row's.</summary>
public sealed record GoverningDecision(string? Value, string Status, int? Revision, bool Suspect);

/// <summary>
/// One governing symbol in one baseline. ConfigValue is null when the symbol is not in the baseline's .config.
/// Undecided is true when no decision documents it (none, or only a withdrawn one, which is still shown).
/// </summary>
public sealed record GoverningSymbol(string Symbol, string? ConfigValue, bool Undecided, GoverningDecision? Decision, IReadOnlyList<string> Flags)
{
    public static GoverningSymbol From(string symbol, MatrixRow? row) => new(
        KconfigSymbol.Display(symbol), row?.ConfigValue, row is not { HasDecision: true },
        row?.Status is { } status ? new GoverningDecision(row.DecidedValue, status, row.Revision, row.IsSuspect) : null,
        row?.Flags ?? []);
}

/// <summary>
/// The feature on one baseline. Availability: available | unavailable | unknown from the feature's table,
/// or "not listed" when the feature says nothing about the baseline's platform. Symbols is null when no
/// symbol governs the feature (see <see cref="FeatureTraceResponse.NoGoverningSymbol"/>), never an empty list.
/// </summary>
public sealed record FeatureOnBaseline(
    string Baseline, string Platform, string? PlatformArchitecture, string KernelVersion, string Availability,
    IReadOnlyList<GoverningSymbol>? Symbols);

public sealed record FeatureTraceResponse(
    TracedFeature Feature,
    bool NoGoverningSymbol,
    string? Note,
    IReadOnlyList<FeatureOnBaseline> Baselines,
    int LinkingDecisionCount,
    IReadOnlyList<DecisionsInBaseline> LinkingDecisions)
{
    public const string NotListed = "not listed";

    public const string NoSymbolNote =
        "No configuration symbol governs this feature: the kernel uses it whenever the CPU implements it, so it cannot be switched off in the .config.";
}
