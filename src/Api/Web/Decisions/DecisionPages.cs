namespace Traceability.Api.Web.Decisions;

public static class DecisionPages
{
    public static void MapDecisionPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/baselines/{id}/propose", ProposePage.Show).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost("/baselines/{id}/propose", ProposePage.Submit).RequireAuthorization(WebPolicies.Engineering);
        pages.MapGet("/baselines/{id}/symbols", SymbolSuggestions.Find).RequireAuthorization(WebPolicies.Read);
        const string decision = "/baselines/{baseline}/decisions/{symbol}";
        pages.MapGet(decision, DecisionPage.Show).RequireAuthorization(WebPolicies.Read);
        pages.MapPost(decision + "/revise", DecisionActions.Revise).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost(decision + "/evidence", DecisionActions.Evidence).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost(decision + "/withdraw", DecisionActions.Withdraw).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost(decision + "/approve", DecisionActions.Approve).RequireAuthorization(WebPolicies.Assessment);
        pages.MapPost(decision + "/reject", DecisionActions.Reject).RequireAuthorization(WebPolicies.Assessment);
        pages.MapPost(decision + "/reconfirm", DecisionActions.Reconfirm).RequireAuthorization(WebPolicies.Assessment);
    }
}
