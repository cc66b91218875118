using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// A session left open after it took an event sequence number holds the sealer's watermark back: sealing goes on,
/// but every pass rereads more. The sealing service names the backend, so an operator can find it in pg_stat_activity.
/// </summary>
public sealed class WatermarkHeldBack(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task The_sealing_service_names_the_backend_whose_open_transaction_holds_the_watermark_back()
    {
        var warning = ChainSealingService.HeldBackWarning;
        ChainSealingService.HeldBackWarning = TimeSpan.Zero;
        var logs = new Captured();
        using var service = new ChainSealingService(new ChainSealer(log.Runtime), logs);
        await using var open = await log.Runtime.OpenConnectionAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT nextval('traceability.mt_events_sequence')", open)) await take.ExecuteScalarAsync();
        try
        {
            await service.StartAsync(CancellationToken.None);
            await logs.Warned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            ChainSealingService.HeldBackWarning = warning;
        }

        Assert.Contains($"(backend pids {open.ProcessID})", await logs.Warned.Task, StringComparison.Ordinal);
        Assert.Single(logs.Lines, l => l.Contains("watermark has waited", StringComparison.Ordinal));
    }

    private sealed class Captured : ILogger<ChainSealingService>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        /// <summary>The first warning about the watermark.</summary>
        public TaskCompletionSource<string> Warned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            Lines.Enqueue(line);
            if (line.Contains("watermark has waited", StringComparison.Ordinal)) Warned.TrySetResult(line);
        }
    }
}
