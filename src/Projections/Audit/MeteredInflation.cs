namespace Traceability.Projections.Audit;

/// <summary>Counts every byte inflated from an export's entries, against each entry's limit and the total.</summary>
internal sealed class InflationMeter(ExportLimits limits, CancellationToken cancellation)
{
    public long Total { get; private set; }

    public ExportLimits Limits => limits;

    public void Count(string entry, long entryBytes, int read)
    {
        cancellation.ThrowIfCancellationRequested();
        Total += read;
        if (entryBytes > limits.MaxBytesOf(entry))
            throw new ExportLimitExceeded($"{entry} inflates to more than {Mib(limits.MaxBytesOf(entry))}, more than an audit export's {entry} can be.", Total);
        if (Total > limits.MaxTotalInflatedBytes)
            throw new ExportLimitExceeded($"The archive inflates to more than {Mib(limits.MaxTotalInflatedBytes)}, more than an audit export can be.", Total);
    }

    public static string Mib(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}

/// <summary>
/// An entry's inflated bytes as they are read, stopped by <see cref="InflationMeter"/> at its limit and, when
/// given a hash, hashed on the way, so a file is checked against the manifest without being held.
/// </summary>
internal sealed class MeteredEntry(Stream inner, string name, InflationMeter meter, System.Security.Cryptography.IncrementalHash? hash = null)
    : ReadThroughStream(inner, ownsInner: true)
{
    protected override void OnRead(ReadOnlySpan<byte> chunk)
    {
        meter.Count(name, BytesRead, chunk.Length);
        hash?.AppendData(chunk);
    }
}
