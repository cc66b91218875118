using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;

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

    public static async Task<Created<RequirementView>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = RequirementRules.StreamId(request.Id!);
        var (state, version) = await log.LoadAsync<Requirement>(stream, Requirement.Evolve, ct);
        var recorded = RequirementDecisions.Record(state, request.Id!, request.ExternalId, request.Title!, request.Text!, request.Kind!);
        var result = await log.AppendAsync(new StreamAppend(stream, version, [recorded]),
            Actor.Metadata(context), ct);
        var view = await log.ViewAsync(stream, RequirementRules.What(request.Id!), RequirementView.From, ct, result.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/requirements/{view.Id}", view);
    }
}
