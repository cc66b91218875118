namespace Traceability.Api.Web.Decisions;

/// <summary>
/// GET /baselines/{b}/decisions/{s}: the decision with everything it rests on, its evidence, its history as
/// a timeline, and the actions the role may take. ?asOf= shows it as the matrix held it then, marked as history.
/// </summary>
public static class DecisionPage
{
    public static Task<IResult> Show(string baseline, string symbol, string? asOf, string? done, HttpContext context, ApiClients apis, CancellationToken ct) =>
        RenderAsync(context, apis.For(context), baseline, symbol, asOf, null, ct, Notice(done));

    public static async Task<IResult> RenderAsync(
        HttpContext context, ApiClient api, string baseline, string symbol, string? asOf, FormFailure? failure, CancellationToken ct, string? notice = null)
    {
        var data = await DecisionData.LoadAsync(api, baseline, Widgets.Bare(symbol), asOf, ct);
        var display = Widgets.Display(data.Decision.Symbol);
        return Layout.Render(context, new Page($"{display} in {baseline}", Html.Of($"""
            <p class="crumbs"><a href="{Href.To("baselines", baseline)}">{baseline}</a> › decision</p>
            <h1><code>{display}</code> <small>in {baseline}</small></h1>
            {History(data, baseline)}
            {Widgets.Notice(notice)}
            <div class="decision-layout">
            <div class="decision-main">
            {DecisionSections.Summary(data)}
            {DecisionSections.Catalog(data)}
            {DecisionSections.Links(data)}
            {DecisionSections.Evidence(data.Decision)}
            {DecisionTimeline.Render(data.Decision.History, data.History is null ? null : data.Position)}
            </div>
            {(data.History is null ? DecisionForms.Render(context, data, failure) : Html.Empty)}
            </div>
            """), "baselines", data.History is not null, failure?.Problem.Status ?? StatusCodes.Status200OK));
    }

    private static Html History(DecisionData data, string baseline) => data.History is null ? Html.Empty : Html.Of($"""
        <div class="history-banner" role="note"><strong>History</strong>: the decision as the matrix held it at event #{data.Position}
        (asked for "{data.History}"){(data.Row is null ? ": there was no decision on this symbol yet" : "")}. Nothing can be changed here.
        <a href="{Href.To("baselines", baseline, "decisions", data.Decision.Symbol)}">Back to now</a></div>
        """);

    private static string? Notice(string? done) => done switch
    {
        "approve" => "Approved.",
        "reject" => "Rejected.",
        "reconfirm" => "Reconfirmed: the decision is no longer suspect.",
        "withdraw" => "Withdrawn.",
        "evidence" => "Evidence attached.",
        "revise" => "Revised: the decision is proposed again and needs a fresh approval.",
        "propose" => "Proposed: it now waits for another person's approval.",
        _ => null,
    };
}
