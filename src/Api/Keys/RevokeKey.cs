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
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Keys;

public static class RevokeKey
{
    /// <summary>Every admin-key revocation holds this alone, so two cannot both count the other as the admin left.</summary>
    private static readonly LogLock Admins = LogLock.Sole("apikeys/admins");

    /// <summary>
    /// Checked and appended under the key's lock held alone: a write with the key (which holds it shared, see
    /// ActiveKey) either commits before the revocation or finds the key revoked (issue 13 item 8).
    /// </summary>
    [WolverineDelete("/api/keys/{name}"), Tags("API keys"), Authorize(Roles.Administration), Transactional, LocksItsKey]
    [EndpointSummary("Revoke an API key; the last active admin key cannot be revoked.")]
    [ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<NoContent> Handle(string name, string? reason, IDocumentSession session, HttpContext context, CancellationToken ct)
    {
        // The reason goes into the permanent log: the same rule as every free-text field of a body.
        if (reason is not null && (reason.Length > TextRules.TextLength || !TextRules.HasNoControlCharacters(reason)))
            throw new BadRequest($"reason must be at most {TextRules.TextLength} characters without control characters other than line feed and tab.");
        var stream = ApiKeyEvents.StreamId(name);
        await session.LockWithKeyAsync(context, [ActiveKey.Revocation(name), Admins], ct);
        var connection = session.Connection!;
        var key = await ApiKeyStore.FindByNameAsync(connection, name, ct) ?? throw new ResourceNotFound($"API key '{name}'");
        if (key.Revoked is not null) throw new DomainRuleViolated($"API key '{name}' is already revoked.");
        var admins = (await ApiKeyStore.ListAsync(connection, ct)).Count(k => k.Role == Roles.Admin && k.Revoked is null);
        if (key.Role == Roles.Admin && admins == 1) throw new DomainRuleViolated("This is the last active admin key; issue another admin key before revoking it.");
        session.Reason(reason);
        session.Events.Append(stream, await EventLog.StreamVersionAsync(connection, stream, ct) + 1, new ApiKeyRevoked(name, reason ?? "revoked"));
        return TypedResults.NoContent();
    }
}
