using FluentValidation;

namespace Traceability.Api.Http;

/// <summary>Runs the FluentValidation validator registered for the endpoint's request body before the handler.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().FirstOrDefault()
            ?? throw new BadRequest("The request body is missing.");
        await validator.ValidateAndThrowAsync(request, context.HttpContext.RequestAborted);
        return await next(context);
    }
}

public static class ValidationExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<ValidationFilter<T>>();

    /// <summary>FluentValidation's DI package is not in the registry: validators are registered here by scanning.</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        var validators = typeof(ValidationExtensions).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).Select(i => (i, t)));
        foreach (var (service, implementation) in validators) services.AddSingleton(service, implementation);
        return services;
    }
}
