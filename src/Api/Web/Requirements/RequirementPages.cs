namespace Traceability.Api.Web.Requirements;

public static class RequirementPages
{
    public static void MapRequirementPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/requirements", RequirementsPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/requirements", RequirementsPage.Record).RequireAuthorization(WebPolicies.Engineering);
        pages.MapGet("/requirements/{id}", RequirementPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/requirements/{id}/revise", RequirementPage.Revise).RequireAuthorization(WebPolicies.Engineering);
    }
}
