namespace Traceability.Projections.Audit;

/// <summary>The export's entries, in their fixed order.</summary>
public static class ExportFiles
{
    public const string Manifest = "manifest.json";
    public const string MatrixCsv = "matrix.csv";
    public const string MatrixJson = "matrix.json";
    public const string Decisions = "decisions.json";
    public const string Assumptions = "assumptions.json";
    public const string Features = "hardware-features.json";
    public const string Requirements = "requirements.json";
    public const string Evidence = "evidence.json";
    public const string Events = "events.jsonl";
    public const string Report = "report.html";
    public const string Signature = "manifest.sig";

    /// <summary>Every file the manifest hashes, in the zip's order (after manifest.json).</summary>
    public static IReadOnlyList<string> Hashed { get; } =
        [MatrixCsv, MatrixJson, Decisions, Assumptions, Features, Requirements, Evidence, Events, Report];

    public static IReadOnlyList<string> All { get; } = [Manifest, .. Hashed, Signature];
}
