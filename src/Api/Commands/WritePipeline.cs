using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.Core.Reflection;
using JasperFx.Events;
using Marten;
using Wolverine.Http;

namespace Traceability.Api.Commands;

/// <summary>
/// The request path of every Wolverine write endpoint, in order: validate the body (400), begin the
/// transaction with the request's metadata and the key check (<see cref="WriteTransaction"/>), let Wolverine
/// load the aggregate, check that it exists and If-Match (<see cref="StreamPreconditions"/>), then the
/// endpoint's pure Decide; Wolverine appends what it returns and commits.
/// </summary>
public sealed class WritePipeline : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(IsWrite))
        {
            var first = new List<Frame>();
            if (chain.RequestType is { } body && body != typeof(void) && container.HasRegistrationFor(typeof(IValidator<>).MakeGenericType(body)))
                first.Add(new MethodCall(typeof(RequestValidation), Generic(
                    HasOptionalBody(chain, body) ? nameof(RequestValidation.ValidateOptionalAsync) : nameof(RequestValidation.ValidateAsync),
                    typeof(RequestValidation), body)));
            first.Add(new MethodCall(typeof(WriteTransaction), chain.Method.Method.IsDefined(typeof(LocksItsKeyAttribute), false)
                ? nameof(WriteTransaction.BeginUnlockedAsync) : nameof(WriteTransaction.BeginAsync)));
            chain.Middleware.InsertRange(0, first);
            chain.Postprocessors.Insert(0, new MethodCall(typeof(WriteTransaction), nameof(WriteTransaction.Timestamp)));
            foreach (var loader in chain.Middleware.Where(f => f.Creates.Any(v => v.VariableType.Closes(typeof(IEventStream<>)))).ToList())
            {
                var stream = loader.Creates.First(v => v.VariableType.Closes(typeof(IEventStream<>)));
                var check = new MethodCall(typeof(StreamPreconditions),
                    Generic(nameof(StreamPreconditions.CheckAsync), typeof(StreamPreconditions), stream.VariableType.GetGenericArguments()[0]));
                chain.Middleware.Insert(chain.Middleware.IndexOf(loader) + 1, check);
            }
        }
    }

    /// <summary>A write is an endpoint that works on a Marten session: it appends, so it runs through the pipeline.</summary>
    private static bool IsWrite(HttpChain chain) =>
        chain.HttpMethods.Any(m => m is "POST" or "PUT" or "DELETE" or "PATCH")
        && (chain.IsTransactional || chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(IDocumentSession)));

    /// <summary>A nullable request parameter (<c>Request? request</c>) makes the body optional, as RequestBodyStrategy reads it.</summary>
    private static bool HasOptionalBody(HttpChain chain, Type body) =>
        chain.Method.Method.GetParameters().Any(p => p.ParameterType == body
            && new System.Reflection.NullabilityInfoContext().Create(p).ReadState == System.Reflection.NullabilityState.Nullable);

    private static System.Reflection.MethodInfo Generic(string name, Type type, Type argument) =>
        type.GetMethod(name)!.MakeGenericMethod(argument);
}
