using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;
using Wolverine.Attributes;
using Wolverine.Http;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Requirements;

public static class RecordRequirement
{
    /// <summary>E.g. id "sr-mem-isolation", externalId "DOORS-SR-0042", kind "requirement" or "goal".</summary>
    public sealed record Request(string? Id, string? ExternalId, string? Title, string? Text, string? Kind);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).NotEmpty().Must(Ids.IsSlug)
                .WithMessage("Id must be a lower-case slug of at most 64 characters, such as 'sr-mem-isolation'.");
            this.Content(r => r.ExternalId, r => r.Title, r => r.Text);
            RuleFor(r => r.Kind).NotEmpty().Must(RequirementKinds.IsValid).WithMessage("Kind must be 'requirement' or 'goal'.");
        }
    }

    /// <summary>The stream must not exist yet: a concurrent recording of the same id fails on the stream's creation (409).</summary>
    [WolverinePost("/api/requirements"), Tags(RequirementRules.Tag), Authorize(Roles.Engineering), Transactional]
    [EndpointSummary("Record a safety requirement or goal (kind requirement|goal) that rationales can cite, with its external (e.g. DOORS) id.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<WrittenCreated<RequirementView>> Handle(Request request, IDocumentSession session, EventLog log, CancellationToken ct)
    {
        var stream = RequirementRules.StreamId(request.Id!);
        var current = await session.Events.FetchForWriting<Folded<Requirement>>(stream, ct);
        var recorded = RequirementDecisions.Record(current.Aggregate?.State, request.Id!, request.ExternalId, request.Title!, request.Text!, request.Kind!);
        session.Events.StartStream(stream, recorded);
        return Written.Created($"/api/requirements/{request.Id}",
            token => log.ViewAsync(stream, RequirementRules.What(request.Id!), RequirementView.From, token, 1), 1);
    }
}
