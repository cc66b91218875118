namespace Traceability.Api.Web.Review;

public static class ReviewPages
{
    public static void MapReviewPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/review", ReviewQueuePage.Show).RequireAuthorization(WebPolicies.Read);
}
