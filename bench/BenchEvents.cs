using System.Text.Json;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>A small event, about the size of a real decision event, so the bench measures the store and not JSON.</summary>
public sealed record BenchNoted(string Symbol, int Number, string Meaning);

public static class BenchEvents
{
    public const string Alias = "bench_noted";
    public static readonly EventMetadata Metadata = new("bench", "engineer", "benchmark", "bench-run");

    public static BenchNoted Event(int number) => new("CONFIG_FUTEX", number, "needed by the libc on every platform");

    /// <summary>The JSON both Marten stores write, so plain INSERTs move rows of the same size.</summary>
    public static string DataJson(int number) => JsonSerializer.Serialize(Event(number), EventJson.Options);

    /// <summary>The headers a service append carries besides its signature: role and reason.</summary>
    public static readonly string HeadersJson = JsonSerializer.Serialize(Metadata.Headers().ToDictionary());
}
