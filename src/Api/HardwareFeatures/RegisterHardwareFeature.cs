using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

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

    public static async Task<Created<HardwareFeatureView>> Handle(Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        await FeatureRules.RequirePlatformsAsync(log, request.Availability, ct);
        var stream = FeatureRules.StreamId(request.Id!);
        var (state, version) = await log.LoadAsync<HardwareFeature>(stream, HardwareFeature.Evolve, ct);
        var registered = HardwareFeatureDecisions.Register(state, request.Id!, request.Name!, request.Architecture!,
            request.ProtectsAgainst!, request.Description, request.GoverningSymbols, request.Availability);
        var result = await log.AppendAsync(new StreamAppend(stream, version, [registered]),
            Actor.Metadata(context), ct);
        var view = await log.ViewAsync(stream, FeatureRules.What(request.Id!), HardwareFeatureView.From, ct, result.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/hardware-features/{view.Id}", view);
    }
}
