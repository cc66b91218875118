using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.Platforms;

/// <summary>A platform as the API shows it; Version is the stream version the ETag carries.</summary>
public sealed record PlatformView(
    string Id,
    string Architecture,
    string Machine,
    IReadOnlyList<string> IsaExtensions,
    string? Firmware,
    string? Hypervisor,
    IReadOnlyList<string> ExceptionLevels,
    string Description,
    string RegisteredBy,
    DateTimeOffset Registered,
    long Version)
{
    public const string StreamType = "platform";

    public static PlatformView? From(IReadOnlyList<RecordedEvent> events) =>
        events.FirstOrDefault(e => e.Data is PlatformRegistered) is { Data: PlatformRegistered p } registered
            ? new PlatformView(p.Id, p.Architecture, p.Machine, p.IsaExtensions, p.Firmware, p.Hypervisor,
                p.ExceptionLevels, p.Description, registered.Metadata.Actor, registered.Timestamp, events[^1].Version)
            : null;
}
