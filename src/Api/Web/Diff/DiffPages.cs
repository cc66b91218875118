namespace Traceability.Api.Web.Diff;

public static class DiffPages
{
    public static void MapDiffPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/diff", DiffPage.Show).RequireAuthorization(WebPolicies.Read);
}
