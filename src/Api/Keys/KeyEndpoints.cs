using Traceability.Api.Http;

namespace Traceability.Api.Keys;

public static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(Roles.Administration);
        group.MapPost("/", IssueKey.Handle).Validate<IssueKey.Request>()
            .WithSummary("Issue an API key to a person (owner) for a role (viewer, engineer, assessor, admin). The key is returned once and stored only as a keyed hash; a name is never reused (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListKeys.Handle).WithSummary("List API keys: name, owner, role, who created them and when, revocation.");
        group.MapDelete("/{name}", RevokeKey.Handle)
            .WithSummary("Revoke an API key; the last active admin key cannot be revoked.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/me", WhoAmI.Handle).WithTags("API keys").RequireAuthorization(Roles.Read)
            .WithSummary("Who the presented key belongs to: its name, its owner (the person four-eyes compares) and its role.");
    }
}
