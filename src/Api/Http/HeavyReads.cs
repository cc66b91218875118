namespace Traceability.Api.Http;

/// <summary>
/// How many expensive reads (audit exports, export verifications, matrix CSVs) run at once (issue 13, item 5:
/// 12 concurrent exports all timed out and an unrelated GET took 18 s). Past Limits:ConcurrentHeavyReads
/// (default: half the processors, at least 2) the next one is answered at once with 503 and Retry-After
/// instead of queueing behind the others, so the rest of the API keeps its CPU and connections.
/// </summary>
public sealed class HeavyReads(IConfiguration configuration) : IDisposable
{
    public const string Setting = "Limits:ConcurrentHeavyReads";

    private readonly SemaphoreSlim _slots = new(SlotsOf(configuration));

    public int Slots { get; } = SlotsOf(configuration);

    /// <summary>A slot held until the lease is disposed; <see cref="ServiceBusy"/> when every slot is taken.</summary>
    public IDisposable Enter(string what) =>
        _slots.Wait(0) ? new Lease(_slots) : throw new ServiceBusy(
            $"The service is already running {Slots} exports, verifications or matrix CSVs, the most it runs at once ({Setting}); {what} was not started. Retry shortly.");

    public void Dispose() => _slots.Dispose();

    private static int SlotsOf(IConfiguration configuration) =>
        configuration.GetValue<int?>(Setting) is { } n and > 0 ? n : Math.Max(2, Environment.ProcessorCount / 2);

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}

/// <summary>503 with Retry-After: the request was refused before it started, because the service is at its limit.</summary>
public sealed class ServiceBusy(string message) : Exception(message);
