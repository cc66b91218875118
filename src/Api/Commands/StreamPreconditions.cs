using JasperFx.Events;
using Traceability.Api.Http;

namespace Traceability.Api.Commands;

/// <summary>
/// Runs right after Wolverine loads the aggregate of a [WriteAggregate] endpoint: 404 naming the resource
/// when its stream does not exist, 412 with the current ETag when If-Match names another version.
/// </summary>
public static class StreamPreconditions
{
    public static void Check<T>(HttpContext context, IEventStream<T> stream) where T : class
    {
        var what = StreamNames.What(stream.Key!);
        if (stream.Aggregate is null) throw new ResourceNotFound(what);
        ETags.Check(context.Request, what, stream.StartingVersion ?? 0);
    }
}
