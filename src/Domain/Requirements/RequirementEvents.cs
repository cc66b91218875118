namespace Traceability.Domain.Requirements;

/// <summary>ExternalId is the id in the group's requirements tool (a DOORS export), if any.</summary>
public sealed record RequirementRecorded(string Id, string? ExternalId, string Title, string Text, string Kind);

public sealed record RequirementRevised(string Id, int Revision, string? ExternalId, string Title, string Text, string Reason);
