using System.Net;
using System.Security.Cryptography;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Audit;

/// <summary>The service with an ECDSA P-256 signing key generated for the test run.</summary>
public sealed class SigningApiFixture : ApiFixture
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Four exports at once race for the first signature of a manifest: the heavy-read limit must let them all run.</summary>
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Audit:SigningKey"] = Key.ExportPkcs8PrivateKeyPem(), ["Limits:ConcurrentHeavyReads"] = "4" };
}

public sealed class SignedExports(SigningApiFixture api) : IClassFixture<SigningApiFixture>
{
    [Fact]
    public async Task A_signed_export_verifies_against_the_published_key_and_says_when_the_key_is_not_pinned()
    {
        var zip = await ExportAsync();
        Assert.Equal("manifest.sig", AuditExportScenarios.AuditEntries(zip)[^1].Name);
        var published = await api.Viewer.GetStringAsync("/api/audit/public-key");
        Assert.Equal(SigningApiFixture.PublicKeyPem, published);
        var pinned = AuditExportScenarios.AuditVerify(zip, published);
        Assert.True(pinned.Valid);
        Assert.StartsWith("signature valid for the pinned public key", pinned.Checks.Single(c => c.Name == ExportVerifier.Signature).Detail, StringComparison.Ordinal);
        var unpinned = AuditExportScenarios.AuditVerify(zip);
        Assert.StartsWith("signature valid for the embedded key", unpinned.Checks.Single(c => c.Name == ExportVerifier.Signature).Detail, StringComparison.Ordinal);
        Assert.Contains("NOT pinned", unpinned.Checks.Single(c => c.Name == ExportVerifier.Signature).Detail, StringComparison.Ordinal);
        Assert.Contains("IEEE P1363", ExportingBaselines.Entry(zip, "manifest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_signed_exports_of_the_same_moment_are_byte_identical()
    {
        var baseline = (await api.SmallMatrixAsync()).Baseline;
        var exports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.Viewer.AuditExportAsync(baseline)));

        Assert.All(exports, zip => Assert.Equal(exports[0], zip));
        Assert.Contains("manifest.sig", AuditExportScenarios.AuditEntries(exports[0]).Select(e => e.Name));
    }

    [Fact]
    public async Task Another_key_or_a_flipped_byte_in_the_manifest_or_the_signature_fails_the_signature()
    {
        var zip = await ExportAsync();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongKey = AuditExportScenarios.AuditVerify(zip, other.ExportSubjectPublicKeyInfoPem());
        Assert.StartsWith("manifest.sig: not a valid signature of manifest.json by a pinned public key",
            Assert.Single(wrongKey.Failures, f => f.Check == ExportVerifier.Signature).Message, StringComparison.Ordinal);
        // Pinned to another key, the events are not the service's either.
        Assert.Contains(wrongKey.Failures, f => f.Check == ExportVerifier.Chain && f.Field == "auth");
        foreach (var file in new[] { "manifest.json", "manifest.sig" })
        {
            var flipped = AuditExportScenarios.AuditVerify(
                AuditExportScenarios.AuditReplace(zip, file, c => AuditExportScenarios.AuditFlipByte(c, 0.3)), SigningApiFixture.PublicKeyPem);
            var failure = Assert.Single(flipped.Failures, f => f.Check == ExportVerifier.Signature);
            Assert.Equal("manifest.sig", failure.File);
        }
    }

    [Fact]
    public async Task The_public_key_needs_a_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/audit/public-key")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Viewer.GetAsync("/api/audit/public-key")).StatusCode);
    }

    private async Task<byte[]> ExportAsync() => await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline);
}
