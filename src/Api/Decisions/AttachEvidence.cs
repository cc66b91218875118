using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Decisions;

public static class AttachEvidence
{
    /// <summary>Kind: test | analysis | review. Reference: where it lives (CI run URL, report id). Outcome: pass | fail | inconclusive.</summary>
    public sealed record Request(string? Kind, string? Reference, string? Outcome, string? Summary);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).Must(EvidenceKinds.IsValid).WithMessage("Kind must be test, analysis or review.");
            RuleFor(r => r.Reference).RequiredText(DecisionRules.MaxShortText);
            RuleFor(r => r.Outcome).Must(EvidenceOutcomes.IsValid).WithMessage("Outcome must be pass, fail or inconclusive.");
            RuleFor(r => r.Summary).Text();
        }
    }

    public static string StreamKey(string baseline, string symbol) => DecisionWrites.StreamKey(baseline, symbol);

    [WolverinePost("/api/baselines/{baseline}/decisions/{symbol}/evidence"), Tags(DecisionRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Attach evidence to a decision (If-Match): kind test|analysis|review, reference, outcome pass|fail|inconclusive, summary.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<WrittenCreated<DecisionDetail>> Handle(string baseline, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Decision>> stream,
        IDocumentSession session, EventLog log, ApiKeyStore keys, CancellationToken ct)
    {
        var state = stream.Aggregate!.State;
        var attached = DecisionDecisions.AttachEvidence(state, request.Kind!, request.Reference!, request.Outcome!, request.Summary);
        var version = await session.AppendAsync(stream, log, baseline, attached, $"evidence {attached.EvidenceId}: {attached.Kind} {attached.Outcome}", ct);
        return Written.Created($"{DecisionWrites.Location(baseline, state.Symbol)}#evidence-{attached.EvidenceId}",
            token => DecisionWrites.DetailAsync(log, keys, stream.Key!, version, token), version);
    }
}
