using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>POST /api/baselines: one kernel configuration under control, on a registered platform.</summary>
public static class CreateBaseline
{
    /// <param name="Id">Lower-case slug, e.g. "arm64-6.1".</param>
    /// <param name="Platform">A registered platform id, e.g. "aarch64-qemu-virt".</param>
    /// <param name="KernelVersion">e.g. "6.1.192".</param>
    /// <param name="Variant">The configuration's name within the platform and version, e.g. "debian-generic".</param>
    public sealed record Request(string Id, string Platform, string KernelVersion, string Variant);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).BaselineId();
            RuleFor(r => r.Platform).BaselineId().WithMessage("'{PropertyValue}' is not a platform id.");
            RuleFor(r => r.KernelVersion).KernelVersion();
            RuleFor(r => r.Variant).NotEmpty().PlainText(BaselineRules.MaxNameLength);
        }
    }

    public static async Task<Created<BaselineView>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        if (await BaselineReads.PlatformArchitectureAsync(log, request.Platform, ct) is null)
            throw new ValidationException([new ValidationFailure("platform", $"Platform '{request.Platform}' does not exist.")]);
        var existing = await BaselineReads.LoadAsync(log, request.Id, ct);
        var created = BaselineDecisions.Create(existing?.State, request.Id, request.Platform, request.KernelVersion, request.Variant);
        await log.AppendAsync(StreamAppend.Start(Baseline.StreamId(created.Id), created),
            Actor.Metadata(context), ct);
        var view = (await BaselineReads.LoadAsync(log, created.Id, ct))!.View;
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/baselines/{created.Id}", view);
    }
}
