namespace Traceability.Domain.Decisions;

public static class EvidenceKinds
{
    public const string Test = "test";
    public const string Analysis = "analysis";
    public const string Review = "review";

    public static bool IsValid(string? kind) => kind is Test or Analysis or Review;
}

public static class EvidenceOutcomes
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Inconclusive = "inconclusive";

    public static bool IsValid(string? outcome) => outcome is Pass or Fail or Inconclusive;
}

/// <summary>The wording of DecisionMarkedSuspect.Cause, kept in one place so the matrix reads consistently.</summary>
public static class SuspectCause
{
    public static string Revised(string streamId, int revision) => $"{streamId} revised (r{revision})";

    public static string Retired(string streamId) => $"{streamId} retired";

    public static string CarriedForwardWhileSuspect(string fromBaseline) =>
        $"carried forward from baseline/{fromBaseline} while suspect";
}
