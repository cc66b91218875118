using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Traceability.Projections.WriteModels;

/// <summary>
/// The state a command decides on, folded live from its stream by the domain's own Evolve: Marten's
/// FetchForWriting (and so Wolverine's aggregate workflow) loads it; nothing is stored.
/// </summary>
public sealed class WriteModel<T>(Func<T?, IEvent, T?> evolve) : SingleStreamProjection<T, string> where T : class
{
    public override T? Evolve(T? snapshot, string id, IEvent e) => evolve(snapshot, e);
}
