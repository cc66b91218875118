using System.Text;
using System.Text.RegularExpressions;
using Traceability.Domain.Decisions;

namespace Traceability.Projections.Audit;

/// <summary>
/// Why decisions are suspect (the revision that caused it, who made it, when and why), every evidence record
/// with its outcome (fail and inconclusive as well as pass), and every reconfirmation with its reason: what an
/// assessor reads before trusting an approval (issue 12, item 7).
/// </summary>
public static partial class AuditReport
{
    private static void SuspectCauses(StringBuilder html, AuditDossier d)
    {
        var suspect = d.Decisions.Where(x => x.Suspect)
            .Select(x => (Decision: x, Marked: x.History.LastOrDefault(h => h.Type == "decision_marked_suspect"))).ToList();
        html.Append("<h3>Suspect: a linked assumption, feature or requirement changed since: ").Append(N(suspect.Count)).Append("</h3>\n");
        if (suspect.Count == 0) return;
        html.Append("<table class=\"suspect\">\n<colgroup><col style=\"width:30%\"><col style=\"width:14%\"><col style=\"width:30%\"><col style=\"width:26%\"></colgroup>\n")
            .Append("<thead><tr><th>symbol</th><th>status</th><th>marked suspect</th><th>cause</th></tr></thead>\n<tbody>\n");
        foreach (var (decision, marked) in suspect)
        {
            html.Append("<tr><td class=\"mono\">").Append(E(decision.Symbol)).Append("</td><td>").Append(E(decision.Status)).Append(" r")
                .Append(N(decision.Revision)).Append(" = <code>").Append(E(decision.Value)).Append("</code></td><td>")
                .Append(marked is null ? "" : Who(marked)).Append("</td><td>").Append(E(Cause(marked))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n<h3>The changes that made them suspect</h3>\n")
            .Append("<table class=\"causes\">\n<colgroup><col style=\"width:22%\"><col style=\"width:22%\"><col style=\"width:56%\"></colgroup>\n")
            .Append("<thead><tr><th>cause</th><th>made</th><th>reason and what it says now</th></tr></thead>\n<tbody>\n");
        foreach (var cause in suspect.Select(x => Cause(x.Marked)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(E(cause)).Append("<br><span class=\"muted\">").Append(N(suspect.Count(x => Cause(x.Marked) == cause)))
                .Append(" suspect here</span></td>").Append(CauseChange(d, cause)).Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Cause(HistoryEntry? marked) => marked is null ? "" : Text(marked.Data, "cause");

    /// <summary>The revision or retirement a cause names (<see cref="SuspectCause"/>), found in the references the export carries: two cells.</summary>
    private static string CauseChange(AuditDossier d, string cause)
    {
        var match = CauseWords().Match(cause);
        if (!match.Success) return "<td colspan=\"2\" class=\"muted\">not a revision of a linked record</td>";
        var stream = match.Groups["stream"].Value;
        var record = d.Assumptions.Concat(d.Features).Concat(d.Requirements).FirstOrDefault(r => r.StreamId == stream);
        var change = record?.History.LastOrDefault(h => match.Groups["revision"].Success
            ? h.Type.EndsWith("_revised", StringComparison.Ordinal) && h.Data.TryGetProperty("revision", out var r) && r.ToString() == match.Groups["revision"].Value
            : h.Type.EndsWith("_retired", StringComparison.Ordinal));
        if (change is null) return "<td colspan=\"2\" class=\"muted\">not in the export</td>";
        var now = Text(change.Data, "text");
        return $"<td>{E(change.Type)} {Who(change)}</td><td>reason: <em>{E(Why(change))}</em>"
            + (now.Length == 0 ? "" : $"<br>now reads: {E(now)}") + "</td>";
    }

    private static void Evidence(StringBuilder html, AuditDossier d)
    {
        var outcomes = string.Join(", ", d.Evidence.GroupBy(e => e.Outcome, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {N(g.Count())}"));
        html.Append("<h2 class=\"section\">Evidence and reviews</h2>\n<h3>Evidence: ").Append(N(d.Evidence.Count))
            .Append(outcomes.Length == 0 ? "" : $" ({E(outcomes)})").Append("</h3>\n");
        if (d.Evidence.Count > 0)
        {
            html.Append("<table class=\"evidence\">\n<colgroup><col style=\"width:21%\"><col style=\"width:9%\"><col style=\"width:12%\"><col style=\"width:20%\"><col style=\"width:22%\"><col style=\"width:16%\"></colgroup>\n<thead><tr><th>symbol</th><th>evidence</th><th>outcome</th><th>reference</th><th>summary</th><th>attached</th></tr></thead>\n<tbody>\n");
            foreach (var e in d.Evidence)
            {
                html.Append("<tr><td class=\"mono\">").Append(E(e.Symbol)).Append("</td><td>").Append(E(e.EvidenceId)).Append(' ').Append(E(e.Kind))
                    .Append("</td><td>").Append(Outcome(e.Outcome)).Append("</td><td>").Append(E(e.Reference)).Append("</td><td>").Append(E(e.Summary))
                    .Append("</td><td>").Append(E(e.AttachedBy)).Append(e.Role is null ? "" : $" ({E(e.Role)})").Append(", ").Append(E(e.Time))
                    .Append(", position ").Append(N(e.Position)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        Reconfirmations(html, d);
    }

    private static string Outcome(string outcome) => outcome switch
    {
        EvidenceOutcomes.Pass => "<span class=\"ok\">pass</span>",
        _ => $"<span class=\"bad\">{E(outcome)}</span>",
    };

    private static void Reconfirmations(StringBuilder html, AuditDossier d)
    {
        var rows = d.Decisions.SelectMany(x => x.History.Select((h, i) => (Decision: x, Entry: h, Index: i)))
            .Where(r => r.Entry.Type == "decision_reconfirmed").ToList();
        html.Append("<h3>Reconfirmations of suspect decisions: ").Append(N(rows.Count)).Append("</h3>\n");
        if (rows.Count == 0) return;
        html.Append("<table class=\"reconfirmed\">\n<thead><tr><th>symbol</th><th>reconfirmed</th><th>reason</th><th>the suspicion it cleared</th></tr></thead>\n<tbody>\n");
        foreach (var (decision, entry, index) in rows)
        {
            var cleared = decision.History.Take(index).LastOrDefault(h => h.Type == "decision_marked_suspect");
            html.Append("<tr><td class=\"mono\">").Append(E(decision.Symbol)).Append("</td><td>r").Append(N(Number(entry.Data, "revision"))).Append(' ')
                .Append(Who(entry)).Append("</td><td><em>").Append(E(Why(entry))).Append("</em></td><td>")
                .Append(cleared is null ? "" : $"{E(Text(cleared.Data, "cause"))} (position {N(cleared.Position)})").Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>The reason the event records, else the one its metadata carries.</summary>
    private static string Why(HistoryEntry h) => Text(h.Data, "reason") is { Length: > 0 } reason ? reason : h.Reason ?? "";

    private static string Who(HistoryEntry h) =>
        $"by {E(h.Actor)}{(h.Role is null ? "" : $" ({E(h.Role)})")}, {E(h.Time)}, position {N(h.Position)}";

    [GeneratedRegex(@"^(?<stream>(aou|feature|requirement)/\S+) (revised \(r(?<revision>[0-9]+)\)|retired)$")]
    private static partial Regex CauseWords();
}
