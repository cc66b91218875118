using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Tests.Faults;

/// <summary>One answer the writers got; status 0 when the connection itself failed (a killed instance).</summary>
public sealed record FaultAnswer(string Operation, int Status, string? ContentType, string? RetryAfter, string Phase);

/// <summary>A 2xx write: the stream, the version its ETag named, and the key that made it.</summary>
public sealed record AcknowledgedDecisionWrite(string Stream, long Version, string Actor);

/// <summary>A key's client and name (the actor recorded in its events).</summary>
public sealed record KeyedClient(HttpClient Client, string Name);

/// <summary>
/// Writers that keep proposing, approving and revising decisions on symbols of their own, recording
/// every answer (tagged with the phase of the fault) and every acknowledged write.
/// </summary>
public sealed class DecisionWriters(string baseline)
{
    private int _nextSymbol;

    public ConcurrentQueue<FaultAnswer> Answers { get; } = new();
    public ConcurrentQueue<AcknowledgedDecisionWrite> Acknowledged { get; } = new();

    /// <summary>What the test is doing to the system right now; each answer is tagged with it.</summary>
    public string Phase { get; set; } = "before";

    public int AcknowledgedIn(string phase, string? operation = null) =>
        Answers.Count(a => a.Phase == phase && a.Status is >= 200 and < 300 && (operation is null || a.Operation == operation));

    public Task RunAsync(KeyedClient engineer, KeyedClient assessor, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var symbol = $"FAULT_{Interlocked.Increment(ref _nextSymbol)}";
            var path = $"/api/baselines/{baseline}/decisions";
            var stream = Decision.StreamId(baseline, symbol);
            var version = await WriteAsync("propose", engineer, HttpMethod.Post, path, stream, null,
                new { symbol, value = "y", rationale = "Fault test: the platform needs this symbol." });
            if (version is not null) version = await WriteAsync("approve", assessor, HttpMethod.Post, $"{path}/{symbol}/approve", stream, version, new { });
            if (version is not null) await WriteAsync("revise", engineer, HttpMethod.Put, $"{path}/{symbol}", stream, version,
                new { value = "n", rationale = "Fault test: revised.", reason = "fault test revision" });
            // A failing service answers at once: a short pause keeps the writers from spinning.
            if (version is null) await Task.Delay(20, CancellationToken.None);
        }
    }, CancellationToken.None);

    /// <summary>
    /// Creates baselines: plain appends, batched in the store's group commit (AppendBatcher) beside the
    /// decision writes' decide appends; an outage must not break either kind.
    /// </summary>
    public Task RunBaselineCreatorAsync(KeyedClient engineer, string platform, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var id = $"{baseline}-b{Interlocked.Increment(ref _nextSymbol)}";
            var created = await WriteAsync("create-baseline", engineer, HttpMethod.Post, "/api/baselines", Traceability.Domain.Baselines.Baseline.StreamId(id), null,
                new { id, platform, kernelVersion = "6.1.192", variant = "faults" });
            if (created is null) await Task.Delay(20, CancellationToken.None);
        }
    }, CancellationToken.None);

    private async Task<long?> WriteAsync(string operation, KeyedClient key, HttpMethod method, string path, string stream, long? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\""));
        var phase = Phase;
        try
        {
            using var response = await key.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            Answers.Enqueue(new FaultAnswer(operation, status, response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter?.ToString(), phase));
            if (status is < 200 or >= 300) return null;
            var version = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
            Acknowledged.Enqueue(new AcknowledgedDecisionWrite(stream, version, key.Name));
            return version;
        }
        catch (HttpRequestException)
        {
            Answers.Enqueue(new FaultAnswer(operation, 0, null, null, phase));
            return null;
        }
    }
}
