using Traceability.Projections.Trust;

namespace Traceability.Testing;

/// <summary>
/// One service signing key for the whole test run, given to every host and process it starts (as an
/// operator gives one key to every instance), so no test writes a generated key next to the binaries.
/// </summary>
public static class TestKeys
{
    private static readonly Lazy<string> Pem = new(() =>
    {
        using var key = Traceability.Projections.Trust.ServiceKey.Generate();
        return key.ExportPrivateKeyPem();
    });

    public const string Setting = "Audit:SigningKey";

    public static string ServiceKeyPem => Pem.Value;

    public static ServiceKey ServiceKey() => Traceability.Projections.Trust.ServiceKey.FromPem(ServiceKeyPem);
}
