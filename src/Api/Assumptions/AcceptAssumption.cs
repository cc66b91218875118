using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Assumptions;

public static class AcceptAssumption
{
    /// <summary>Optional: a note recorded with the agreement (e.g. the meeting that agreed it).</summary>
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).CleanText(TextRules.TextLength);
    }

    public static string StreamKey(string id) => AssumptionRules.StreamId(id);

    [WolverinePost("/api/assumptions/{id}/accept"), Tags(AssumptionRules.Tag), Authorize(Roles.Assessment)]
    [EndpointSummary("Agree a draft assumption (assessor). The body is optional: {\"reason\": \"agreed in the WG call of 2024-05-02\"}.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static Written<AssumptionView> Handle(string id, Request? request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<AssumptionOfUse>> stream,
        IDocumentSession session, EventLog log)
    {
        stream.AppendOne(AssumptionDecisions.Accept(stream.Aggregate!.State));
        session.Reason(request?.Reason);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(token => log.ViewAsync(stream.Key!, AssumptionRules.What(id), AssumptionView.From, token, version), version);
    }
}
