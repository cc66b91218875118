namespace Traceability.Domain.Assumptions;

public sealed record AssumptionDrafted(string Id, string Category, string Text);

public sealed record AssumptionRevised(string Id, int Revision, string Category, string Text, string Reason);

public sealed record AssumptionAccepted(string Id, int Revision);

public sealed record AssumptionRetired(string Id, string Reason);
