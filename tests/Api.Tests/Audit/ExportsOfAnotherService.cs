using Traceability.Projections.Audit;
using Traceability.Testing;

namespace Traceability.Api.Tests.Audit;

/// <summary>The service after a key rotation: a new signing key, the run's earlier key kept in Audit:TrustedPublicKeys.</summary>
public sealed class RotatedKeyApiFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        [TestKeys.Setting] = NewKeyPem(),
        ["Audit:TrustedPublicKeys:0"] = TestKeys.ServiceKey().PublicKey.PublicKeyPem,
    };

    private static string NewKeyPem()
    {
        using var key = Traceability.Projections.Trust.ServiceKey.Generate();
        return key.ExportPrivateKeyPem();
    }
}

/// <summary>
/// POST /api/audit-exports/verify pins the service's own keys. Before, it trusted the keys an export embeds, so an
/// export made on another deployment (its own key, whatever history its owner typed in) verified as valid here.
/// </summary>
public sealed class ExportsOfAnotherService(SigningApiFixture service, ApiFixture other, RotatedKeyApiFixture rotated)
    : IClassFixture<SigningApiFixture>, IClassFixture<ApiFixture>, IClassFixture<RotatedKeyApiFixture>
{
    [Fact]
    public async Task An_export_signed_by_another_deployment_is_invalid_at_this_service_naming_the_signature_and_the_events()
    {
        var foreign = await other.Viewer.AuditExportAsync((await other.SmallMatrixAsync()).Baseline);
        Assert.True(AuditExportScenarios.AuditVerify(foreign).Valid); // intact under the key it embeds, which proves nothing

        var verdict = await service.Viewer.VerifyAuditExportAsync(foreign);

        Assert.False(verdict.Valid);
        Assert.StartsWith("manifest.sig: not a valid signature of manifest.json by a pinned public key",
            Assert.Single(verdict.Failures, f => f.Check == ExportVerifier.Signature).Message, StringComparison.Ordinal);
        Assert.Contains(verdict.Failures, f => f.Check == ExportVerifier.Chain && f.Field == "auth");
    }

    [Fact]
    public async Task The_service_own_export_verifies_against_its_pinned_key()
    {
        var own = await service.Viewer.AuditExportAsync((await service.SmallMatrixAsync()).Baseline);

        var verdict = await service.Viewer.VerifyAuditExportAsync(own);

        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures.Select(f => f.Message)));
        Assert.StartsWith("signature valid for the pinned public key",
            verdict.Checks.Single(c => c.Name == ExportVerifier.Signature).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_key_rotation_an_export_signed_by_the_earlier_trusted_key_still_verifies()
    {
        var before = await other.Viewer.AuditExportAsync((await other.SmallMatrixAsync()).Baseline);

        var verdict = await rotated.Viewer.VerifyAuditExportAsync(before);

        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures.Select(f => f.Message)));
    }
}
