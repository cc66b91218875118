namespace Traceability.Projections.Matrix;

/// <summary>
/// One symbol of one baseline: its config value, the decision on it and the flags an assessor reads.
/// Status is null when there is no decision; absent config value means the symbol is not in the .config.
/// </summary>
public sealed record MatrixRow(
    string Baseline,
    string Symbol,
    string? ConfigValue,
    string? DecidedValue,
    string? Status,
    int? Revision,
    string? Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    int EvidenceCount,
    bool Suspect,
    string? LastActor,
    DateTimeOffset? LastTime,
    long LastSeq)
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    /// <summary>A decision that still counts: a withdrawn one documents nothing.</summary>
    public bool HasDecision => Status is not null and not Withdrawn;

    /// <summary>Built in (y or m) and nobody wrote down why.</summary>
    public bool Undocumented => ConfigValue is "y" or "m" && !HasDecision;

    /// <summary>The .config says something other than the approved decision.</summary>
    public bool Deviation => Status == Approved && ConfigValue is not null && ConfigValue != DecidedValue;

    public bool Unapproved => Status is Proposed or Rejected;

    /// <summary>Decided on, but the symbol is not in this baseline's .config (renamed or removed).</summary>
    public bool SymbolMissing => HasDecision && ConfigValue is null;

    public bool IsSuspect => HasDecision && Suspect;

    /// <summary>No config value and no decision: the row leaves the matrix.</summary>
    public bool IsEmpty => ConfigValue is null && Status is null;

    public IReadOnlyList<string> Flags =>
    [
        .. Undocumented ? new[] { MatrixFlags.Undocumented } : [],
        .. Deviation ? new[] { MatrixFlags.Deviation } : [],
        .. Unapproved ? new[] { MatrixFlags.Unapproved } : [],
        .. IsSuspect ? new[] { MatrixFlags.Suspect } : [],
        .. SymbolMissing ? new[] { MatrixFlags.SymbolMissing } : [],
    ];

    public static MatrixRow Empty(string baseline, string symbol) =>
        new(baseline, symbol, null, null, null, null, null, [], [], [], 0, false, null, null, 0);
}

public static class MatrixFlags
{
    public const string Undocumented = "undocumented";
    public const string Deviation = "deviation";
    public const string Unapproved = "unapproved";
    public const string Suspect = "suspect";
    public const string SymbolMissing = "symbol-missing";

    public static readonly IReadOnlyList<string> All = [Undocumented, Deviation, Unapproved, Suspect, SymbolMissing];
}
