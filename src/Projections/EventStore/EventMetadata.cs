namespace Traceability.Projections.Events;

/// <summary>Who did it and why; stored with every event (ARCHITECTURE.md), never inside the event record.</summary>
public sealed record EventMetadata(
    string Actor,
    string? Role = null,
    string? Reason = null,
    string? CorrelationId = null,
    string? CausationId = null);
