namespace Traceability.Domain.Baselines;

/// <summary>Only what decisions need: the latest import (to compare and to detect re-imports) and the frozen flag.</summary>
public sealed record Baseline(
    string Id,
    string Platform,
    string KernelVersion,
    string? DerivedFrom,
    int ConfigRevision,
    string? LatestSha256,
    IReadOnlyDictionary<string, string> Values,
    bool Frozen)
{
    public static string StreamId(string id) => $"baseline/{id}";

    public static Baseline? Evolve(Baseline? state, object @event) => @event switch
    {
        BaselineCreated e => new Baseline(
            e.Id, e.Platform, e.KernelVersion, e.DerivedFrom, 0, null, new Dictionary<string, string>(), false),
        ConfigImported e when state is not null =>
            state with { ConfigRevision = e.Revision, LatestSha256 = e.Sha256, Values = e.Values },
        BaselineFrozen when state is not null => state with { Frozen = true },
        _ => state,
    };
}
