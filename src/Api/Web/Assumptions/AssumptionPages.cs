namespace Traceability.Api.Web.Assumptions;

public static class AssumptionPages
{
    public static void MapAssumptionPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/assumptions", AssumptionsPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/assumptions", AssumptionsPage.Draft).RequireAuthorization(WebPolicies.Engineering);
        pages.MapGet("/assumptions/{id}", AssumptionPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/assumptions/{id}/revise", AssumptionForms.Revise).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost("/assumptions/{id}/accept", AssumptionForms.Accept).RequireAuthorization(WebPolicies.Assessment);
        pages.MapPost("/assumptions/{id}/retire", AssumptionForms.Retire).RequireAuthorization(WebPolicies.Assessment);
    }
}
