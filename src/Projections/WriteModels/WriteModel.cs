using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Traceability.Projections.WriteModels;

/// <summary>
/// The state a command decides on, folded live from its stream by the domain's own Evolve: Marten's
/// FetchForWriting (and so Wolverine's aggregate workflow) loads it; nothing is stored.
/// </summary>
public sealed class WriteModel<T>(Func<T?, IEvent, T?> evolve) : SingleStreamProjection<Folded<T>, string> where T : class
{
    public override Folded<T>? Evolve(Folded<T>? snapshot, string id, IEvent e) =>
        evolve(snapshot?.State, e) is { } state ? new Folded<T>(id, state) : null;
}

/// <summary>
/// A domain state keyed by its stream. Marten sets the loaded aggregate's Id to the stream key; wrapped, the domain
/// state keeps its own Id ("AOU-0007", not "aou/AOU-0007"), which its events carry, and a state with no Id loads too.
/// </summary>
public sealed record Folded<T>(string Id, T State) where T : class;
