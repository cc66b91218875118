using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;
using Wolverine.Attributes;
using Wolverine.Http;

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

    /// <summary>A new stream: nothing to load for writing ([Transactional]: Wolverine commits the session); a baseline created at the same time is Marten's 409 at the commit.</summary>
    [WolverinePost("/api/baselines"), Transactional, Tags(BaselineRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Create a baseline: a platform, a kernel version and a variant name, e.g. {\"id\":\"arm64-6.1\",\"platform\":\"aarch64-qemu-virt\",\"kernelVersion\":\"6.1.192\",\"variant\":\"debian\"}.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<WrittenCreated<BaselineView>> Handle(Request request, IDocumentSession session, EventLog log, CancellationToken ct)
    {
        if (await BaselineReads.PlatformArchitectureAsync(log, request.Platform, ct) is null)
            throw new ValidationException([new ValidationFailure("platform", $"Platform '{request.Platform}' does not exist.")]);
        var existing = await BaselineReads.LoadAsync(log, request.Id, ct);
        var created = BaselineDecisions.Create(existing?.State, request.Id, request.Platform, request.KernelVersion, request.Variant);
        var streamId = Baseline.StreamId(created.Id);
        session.Events.StartStream(streamId, created);
        return Written.Created($"/api/baselines/{created.Id}",
            token => log.ViewAsync(streamId, $"Baseline '{created.Id}'", BaselineView.From, token, 1), 1);
    }
}
