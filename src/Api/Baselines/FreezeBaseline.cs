using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

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

    public static async Task<Ok<BaselineView>> Handle(
        string id, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var baseline = await BaselineReads.LoadForWriteAsync(log, context.Request, id, ct);
        var frozen = BaselineDecisions.Freeze(baseline.State, request.Reason);
        // Alone on the baseline's lock: a decision write in flight commits first, any later one sees the freeze.
        await log.AppendAsync([Locks.BaselineSole(id)], (_, _) => Task.FromResult<IReadOnlyList<StreamAppend>>(
            [new StreamAppend(baseline.StreamId, baseline.Version, [frozen])]), Actor.Metadata(context, frozen.Reason), ct);
        var view = (await BaselineReads.LoadAsync(log, id, ct))!.View;
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
