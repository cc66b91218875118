using Traceability.Domain.HardwareFeatures;
using Traceability.Projections.Events;

namespace Traceability.Api.HardwareFeatures;

/// <summary>
/// A hardware feature as the API shows it. GoverningSymbols are stored without CONFIG_; an empty list
/// means no symbol switches the feature (x86 SMEP). Availability maps platform id to available | unavailable | unknown.
/// </summary>
public sealed record HardwareFeatureView(
    string Id,
    string Name,
    string Architecture,
    string ProtectsAgainst,
    string Description,
    IReadOnlyList<string> GoverningSymbols,
    IReadOnlyDictionary<string, string> Availability,
    int Revision,
    long Version)
{
    public const string StreamType = "feature";

    public static HardwareFeatureView? From(IReadOnlyList<RecordedEvent> events)
    {
        HardwareFeatureView? view = null;
        foreach (var e in events)
        {
            view = e.Data switch
            {
                HardwareFeatureRegistered r => new HardwareFeatureView(r.Id, r.Name, r.Architecture, r.ProtectsAgainst,
                    r.Description, r.GoverningSymbols, r.Availability, 1, e.Version),
                HardwareFeatureRevised r when view is not null => view with
                {
                    ProtectsAgainst = r.ProtectsAgainst, Description = r.Description, GoverningSymbols = r.GoverningSymbols,
                    Availability = r.Availability, Revision = r.Revision, Version = e.Version,
                },
                _ => view is null ? null : view with { Version = e.Version },
            };
        }
        return view;
    }
}
