using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

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
    public static async Task<Created<Response>> Handle(Request request, EventLog log, KeyHasher hasher, HttpContext context, CancellationToken ct)
    {
        var stream = ApiKeyEvents.StreamId(request.Name);
        if (await log.StreamVersionAsync(stream, ct) > 0)
        {
            throw new DomainRuleViolated($"An API key named '{request.Name}' exists or existed; names are never reused. "
                + "To rotate a key, issue one under a new name and revoke the old one.");
        }
        var key = ApiKeyStore.NewKey();
        var owner = request.Owner!.Trim();
        await log.AppendAsync(StreamAppend.Start(stream, new ApiKeyIssuedToOwner(request.Name, request.Role, owner, hasher.Keyed(key))),
            Actor.Metadata(context, $"issue {request.Role} key"), ct);
        return TypedResults.Created($"/api/keys/{request.Name}", new Response(request.Name, owner, request.Role, key));
    }
}
