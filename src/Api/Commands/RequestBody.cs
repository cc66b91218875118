using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Traceability.Api.Commands;

/// <summary>
/// Reads a Wolverine endpoint's JSON body the way the minimal API endpoints do: malformed JSON, a body over the
/// limit or the wrong content type throw, and the one exception handler answers them (ProblemMapping), with the
/// line and byte at fault. Wolverine's own reader writes its own ProblemDetails, which would be a second dialect.
/// </summary>
public static class RequestBody
{
    public static async Task<T?> ReadAsync<T>(HttpContext context, bool optional) where T : class
    {
        if (optional && context.Request.ContentLength == 0) return null;
        if (!context.Request.HasJsonContentType())
        {
            if (optional && context.Request.ContentLength is null or 0 && string.IsNullOrEmpty(context.Request.ContentType)) return null;
            throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{context.Request.ContentType}\".", StatusCodes.Status415UnsupportedMediaType);
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return body ?? (optional ? null : throw new Http.BadRequest("The request body is missing."));
        }
        catch (JsonException json) when (optional && json.BytePositionInLine == 0 && json.LineNumber == 0 && context.Request.ContentLength is null or 0)
        {
            return null;
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, json);
        }
    }
}

/// <summary>Puts <see cref="RequestBody"/> in place of Wolverine's JSON reader for the service's request records.</summary>
/// <remarks>
/// Wolverine 6.62 keeps the chain's body members internal (what its own JSON strategy sets); they are set here by
/// name, so OpenAPI and the validation middleware see the request type. A Wolverine upgrade that renames them
/// fails at start-up, not silently.
/// </remarks>
public sealed class RequestBodyStrategy : IParameterStrategy
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly PropertyInfo BodyVariable = typeof(HttpChain).GetProperty("RequestBodyVariable", Members) ?? throw Missing("RequestBodyVariable");
    private static readonly PropertyInfo BodyIsOptional = typeof(HttpChain).GetProperty("RequestBodyIsOptional", Members) ?? throw Missing("RequestBodyIsOptional");
    private static readonly PropertyInfo BodyType = typeof(HttpChain).GetProperty(nameof(HttpChain.RequestType), Members) ?? throw Missing("RequestType");

    private static InvalidOperationException Missing(string name) => new($"Wolverine's HttpChain has no '{name}': RequestBodyStrategy needs updating for this Wolverine version.");

    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = null;
        var type = parameter.ParameterType;
        if (chain.HttpMethods.Contains("GET") || type.Assembly != typeof(RequestBody).Assembly || !type.IsClass || type.IsAbstract) return false;
        if (container.FindMatchingServices(t => t == type).Any()) return false;
        var existing = (Variable?)BodyVariable.GetValue(chain);
        if (existing is null)
        {
            var optional = new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;
            var read = new MethodCall(typeof(RequestBody), typeof(RequestBody).GetMethod(nameof(RequestBody.ReadAsync))!.MakeGenericMethod(type));
            read.Arguments[1] = new Variable(typeof(bool), optional ? "true" : "false");
            // Not placed in the chain: the frame runs where its variable is first used (validation, then the handler).
            existing = read.ReturnVariable!;
            BodyVariable.SetValue(chain, existing);
            BodyIsOptional.SetValue(chain, optional);
        }
        variable = existing;
        BodyType.SetValue(chain, type);
        return true;
    }
}
