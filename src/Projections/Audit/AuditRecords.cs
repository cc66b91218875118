using System.Text.Json;

namespace Traceability.Projections.Audit;

/// <summary>One event in a history: when, who (and in which role), why, and what it said.</summary>
public sealed record HistoryEntry(
    long Position, long Version, string Type, string Time, string Actor, string? Role, string? Reason, string? CorrelationId, JsonElement Data)
{
    public static HistoryEntry From(AuditEvent e)
    {
        var recorded = e.ToRecorded();
        return new HistoryEntry(e.Position, e.Version, e.Type, AuditEventLine.Time(recorded.Timestamp), recorded.Metadata.Actor,
            recorded.Metadata.Role, recorded.Metadata.Reason, recorded.Metadata.CorrelationId, AuditJson.Element(e.Payload!.Data));
    }
}

public sealed record BaselineFacts(
    string Id, string Platform, string KernelVersion, string Variant, string? DerivedFrom, bool Frozen,
    int ConfigRevision, string? ConfigSha256);

/// <summary>A decision as of the export's position, with every event of its stream up to then.</summary>
public sealed record DecisionRecord(
    string Symbol, string StreamId, string Status, int Revision, string Value, string Rationale,
    IReadOnlyList<string> Assumptions, IReadOnlyList<string> Features, IReadOnlyList<string> Requirements,
    bool Suspect, bool SymbolMissing, string ProposedBy, string? ApprovedBy, int EvidenceCount,
    IReadOnlyList<HistoryEntry> History);

/// <summary>An assumption, hardware feature or requirement a decision links: its state then and its revisions.</summary>
public sealed record ReferenceRecord(string Id, string StreamId, JsonElement? Current, IReadOnlyList<HistoryEntry> History);

public sealed record EvidenceRecord(
    string Symbol, string EvidenceId, string Kind, string Reference, string Outcome, string Summary,
    string AttachedBy, string? Role, string Time, long Position);

/// <summary>An approval as a signature: who signed, in which role, when, and what the signature asserts.</summary>
public sealed record Signature(string Symbol, int Revision, string Name, string? Role, string Time, string Meaning, long Position);
