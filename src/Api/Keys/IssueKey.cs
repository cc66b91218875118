using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Keys;

public static class IssueKey
{
    public sealed record Request(string Name, string Role);

    public sealed record Response(string Name, string Role, string Key);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().Must(Ids.IsSlug).WithMessage("Name must be a lower-case slug such as 'ci-arm64' (letters, digits, '-', '.', '_').");
            RuleFor(r => r.Role).NotEmpty().Must(r => Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        }
    }

    public static async Task<Created<Response>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var key = ApiKeyStore.NewKey();
        var stream = ApiKeyEvents.StreamId(request.Name);
        var version = await log.StreamVersionAsync(stream, ct);
        await log.AppendAsync(new StreamAppend(stream, version, [new ApiKeyIssued(request.Name, request.Role, ApiKeyStore.Hash(key))]),
            Actor.Metadata(context, $"issue {request.Role} key"), ct);
        return TypedResults.Created($"/api/keys/{request.Name}", new Response(request.Name, request.Role, key));
    }
}
