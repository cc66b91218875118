using JasperFx.Events;
using Marten;
using Traceability.Api.Http;

namespace Traceability.Api.Commands;

/// <summary>
/// Runs right after Wolverine loads the aggregate of a [WriteAggregate] endpoint: 404 naming the resource
/// when its stream does not exist (or naming its parent, a decision's baseline, when that is what is missing),
/// 412 with the current ETag when If-Match names another version.
/// </summary>
public static class StreamPreconditions
{
    public static async Task CheckAsync<T>(HttpContext context, IEventStream<T> stream, IDocumentSession session, CancellationToken ct) where T : class
    {
        if (stream.Aggregate is null)
        {
            if (StreamNames.Parent(stream.Key!) is { } parent && await session.Events.FetchStreamStateAsync(parent, ct) is null)
                throw new ResourceNotFound(StreamNames.What(parent));
            throw new ResourceNotFound(StreamNames.What(stream.Key!));
        }
        ETags.Check(context.Request, StreamNames.What(stream.Key!), stream.StartingVersion ?? 0);
    }
}
