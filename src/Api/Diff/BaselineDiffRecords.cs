using Traceability.Projections.Matrix;

namespace Traceability.Api.Diff;

/// <summary>One side of a diff: which import of which baseline. KernelVersion is the .config header's, else the baseline's.</summary>
public sealed record DiffSide(string Baseline, int Revision, string Sha256, string? KernelVersion);

/// <summary>A decision on a symbol the diff touches, as the matrix holds it now (whatever revisions are compared).</summary>
public sealed record DiffDecision(string Baseline, string? Value, string Status, int? Revision, bool Suspect, IReadOnlyList<string> Flags)
{
    public static DiffDecision From(MatrixRow row) =>
        new(row.Baseline, row.DecidedValue, row.Status!, row.Revision, row.IsSuspect, row.Flags);
}

/// <summary>Symbol is shown with CONFIG_; From is null when added, To when removed.</summary>
public sealed record DiffItem(string Symbol, string? From, string? To, IReadOnlyList<DiffDecision> Decisions);

public sealed record DiffGroup(int Count, IReadOnlyList<DiffItem> Items);

public sealed record BaselineDiffResponse(DiffSide From, DiffSide To, DiffGroup Added, DiffGroup Removed, DiffGroup Changed);
