namespace Traceability.Projections.Events;

/// <summary>
/// The stream was not at the expected version. Raised before any sequence number is taken, so a
/// lost race never surfaces as a raw unique violation (SQLSTATE 23505).
/// </summary>
public sealed class StreamVersionConflict(string streamId, long expected, long actual)
    : Exception($"Stream '{streamId}' is at version {actual}, not the expected {Describe(expected)}.")
{
    public string StreamId { get; } = streamId;
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;

    private static string Describe(long expected) =>
        expected == ExpectedVersion.NoStream ? "0 (a new stream)" : expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
