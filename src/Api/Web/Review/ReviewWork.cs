using Traceability.Api.Decisions;
using Traceability.Api.Matrix;
using Traceability.Domain.Decisions;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Web.Review;

/// <summary>One decision needing someone: its matrix row (values, rationale, flags) and its version for If-Match.</summary>
public sealed record QueueItem(string Baseline, MatrixRowView Row, DecisionSummary Decision);

/// <summary>
/// What waits for whom, from a baseline's decisions and the matrix rows flagged unapproved, suspect or
/// deviation: proposals a second person may approve (never the reader's own: four-eyes), suspect decisions to
/// reconfirm, and deviations of the .config from approved decisions. <c>reader</c> is the signed-in person (the key's
/// owner), compared with each proposal's owner: another key of one's own does not make a second person. A pure function, so it is tested alone.
/// </summary>
public sealed record ReviewWork(
    IReadOnlyList<QueueItem> ToApprove, IReadOnlyList<QueueItem> ToReconfirm, IReadOnlyList<QueueItem> Deviations, int OwnWaiting)
{
    public static readonly IReadOnlyList<string> Flags = [MatrixFlags.Unapproved, MatrixFlags.Suspect, MatrixFlags.Deviation];

    public static ReviewWork Of(string reader, IEnumerable<(string Baseline, IReadOnlyList<DecisionSummary> Decisions, IReadOnlyList<MatrixRowView> Rows)> baselines)
    {
        var items = baselines.SelectMany(b =>
        {
            var decisions = b.Decisions.ToDictionary(d => d.Symbol, StringComparer.Ordinal);
            return b.Rows.Select(r => decisions.TryGetValue(Widgets.Bare(r.Symbol), out var d) ? new QueueItem(b.Baseline, r, d) : null).OfType<QueueItem>();
        }).ToList();
        var proposed = items.Where(i => i.Decision.Status == DecisionStatus.Proposed).ToList();
        return new ReviewWork(
            proposed.Where(i => i.Decision.ProposedByOwner != reader).ToList(),
            items.Where(i => i.Row.Flags.Contains(MatrixFlags.Suspect)).ToList(),
            items.Where(i => i.Row.Flags.Contains(MatrixFlags.Deviation)).ToList(),
            proposed.Count(i => i.Decision.ProposedByOwner == reader));
    }
}
