using System.Net.Http.Json;
using Traceability.Api.Decisions;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// POST /baselines/{b}/decisions/{s}/{action}: each form becomes the API call of the same name, with the
/// form's version as If-Match. Success goes back where the form came from (the review queue, or the decision);
/// a refusal shows the decision again with the API's problem (or the concurrent change) at that form.
/// </summary>
public static class DecisionActions
{
    public static Task<IResult> Approve(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "approve", HttpMethod.Post, f => new { meaning = f.Text("meaning") }, ct);

    public static Task<IResult> Reject(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "reject", HttpMethod.Post, Reason, ct);

    public static Task<IResult> Reconfirm(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "reconfirm", HttpMethod.Post, Reason, ct);

    public static Task<IResult> Withdraw(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "withdraw", HttpMethod.Post, Reason, ct);

    public static Task<IResult> Evidence(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "evidence", HttpMethod.Post, f => new
        {
            kind = f.Text("kind"), reference = f.Text("reference"), outcome = f.Text("outcome"), summary = f.Text("summary"),
        }, ct);

    public static Task<IResult> Revise(string baseline, string symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        ActAsync(baseline, symbol, context, apis, "revise", HttpMethod.Put, f => new
        {
            value = f.Text("value"), rationale = f.Text("rationale"), assumptions = f.Words("assumptions"),
            features = f.Words("features"), requirements = f.Words("requirements"), reason = f.Text("reason"),
        }, ct);

    private static object Reason(IFormCollection form) => new { reason = form.Text("reason") };

    private static async Task<IResult> ActAsync(
        string baseline, string symbol, HttpContext context, ApiClients apis, string action, HttpMethod method,
        Func<IFormCollection, object> body, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var path = Href.To("api", "baselines", baseline, "decisions", symbol) + (action == "revise" ? "" : "/" + action);
        var done = await api.SendAsync<DecisionDetail>(method, path, JsonContent.Create(body(form), options: ApiClient.Json), form.Version(), ct);
        if (done.Succeeded)
            return Results.Redirect(Href.Local(form.Text("returnTo")) ?? Href.With(Href.To("baselines", baseline, "decisions", symbol), ("done", action)));
        return await DecisionPage.RenderAsync(context, api, baseline, symbol, null, new FormFailure(action, done.Problem!, form), ct);
    }
}
