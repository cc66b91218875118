using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// The part of events.jsonl the files check folds, picked as the lines stream by: the events of the baseline and
/// its decisions, of assumptions, hardware features and requirements (which of those the decisions link is known
/// only at the end), of platforms and Kconfig catalogs (which catalog report.html groups by is known only at the end;
/// the export carries one in full, the rest as stream names), and the last event (the export's position and head).
/// Everything else is checked and dropped.
/// A baseline or decision event without its payload is recorded at once (the files would agree with a history that lacks
/// it), as is a line not in the form the service writes: both are the files check's failures.
/// </summary>
internal sealed class ExportSelection(string? baseline)
{
    private static readonly string[] ReferencePrefixes = ["aou/", "feature/", "requirement/", "platform/", "catalog/"];
    private readonly string? _own = baseline is null ? null : Domain.Baselines.Baseline.StreamId(baseline);
    private readonly string? _decisions = baseline is null ? null : MatrixHistory.DecisionPrefix(baseline);

    public List<AuditEvent> Events { get; } = [];

    public AuditEvent? Last { get; private set; }

    /// <summary>What the lines showed that the files check reports: missing payloads, lines not in the service's form.</summary>
    public CheckFailures FileProblems { get; } = new(ExportVerifier.Files);

    /// <summary>Every event the export carries with <see cref="Last"/> at the end: what the dossier is folded from.</summary>
    public IReadOnlyList<AuditEvent> ForDossier() =>
        Last is null || (Events.Count > 0 && ReferenceEquals(Events[^1], Last)) ? Events : [.. Events, Last];

    public void Add(AuditEvent e)
    {
        Last = e;
        if (_own is null) return;
        var baselineOwn = e.StreamId == _own || e.StreamId.StartsWith(_decisions!, StringComparison.Ordinal);
        if (baselineOwn && e.Payload is null)
        {
            FileProblems.Add(ExportFiles.Events, e.Position, "data", "the event's payload", null,
                $"events.jsonl position {e.Position} ({e.StreamId} v{e.Version}, {e.Type}) belongs to what the export is about, but carries no payload.");
            return;
        }
        if (baselineOwn || ReferencePrefixes.Any(p => e.StreamId.StartsWith(p, StringComparison.Ordinal))) Events.Add(e);
    }
}
