using Traceability.Api.Http;

namespace Traceability.Api.Keys;

public static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(Roles.Administration);
        group.MapGet("/", ListKeys.Handle).WithSummary("List API keys: name, owner, role, who created them and when, revocation.");
        app.MapGet("/api/me", WhoAmI.Handle).WithTags("API keys").RequireAuthorization(Roles.Read)
            .WithSummary("Who the presented key belongs to: its name, its owner (the person four-eyes compares) and its role.");
    }
}
