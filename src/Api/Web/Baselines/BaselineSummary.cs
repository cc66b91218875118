using Traceability.Api.Baselines;

namespace Traceability.Api.Web.Baselines;

/// <summary>A baseline's facts (platform, kernel, variant, origin, frozen, latest import) and the pages that work on it.</summary>
public static class BaselineSummary
{
    public static Html Render(BaselineView b) => Html.Of($"""
        <dl class="facts">
        <div><dt>Platform</dt><dd>{b.Platform}</dd></div>
        <div><dt>Kernel</dt><dd>{b.KernelVersion}</dd></div>
        <div><dt>Variant</dt><dd>{b.Variant}</dd></div>
        {(b.DerivedFrom is null ? Html.Empty : Html.Of($"<div><dt>Derived from</dt><dd><a href=\"{Href.To("baselines", b.DerivedFrom)}\">{b.DerivedFrom}</a></dd></div>"))}
        <div><dt>State</dt><dd>{(b.Frozen ? Html.Of($"<span class=\"badge frozen\">frozen</span> {b.FrozenReason}") : Html.Of($"<span class=\"badge open\">open</span>"))}</dd></div>
        <div><dt>.config</dt><dd>{Import(b.LatestImport)}</dd></div>
        </dl>
        <p class="actions">
        <a href="{Href.With(Href.To("baselines", b.Id), ("flag", "undocumented"))}">Undocumented built-in symbols</a>
        <a href="{Href.With("/check", ("baseline", b.Id))}">Check a .config against it</a>
        <a href="{Href.With("/audit", ("baseline", b.Id))}">Audit export</a>
        {(b.DerivedFrom is null ? Html.Empty : Html.Of($"<a href=\"{Href.With("/diff", ("a", b.DerivedFrom), ("b", b.Id))}\">Diff against {b.DerivedFrom}</a>"))}
        <a href="{Href.With("/review", ("baseline", b.Id))}">Review queue</a>
        </p>
        """);

    private static Html Import(LatestImport? i) => i is null
        ? Html.Of($"<span class=\"muted\">none imported yet</span>")
        : Html.Of($"revision {i.Revision}, {i.Symbols} symbols, imported by {i.ImportedBy} {Widgets.Time(i.ImportedAt)} <small class=\"muted\">SHA-256 {i.Sha256}</small>");
}
