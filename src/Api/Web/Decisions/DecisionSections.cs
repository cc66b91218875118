using Traceability.Api.Assumptions;
using Traceability.Api.Decisions;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Requirements;

namespace Traceability.Api.Web.Decisions;

/// <summary>The decision page's read-only sections: the decision, what the catalog says, what it rests on, and its evidence.</summary>
public static class DecisionSections
{
    public static Html Summary(DecisionData data)
    {
        var d = data.Decision;
        var row = data.Row;
        var cause = DecisionTimeline.SuspectCause(d);
        var (proposedBy, approvedBy) = data.History is null ? (d.ProposedBy, d.ApprovedBy) : DecisionTimeline.PeopleAt(d.History, data.Position);
        return Html.Of($"""
            <dl class="facts">
            <div><dt>Decided value</dt><dd><code>{row?.DecidedValue ?? d.Value}</code></dd></div>
            <div><dt>Config value</dt><dd>{Widgets.Value(row?.ConfigValue)}</dd></div>
            <div><dt>Status</dt><dd>{Widgets.Status(row?.Status ?? d.Status.ToString().ToLowerInvariant())} <small>revision {row?.Revision ?? d.Revision}</small></dd></div>
            <div><dt>Flags</dt><dd>{Widgets.Flags(row?.Flags ?? [])}{(row is null || row.Flags.Count == 0 ? Html.Of($"<span class=\"muted\">none</span>") : Html.Empty)}</dd></div>
            <div><dt>Proposed by</dt><dd>{proposedBy ?? "—"}</dd></div>
            <div><dt>Approved by</dt><dd>{approvedBy ?? "—"}</dd></div>
            </dl>
            {(cause is null || data.History is not null ? Html.Empty : Html.Of($"<p class=\"suspect-cause\" role=\"note\"><strong>Suspect</strong> because {cause}. An assessor reconfirms it, or an engineer revises it.</p>"))}
            <h2>Rationale</h2>
            <p class="rationale">{row?.Rationale ?? d.Rationale}</p>
            {Warnings(d)}
            {LeftCatalog(d.LeftCatalog)}
            """);
    }

    public static Html Catalog(DecisionData data) => data.Catalog is not { } s
        ? Html.Of($"""<section><h2>Kconfig catalog</h2><p class="muted">{(data.CatalogNote.Length == 0 ? "No catalog entry." : data.CatalogNote)}</p></section>""")
        : Html.Of($"""
            <section><h2>Kconfig catalog</h2>
            <dl class="facts">
            <div><dt>Type</dt><dd>{s.Type ?? "—"}</dd></div>
            <div><dt>Prompt</dt><dd>{s.Prompt ?? "—"}</dd></div>
            <div><dt>Defined at</dt><dd>{string.Join(", ", s.Sites)}</dd></div>
            <div><dt>Depends on</dt><dd>{(s.DependsOn.Count == 0 ? "—" : string.Join(" && ", s.DependsOn))}</dd></div>
            <div><dt>Selects</dt><dd>{(s.Selects.Count == 0 ? "—" : string.Join(", ", s.Selects))}</dd></div>
            </dl>
            {(s.Help is null ? Html.Empty : Html.Of($"<p class=\"help-text\">{s.Help}</p>"))}
            </section>
            """);

    public static Html Links(DecisionData data) => Html.Of($"""
        <section><h2>What it rests on</h2>
        {(data.History is null ? Html.Empty : Html.Of($"<p class=\"muted\">The assumptions, features and requirements as they are now; their own pages show their history.</p>"))}
        <h3>Assumptions of use</h3>{Widgets.List(data.Assumptions.Select(Assumption))}
        <h3>Hardware features</h3>{Widgets.List(data.Features.Select(Feature))}
        <h3>Requirements</h3>{Widgets.List(data.Requirements.Select(Requirement))}
        </section>
        """);

    public static Html Evidence(DecisionDetail d) => d.Evidence.Count == 0
        ? Html.Of($"<section><h2>Evidence</h2><p class=\"muted\">No evidence attached.</p></section>")
        : Html.Of($"""
            <section><h2>Evidence</h2><table>
            <thead><tr><th scope="col">Id</th><th scope="col">Kind</th><th scope="col">Reference</th><th scope="col">Outcome</th><th scope="col">Summary</th><th scope="col">Attached</th></tr></thead>
            <tbody>{d.Evidence.Select(e => Html.Of($"<tr><td>{e.Id}</td><td>{e.Kind}</td><td>{e.Reference}</td><td><span class=\"badge outcome-{e.Outcome}\">{e.Outcome}</span></td><td>{e.Summary}</td><td>{e.AttachedBy}<br>{Widgets.Time(e.Time)}</td></tr>"))}</tbody>
            </table></section>
            """);

    private static Html Assumption(AssumptionView a) => Html.Of(
        $"""<a href="{Href.To("assumptions", a.Id)}">{a.Id}</a> {Widgets.Status(a.Status.ToString().ToLowerInvariant())} <span class="muted">r{a.Revision}</span> {a.Text}""");

    private static Html Feature(HardwareFeatureView f) => Html.Of(
        $"""<a href="{Href.To("features", f.Id)}">{f.Id}</a> {f.Name}: protects against {f.ProtectsAgainst}""");

    private static Html Requirement(RequirementView r) => Html.Of(
        $"""<a href="{Href.To("requirements", r.Id)}">{r.Id}</a> {r.ExternalId} <strong>{r.Title}</strong>: {r.Text}""");

    private static Html Warnings(DecisionDetail d) => d.Warnings is not { Count: > 0 } warnings ? Html.Empty : Html.Of($"""
        <div class="warnings" role="note"><h2>Dependency warnings</h2><ul>{warnings.Select(w => Html.Of($"<li>{w}</li>"))}</ul></div>
        """);

    private static Html LeftCatalog(LeftCatalogView? left) => left is null ? Html.Empty : Html.Of($"""
        <div class="warnings" role="note"><h2>The symbol left the Kconfig catalog</h2>
        <p>It is in {left.From} but not in {left.To}. Possible new names:</p>
        {Widgets.List(left.Suggestions.Select(s => Html.Of($"<code>{Widgets.Display(s.Symbol)}</code> ({s.Evidence})")))}</div>
        """);
}
