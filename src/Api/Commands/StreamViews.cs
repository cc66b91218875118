using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>
/// Reads for the small reference catalogs (platforms, features, AoUs, requirements): fold each stream
/// into its response record. A view is a function of the stream's recorded events, so it can show
/// actors and times, which the domain states do not keep.
/// </summary>
public static class StreamViews
{
    /// <summary>The view of one stream (up to <paramref name="maxVersion"/>, e.g. the version just written); 404 when it does not exist.</summary>
    public static async Task<T> ViewAsync<T>(
        this EventLog log, string streamId, string what, Func<IReadOnlyList<RecordedEvent>, T?> view,
        CancellationToken ct, long? maxVersion = null) where T : class
    {
        var events = await log.ReadStreamAsync(streamId, maxVersion, ct);
        return (events.Count == 0 ? null : view(events)) ?? throw new ResourceNotFound(what);
    }

    /// <summary>Every stream of a type ("aou" for aou/...), in id order, read in one query.</summary>
    public static async Task<IReadOnlyList<T>> ListViewsAsync<T>(
        this EventLog log, string streamType, Func<IReadOnlyList<RecordedEvent>, T?> view, CancellationToken ct) where T : class
    {
        var events = await log.ReadStreamsByPrefixAsync(streamType + "/", ct);
        return [.. events.GroupBy(e => e.StreamId, StringComparer.Ordinal).Select(g => view([.. g])).OfType<T>()];
    }

    /// <summary>Whether a stream exists: for checking that linked ids (platforms, AoUs, ...) are real.</summary>
    public static async Task<bool> ExistsAsync(this EventLog log, string streamId, CancellationToken ct) =>
        await log.StreamVersionAsync(streamId, ct) > 0;

    /// <summary>400 naming <paramref name="field"/> for each linked id whose stream does not exist: a link to nothing is bad input.</summary>
    public static async Task RequireExistingAsync(
        this EventLog log, string field, IEnumerable<string> ids, Func<string, string> streamId, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!await log.ExistsAsync(streamId(id), ct)) failures.Add(new ValidationFailure(field, $"{id} does not exist."));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
    }
}
