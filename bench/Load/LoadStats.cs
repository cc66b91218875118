using System.Collections.Concurrent;

namespace Traceability.Bench.Load;

/// <summary>A write the service acknowledged (2xx): its stream, the version its ETag named, and the key that made it.</summary>
public sealed record AcknowledgedWrite(string StreamId, long Version, string Actor, string Operation);

/// <summary>Everything the clients observed: latency per operation, status codes, acknowledged writes. Thread-safe.</summary>
public sealed class LoadStats
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<(string Operation, int Status), int> _statuses = new();
    private readonly ConcurrentBag<AcknowledgedWrite> _acknowledged = [];
    private readonly ConcurrentBag<string> _serverErrors = [];

    public IReadOnlyCollection<AcknowledgedWrite> Acknowledged => _acknowledged;
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;
    public IReadOnlyDictionary<(string Operation, int Status), int> Statuses => _statuses;
    public long Requests => _statuses.Values.Sum(v => (long)v);

    public void Record(string operation, int status, TimeSpan elapsed)
    {
        _latencies.GetOrAdd(operation, _ => []).Add(elapsed.TotalMilliseconds);
        _statuses.AddOrUpdate((operation, status), 1, (_, n) => n + 1);
    }

    public void Acknowledge(AcknowledgedWrite write) => _acknowledged.Add(write);

    /// <summary>The first few 5xx bodies are kept for the report: a 5xx under load is a finding.</summary>
    public void ServerError(string description)
    {
        if (_serverErrors.Count < 20) _serverErrors.Add(description);
    }

    public IReadOnlyList<(string Operation, int Count, double P50, double P95, double P99)> Percentiles() =>
        _latencies.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
        {
            var sorted = l.Value.Order().ToArray();
            return (l.Key, sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99));
        }).ToList();

    private static double At(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
