namespace Traceability.Api.Web.Audit;

public static class AuditPages
{
    /// <summary>The upload forms declare multipart bodies, so the request limits allow a .config- or export-sized body.</summary>
    public static void MapAuditPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit", AuditPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapGet("/audit/export", AuditPage.Download).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/audit/verify", AuditPage.Verify).RequireAuthorization(WebPolicies.Read).Accepts<IFormFile>("multipart/form-data");
    }
}
