using System.Reflection;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// manifest.json: what the export is of, where it sits in the chain, the rules to recompute it, the
/// service keys that signed its events, and the SHA-256 of every other file.
/// </summary>
public sealed record Manifest(
    string Format,
    Manifest.GeneratorInfo Generator,
    BaselineFacts Baseline,
    Manifest.AsOfInfo AsOf,
    Manifest.EventRange Events,
    Manifest.ChainInfo Chain,
    IReadOnlyList<TrustedKey> Keys,
    Manifest.IntegrityInfo Integrity,
    IReadOnlyList<Manifest.FileEntry> Files,
    Manifest.SignatureInfo? Signature)
{
    public const string FormatName = "traceability-audit-export/2";

    public sealed record GeneratorInfo(string Name, string Version);

    /// <summary>The chain position the export is as of, and when that position was sealed.</summary>
    public sealed record AsOfInfo(long Position, string Time);

    /// <summary>events.jsonl holds positions First..Last; Full of them with their payload (the baseline's own and what it links).</summary>
    public sealed record EventRange(long First, long Last, long Full, string File);

    public sealed record ChainInfo(string Genesis, string Head, string LinkRule, string DigestRule, string SignatureRule);

    /// <summary>Whether every event up to the position was authenticated when the export was made; an export of a log that is not is never signed.</summary>
    public sealed record IntegrityInfo(bool Authenticated, string? FirstProblem);

    public sealed record FileEntry(string Name, string Sha256, long Bytes);

    public sealed record SignatureInfo(string Algorithm, string Encoding, string File, string KeyId);

    public static GeneratorInfo ThisGenerator { get; } = new("traceability",
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Manifest).Assembly.GetName().Version?.ToString() ?? "unknown");

    public static ChainInfo Rules(string genesis, string head) =>
        new(genesis, head, ChainLink.Rule, EventDigest.Rule, AuthHeader.SignatureRule);
}
