using Traceability.Domain.Baselines;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;



namespace Traceability.Api.Baselines;

/// <summary>One read of a baseline stream folded twice: the domain state that decides, the view that answers.</summary>
public sealed record LoadedBaseline(Baseline State, BaselineView View, long Version)
{
    public string StreamId => Baseline.StreamId(State.Id);
}

public static class BaselineReads
{
    public const string StreamType = "baseline";
    public const string DecisionStreamType = "decision";

    public static async Task<LoadedBaseline?> LoadAsync(EventLog log, string id, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(Baseline.StreamId(id), null, ct);
        Baseline? state = null;
        BaselineView? view = null;
        foreach (var e in events)
        {
            state = Baseline.Evolve(state, e.Data);
            view = BaselineView.Evolve(view, e);
        }
        return state is null || view is null ? null : new LoadedBaseline(state, view, events[^1].Version);
    }

    /// <summary>The platform's architecture, which every imported .config must match.</summary>
    public static async Task<string?> PlatformArchitectureAsync(EventLog log, string platform, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(Platform.StreamId(platform), null, ct);
        Platform? state = null;
        foreach (var e in events) state = Platform.Evolve(state, e.Data);
        return state?.Architecture;
    }
}
