using System.Text.Json;
using Traceability.Api.Decisions;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// The decision's whole history as a timeline: what happened, who (and in which role), when, and why.
/// In history mode the steps after the moment shown are marked as later, not hidden: the assessor sees both.
/// </summary>
public static class DecisionTimeline
{
    public static Html Render(IReadOnlyList<HistoryEntry> history, long? shownSeq) => Html.Of($"""
        <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ol class="timeline">{history.Select(e => Entry(e, shownSeq is { } seq && (e.Position ?? long.MaxValue) > seq))}</ol>
        </section>
        """);

    private static Html Entry(HistoryEntry e, bool later) => Html.Of($"""
        <li class="{(later ? "later" : "")}"><p><strong>{What(e)}</strong>{(later ? Html.Of($" <span class=\"badge later\">after this moment</span>") : Html.Empty)}</p>
        <p class="meta">{e.Actor}{(e.Role is null ? "" : $" ({e.Role})")} · {Widgets.Time(e.Time)} · {(e.Position is { } position ? $"event #{position}" : "event not yet sealed")}, version {e.Version}</p>
        {(e.Reason is null ? Html.Empty : Html.Of($"<p class=\"why\">Why: {e.Reason}</p>"))}</li>
        """);

    /// <summary>The step in words, from the stored event's type and fields (camelCase, as the API serves them).</summary>
    public static string What(HistoryEntry e)
    {
        var data = e.Data is JsonElement { ValueKind: JsonValueKind.Object } element ? element : default;
        string Field(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) ? v.ToString() : "";
        return e.Type switch
        {
            "decision_proposed" => $"Proposed {Field("value")}",
            "decision_revised" => $"Revised to r{Field("revision")}: {Field("value")}",
            "decision_approved" => $"Approved r{Field("revision")}: {Field("meaning")}",
            "decision_rejected" => $"Rejected r{Field("revision")}",
            "decision_marked_suspect" => $"Marked suspect: {Field("cause")}",
            "decision_reconfirmed" => $"Reconfirmed r{Field("revision")}",
            "decision_withdrawn" => "Withdrawn",
            "evidence_attached" => $"Evidence {Field("evidenceId")} attached: {Field("kind")}, {Field("outcome")} ({Field("reference")})",
            "decision_carried_forward" => $"Carried forward from {Field("fromBaseline")} as {Field("status")}",
            "decision_symbol_missing" => "Flagged: the symbol is missing from the imported .config",
            "decision_symbol_left_catalog" => $"Flagged: the symbol left the Kconfig catalog ({Field("fromCatalog")} → {Field("toCatalog")})",
            _ => e.Type,
        };
    }

    /// <summary>
    /// Who had proposed the revision in force, and who had approved it, at event <paramref name="seq"/>: the
    /// decision page in history mode shows the people of that moment, not of today.
    /// </summary>
    public static (string? ProposedBy, string? ApprovedBy) PeopleAt(IReadOnlyList<HistoryEntry> history, long seq)
    {
        string? proposed = null, approved = null;
        foreach (var e in history.Where(e => e.Position <= seq))
        {
            var data = e.Data is JsonElement { ValueKind: JsonValueKind.Object } element ? element : default;
            (proposed, approved) = e.Type switch
            {
                "decision_proposed" or "decision_revised" => (e.Actor, null),
                "decision_approved" => (proposed, e.Actor),
                "decision_carried_forward" => (Text(data, "proposedBy"), Text(data, "approvedBy")),
                _ => (proposed, approved),
            };
        }
        return (proposed, approved);
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Why the decision is suspect: the cause recorded by the last suspect marking (e.g. "aou/AOU-0003 revised (r2)").</summary>
    public static string? SuspectCause(DecisionDetail decision)
    {
        if (!decision.Suspect) return null;
        var marked = decision.History.LastOrDefault(e => e.Type == "decision_marked_suspect");
        return marked?.Data is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("cause", out var cause) ? cause.GetString() : null;
    }
}
