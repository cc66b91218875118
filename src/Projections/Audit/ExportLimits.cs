namespace Traceability.Projections.Audit;

/// <summary>
/// What an audit export can be, so that verifying an untrusted upload cannot cost more (issue 13, item 1:
/// a 1 MB zip inflating to 1,000 MiB took the process from 505 MB to 3.79 GB). Measured on real exports
/// (README, "Security"): Debian's 6.12 arm64 config in the demo gives matrix.json 4.9 MB, matrix.csv 1.1 MB,
/// report.html 38 KB, and events.jsonl 0.8 MB, or 30 MB once four Kconfig catalogs are in the log (its
/// largest line, a catalog chunk, ~1 MB). Each limit leaves at least ten times that; the files that are only
/// hashed are streamed, so only manifest.json, manifest.sig, matrix.json, matrix.csv and one events line are
/// ever held in memory.
/// </summary>
public sealed record ExportLimits(int MaxEntries, long MaxTotalInflatedBytes, long MaxEventLineBytes, IReadOnlyDictionary<string, long> MaxEntryBytes)
{
    private const long MiB = 1024 * 1024;

    public static ExportLimits Default { get; } = new(16, 3072 * MiB, 16 * MiB, new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [ExportFiles.Manifest] = 1 * MiB,
        [ExportFiles.Signature] = 4096,
        [ExportFiles.MatrixCsv] = 64 * MiB,
        [ExportFiles.MatrixJson] = 64 * MiB,
        [ExportFiles.Decisions] = 256 * MiB,
        [ExportFiles.Assumptions] = 64 * MiB,
        [ExportFiles.Features] = 64 * MiB,
        [ExportFiles.Requirements] = 64 * MiB,
        [ExportFiles.Evidence] = 64 * MiB,
        [ExportFiles.Events] = 2048 * MiB,
        [ExportFiles.Report] = 256 * MiB,
    });

    /// <summary>0 for a name an export never holds: such an entry is reported, never inflated.</summary>
    public long MaxBytesOf(string name) => MaxEntryBytes.GetValueOrDefault(name);
}

/// <summary>
/// The upload is larger than any audit export can be; verification stopped at once. InflatedBytes is how much
/// was inflated before it stopped (what the limits bound, whatever the archive claims).
/// </summary>
public sealed class ExportLimitExceeded(string message, long inflatedBytes) : Exception(message)
{
    public long InflatedBytes { get; } = inflatedBytes;
}
