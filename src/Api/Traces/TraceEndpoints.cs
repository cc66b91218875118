using Traceability.Api.Http;

namespace Traceability.Api.Traces;

/// <summary>Reverse traces: from an AoU or a hardware feature down to the symbols and config values that depend on it.</summary>
public static class TraceEndpoints
{
    public static void MapTraces(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assumptions/{id}/trace", GetAssumptionTrace.Handle).WithTags("Traces").RequireAuthorization(Roles.Read)
            .WithSummary("Trace an assumption of use (e.g. AOU-0001) to every decision linking it, per baseline (platform, kernel version): symbol, decided value, status, flags and the baseline's current config value.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/hardware-features/{id}/trace", GetFeatureTrace.Handle).WithTags("Traces").RequireAuthorization(Roles.Read)
            .WithSummary("Trace a hardware feature (e.g. arm64-pan) to its governing symbols in every baseline of a listed platform or of its architecture: availability, config value and decision or 'undecided'; says explicitly when no symbol governs it; lists the decisions linking it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
