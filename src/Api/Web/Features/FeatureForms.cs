using System.Net.Http.Json;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Traces;
using Traceability.Api.Web.Traces;

namespace Traceability.Api.Web.Features;

/// <summary>POST /features/{id}/revise (engineer): PUT /api/hardware-features/{id} with the form's version as If-Match.</summary>
public static class FeatureForms
{
    public static Html Render(HttpContext context, HardwareFeatureView f, string version, IReadOnlyList<DecisionsInBaseline> linking, FormFailure? failure)
    {
        if (!WebUser.Of(context).MayEngineer) return Html.Empty;
        var problem = failure.ProblemOf("revise");
        string? Typed(string field, string current) => failure?.Form == "revise" ? failure.Typed.Text(field) : current;
        return Html.Of($"""
            <section class="actions-panel" aria-label="Actions">
            <form method="post" action="{Href.To("features", f.Id, "revise")}" class="form-card" id="form-revise"><h2>Revise</h2>
            {LinkedDecisions.Before(linking, "Changing its governing symbols")}
            {Widgets.Problem(problem)}{Forms.Token(context)}{FormFields.Hidden("version", version)}
            {FormFields.Text("revise", "protectsAgainst", "Protects against", Typed("protectsAgainst", f.ProtectsAgainst), problem, required: true)}
            {FormFields.Area("revise", "description", "Description", Typed("description", f.Description), problem)}
            {FormFields.Text("revise", "governingSymbols", "Governing symbols", Typed("governingSymbols", string.Join(", ", f.GoverningSymbols)), problem, hint: "e.g. ARM64_PAN, ARM64_EPAN; empty when no symbol switches it")}
            {FormFields.Area("revise", "availability", "Availability per platform", Typed("availability", string.Join("\n", f.Availability.Select(a => $"{a.Key}={a.Value}"))), problem, hint: "one platform=available|unavailable|unknown per line")}
            {FormFields.Area("revise", "reason", "Reason", failure.Typed("revise", "reason"), problem, required: true)}
            <button type="submit">Revise</button></form>
            </section>
            """);
    }

    public static async Task<IResult> Revise(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var body = new
        {
            description = form.Text("description") ?? "", protectsAgainst = form.Text("protectsAgainst"), governingSymbols = form.Words("governingSymbols"),
            availability = Availability(form.Text("availability")), reason = form.Text("reason"),
        };
        var done = await api.SendAsync<ReviseHardwareFeature.Response>(HttpMethod.Put, Href.To("api", "hardware-features", id),
            JsonContent.Create(body, options: ApiClient.Json), form.Version(), ct);
        return done.Succeeded
            ? await FeaturePage.RenderAsync(context, api, id, LinkedDecisions.After($"Revision r{done.Value!.Feature.Revision} saved.", done.Value.SuspectDecisions), null, ct)
            : await FeaturePage.RenderAsync(context, api, id, null, new FormFailure("revise", done.Problem!, form), ct);
    }

    /// <summary>"platform=value" lines; a line without '=' is passed on with an empty value, so the API names it.</summary>
    private static Dictionary<string, string> Availability(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Length > 1 ? g.Last()[1] : "", StringComparer.Ordinal);
}
