using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Traceability.Api.Assumptions;

public static class DraftAssumption
{
    /// <summary>E.g. category "execution environment", text "The kernel runs at EL1; EL2/EL3 firmware and the secure world are out of scope."</summary>
    public sealed record Request(string? Category, string? Text);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.Content(r => r.Category, r => r.Text);
    }

    [WolverinePost("/api/assumptions"), Tags(AssumptionRules.Tag), Authorize(Roles.Engineering), Transactional]
    [EndpointSummary("Draft an assumption of use; it is numbered AOU-0001, AOU-0002, ... in order of drafting.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400)]
    public static async Task<WrittenCreated<AssumptionView>> Handle(Request request, IDocumentSession session, EventLog log, CancellationToken ct)
    {
        // Numbered under the numbering lock, counted in the write's transaction: concurrent drafts get consecutive
        // numbers, never the same one, and the lock is held until the new stream is committed.
        await session.LockAsync([LogLock.Sole(Locks.AssumptionNumbering)], ct);
        var number = (int)await EventLog.CountStreamsAsync(session.Connection!, AssumptionView.StreamType + "/", ct) + 1;
        var drafted = AssumptionDecisions.Draft(null, number, request.Category!, request.Text!);
        var stream = AssumptionRules.StreamId(drafted.Id);
        session.Events.StartStream(stream, drafted);
        return Written.Created($"/api/assumptions/{drafted.Id}",
            token => log.ViewAsync(stream, AssumptionRules.What(drafted.Id), AssumptionView.From, token, 1), 1);
    }
}
