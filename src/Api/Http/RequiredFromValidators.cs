using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Traceability.Api.Http;

/// <summary>
/// Marks a request schema's fields required exactly when its validator refuses the request without them
/// (issue 12, item 9). Request records declare every field nullable so that a missing one is answered with a
/// 400 naming it rather than a JSON error, which left Swagger UI showing every field as optional. Rules say
/// "required" in several ways (NotEmpty, a Must on blank text, a Must on a set of values), so the filter asks
/// the validator itself: the operation's example (<see cref="RequestExamples"/>) without the field, validated.
/// </summary>
public sealed class RequiredFromValidators(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
        if (RequestExamples.For(context.Type) is not { } example) return;
        if (services.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator) return;
        var body = JsonSerializer.SerializeToNode(example, context.Type, JsonSerializerOptions.Web)!.AsObject();
        foreach (var property in concrete.Properties.Keys.Where(p => RefusedWithout(validator, context.Type, body, p)))
        {
            concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
            concrete.Required.Add(property);
        }
    }

    private static bool RefusedWithout(IValidator validator, Type type, JsonObject example, string property)
    {
        var without = example.DeepClone().AsObject();
        without.Remove(property);
        var request = without.Deserialize(type, JsonSerializerOptions.Web)!;
        var result = validator.Validate(new ValidationContext<object>(request));
        return result.Errors.Any(e => string.Equals(e.PropertyName, property, StringComparison.OrdinalIgnoreCase));
    }
}
