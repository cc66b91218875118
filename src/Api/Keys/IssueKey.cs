using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Traceability.Api.Keys;

public static class IssueKey
{
    /// <summary>Owner: the person the key belongs to (four-eyes compares owners, so one person's keys count as one).</summary>
    public sealed record Request(string Name, string Role, string? Owner);

    public sealed record Response(string Name, string Owner, string Role, string Key);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().Must(Ids.IsSlug).WithMessage("Name must be a lower-case slug such as 'ci-arm64' (letters, digits, '-', '.', '_').")
                .Must(n => !ApiKeyEvents.ReservedNames.Contains(n))
                .WithMessage($"Name must not be one the service writes as itself: {string.Join(", ", ApiKeyEvents.ReservedNames)}.");
            RuleFor(r => r.Role).NotEmpty().Must(r => Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
            RuleFor(r => r.Owner).NotEmpty().WithMessage("Owner must name the person the key belongs to.")
                .MaximumLength(TextRules.NameLength)
                .Must(o => o is null || !o.Any(char.IsControl)).WithMessage("Owner must not contain control characters.");
        }
    }

    /// <summary>
    /// A name is never issued twice, revoked or not (issue 13 item 6: re-issuing replaced a key, and once left no
    /// admin): rotating is revoking and issuing under a new name. The stream must not exist, so two concurrent
    /// issues of one name cannot both succeed either.
    /// </summary>
    [WolverinePost("/api/keys"), Tags("API keys"), Authorize(Roles.Administration), Transactional]
    [EndpointSummary("Issue an API key to a person (owner) for a role (viewer, engineer, assessor, admin). The key is returned once and stored only as a keyed hash; a name is never reused (409).")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<Created<Response>> Handle(Request request, IDocumentSession session, KeyHasher hasher, CancellationToken ct)
    {
        var stream = ApiKeyEvents.StreamId(request.Name);
        if (await EventLog.StreamVersionAsync(session.Connection!, stream, ct) > 0)
        {
            throw new DomainRuleViolated($"An API key named '{request.Name}' exists or existed; names are never reused. "
                + "To rotate a key, issue one under a new name and revoke the old one.");
        }
        var key = ApiKeyStore.NewKey();
        var owner = request.Owner!.Trim();
        session.Reason($"issue {request.Role} key");
        session.Events.StartStream(stream, new ApiKeyIssuedToOwner(request.Name, request.Role, owner, hasher.Keyed(key)));
        return TypedResults.Created($"/api/keys/{request.Name}", new Response(request.Name, owner, request.Role, key));
    }
}
