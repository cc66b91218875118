using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;
using Wolverine.Attributes;
using Wolverine.Http;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.HardwareFeatures;

public static class RegisterHardwareFeature
{
    /// <summary>E.g. arm64-pan, "Privileged Access Never", arm64, governingSymbols ["CONFIG_ARM64_PAN"], availability {"aarch64-qemu-virt": "available"}.</summary>
    public sealed record Request(
        string? Id,
        string? Name,
        string? Architecture,
        string? ProtectsAgainst,
        string? Description,
        IReadOnlyList<string>? GoverningSymbols,
        IReadOnlyDictionary<string, string>? Availability);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).NotEmpty().Must(Ids.IsSlug)
                .WithMessage("Id must be a lower-case slug of at most 64 characters, such as 'arm64-pan'.");
            RuleFor(r => r.Name).RequiredText(TextRules.NameLength);
            RuleFor(r => r.Architecture).NotEmpty().Must(Architectures.IsValid)
                .WithMessage($"Architecture must be one of {string.Join(", ", Architectures.All)}.");
            RuleFor(r => r.ProtectsAgainst).RequiredText(TextRules.TextLength);
            RuleFor(r => r.Description).CleanText(TextRules.TextLength);
            this.GoverningSymbols(r => r.GoverningSymbols);
            this.Availability(r => r.Availability);
        }
    }

    /// <summary>The stream must not exist yet: a concurrent registration of the same id fails on the stream's creation (409).</summary>
    [WolverinePost("/api/hardware-features"), Tags(FeatureRules.Tag), Authorize(Roles.Engineering), Transactional]
    [EndpointSummary("Register a protection feature (e.g. arm64-pan) with its governing symbols (CONFIG_ optional; none for SMEP) and per-platform availability.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<WrittenCreated<HardwareFeatureView>> Handle(Request request, IDocumentSession session, EventLog log, CancellationToken ct)
    {
        await FeatureRules.RequirePlatformsAsync(log, request.Availability, ct);
        var stream = FeatureRules.StreamId(request.Id!);
        var current = await session.Events.FetchForWriting<Folded<HardwareFeature>>(stream, ct);
        var registered = HardwareFeatureDecisions.Register(current.Aggregate?.State, request.Id!, request.Name!, request.Architecture!,
            request.ProtectsAgainst!, request.Description, request.GoverningSymbols, request.Availability);
        session.Events.StartStream(stream, registered);
        return Written.Created($"/api/hardware-features/{request.Id}",
            token => log.ViewAsync(stream, FeatureRules.What(request.Id!), HardwareFeatureView.From, token, 1), 1);
    }
}
