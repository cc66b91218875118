using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Keys;

public static class RevokeKey
{
    public static async Task<NoContent> Handle(string name, string? reason, EventLog log, ApiKeyStore keys, HttpContext context, CancellationToken ct)
    {
        // The reason goes into the permanent log: the same rule as every free-text field of a body.
        if (reason is not null && (reason.Length > TextRules.TextLength || !TextRules.HasNoControlCharacters(reason)))
            throw new BadRequest($"reason must be at most {TextRules.TextLength} characters without control characters other than line feed and tab.");
        var key = await keys.FindByNameAsync(name, ct) ?? throw new ResourceNotFound($"API key '{name}'");
        if (key.Revoked is not null) throw new DomainRuleViolated($"API key '{name}' is already revoked.");
        var admins = (await keys.ListAsync(ct)).Count(k => k.Role == Roles.Admin && k.Revoked is null);
        if (key.Role == Roles.Admin && admins == 1) throw new DomainRuleViolated("This is the last active admin key; issue another admin key before revoking it.");
        var stream = ApiKeyEvents.StreamId(name);
        await log.AppendAsync(new StreamAppend(stream, await log.StreamVersionAsync(stream, ct),
            [new ApiKeyRevoked(name, reason ?? "revoked")]), Actor.Metadata(context, reason), ct);
        return TypedResults.NoContent();
    }
}
