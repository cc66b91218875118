namespace Traceability.Projections.Matrix;

/// <summary>
/// One symbol of one baseline: its config value, the decision on it and the flags an assessor reads.
/// Status is null when there is no decision; absent config value means the symbol is not in the .config.
/// The config side and the decision side each remember their last change: imports write only the one,
/// decision events only the other, so concurrent writers never overwrite each other's half.
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
    RowChange? ConfigChange,
    RowChange? DecisionChange)
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

    /// <summary>The later of the two sides' last changes (by event time; the decision side on a tie).</summary>
    public RowChange? LastChange =>
        DecisionChange is { } d && (ConfigChange is null || d.Time >= ConfigChange.Time) ? d : ConfigChange;

    public IReadOnlyList<string> Flags =>
    [
        .. Undocumented ? new[] { MatrixFlags.Undocumented } : [],
        .. Deviation ? new[] { MatrixFlags.Deviation } : [],
        .. Unapproved ? new[] { MatrixFlags.Unapproved } : [],
        .. IsSuspect ? new[] { MatrixFlags.Suspect } : [],
        .. SymbolMissing ? new[] { MatrixFlags.SymbolMissing } : [],
    ];

    public static MatrixRow Empty(string baseline, string symbol) =>
        new(baseline, symbol, null, null, null, null, null, [], [], [], 0, false, null, null);
}

/// <summary>Who changed a side of a row, when, by which event, and that event's chain position (null until sealed).</summary>
public sealed record RowChange(string Actor, DateTimeOffset Time, Guid EventId, long? Position);

public static class MatrixFlags
{
    public const string Undocumented = "undocumented";
    public const string Deviation = "deviation";
    public const string Unapproved = "unapproved";
    public const string Suspect = "suspect";
    public const string SymbolMissing = "symbol-missing";

    public static readonly IReadOnlyList<string> All = [Undocumented, Deviation, Unapproved, Suspect, SymbolMissing];
}
