using FluentValidation;
using Npgsql;
using Traceability.Api.Commands;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Decisions;

public static class ApproveDecision
{
    /// <summary>Meaning: what the signature asserts; the default wording is used when omitted.</summary>
    public sealed record Request(string? Meaning);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Meaning).Text(DecisionRules.MaxShortText);
    }

    /// <summary>
    /// The body is optional, so it is validated here rather than by the filter. Four-eyes compares persons: the
    /// approving key's owner against the owner of the key that proposed (issue 12, item 6). The linked AoUs are read
    /// on the append's connection while their locks are held shared, so a revision or retirement (which holds them
    /// alone) cannot slip between the check and the approval.
    /// </summary>
    public static async Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, Request? request, IValidator<Request> validator,
        EventLog log, ApiKeyStore keys, HttpContext context, CancellationToken ct)
    {
        if (request is not null) await validator.ValidateAndThrowAsync(request, ct);
        var owners = await keys.OwnersAsync(ct);
        var reason = DecisionDecisions.ApprovalMeaning(request?.Meaning);
        // The Change carries the reason for the metadata; the approval itself is decided in the transaction.
        return await DecisionWrites.ChangeAsync(log, context, baseline, symbol, state => (new Change(state, reason),
            async (connection, token) => DecisionDecisions.Approve(
                state, Actor.Owner(context), owners(state.ProposedBy), await AssumptionsAsync(log, connection, state, token), request?.Meaning)), ct);
    }

    private static async Task<IReadOnlyDictionary<string, AssumptionStatus>> AssumptionsAsync(
        EventLog log, NpgsqlConnection connection, Decision state, CancellationToken ct)
    {
        var statuses = new Dictionary<string, AssumptionStatus>(StringComparer.Ordinal);
        foreach (var id in state.Assumptions)
        {
            var events = await log.ReadStreamAsync(connection, AssumptionOfUse.StreamId(id), null, ct);
            if (events.Aggregate((AssumptionOfUse?)null, (s, e) => AssumptionOfUse.Evolve(s, e.Data)) is { } aou) statuses[id] = aou.Status;
        }
        return statuses;
    }
}
