using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Kconfig;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.HardwareFeatures;

/// <summary>What registering and revising a feature check alike: symbols, availability, existing platforms.</summary>
internal static class FeatureRules
{
    public static void GoverningSymbols<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> symbols)
    {
        validator.RuleFor(r => symbols(r)).Must(s => s is null || s.Count <= 50)
            .WithMessage("At most 50 governing symbols.").OverridePropertyName("governingSymbols");
        validator.RuleForEach(r => symbols(r)).Must(s => KconfigSymbol.Normalize(s) is not null)
            .WithMessage((_, s) => KconfigSymbol.Problem(s) ?? $"'{s}' is not a Kconfig symbol (letters, digits and '_', with or without CONFIG_).")
            .OverridePropertyName("governingSymbols");
    }

    /// <summary>Errors name the platform in the message: an index into a JSON object would mean nothing to the caller.</summary>
    public static void Availability<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyDictionary<string, string>?> availability)
    {
        validator.RuleFor(r => availability(r)).Custom((entries, context) =>
        {
            foreach (var (platform, value) in entries ?? new Dictionary<string, string>())
            {
                if (!Ids.IsSlug(platform)) context.AddFailure("availability", $"'{platform}' is not a platform id.");
                else if (!Domain.HardwareFeatures.Availability.IsValid(value))
                {
                    context.AddFailure("availability", $"Availability on '{platform}' must be available, unavailable or unknown.");
                }
            }
        });
    }

    public static Task RequirePlatformsAsync(EventLog log, IReadOnlyDictionary<string, string>? availability, CancellationToken ct) =>
        log.RequireExistingAsync("availability", availability?.Keys ?? [], Platform.StreamId, ct);

    public const string Tag = "Hardware features";

    public static string What(string id) => $"Hardware feature '{id}'";

    public static string StreamId(string id) => HardwareFeature.StreamId(id);
}
