namespace Traceability.Domain.Platforms;

/// <summary>What other aggregates need from a platform: its architecture, to check imported configs.</summary>
public sealed record Platform(string Id, string Architecture)
{
    public static string StreamId(string id) => $"platform/{id}";

    public static Platform? Evolve(Platform? state, object @event) => @event switch
    {
        PlatformRegistered e => new Platform(e.Id, e.Architecture),
        _ => state,
    };
}
