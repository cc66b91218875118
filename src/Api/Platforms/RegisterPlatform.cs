using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

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

    public static async Task<Created<PlatformView>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = Platform.StreamId(request.Id!);
        var (state, version) = await log.LoadAsync<Platform>(stream, Platform.Evolve, ct);
        var registered = PlatformDecisions.Register(state, request.Id!, request.Architecture!, request.Machine!,
            request.IsaExtensions, request.Firmware, request.Hypervisor, request.ExceptionLevels, request.Description);
        var result = await log.AppendAsync(new StreamAppend(stream, version, [registered]),
            Actor.Metadata(context), ct);
        var view = await log.ViewAsync(stream, $"Platform '{request.Id}'", PlatformView.From, ct, result.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/platforms/{view.Id}", view);
    }
}
