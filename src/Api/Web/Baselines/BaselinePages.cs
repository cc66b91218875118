
namespace Traceability.Api.Web.Baselines;

public static class BaselinePages
{
    public static void MapBaselinePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/", BaselinesPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapGet("/baselines/{id}", Traceability.Api.Web.Matrix.MatrixPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/baselines", CreateBaselineForm.Submit).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost("/baselines/{id}/freeze", BaselineForms.Freeze).RequireAuthorization(WebPolicies.Assessment);
        pages.MapPost("/baselines/{id}/config", BaselineForms.Import).RequireAuthorization(WebPolicies.Engineering)
            .Accepts<IFormFile>("multipart/form-data");
    }
}
