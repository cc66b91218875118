using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.Audit;

using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Audit;

/// <summary>
/// The security review's finding, end to end: an assessor's approval INSERTed with the service's own runtime
/// credentials. Release 0.1.0 verified the log as valid, signed an export of it and the offline verifier
/// said VALID; now verify names the position, the export is refused (or made unsigned on request) and the
/// offline verifier says INVALID.
/// </summary>
public sealed class ForgedApproval(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_approval_forged_with_the_runtime_role_is_named_by_verify_refused_for_export_and_invalid_offline()
    {
        var baseline = await api.CreateBaselineAsync();
        await api.ProposedDecisionAsync(baseline, "PREEMPT_RT");
        Assert.True((await api.Viewer.GetFromJsonAsync<JsonElement>("/api/events/verify")).GetProperty("valid").GetBoolean());

        await ForgeApprovalAsync(api, baseline, "PREEMPT_RT");
        var verify = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/events/verify");
        var forgedAt = (await api.EventsOfAsync(Decision.StreamId(baseline, "PREEMPT_RT")))[^1].Position;

        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(forgedAt, verify.GetProperty("firstBrokenPosition").GetInt64());
        Assert.Contains("not written through the service", verify.GetProperty("problem").GetString(), StringComparison.Ordinal);
        var refused = await api.Viewer.GetAsync($"/api/baselines/{baseline}/audit-export");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"position {forgedAt}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var flagged = await api.Viewer.AuditExportAsync(baseline, "?unverified=true");
        Assert.DoesNotContain("manifest.sig", AuditExportScenarios.AuditEntries(flagged).Select(e => e.Name));
        var offline = AuditExportScenarios.AuditVerify(flagged, await api.Viewer.GetStringAsync("/api/audit/public-key"));
        Assert.False(offline.Valid);
        Assert.Contains(offline.Failures, f => f.Check == ExportVerifier.Chain && f.Position == forgedAt && f.Field == "auth");
        Assert.Contains(offline.Failures, f => f.Check == ExportVerifier.Signature);
    }

    /// <summary>The review's INSERT: an approval by an assessor, made up with the runtime role's credentials.</summary>
    internal static async Task ForgeApprovalAsync(ApiFixture api, string baseline, string symbol)
    {
        await using var runtime = new NpgsqlConnection(api.RuntimeConnectionString);
        await runtime.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO traceability.mt_events (seq_id, id, stream_id, version, data, type, "timestamp", headers, user_name)
            VALUES (nextval('traceability.mt_events_sequence'), gen_random_uuid(), $1, 2, $2::jsonb, 'decision_approved', now(), '{"role":"assessor"}', 'assessor-1')
            """, runtime);
        insert.Parameters.Add(new() { Value = Decision.StreamId(baseline, symbol) });
        insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(new { baseline, symbol, revision = 1, meaning = "Approved" }) });
        await insert.ExecuteNonQueryAsync();
    }
}
