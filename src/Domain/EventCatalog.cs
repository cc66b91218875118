using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Platforms;
using Traceability.Domain.Requirements;

namespace Traceability.Domain;

/// <summary>
/// The one table of stored event names. Stored names never change: renaming a CLR type must not
/// orphan history, and a reshaped event gets a new alias (..._v2) plus an upcaster.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<(string Alias, Type Type)> All { get; } =
    [
        ("platform_registered", typeof(PlatformRegistered)),
        ("hardware_feature_registered", typeof(HardwareFeatureRegistered)),
        ("hardware_feature_revised", typeof(HardwareFeatureRevised)),
        ("assumption_drafted", typeof(AssumptionDrafted)),
        ("assumption_revised", typeof(AssumptionRevised)),
        ("assumption_accepted", typeof(AssumptionAccepted)),
        ("assumption_retired", typeof(AssumptionRetired)),
        ("requirement_recorded", typeof(RequirementRecorded)),
        ("requirement_revised", typeof(RequirementRevised)),
        ("baseline_created", typeof(BaselineCreated)),
        ("config_imported", typeof(ConfigImported)),
        ("baseline_frozen", typeof(BaselineFrozen)),
        ("decision_proposed", typeof(DecisionProposed)),
        ("decision_revised", typeof(DecisionRevised)),
        ("decision_approved", typeof(DecisionApproved)),
        ("decision_rejected", typeof(DecisionRejected)),
        ("decision_marked_suspect", typeof(DecisionMarkedSuspect)),
        ("decision_reconfirmed", typeof(DecisionReconfirmed)),
        ("decision_withdrawn", typeof(DecisionWithdrawn)),
        ("evidence_attached", typeof(EvidenceAttached)),
        ("decision_carried_forward", typeof(DecisionCarriedForward)),
        ("decision_symbol_missing", typeof(DecisionSymbolMissing)),
        ("decision_symbol_left_catalog", typeof(DecisionSymbolLeftCatalog)),
        ("catalog_built", typeof(CatalogBuilt)),
        ("catalog_symbols_recorded", typeof(CatalogSymbolsRecorded)),
    ];

    private static readonly Dictionary<string, Type> ByAlias = All.ToDictionary(e => e.Alias, e => e.Type);
    private static readonly Dictionary<Type, string> ByType = All.ToDictionary(e => e.Type, e => e.Alias);

    public static string AliasOf(Type eventType) =>
        ByType.TryGetValue(eventType, out var alias)
            ? alias
            : throw new ArgumentException($"{eventType.Name} is not in the event catalog.", nameof(eventType));

    /// <summary>Null for an alias this build does not know (e.g. written by a newer version).</summary>
    public static Type? TypeOf(string alias) => ByAlias.GetValueOrDefault(alias);
}
