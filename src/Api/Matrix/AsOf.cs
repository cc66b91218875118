using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Traceability.Projections.Events;

namespace Traceability.Api.Matrix;

/// <summary>?asOf=: a seq_id (an integer) or an ISO-8601 time, which maps to the last seq_id at or before it.</summary>
public sealed partial record AsOf(long? Seq, DateTimeOffset? Time)
{
    public const string Parameter = "asOf";

    /// <summary>Null when absent; a ValidationFailure naming asOf when it is neither a seq nor an ISO-8601 time.</summary>
    public static AsOf? Parse(string? text, ICollection<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) return new AsOf(seq, null);
        // A '+' offset arrives as a space when the client did not percent-encode it.
        var time = text.Replace(' ', '+');
        if (IsoDate().IsMatch(time) && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return new AsOf(null, moment);
        }
        failures.Add(new ValidationFailure(Parameter, "asOf must be a seq_id (e.g. 1234) or an ISO-8601 time (e.g. 2025-05-14T10:00:00Z)."));
        return null;
    }

    /// <summary>The seq_id to fold to; a seq beyond the head is refused, as its answer could still change.</summary>
    public async Task<long> ResolveAsync(EventStore store, long head, CancellationToken ct)
    {
        if (Time is { } moment) return await store.SeqIdAtAsync(moment, ct);
        if (Seq > head)
        {
            throw new ValidationException([new ValidationFailure(Parameter, $"asOf {Seq} is after the newest event ({head}).")]);
        }
        return Seq!.Value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
