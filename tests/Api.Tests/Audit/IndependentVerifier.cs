using Traceability.Testing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Tests.Audit;

/// <summary>
/// scripts/verify-export.py is a second implementation of the export's integrity rules, written from what the
/// manifest states with Python's standard library only. It must agree with the service: VALID on the service's own
/// exports (text that needs escaping included), INVALID with the place on each kind of tampering, on another service's
/// key and on the security review's forged approval.
/// </summary>
public sealed class IndependentVerifier(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>What canonical JSON must escape or keep: tab, line feed, quotes, backslash, and characters beyond ASCII and beyond the BMP.</summary>
    private const string Awkward = "Tabs\tand lines\nstay; \"quotes\", back\\slashes, <tags> & ampersands, é, ✓, 😀 beyond the BMP ";

    [Fact]
    public async Task The_service_s_signed_export_is_VALID_with_its_events_re_digested_to_the_same_head()
    {
        var (zip, key, _) = await ExportAsync();
        Assert.Contains("😀", ExportingBaselines.Entry(zip, "events.jsonl"), StringComparison.Ordinal);

        var run = await RunAsync(zip, key);

        Assert.True(run.ExitCode == 0, run.ToString());
        var head = ExportingBaselines.Manifest(zip).GetProperty("chain").GetProperty("head").GetString()!;
        Assert.Contains($"to head {head},", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("VALID: every check passed.\n", run.Stdout, StringComparison.Ordinal);
        Assert.True(AuditExportScenarios.AuditVerify(zip, key).Valid);
    }

    [Fact]
    public async Task An_event_changed_with_the_manifest_rehashed_is_INVALID_at_its_position_and_the_manifest_unsigned()
    {
        var (zip, key, baseline) = await ExportAsync();
        var lines = ExportingBaselines.Entry(zip, "events.jsonl").TrimEnd('\n').Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains($"\"stream\":\"{Decision.StreamId(baseline, "FUTEX")}\"", StringComparison.Ordinal)
            && l.Contains("\"type\":\"decision_approved\"", StringComparison.Ordinal));
        var line = JsonNode.Parse(lines[index])!;
        line["user"] = "someone-else";
        lines[index] = line.ToJsonString();
        var events = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        var run = await RunAsync(TamperedExports.Rehashed(AuditExportScenarios.AuditReplace(zip, "events.jsonl", _ => events), "events.jsonl", events), key);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"events.jsonl position {index + 1} (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the event was changed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("manifest.sig: not a valid signature of manifest.json by a pinned key", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_append_signature_with_one_bit_flipped_is_INVALID_at_that_append_for_both_verifiers()
    {
        var (zip, key, _) = await ExportAsync();
        var lines = ExportingBaselines.Entry(zip, "events.jsonl").TrimEnd('\n').Split('\n');
        // An append of one event that the export carries without its payload: the signature is all that vouches for its digest.
        var index = Array.FindIndex(lines, l => !l.Contains("\"data\":", StringComparison.Ordinal) && l.Contains("\"count\":1,\"index\":1,", StringComparison.Ordinal));
        var signature = JsonNode.Parse(lines[index])!["auth"]!["signature"]!.GetValue<string>();
        var flipped = Convert.FromBase64String(signature);
        flipped[5] ^= 0x01;
        lines[index] = lines[index].Replace(signature, Convert.ToBase64String(flipped), StringComparison.Ordinal);
        var events = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var tampered = TamperedExports.Rehashed(AuditExportScenarios.AuditReplace(zip, "events.jsonl", _ => events), "events.jsonl", events);

        var run = await RunAsync(tampered, key);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"events.jsonl position {index + 1}: not signed by the service", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(AuditExportScenarios.AuditVerify(tampered, key).Failures,
            f => f.Check == Projections.Audit.ExportVerifier.Chain && f.Position == index + 1 && f.Field == "auth");
    }

    [Fact]
    public async Task A_flipped_byte_in_decisions_json_is_INVALID_naming_the_file()
    {
        var (zip, key, _) = await ExportAsync();

        var run = await RunAsync(AuditExportScenarios.AuditReplace(zip, "decisions.json", c => AuditExportScenarios.AuditFlipByte(c)), key);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("decisions.json: SHA-256 is", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinning_another_service_s_key_makes_the_export_INVALID()
    {
        var (zip, _, _) = await ExportAsync();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var run = await RunAsync(zip, other.ExportSubjectPublicKeyInfoPem());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("manifest.sig: not a valid signature of manifest.json by a pinned key", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("which is not a pinned key", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_s_forged_approval_is_INVALID_named_by_its_position()
    {
        var baseline = await api.CreateBaselineAsync();
        await api.ProposedDecisionAsync(baseline, "PREEMPT_RT");
        await ForgedApproval.ForgeApprovalAsync(api, baseline, "PREEMPT_RT");
        var forgedAt = (await api.EventsOfAsync(Decision.StreamId(baseline, "PREEMPT_RT")))[^1].Position;

        var run = await RunAsync(await api.Viewer.AuditExportAsync(baseline, "?unverified=true"), await PublicKeyAsync());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"events.jsonl position {forgedAt} has no signature of the service", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("manifest.sig: the export is not signed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_line_longer_than_any_export_s_is_INVALID_without_being_read_whole()
    {
        var (zip, key, _) = await ExportAsync();
        // 17 MiB of spaces inside the first line: a few kilobytes compressed, more than the 16 MiB either verifier holds.
        var events = Encoding.UTF8.GetBytes(ExportingBaselines.Entry(zip, "events.jsonl").Insert(1, new string(' ', 17 << 20)));
        var tampered = TamperedExports.Rehashed(AuditExportScenarios.AuditReplace(zip, "events.jsonl", _ => events), "events.jsonl", events);

        var run = await RunAsync(tampered, key);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("events.jsonl line 1: longer than any event line of an export", run.Stdout, StringComparison.Ordinal);
        var refused = Assert.Throws<Projections.Audit.ExportLimitExceeded>(() => AuditExportScenarios.AuditVerify(tampered, key));
        Assert.Contains("events.jsonl line 1 is longer than 16 MiB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_it_cannot_use_are_exit_status_2_with_the_reason()
    {
        var run = await RunAsync("not a zip"u8.ToArray(), await PublicKeyAsync());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("cannot check:", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A baseline whose approved decision's rationale needs escaping, exported signed; the service's public key; the baseline.</summary>
    private async Task<(byte[] Zip, string Key, string Baseline)> ExportAsync()
    {
        var baseline = await api.CreateBaselineAsync();
        (await api.ImportConfigAsync(baseline, MatrixScenarios.Config(("FUTEX", "y"), ("SECCOMP", "y")))).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "FUTEX", "y", rationale: Awkward);
        await api.ApproveAsync(baseline, "FUTEX");
        await api.DecideAsync(baseline, "SECCOMP", "n");
        return (await api.Viewer.AuditExportAsync(baseline), await PublicKeyAsync(), baseline);
    }

    private Task<string> PublicKeyAsync() => api.Viewer.GetStringAsync("/api/audit/public-key");

    private static Task<ProcessRun> RunAsync(byte[] zip, string publicKeyPem) => VerifyExportPy.RunAsync(zip, publicKeyPem);
}
