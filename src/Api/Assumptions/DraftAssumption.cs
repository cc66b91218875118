using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

public static class DraftAssumption
{
    /// <summary>E.g. category "execution environment", text "The kernel runs at EL1; EL2/EL3 firmware and the secure world are out of scope."</summary>
    public sealed record Request(string? Category, string? Text);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.Content(r => r.Category, r => r.Text);
    }

    public static async Task<Created<AssumptionView>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = "";
        // Numbered under the numbering lock: concurrent drafts get consecutive numbers, never the same one.
        var result = await log.AppendAsync([LogLock.Sole(Locks.AssumptionNumbering)], async (connection, token) =>
        {
            var number = (int)await EventLog.CountStreamsAsync(connection, AssumptionView.StreamType + "/", token) + 1;
            var drafted = AssumptionDecisions.Draft(null, number, request.Category!, request.Text!);
            stream = AssumptionRules.StreamId(drafted.Id);
            return [StreamAppend.Start(stream, drafted)];
        }, Actor.Metadata(context), ct);
        var view = await log.ViewAsync(stream, stream, AssumptionView.From, ct, result.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/assumptions/{view.Id}", view);
    }
}
