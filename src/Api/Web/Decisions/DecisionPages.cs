namespace Traceability.Api.Web.Decisions;

public static class DecisionPages
{
    public static void MapDecisionPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/baselines/{id}/propose", ProposePage.Show).RequireAuthorization(WebPolicies.Engineering);
        pages.MapPost("/baselines/{id}/propose", ProposePage.Submit).RequireAuthorization(WebPolicies.Engineering);
        pages.MapGet("/baselines/{id}/symbols", SymbolSuggestions.Find).RequireAuthorization(WebPolicies.Read);
        var decision = pages.MapGroup("/baselines/{baseline}/decisions/{symbol}");
        decision.MapGet("", DecisionPage.Show).RequireAuthorization(WebPolicies.Read);
        decision.MapPost("/revise", DecisionActions.Revise).RequireAuthorization(WebPolicies.Engineering);
        decision.MapPost("/evidence", DecisionActions.Evidence).RequireAuthorization(WebPolicies.Engineering);
        decision.MapPost("/withdraw", DecisionActions.Withdraw).RequireAuthorization(WebPolicies.Engineering);
        decision.MapPost("/approve", DecisionActions.Approve).RequireAuthorization(WebPolicies.Assessment);
        decision.MapPost("/reject", DecisionActions.Reject).RequireAuthorization(WebPolicies.Assessment);
        decision.MapPost("/reconfirm", DecisionActions.Reconfirm).RequireAuthorization(WebPolicies.Assessment);
    }
}
