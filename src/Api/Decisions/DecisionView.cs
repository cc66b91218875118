using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

/// <summary>
/// LeftCatalog: a derive found the symbol gone from the new kernel's catalog (details on the decision itself).
/// ProposedBy: the key that proposed the current revision; ProposedByOwner: the person it belongs to, so a review queue
/// can leave out a reviewer's own proposals (four-eyes compares persons).
/// </summary>
public sealed record DecisionSummary(
    string Symbol, string Value, DecisionStatus Status, int Revision, bool Suspect, bool SymbolMissing, bool LeftCatalog, long Version,
    string ProposedBy, string ProposedByOwner);

/// <summary>The symbol was in catalog From ("6.1.192/arm64") and is not in To; Suggestions are possible new names, best first.</summary>
public sealed record LeftCatalogView(string From, string To, IReadOnlyList<RenameSuggestion> Suggestions);

public sealed record Approval(int Revision, string ApprovedBy, string Meaning, DateTimeOffset Time);

public sealed record EvidenceRecord(
    string Id, string Kind, string Reference, string Outcome, string Summary, string AttachedBy, DateTimeOffset Time);

/// <summary>One step of the decision's life exactly as the log holds it: who, when, why and what; Position is null for a moment after the write, until the chain seals it.</summary>
public sealed record HistoryEntry(
    long? Position, long Version, string Type, string Actor, string? Role, DateTimeOffset Time, string? Reason, object Data);

public sealed record DecisionDetail(
    string Baseline,
    string Symbol,
    string Value,
    string Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    DecisionStatus Status,
    int Revision,
    bool Suspect,
    bool SymbolMissing,
    LeftCatalogView? LeftCatalog,
    string ProposedBy,
    string ProposedByOwner,
    string? ApprovedBy,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyList<EvidenceRecord> Evidence,
    long Version,
    IReadOnlyList<HistoryEntry> History)
{
    /// <summary>
    /// Propose, revise and GET: what the decision conflicts with among the other active decisions now
    /// (see DependencyWarnings), computed live, so it is not part of the versioned decision the ETag
    /// names; other writes leave it out (they do not change the value).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>Propose, revise and GET: the catalog the symbol and warnings were checked against ("6.12.117/arm64"), or "none".</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Catalog { get; init; }

    public DecisionDetail With(CatalogChecks checks) => this with { Warnings = checks.Warnings, Catalog = checks.Catalog };
}

/// <summary>Folds a decision stream into the views above; the state itself always comes from Decision.Evolve.</summary>
internal static class DecisionView
{
    public static Decision? Fold(IEnumerable<RecordedEvent> events) =>
        events.Aggregate((Decision?)null, (state, e) => Decision.Evolve(state, e.Data, e.Metadata.Actor));

    /// <summary>owners: the person behind a key name (ApiKeyStore.OwnersAsync).</summary>
    public static DecisionSummary Summary(Decision d, long version, Func<string, string> owners) =>
        new(d.Symbol, d.Value, d.Status, d.Revision, d.Suspect, d.SymbolMissing, d.LeftCatalog is not null, version, d.ProposedBy, owners(d.ProposedBy));

    public static DecisionDetail Detail(Decision d, IReadOnlyList<RecordedEvent> events, Func<string, string> owners)
    {
        var approvals = events.Where(e => e.Data is DecisionApproved)
            .Select(e => (Event: (DecisionApproved)e.Data, Recorded: e))
            .Select(x => new Approval(x.Event.Revision, x.Recorded.Metadata.Actor, x.Event.Meaning, x.Recorded.Timestamp))
            .ToList();
        var evidence = events.Where(e => e.Data is EvidenceAttached)
            .Select(e => (Event: (EvidenceAttached)e.Data, Recorded: e))
            .Select(x => new EvidenceRecord(x.Event.EvidenceId, x.Event.Kind, x.Event.Reference, x.Event.Outcome,
                x.Event.Summary, x.Recorded.Metadata.Actor, x.Recorded.Timestamp))
            .ToList();
        var history = events.Select(e => new HistoryEntry(
            e.Position, e.Version, e.Type, e.Metadata.Actor, e.Metadata.Role, e.Timestamp, e.Metadata.Reason, e.Data)).ToList();
        return new DecisionDetail(d.Baseline, d.Symbol, d.Value, d.Rationale, d.Assumptions, d.Features, d.Requirements,
            d.Status, d.Revision, d.Suspect, d.SymbolMissing, LeftCatalog(d), d.ProposedBy, owners(d.ProposedBy), d.ApprovedBy, approvals, evidence,
            events.Count == 0 ? 0 : events[^1].Version, history);
    }

    private static LeftCatalogView? LeftCatalog(Decision d) =>
        d.LeftCatalog is { } left ? new LeftCatalogView(left.FromCatalog, left.ToCatalog, left.Suggestions) : null;
}
