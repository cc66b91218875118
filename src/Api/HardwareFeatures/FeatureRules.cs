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
            .WithMessage("'{PropertyValue}' is not a Kconfig symbol (letters, digits and '_', with or without CONFIG_).")
            .OverridePropertyName("governingSymbols");
    }

    public static void Availability<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyDictionary<string, string>?> availability)
    {
        validator.RuleForEach(r => availability(r))
            .Must(pair => Ids.IsSlug(pair.Key)).WithMessage("'{PropertyValue}' is not a platform id.")
            .Must(pair => Domain.HardwareFeatures.Availability.IsValid(pair.Value))
            .WithMessage("Availability must be available, unavailable or unknown.")
            .OverridePropertyName("availability");
    }

    public static Task RequirePlatformsAsync(EventStore store, IReadOnlyDictionary<string, string>? availability, CancellationToken ct) =>
        store.RequireExistingAsync("availability", availability?.Keys ?? [], Platform.StreamId, ct);

    public static string What(string id) => $"Hardware feature '{id}'";

    public static string StreamId(string id) => HardwareFeature.StreamId(id);
}
