namespace Traceability.Api.Web.Features;

public static class FeaturePages
{
    public static void MapFeaturePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/features", FeaturesPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapGet("/features/{id}", FeaturePage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost("/features/{id}/revise", FeatureForms.Revise).RequireAuthorization(WebPolicies.Engineering);
    }
}
