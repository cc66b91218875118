using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Domain.Decisions;

namespace Traceability.Bench.Load;

/// <summary>A key as the service issued it: the name (the actor in events) and the secret.</summary>
public sealed record LoadKey(string Name, string Secret);

/// <summary>
/// One client: reads a random symbol's decision and moves it on with the ETag it read (propose when
/// absent, approve or revise when proposed, revise when approved or rejected). Clients share the
/// symbols, so they race: 409 and 412 are expected answers, counted, not errors.
/// </summary>
public sealed class LoadClient(Uri address, string baseline, IReadOnlyList<string> symbols, LoadKey engineer, LoadKey assessor, int seed, LoadStats stats)
{
    private readonly HttpClient _engineer = Client(address, engineer);
    private readonly HttpClient _assessor = Client(address, assessor);
    private readonly Random _random = new(seed);
    private long _step;

    public async Task RunUntilAsync(CancellationToken deadline)
    {
        try
        {
            // The deadline stops new steps only: a request in flight finishes, so every answer is counted.
            while (!deadline.IsCancellationRequested) await StepAsync();
        }
        finally
        {
            _engineer.Dispose();
            _assessor.Dispose();
        }
    }

    private async Task StepAsync()
    {
        var symbol = symbols[_random.Next(symbols.Count)];
        var path = $"/api/baselines/{baseline}/decisions";
        using var read = await SendAsync("get", _engineer, HttpMethod.Get, $"{path}/{symbol}", null, null);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            await WriteAsync("propose", _engineer, engineer, HttpMethod.Post, path, symbol, null,
                new { symbol, value = Value(), rationale = Rationale(symbol) });
            return;
        }
        if (!read.IsSuccessStatusCode) return;
        var etag = read.Headers.ETag;
        var status = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        if (status == "proposed" && _random.Next(2) == 0)
            await WriteAsync("approve", _assessor, assessor, HttpMethod.Post, $"{path}/{symbol}/approve", symbol, etag, new { });
        else if (status is "proposed" or "approved" or "rejected")
            await WriteAsync("revise", _engineer, engineer, HttpMethod.Put, $"{path}/{symbol}", symbol, etag,
                new { value = Value(), rationale = Rationale(symbol), reason = $"load step {++_step}" });
    }

    private async Task WriteAsync(string operation, HttpClient client, LoadKey key, HttpMethod method, string path, string symbol,
        EntityTagHeaderValue? etag, object body)
    {
        using var response = await SendAsync(operation, client, method, path, etag, JsonContent.Create(body));
        if (!response.IsSuccessStatusCode) return;
        var version = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        stats.Acknowledge(new AcknowledgedWrite(Decision.StreamId(baseline, symbol), version, key.Name, operation));
    }

    private async Task<HttpResponseMessage> SendAsync(string operation, HttpClient client, HttpMethod method, string path,
        EntityTagHeaderValue? etag, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (etag is not null) request.Headers.IfMatch.Add(etag);
        var watch = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        stats.Record(operation, (int)response.StatusCode, watch.Elapsed);
        if ((int)response.StatusCode >= 500)
            stats.ServerError($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private string Value() => _random.Next(3) switch { 0 => "y", 1 => "m", _ => "n" };

    private static string Rationale(string symbol) => $"Load test rationale for {symbol}: the platform's safety case needs this value.";

    private static HttpClient Client(Uri address, LoadKey key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        return client;
    }
}
