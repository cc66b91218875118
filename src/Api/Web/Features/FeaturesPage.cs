using Traceability.Api.HardwareFeatures;

namespace Traceability.Api.Web.Features;

/// <summary>GET /features: every hardware feature, what it protects against and which symbols govern it.</summary>
public static class FeaturesPage
{
    public static async Task<IResult> Show(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var all = (await apis.For(context).GetAsync<IReadOnlyList<HardwareFeatureView>>("/api/hardware-features", ct)).OrThrow();
        return Layout.Render(context, new Page("Hardware features", Html.Of($"""
            <h1>Hardware features</h1>
            <table><thead><tr><th scope="col">Feature</th><th scope="col">Architecture</th><th scope="col">Protects against</th><th scope="col">Governing symbols</th></tr></thead>
            <tbody>{all.Select(f => Html.Of($"""
                <tr><th scope="row"><a href="{Href.To("features", f.Id)}">{f.Id}</a><br><small>{f.Name}</small></th><td>{f.Architecture}</td><td>{f.ProtectsAgainst}</td>
                <td>{(f.GoverningSymbols.Count == 0 ? Html.Of($"<span class=\"muted\">none: always on where the CPU has it</span>") : Html.Join(f.GoverningSymbols.Select(s => Html.Of($"<code>{Widgets.Display(s)}</code> "))))}</td></tr>
                """))}</tbody></table>
            """), "features"));
    }
}
