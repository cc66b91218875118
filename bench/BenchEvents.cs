using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>A small event, about the size of a real decision event, so the bench measures the store and not JSON.</summary>
public sealed record BenchNoted(string Symbol, int Number, string Meaning);

public static class BenchEvents
{
    public static readonly EventTypeRegistry Registry = new([("bench_noted", typeof(BenchNoted))]);
    public static readonly EventMetadata Metadata = new("bench", "engineer", "benchmark", "bench-run");

    public static BenchNoted Event(int number) => new("CONFIG_FUTEX", number, "needed by the libc on every platform");

    /// <summary>The same JSON the store writes, so plain INSERTs move rows of the same size.</summary>
    public static string DataJson(int number) =>
        System.Text.Json.JsonSerializer.Serialize(Event(number), EventSerializer.Options);

    public static readonly string MetadataJson =
        System.Text.Json.JsonSerializer.Serialize(Metadata, EventSerializer.Options);
}
