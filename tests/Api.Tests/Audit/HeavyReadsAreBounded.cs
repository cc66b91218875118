using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Http;

namespace Traceability.Api.Tests.Audit;

/// <summary>
/// Issue 13, item 5: exports, verifications and matrix CSVs run at most Limits:ConcurrentHeavyReads at once; past
/// that they are answered at once with a 503 problem and Retry-After, and the rest of the API goes on answering.
/// </summary>
public sealed class HeavyReadsAreBounded(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task With_every_slot_taken_exports_verifications_and_csvs_are_503_with_retry_after_while_other_reads_answer()
    {
        var baseline = (await api.SmallMatrixAsync()).Baseline;
        var export = await api.Viewer.AuditExportAsync(baseline);
        var heavy = api.Services.GetRequiredService<HeavyReads>();
        var slots = Enumerable.Range(0, heavy.Slots).Select(_ => heavy.Enter("the test's hold")).ToList();
        try
        {
            var busy = new[]
            {
                await api.Viewer.GetAsync($"/api/baselines/{baseline}/audit-export"),
                await api.Viewer.PostAsync("/api/audit-exports/verify", new ByteArrayContent(export) { Headers = { ContentType = new("application/zip") } }),
                await api.Viewer.GetAsync($"/api/baselines/{baseline}/matrix?format=csv"),
            };
            foreach (var response in busy)
            {
                await Hardening.Problem.Expect(response, HttpStatusCode.ServiceUnavailable, "Limits:ConcurrentHeavyReads");
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            }
            Assert.Equal(HttpStatusCode.OK, (await api.Viewer.GetAsync($"/api/baselines/{baseline}/matrix")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.Viewer.GetAsync("/api/platforms")).StatusCode);
        }
        finally
        {
            slots.ForEach(s => s.Dispose());
        }
        Assert.Equal(export, await api.Viewer.AuditExportAsync(baseline));
    }

    [Fact]
    public async Task Twelve_exports_at_once_each_answer_a_whole_export_or_a_503_problem_and_an_unrelated_read_still_answers()
    {
        var baseline = (await api.SmallMatrixAsync()).Baseline;
        var expected = await api.Viewer.AuditExportAsync(baseline);

        var exports = Enumerable.Range(0, 12).Select(_ => api.Viewer.GetAsync($"/api/baselines/{baseline}/audit-export")).ToList();
        var unrelated = await api.Viewer.GetAsync("/api/platforms");
        var answers = await Task.WhenAll(exports);

        Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.OK) Assert.Equal(expected, await answer.Content.ReadAsByteArrayAsync());
            else await Hardening.Problem.Expect(answer, HttpStatusCode.ServiceUnavailable, "Limits:ConcurrentHeavyReads");
        }
        // The slots are free again once the answers are in: a slot is never lost.
        Assert.Equal(expected, await api.Viewer.AuditExportAsync(baseline));
        var heavy = api.Services.GetRequiredService<HeavyReads>();
        var all = Enumerable.Range(0, heavy.Slots).Select(_ => heavy.Enter("the test's count")).ToList();
        all.ForEach(s => s.Dispose());
    }
}
