using FluentValidation;
using Traceability.Api.Http;

namespace Traceability.Api.Commands;

/// <summary>FluentValidation for Wolverine endpoints (WolverineFx.FluentValidation is not in the registry): the same per-field 400s.</summary>
public static class RequestValidation
{
    public static Task ValidateAsync<T>(IValidator<T> validator, T? request, CancellationToken ct) =>
        request is null ? throw new Http.BadRequest("The request body is missing.") : validator.ValidateAndThrowAsync(request, ct);

    /// <summary>For an optional body (a nullable request parameter): no body is valid, a body is validated.</summary>
    public static Task ValidateOptionalAsync<T>(IValidator<T> validator, T? request, CancellationToken ct) =>
        request is null ? Task.CompletedTask : validator.ValidateAndThrowAsync(request, ct);
}
