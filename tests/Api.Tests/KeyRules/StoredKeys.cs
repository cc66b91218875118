using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Audit;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Tests.KeyRules;

/// <summary>
/// Issue 13 item 6: what the database and the exports hold about a key. Neither holds anything a key can be
/// guessed from offline (the stored verifier is keyed with a secret kept outside the database), and keys
/// issued before that, stored as plain SHA-256 in events that cannot change, still sign in.
/// </summary>
public sealed class StoredKeys(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Neither_the_key_table_nor_the_event_log_holds_the_keys_plain_sha256()
    {
        var key = await api.IssuedKeyAsync("hashed-viewer", "viewer", "Frank");
        var sha = KeyScenarios.Sha256Hex(key);

        var stored = await KeyScenarios.ScalarAsync(api.ConnectionString, "SELECT key_hash FROM traceability.api_keys WHERE name = 'hashed-viewer'");
        Assert.NotEqual("", stored);
        Assert.NotEqual(sha, stored);
        Assert.Equal("0", await KeyScenarios.ScalarAsync(api.ConnectionString,
            "SELECT count(*) FROM traceability.mt_events WHERE strpos(data::text, $1) > 0 OR strpos(data::text, $2) > 0", sha, key));
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_key_issued_before_keyed_hashing_still_signs_in_and_is_revoked_as_before()
    {
        var key = ApiKeyStore.NewKey();
        await api.Services.GetRequiredService<EventLog>().AppendAsync(
            StreamAppend.Start(ApiKeyEvents.StreamId("old-viewer"), new ApiKeyIssued("old-viewer", "viewer", KeyScenarios.Sha256Hex(key))),
            new EventMetadata("bootstrap-admin"));

        var me = await api.Client(key).GetStringAsync("/api/me");
        Assert.Contains("old-viewer", me, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync("/api/keys/old-viewer?reason=rotated")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(key).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task No_export_file_carries_a_key_its_hash_or_its_stored_verifier()
    {
        var key = await api.IssuedKeyAsync("exported-engineer", "engineer", "Grace");
        var verifier = await KeyScenarios.ScalarAsync(api.ConnectionString, "SELECT key_hash FROM traceability.api_keys WHERE name = 'exported-engineer'");
        var small = await api.SmallMatrixAsync();

        var zip = await api.Viewer.AuditExportAsync(small.Baseline);

        var secrets = new[] { key, KeyScenarios.Sha256Hex(key), verifier, KeyScenarios.Sha256Hex(ApiFixture.AdminKey) };
        foreach (var (name, content) in AuditExportScenarios.AuditEntries(zip))
        {
            var text = Encoding.UTF8.GetString(content);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("keyHash", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
