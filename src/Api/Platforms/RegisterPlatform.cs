using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;
using Wolverine.Attributes;
using Wolverine.Http;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Platforms;

public static class RegisterPlatform
{
    /// <summary>E.g. aarch64-qemu-virt, arm64, "QEMU virt", exception levels ["EL0", "EL1"].</summary>
    public sealed record Request(
        string? Id,
        string? Architecture,
        string? Machine,
        IReadOnlyList<string>? IsaExtensions,
        string? Firmware,
        string? Hypervisor,
        IReadOnlyList<string>? ExceptionLevels,
        string? Description);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).NotEmpty().Must(Ids.IsSlug)
                .WithMessage("Id must be a lower-case slug of at most 64 characters, such as 'aarch64-qemu-virt'.");
            RuleFor(r => r.Architecture).NotEmpty().Must(Architectures.IsValid)
                .WithMessage($"Architecture must be one of {string.Join(", ", Architectures.All)}.");
            RuleFor(r => r.Machine).RequiredText(TextRules.NameLength);
            RuleForEach(r => r.IsaExtensions).RequiredText(TextRules.NameLength);
            RuleFor(r => r.IsaExtensions).Must(l => l is null || l.Count <= 200).WithMessage("At most 200 ISA extensions.");
            RuleFor(r => r.Firmware).CleanText(TextRules.NameLength);
            RuleFor(r => r.Hypervisor).CleanText(TextRules.NameLength);
            RuleForEach(r => r.ExceptionLevels).RequiredText(TextRules.NameLength);
            RuleFor(r => r.ExceptionLevels).Must(l => l is null || l.Count <= 20).WithMessage("At most 20 exception levels.");
            RuleFor(r => r.Description).CleanText(TextRules.TextLength);
        }
    }

    /// <summary>The stream must not exist yet: a concurrent registration of the same id fails on the stream's creation (409).</summary>
    [WolverinePost("/api/platforms"), Tags("Platforms"), Authorize(Roles.Administration), Transactional]
    [EndpointSummary("Register a target platform (e.g. aarch64-qemu-virt: arm64, QEMU virt, EL0/EL1 in scope); configurations are judged against it.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<WrittenCreated<PlatformView>> Handle(Request request, IDocumentSession session, EventLog log, CancellationToken ct)
    {
        var stream = Platform.StreamId(request.Id!);
        var current = await session.Events.FetchForWriting<Folded<Platform>>(stream, ct);
        var registered = PlatformDecisions.Register(current.Aggregate?.State, request.Id!, request.Architecture!, request.Machine!,
            request.IsaExtensions, request.Firmware, request.Hypervisor, request.ExceptionLevels, request.Description);
        session.Events.StartStream(stream, registered);
        return Written.Created($"/api/platforms/{request.Id}",
            token => log.ViewAsync(stream, $"Platform '{request.Id}'", PlatformView.From, token, 1), 1);
    }
}
