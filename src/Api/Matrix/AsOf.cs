using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Api.Matrix;

/// <summary>
/// ?asOf=: a chain position (an integer) or an ISO-8601 time, which maps to the last position sealed at or
/// before it. A position inside an append stands for the whole append (it committed at once), and a
/// time in the future is refused: its answer could still change.
/// </summary>
public sealed partial record AsOf(long? Position, DateTimeOffset? Time)
{
    public const string Parameter = "asOf";

    /// <summary>Null when absent; a ValidationFailure naming asOf when it is neither a position nor an ISO-8601 time.</summary>
    public static AsOf? Parse(string? text, ICollection<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return new AsOf(position, null);
        // A '+' offset arrives as a space when the client did not percent-encode it.
        var time = text.Replace(' ', '+');
        if (IsoDate().IsMatch(time) && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return new AsOf(null, moment);
        }
        failures.Add(new ValidationFailure(Parameter, "asOf must be a log position (e.g. 1234) or an ISO-8601 time (e.g. 2025-05-14T10:00:00Z)."));
        return null;
    }

    /// <summary>The position to fold to, after sealing everything committed so far.</summary>
    public async Task<long> ResolveAsync(EventLog log, CancellationToken ct)
    {
        var head = await log.Sealer.SealAsync(ct);
        if (Time is { } moment)
        {
            if (moment > DateTimeOffset.UtcNow) Refuse($"asOf {moment:O} is in the future; history can only be read up to now.");
            return await ChainReads.PositionAtAsync(log.DataSource, moment, ct);
        }
        if (Position > head.Position) Refuse($"asOf {Position} is after the newest log position ({head.Position}).");
        if (Position < 1) Refuse("asOf positions start at 1.");
        return await ChainReads.AppendEndAsync(log.DataSource, Position!.Value, ct);
    }

    private static void Refuse(string message) => throw new ValidationException([new ValidationFailure(Parameter, message)]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
