using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Api.Demo;

/// <summary>samples/demo/demo.json: the working group's reference platform, features, AoUs and decisions.</summary>
public sealed record DemoData(
    IReadOnlyList<JsonObject> Platforms,
    IReadOnlyList<JsonObject> HardwareFeatures,
    IReadOnlyList<DemoAssumption> Assumptions,
    IReadOnlyList<JsonObject> Requirements,
    IReadOnlyList<DemoBaseline> Baselines,
    IReadOnlyList<DemoDecision> Decisions,
    IReadOnlyList<DemoRevision> AssumptionRevisions,
    IReadOnlyList<DemoEvidence> Evidence)
{
    public static DemoData Load(string directory) =>
        JsonSerializer.Deserialize<DemoData>(File.ReadAllText(Path.Combine(directory, "demo", "demo.json")), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("samples/demo/demo.json is empty.");

    /// <summary>What the demo loaded, for the console once it is done.</summary>
    public string Summary() =>
        $"{Platforms.Count} platforms, {HardwareFeatures.Count} hardware features, {Assumptions.Count} assumptions of use, " +
        $"{Requirements.Count} requirements, {Baselines.Count} baselines, {Decisions.Count} decisions " +
        $"({Decisions.Count(d => d.Approve)} approved by a second key), {Evidence.Count} evidence records, " +
        $"{AssumptionRevisions.Count} AoU revision{(AssumptionRevisions.Count == 1 ? "" : "s")} marking linked decisions suspect";

    /// <summary>The samples folder is copied next to the service's binaries (see Api.csproj).</summary>
    public static string SamplesDirectory() => Path.Combine(AppContext.BaseDirectory, "samples");
}

public sealed record DemoAssumption(string Key, string Category, string Text);

public sealed record DemoBaseline(string Id, string Platform, string KernelVersion, string Variant, string Config, string? DerivedFrom);

public sealed record DemoDecision(
    string Baseline, string Symbol, string Value, string Rationale,
    IReadOnlyList<string> Assumptions, IReadOnlyList<string> Features, IReadOnlyList<string> Requirements, bool Approve);

public sealed record DemoRevision(string Key, string Text, string Reason);

public sealed record DemoEvidence(string Baseline, string Symbol, string Kind, string Reference, string Outcome, string Summary);
