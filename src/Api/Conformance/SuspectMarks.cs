using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Conformance;

/// <summary>The event that made a decision suspect: its cause, where it sits in the log, who changed what and why.</summary>
public sealed record SuspectMark(string Cause, long? Position, DateTimeOffset Time, string Actor, string? Reason)
{
    public static readonly SuspectMark Unknown = new("the decision's events record no cause", null, default, "", null);
}

/// <summary>
/// Reads why each suspect decision is suspect from its own stream (the matrix keeps only the flag).
/// Suspect decisions are few next to all decisions, so one stream each is cheaper than the baseline's whole history.
/// </summary>
public static class SuspectMarks
{
    public static async Task<IReadOnlyDictionary<string, SuspectMark>> LoadAsync(
        EventLog log, string baseline, IReadOnlyList<MatrixRow> rows, long asOfPosition, CancellationToken ct)
    {
        var marks = new Dictionary<string, SuspectMark>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.IsSuspect))
        {
            var events = await log.ReadStreamAsync(Decision.StreamId(baseline, row.Symbol), null, ct);
            marks[row.Symbol] = Last(events.Where(e => e.Position <= asOfPosition)) ?? SuspectMark.Unknown;
        }
        return marks;
    }

    /// <summary>
    /// The last mark: a decision already suspect is not marked again, and approval, reconfirmation and
    /// revision clear the flag, so the last mark is the one that made it suspect now.
    /// </summary>
    public static SuspectMark? Last(IEnumerable<RecordedEvent> events) =>
        events.LastOrDefault(e => e.Data is DecisionMarkedSuspect) is { Data: DecisionMarkedSuspect marked } e
            ? new SuspectMark(marked.Cause, e.Position, e.Timestamp, e.Metadata.Actor, e.Metadata.Reason)
            : null;
}
