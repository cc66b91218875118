using System.Reflection;

namespace Traceability.Projections.Audit;

/// <summary>manifest.json: what the export is of, where it sits in the log, and the SHA-256 of every other file.</summary>
public sealed record Manifest(
    string Format,
    Manifest.GeneratorInfo Generator,
    BaselineFacts Baseline,
    Manifest.AsOfInfo AsOf,
    Manifest.EventRange Events,
    Manifest.ChainInfo Chain,
    IReadOnlyList<Manifest.FileEntry> Files,
    Manifest.SignatureInfo? Signature)
{
    public const string FormatName = "traceability-audit-export/1";

    public sealed record GeneratorInfo(string Name, string Version);

    public sealed record AsOfInfo(long Seq, string Time);

    public sealed record EventRange(long First, long Last, string File);

    public sealed record ChainInfo(string Head, string Rule, string Definition);

    public sealed record FileEntry(string Name, string Sha256, long Bytes);

    public sealed record SignatureInfo(string Algorithm, string Encoding, string File, string PublicKeyPem);

    public static GeneratorInfo ThisGenerator { get; } = new("traceability",
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Manifest).Assembly.GetName().Version?.ToString() ?? "unknown");

    public const string ChainRule =
        "Each line of events.jsonl links to the one before it: its prevHash is the previous line's hash (empty for seq 1), "
        + "and its hash is recomputed from its own fields as the definition says. The head is the hash of the last event.";

    /// <summary>The definition in README.md ("Event store"), word for word, so the export explains itself.</summary>
    public const string ChainDefinition =
        "Hash of an event, recomputable without our code: SHA-256(prev_hash ‖ stream_id ‖ version ‖ type ‖ data ‖ metadata ‖ timestamp) "
        + "where prev_hash, stream_id, type, data and metadata are each prefixed by their byte length (4-byte big-endian), "
        + "version and timestamp (microseconds since the Unix epoch, UTC) are 8-byte big-endian, and data and metadata are "
        + "canonical JSON: keys sorted by UTF-16 code units, no whitespace, strings escaped only where JSON requires. "
        + "The first event's prev_hash is empty. In events.jsonl, prevHash and hash are lower-case hex, data and metadata "
        + "are the canonical JSON objects, and timestamp is ISO-8601 UTC with microseconds.";
}
