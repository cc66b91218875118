using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Traceability.Api.Demo;
using Traceability.Projections.Audit;
using Traceability.Projections.Trust;

namespace Traceability.Bench;

public sealed record DemoResults(IReadOnlyList<Timings> Timings, string Facts);

/// <summary>
/// Issue 10's new read-side cases on the demo (its four real Kconfig catalogs in the log): the audit export of
/// arm64-6.1 over HTTP and its offline verification (what verify-export does, with the pinned public key).
/// </summary>
public sealed class DemoCases(ApiHost api, BenchOptions options)
{
    public const string Baseline = "arm64-6.1";

    public async Task<DemoResults> RunAsync()
    {
        var loader = api.Services.GetServices<IHostedService>().OfType<DemoLoader>().Single();
        await loader.ExecuteTask!;
        var (events, catalogs) = await CountAsync();
        var publicKey = api.Services.GetRequiredService<ServiceKey>().PublicKey.PublicKeyPem;

        byte[] zip = [];
        var exports = await ApiCases.Repeat(options.Quick ? 2 : 5, async () => zip = await api.Client.GetByteArrayAsync($"/api/baselines/{Baseline}/audit-export"));
        var verifications = await ApiCases.Repeat(options.Quick ? 2 : 5, () =>
        {
            var result = ExportVerifier.Verify(new MemoryStream(zip), [publicKey]);
            if (!result.Valid) throw new InvalidOperationException("The demo's export did not verify: " + string.Join("; ", result.Lines()));
            return Task.CompletedTask;
        });

        var facts = $"Demo log: {events:N0} events, {catalogs} Kconfig catalogs; export of {Baseline}: {zip.Length / 1024.0:N0} KiB zip, valid offline.";
        return new DemoResults(
        [
            new($"audit export of the demo's {Baseline} (HTTP, signed)", exports, TimeSpan.FromSeconds(2)),
            new($"offline verification of that export (pinned key, every file recomputed)", verifications, TimeSpan.FromSeconds(2)),
        ], facts);
    }

    private async Task<(long Events, long Catalogs)> CountAsync()
    {
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*), count(DISTINCT stream_id) FILTER (WHERE stream_id LIKE 'catalog/%') FROM traceability.mt_events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
