namespace Traceability.Api.Web.Check;

public static class CheckPages
{
    /// <summary>The check reads and writes nothing but the report: any role may use it, as the API's check.</summary>
    public static void MapCheckPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/check", CheckPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/check", CheckPage.Submit).RequireAuthorization(WebPolicies.Read).Accepts<IFormFile>("multipart/form-data");
    }
}
