using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Decisions;

public static class ApproveDecision
{
    /// <summary>Meaning: what the signature asserts; the default wording is used when omitted.</summary>
    public sealed record Request(string? Meaning);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Meaning).Text(DecisionRules.MaxShortText);
    }

    public static string StreamKey(string baseline, string symbol) => DecisionWrites.StreamKey(baseline, symbol);

    /// <summary>
    /// Four-eyes compares persons: the approving key's owner against the owner of the key that proposed (issue 12, item 6).
    /// The linked AoUs are read on the write's connection while their locks are held shared, so a revision or retirement
    /// (which holds them alone) cannot slip between the check and the approval.
    /// </summary>
    [WolverinePost("/api/baselines/{baseline}/decisions/{symbol}/approve"), Tags(DecisionRules.Tag), Authorize(Roles.Assessment)]
    [EndpointSummary("Approve a proposed decision (If-Match); the optional meaning is what the signature asserts. The proposer's key cannot approve (four-eyes).")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<DecisionDetail>> Handle(string baseline, Request? request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Decision>> stream,
        IDocumentSession session, EventLog log, ApiKeyStore keys, HttpContext context, CancellationToken ct)
    {
        var state = stream.Aggregate!.State;
        var owners = await keys.OwnersAsync(ct);
        await session.LockAsync(log, baseline, state, [], ct);
        var assumptions = await AssumptionsAsync(log, session.Connection!, state, ct);
        stream.AppendOne(DecisionDecisions.Approve(state, Actor.Owner(context), owners(state.ProposedBy), assumptions, request?.Meaning));
        session.Reason(DecisionDecisions.ApprovalMeaning(request?.Meaning));
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(token => DecisionWrites.DetailAsync(log, keys, stream.Key!, version, token), version);
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
