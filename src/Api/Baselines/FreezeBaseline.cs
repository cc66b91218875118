using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Baselines;

/// <summary>POST /api/baselines/{id}/freeze: under certification, neither config nor decisions may change afterwards.</summary>
public static class FreezeBaseline
{
    /// <param name="Reason">Why it is frozen, e.g. "Submitted for ISO 26262 assessment, release 2025.1".</param>
    public sealed record Request(string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().PlainText(BaselineRules.MaxTextLength);
    }

    public static string StreamKey(string id) => Baseline.StreamId(id);

    [WolverinePost("/api/baselines/{id}/freeze"), Tags(BaselineRules.Tag), Authorize(Roles.Assessment)]
    [EndpointSummary("Freeze a baseline for certification, e.g. {\"reason\":\"Submitted for assessment, release 2025.1\"}: afterwards neither its config nor its decisions change.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<BaselineView>> Handle(string id, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Baseline>> stream,
        IDocumentSession session, EventLog log, CancellationToken ct)
    {
        var frozen = BaselineDecisions.Freeze(stream.Aggregate!.State, request.Reason);
        // Alone on the baseline's lock: a decision write in flight commits first, any later one sees the freeze.
        await session.LockAsync([Locks.BaselineSole(id)], ct);
        stream.AppendOne(frozen);
        session.Reason(frozen.Reason);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(token => log.ViewAsync(stream.Key!, $"Baseline '{id}'", BaselineView.From, token, version), version);
    }
}
