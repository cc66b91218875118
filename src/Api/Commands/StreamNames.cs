using Traceability.Api.Assumptions;
using Traceability.Api.Decisions;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Requirements;

namespace Traceability.Api.Commands;

/// <summary>How a stream is named to a person in a 404 or 412: "Assumption of use 'AOU-0007'".</summary>
public static class StreamNames
{
    /// <summary>The stream that must exist for this one to: a decision's baseline.</summary>
    public static string? Parent(string streamKey) =>
        streamKey.Split('/') is ["decision", var baseline, _] ? $"baseline/{baseline}" : null;

    public static string What(string streamKey)
    {
        var slash = streamKey.IndexOf('/', StringComparison.Ordinal);
        var (type, id) = slash < 0 ? (streamKey, "") : (streamKey[..slash], streamKey[(slash + 1)..]);
        return type switch
        {
            "aou" => AssumptionRules.What(id),
            "feature" => FeatureRules.What(id),
            "requirement" => RequirementRules.What(id),
            "platform" => $"Platform '{id}'",
            "baseline" => $"Baseline '{id}'",
            "decision" when id.IndexOf('/', StringComparison.Ordinal) is var s and > 0 => DecisionWrites.What(id[..s], id[(s + 1)..]),
            _ => $"'{streamKey}'",
        };
    }
}
