using Traceability.Api.Baselines;
using Traceability.Api.Platforms;

namespace Traceability.Api.Web.Baselines;

/// <summary>POST /baselines (engineer): a new baseline on a registered platform, through POST /api/baselines.</summary>
public static class CreateBaselineForm
{
    public sealed record Values(string? Id, string? Platform, string? KernelVersion, string? Variant);

    public static Html Render(HttpContext context, IReadOnlyList<PlatformView> platforms, Values? typed, ApiProblem? problem) => Html.Of($"""
        <section class="form-card" aria-labelledby="create-title">
        <h2 id="create-title">Create a baseline</h2>
        {Widgets.Problem(problem)}
        <form method="post" action="/baselines">
        {Forms.Token(context)}
        {FormFields.Text("create", "id", "Id", typed?.Id, problem, required: true, hint: "A lower-case slug, e.g. arm64-6.12")}
        {FormFields.Select("create", "platform", "Platform", typed?.Platform, platforms.Select(p => p.Id), problem)}
        {FormFields.Text("create", "kernelVersion", "Kernel version", typed?.KernelVersion, problem, required: true, hint: "e.g. 6.12.117")}
        {FormFields.Text("create", "variant", "Variant", typed?.Variant, problem, required: true, hint: "e.g. debian-generic")}
        <button type="submit">Create baseline</button>
        </form>
        </section>
        """);

    public static async Task<IResult> Submit(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var values = new Values(form.Text("id"), form.Text("platform"), form.Text("kernelVersion"), form.Text("variant"));
        var api = apis.For(context);
        var created = await api.PostAsync<BaselineView>("/api/baselines", values, null, ct);
        return created.Succeeded
            ? Results.Redirect(Href.To("baselines", created.Value!.Id))
            : await BaselinesPage.RenderAsync(context, api, null, values, created.Problem, ct);
    }
}
