using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

public static class AcceptAssumption
{
    /// <summary>Optional: a note recorded with the agreement (e.g. the meeting that agreed it).</summary>
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).CleanText(TextRules.TextLength);
    }

    public static async Task<Ok<AssumptionView>> Handle(string id, Request? request, IValidator<Request> validator, EventLog log, HttpContext context, CancellationToken ct)
    {
        // The body is optional, so the validation filter (which insists on one) cannot run here.
        if (request is not null) await validator.ValidateAndThrowAsync(request, ct);
        var stream = AssumptionRules.StreamId(id);
        var (state, version) = await log.LoadForWriteAsync<AssumptionOfUse>(context.Request, stream, AssumptionRules.What(id), AssumptionOfUse.Evolve, ct);
        var accepted = AssumptionDecisions.Accept(state);
        var result = await log.AppendAsync(new StreamAppend(stream, version, [accepted]),
            Actor.Metadata(context, request?.Reason), ct);
        var view = await log.ViewAsync(stream, AssumptionRules.What(id), AssumptionView.From, ct, result.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
